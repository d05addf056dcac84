namespace CloudEconomics.Power;

/// <summary>The kind of generation behind a power contract.</summary>
public enum EnergySourceKind
{
    /// <summary>Solar photovoltaic.</summary>
    Solar = 0,
    /// <summary>Onshore or offshore wind.</summary>
    Wind = 1,
    /// <summary>Hydroelectric.</summary>
    Hydro = 2,
    /// <summary>Conventional (large) nuclear, such as Talen's Susquehanna plant.</summary>
    Nuclear = 3,
    /// <summary>Small modular reactor, such as X-energy's Xe-100 (80 MWe units).</summary>
    SmallModularReactor = 4,
    /// <summary>Natural gas.</summary>
    Gas = 5,
    /// <summary>A utility tariff (grid supply under contract).</summary>
    GridTariff = 6,
}

/// <summary>How a contract's energy arrives over time.</summary>
public enum DeliveryShape
{
    /// <summary>The contracted capacity every hour of the term (capacity factor 1).</summary>
    Baseload = 0,
    /// <summary>
    /// Whatever the plant generates: contracted capacity x a capacity factor in [0, 1], constant or given for each
    /// calendar month.
    /// </summary>
    AsGenerated = 1,
}

/// <summary>How a contract settles.</summary>
public enum SettlementKind
{
    /// <summary>Energy is delivered to the buyer's load and paid at the contract price.</summary>
    Physical = 0,
    /// <summary>
    /// A virtual PPA: a contract for difference. No energy reaches the load (the buyer still buys its need from the
    /// grid); each generated MWh settles (strike - market) in cash. The settlement is a cost when the market is below
    /// the strike and a gain (a negative cost) when it is above.
    /// </summary>
    VirtualContractForDifference = 1,
}
