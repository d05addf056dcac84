using System.Globalization;
using CloudEconomics.Power;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Ownership;

/// <summary>The parts of an owned cluster's total cost of ownership.</summary>
public enum TcoComponentKind
{
    /// <summary>Depreciation of servers, networking (less salvage) and the facility shell and power infrastructure.</summary>
    Depreciation = 0,
    /// <summary>The cost of capital on the equity-financed net book value plus loan interest.</summary>
    Financing = 1,
    /// <summary>Energy for the facility (IT load x PUE), from a flat price or a PPA portfolio.</summary>
    Energy = 2,
    /// <summary>Maintenance as a percentage of capex.</summary>
    Maintenance = 3,
    /// <summary>Staff.</summary>
    Staff = 4,
    /// <summary>Space (rent, colocation, property tax).</summary>
    Space = 5,
}

/// <summary>One component of a TCO over the horizon.</summary>
/// <param name="Kind">The component.</param>
/// <param name="Total">Its total over the horizon.</param>
/// <param name="PerAcceleratorHour">Total / accelerator-hours owned (money per owned accelerator-hour).</param>
/// <param name="PerUtilizedAcceleratorHour">Total / accelerator-hours used (owned hours x utilisation); null at zero utilisation.</param>
public sealed record TcoComponent(TcoComponentKind Kind, Money Total, Money PerAcceleratorHour, Money? PerUtilizedAcceleratorHour);

/// <summary>One month (a period from one monthly anniversary of commissioning to the next) of a TCO.</summary>
/// <param name="Start">The first day of the period (commissioning date plus a whole number of months).</param>
/// <param name="Hours">Hours in the period (days x 24).</param>
/// <param name="Depreciation">Depreciation.</param>
/// <param name="Financing">Cost of capital plus loan interest.</param>
/// <param name="Energy">Energy.</param>
/// <param name="Maintenance">Maintenance.</param>
/// <param name="Staff">Staff.</param>
/// <param name="Space">Space.</param>
/// <param name="OpeningBookValue">Net book value at the start of the period.</param>
public sealed record TcoMonth(LocalDate Start, double Hours, Money Depreciation, Money Financing, Money Energy, Money Maintenance, Money Staff, Money Space, Money OpeningBookValue)
{
    /// <summary>The sum of the six components.</summary>
    public Money Total => Depreciation + Financing + Energy + Maintenance + Staff + Space;

    /// <summary>Operating cash costs (energy, maintenance, staff, space): what the cluster spends to run.</summary>
    public Money OperatingCost => Energy + Maintenance + Staff + Space;
}

/// <summary>Capex by part.</summary>
/// <param name="Servers">Servers x server price.</param>
/// <param name="Networking">Networking (share of server capex or explicit).</param>
/// <param name="Facility">Facility capex per MW x IT capacity (MW).</param>
public sealed record ClusterCapex(Money Servers, Money Networking, Money Facility)
{
    /// <summary>IT capex: servers + networking (depreciated over the IT useful life).</summary>
    public Money It => Servers + Networking;

    /// <summary>Total capex.</summary>
    public Money Total => Servers + Networking + Facility;
}

/// <summary>Owning compared with renting at a price per accelerator-hour.</summary>
/// <param name="OwnedPerUtilizedAcceleratorHour">The owned cluster's TCO per used accelerator-hour (the breakeven rental price).</param>
/// <param name="RentalPerAcceleratorHour">The rental price per accelerator-hour (paid only for the hours used).</param>
/// <param name="SavingPerUtilizedAcceleratorHour">Rental - owned per used hour; negative when renting is cheaper.</param>
/// <param name="OwnedToRentalRatio">Owned / rental.</param>
/// <param name="SavingOverHorizon">Saving per used hour x used accelerator-hours over the horizon; negative when renting is cheaper.</param>
public sealed record BuildVersusRent(PricePerHour OwnedPerUtilizedAcceleratorHour, PricePerHour RentalPerAcceleratorHour, Money SavingPerUtilizedAcceleratorHour, decimal OwnedToRentalRatio, Money SavingOverHorizon)
{
    /// <summary>Whether owning costs less per used accelerator-hour than renting.</summary>
    public bool OwningIsCheaper => SavingPerUtilizedAcceleratorHour.Amount > 0;
}

/// <summary>
/// The total cost of ownership of an <see cref="OwnedCluster"/> over its horizon, month by month and by component,
/// with the cost per accelerator-hour and the breakeven rental price.
/// </summary>
/// <remarks>
/// <para>Periods are monthly anniversaries of the commissioning date, each date computed from the start (never step
/// by step); hours = days x 24. Annual amounts (maintenance, staff, space) are charged 1/12 a month.</para>
/// <para>Depreciation is straight-line by month: IT capex less salvage over the IT life (with a prospective change
/// of life if given), facility capex over its own life with no salvage; nothing is charged after a life ends.
/// Financing = equity share x opening net book value x ((1 + cost of capital)^(1/12) - 1), plus the interest of the
/// loan's monthly annuity. Energy = facility need (IT draw at the utilisation x PUE x hours) x the flat price, or the
/// PPA portfolio's cost of the month.</para>
/// <para>Per-hour figures divide each component's total by accelerator-hours (owned) or by accelerator-hours x
/// utilisation (used); the totals per hour are the sums of the components' per-hour figures, so the components
/// always add up to the total.</para>
/// </remarks>
public sealed class ClusterTco
{
    private ClusterTco(OwnedCluster cluster, ClusterCapex capex, IReadOnlyList<TcoMonth> months, double acceleratorHours)
    {
        Cluster = cluster;
        Capex = capex;
        Months = months;
        AcceleratorHours = acceleratorHours;
        UtilizedAcceleratorHours = acceleratorHours * cluster.Facility.Utilization;
        var currency = cluster.Currency;
        Money Sum(Func<TcoMonth, Money> f) => Money.Sum(months.Select(f), currency);
        var totals = new (TcoComponentKind, Money)[]
        {
            (TcoComponentKind.Depreciation, Sum(m => m.Depreciation)),
            (TcoComponentKind.Financing, Sum(m => m.Financing)),
            (TcoComponentKind.Energy, Sum(m => m.Energy)),
            (TcoComponentKind.Maintenance, Sum(m => m.Maintenance)),
            (TcoComponentKind.Staff, Sum(m => m.Staff)),
            (TcoComponentKind.Space, Sum(m => m.Space)),
        };
        decimal owned = (decimal)acceleratorHours;
        decimal used = (decimal)UtilizedAcceleratorHours;
        Components = totals.Select(t => new TcoComponent(t.Item1, t.Item2, t.Item2 / owned, used > 0 ? t.Item2 / used : null)).ToArray();
        Total = Money.Sum(Components.Select(c => c.Total), currency);
        PerAcceleratorHour = Money.Sum(Components.Select(c => c.PerAcceleratorHour), currency);
        PerUtilizedAcceleratorHour = used > 0 ? Money.Sum(Components.Select(c => c.PerUtilizedAcceleratorHour!.Value), currency) : null;
    }

    /// <summary>The cluster.</summary>
    public OwnedCluster Cluster { get; }

    /// <summary>Capex by part.</summary>
    public ClusterCapex Capex { get; }

    /// <summary>Each month of the horizon.</summary>
    public IReadOnlyList<TcoMonth> Months { get; }

    /// <summary>The components in the order of <see cref="TcoComponentKind"/>.</summary>
    public IReadOnlyList<TcoComponent> Components { get; }

    /// <summary>Total cost over the horizon (the sum of the components).</summary>
    public Money Total { get; }

    /// <summary>Accelerator-hours owned over the horizon (accelerators x hours).</summary>
    public double AcceleratorHours { get; }

    /// <summary>Accelerator-hours used (owned x utilisation).</summary>
    public double UtilizedAcceleratorHours { get; }

    /// <summary>TCO per owned accelerator-hour (the sum of the components' figures).</summary>
    public Money PerAcceleratorHour { get; }

    /// <summary>TCO per used accelerator-hour (the sum of the components' figures); null at zero utilisation.</summary>
    public Money? PerUtilizedAcceleratorHour { get; }

    /// <summary>
    /// The rental price per accelerator-hour at which renting out the cluster's used hours recovers its TCO, cost
    /// of capital included: <see cref="PerUtilizedAcceleratorHour"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The utilisation is zero (no hour is sold) or the TCO is negative.</exception>
    public PricePerHour BreakevenRentalPrice
        => PerUtilizedAcceleratorHour is { } p && p.Amount >= 0
            ? new PricePerHour(p)
            : throw new InvalidOperationException("No breakeven rental price: the cluster's utilisation is zero or its TCO is negative.");

    /// <summary>The non-energy cost per owned accelerator-hour (depreciation, financing, maintenance, staff, space), for the kernel tier.</summary>
    public Money NonEnergyPerAcceleratorHour => Money.Sum(Components.Where(c => c.Kind != TcoComponentKind.Energy).Select(c => c.PerAcceleratorHour), Cluster.Currency);

    /// <summary>A component by kind.</summary>
    /// <param name="kind">The component.</param>
    /// <returns>The component.</returns>
    public TcoComponent this[TcoComponentKind kind] => Components[(int)kind];

    /// <summary>Compares owning with renting at a price per accelerator-hour.</summary>
    /// <param name="rentalPerAcceleratorHour">The rental price of one accelerator-hour, in the cluster's currency.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The price is in another currency.</exception>
    /// <exception cref="InvalidOperationException">See <see cref="BreakevenRentalPrice"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rental price is zero.</exception>
    public BuildVersusRent CompareWithRental(PricePerHour rentalPerAcceleratorHour)
    {
        var owned = BreakevenRentalPrice;
        if (rentalPerAcceleratorHour.PerHour.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rentalPerAcceleratorHour), rentalPerAcceleratorHour, "The rental price must be greater than zero to compare with.");
        }
        var saving = rentalPerAcceleratorHour.PerHour - owned.PerHour;
        return new BuildVersusRent(owned, rentalPerAcceleratorHour, saving, owned / rentalPerAcceleratorHour, saving * (decimal)UtilizedAcceleratorHours);
    }

    /// <summary>Compares owning with renting an instance that holds several accelerators (price per instance-hour / accelerators).</summary>
    /// <param name="instancePerHour">The price of one instance-hour (for example p5.48xlarge on-demand).</param>
    /// <param name="acceleratorsPerInstance">Accelerators in the instance (8 for p5.48xlarge); greater than zero.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="acceleratorsPerInstance"/> is not positive, or the price is zero.</exception>
    /// <exception cref="CurrencyMismatchException">The price is in another currency.</exception>
    /// <exception cref="InvalidOperationException">See <see cref="BreakevenRentalPrice"/>.</exception>
    public BuildVersusRent CompareWithRental(PricePerHour instancePerHour, int acceleratorsPerInstance)
    {
        if (acceleratorsPerInstance <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(acceleratorsPerInstance), acceleratorsPerInstance, $"Accelerators per instance must be greater than zero; it was {acceleratorsPerInstance}.");
        }
        return CompareWithRental(instancePerHour / acceleratorsPerInstance);
    }

    /// <summary>
    /// Compares owning with renting through a catalog offer: an instance offer's hourly price is divided by the
    /// instance's accelerators (p5.48xlarge: 8); a per-accelerator offer or instance is used as is.
    /// </summary>
    /// <param name="offer">The offer, for example AWS p5.48xlarge on-demand valid on a date.</param>
    /// <param name="catalog">The catalog that holds the offer's instance type.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The offer has no hourly price, its instance is not in the catalog, or the instance's accelerator count is unknown.</exception>
    /// <exception cref="CurrencyMismatchException">The offer is in another currency.</exception>
    /// <exception cref="InvalidOperationException">See <see cref="BreakevenRentalPrice"/>.</exception>
    public BuildVersusRent CompareWithOffer(CloudEconomics.Catalog.PriceOffer offer, CloudEconomics.Catalog.CloudCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(catalog);
        if (offer.HourlyPrice.Value is not { } price)
        {
            throw new ArgumentException($"Offer '{offer.Id}' has no hourly price to compare with.", nameof(offer));
        }
        if (offer.InstanceId is null)
        {
            return CompareWithRental(price);
        }
        var instance = catalog.FindInstance(offer.InstanceId)
            ?? throw new ArgumentException($"Offer '{offer.Id}' refers to instance '{offer.InstanceId}', which the catalog does not hold.", nameof(catalog));
        if (instance.Billing == CloudEconomics.Catalog.BillingUnit.PerAccelerator)
        {
            return CompareWithRental(price);
        }
        int accelerators = instance.Accelerators
            ?? throw new ArgumentException($"Instance '{instance.Id}' has no known accelerator count; pass the price per accelerator-hour to CompareWithRental instead.", nameof(offer));
        return CompareWithRental(price, accelerators);
    }

    /// <summary>Computes the TCO of a cluster.</summary>
    /// <param name="cluster">The cluster; validated with <see cref="OwnedClusterValidator"/>.</param>
    /// <returns>The TCO.</returns>
    /// <exception cref="ValidationException"><paramref name="cluster"/> breaks a rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The power portfolio's grid path has no price for a month of the horizon.</exception>
    public static ClusterTco Calculate(OwnedCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        OwnedClusterValidator.Instance.ValidateAndThrow(cluster);
        var currency = cluster.Currency;
        var capex = CapexOf(cluster);
        var plan = new DepreciationPlan(cluster, capex);
        int horizon = cluster.HorizonMonths;
        var months = new TcoMonth[horizon];
        double monthlyCostOfCapital = Math.Pow(1 + cluster.Financing.CostOfCapital, 1d / 12d) - 1d;
        double equityShare = 1d - (cluster.Financing.Loan?.FractionOfCapex ?? 0d);
        var loanInterest = LoanSchedule.MonthlyInterest(cluster, capex.Total, horizon);
        var maintenance = capex.Total * (decimal)cluster.MaintenanceRate / 12m;
        var staff = (cluster.StaffCostPerYear ?? Money.Zero(currency)) / 12m;
        var space = (cluster.SpaceCostPerYear ?? Money.Zero(currency)) / 12m;
        var facility = cluster.Facility;
        double hoursTotal = 0;
        var bookValue = capex.Total;
        for (int m = 0; m < horizon; m++)
        {
            var start = cluster.CommissioningDate.PlusMonths(m);
            var next = cluster.CommissioningDate.PlusMonths(m + 1);
            double hours = Period.Between(start, next, PeriodUnits.Days).Days * 24d;
            hoursTotal += hours;
            var depreciation = plan.For(m);
            var financing = (bookValue * (decimal)(equityShare * monthlyCostOfCapital)) + loanInterest[m];
            double needMwh = facility.FacilityWatts(start.Month) / 1e6 * hours;
            Money energy = cluster.EnergyPrice is { } price
                ? price.CostOf(needMwh)
                : cluster.PowerSupply!.CoverMonth(new YearMonth(start.Year, start.Month), UnitsNet.Energy.FromMegawattHours(needMwh)).TotalCost;
            months[m] = new TcoMonth(start, hours, depreciation, financing, energy, maintenance, staff, space, bookValue);
            bookValue -= depreciation;
        }
        return new ClusterTco(cluster, capex, months, facility.Accelerators.Count * hoursTotal);
    }

    internal static ClusterCapex CapexOf(OwnedCluster cluster)
    {
        var servers = cluster.ServerPrice * cluster.ServerCount;
        var networking = cluster.NetworkingCapex ?? servers * (decimal)cluster.NetworkingShareOfServerCapex!.Value;
        var facility = cluster.FacilityCapexPerMegawatt * (decimal)cluster.Facility.ItCapacity.ToMegawatts();
        return new ClusterCapex(servers, networking, facility);
    }

    /// <summary>Invariant multi-line summary: each component per used accelerator-hour and the total.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Cluster}; {Months.Count} months, capex {Capex.Total:N0}");
        foreach (var c in Components)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  {c.Kind,-12} {c.Total,22:N0}  {c.PerUtilizedAcceleratorHour?.ToString("N4", CultureInfo.InvariantCulture) ?? "n/a"}/h");
        }
        sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  {"Total",-12} {Total,22:N0}  {PerUtilizedAcceleratorHour?.ToString("N4", CultureInfo.InvariantCulture) ?? "n/a"}/h per used accelerator-hour");
        return sb.ToString();
    }
}

/// <summary>Straight-line monthly depreciation with an optional prospective change of IT life.</summary>
internal sealed class DepreciationPlan
{
    private readonly Money itMonthlyBefore;
    private readonly Money itMonthlyAfter;
    private readonly Money facilityMonthly;
    private readonly int changeMonth;
    private readonly int itLifeMonthsBefore;
    private readonly int itLifeMonthsFinal;
    private readonly int facilityLifeMonths;

    internal DepreciationPlan(OwnedCluster cluster, ClusterCapex capex)
    {
        var depreciable = capex.It - (capex.It * (decimal)cluster.SalvageFraction);
        itLifeMonthsBefore = cluster.UsefulLifeYears * 12;
        itMonthlyBefore = depreciable / itLifeMonthsBefore;
        facilityLifeMonths = cluster.FacilityUsefulLifeYears * 12;
        facilityMonthly = capex.Facility / facilityLifeMonths;
        if (cluster.UsefulLifeChange is { } change)
        {
            changeMonth = MonthsBeforeChange(cluster);
            itLifeMonthsFinal = change.NewUsefulLifeYears * 12;
            var remaining = depreciable - (itMonthlyBefore * changeMonth);
            itMonthlyAfter = remaining / (itLifeMonthsFinal - changeMonth);
        }
        else
        {
            changeMonth = int.MaxValue;
            itLifeMonthsFinal = itLifeMonthsBefore;
            itMonthlyAfter = itMonthlyBefore;
        }
    }

    internal Money For(int month)
    {
        var it = month < changeMonth
            ? (month < itLifeMonthsBefore ? itMonthlyBefore : Money.Zero(itMonthlyBefore.Currency))
            : (month < itLifeMonthsFinal ? itMonthlyAfter : Money.Zero(itMonthlyBefore.Currency));
        var facility = month < facilityLifeMonths ? facilityMonthly : Money.Zero(facilityMonthly.Currency);
        return it + facility;
    }

    /// <summary>The number of monthly periods that start before the change's effective date.</summary>
    internal static int MonthsBeforeChange(OwnedCluster cluster)
    {
        var effective = cluster.UsefulLifeChange!.EffectiveDate;
        int k = 0;
        while (cluster.CommissioningDate.PlusMonths(k) < effective && k < 12_000)
        {
            k++;
        }
        return k;
    }
}
