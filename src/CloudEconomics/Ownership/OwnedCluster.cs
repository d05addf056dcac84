using System.Globalization;
using CloudEconomics.Finance;
using CloudEconomics.Power;
using NodaTime;

namespace CloudEconomics.Ownership;

/// <summary>A loan financing part of the capex, repaid in equal monthly instalments (an annuity).</summary>
/// <remarks>Only the interest is a cost in the TCO; principal repayments return capital that depreciation already charges.</remarks>
public sealed record LoanTerms
{
    /// <summary>The share of total capex borrowed, in (0, 1].</summary>
    public required double FractionOfCapex { get; init; }

    /// <summary>The nominal annual interest rate (0.07 = 7%), compounded monthly; not negative.</summary>
    public required double AnnualRate { get; init; }

    /// <summary>The term in years; greater than zero.</summary>
    public required int TermYears { get; init; }
}

/// <summary>How a cluster is paid for: equity at a cost of capital, optionally part debt.</summary>
public sealed record ClusterFinancing
{
    /// <summary>
    /// The annual cost of capital of the equity-financed share (0.08 = 8%), charged monthly on the opening net book
    /// value at the equivalent monthly rate (1 + r)^(1/12) - 1. Greater than -1.
    /// </summary>
    public required double CostOfCapital { get; init; }

    /// <summary>An optional loan for part of the capex; the rest is equity.</summary>
    public LoanTerms? Loan { get; init; }
}

/// <summary>
/// An owned accelerator cluster: the facility it lives in, what it cost to build, how it is financed and
/// depreciated, and what it costs to run. Every price is a user input: hardware purchase prices are not in the
/// reference data. Immutable; checked by <see cref="OwnedClusterValidator"/>.
/// </summary>
public sealed record OwnedCluster
{
    // Illustrative defaults for a cluster described by a few numbers (the `tco` command's options). They are
    // assumptions, not data: every one is shown as ASSUMPTION wherever it is used.

    /// <summary>ASSUMPTION: accelerators in an illustrative cluster, 1,024.</summary>
    public static int DefaultAcceleratorCount { get; } = 1024;

    /// <summary>ASSUMPTION: accelerators per server, 8 (an HGX board).</summary>
    public static int DefaultAcceleratorsPerServer { get; } = 8;

    /// <summary>ASSUMPTION: server draw as a multiple of its accelerators' draw, 1.0 (accelerators only; <see cref="AcceleratorFleet.ServerOverheadFactor"/>).</summary>
    public static double DefaultServerOverheadFactor { get; } = 1d;

    /// <summary>ASSUMPTION: networking capex as a share of server capex, 0.10.</summary>
    public static double DefaultNetworkingShareOfServerCapex { get; } = 0.10;

    /// <summary>ASSUMPTION: datacenter shell and power capex per MW of IT capacity, 10,000,000 USD (0 when colocated).</summary>
    public static Money DefaultFacilityCapexPerMegawatt { get; } = Money.Usd(10_000_000m);

    /// <summary>ASSUMPTION: useful life of servers and networking, 5 years.</summary>
    public static int DefaultUsefulLifeYears { get; } = 5;

    /// <summary>ASSUMPTION: IT salvage value at the end of life as a share of IT capex, 0.</summary>
    public static double DefaultSalvageFraction { get; } = 0d;

    /// <summary>ASSUMPTION: annual cost of capital, 0.08.</summary>
    public static double DefaultCostOfCapital { get; } = 0.08;

    /// <summary>ASSUMPTION: staff cost per year, 1,000,000 USD.</summary>
    public static Money DefaultStaffCostPerYear { get; } = Money.Usd(1_000_000m);

    /// <summary>ASSUMPTION: space cost per year (rent, colocation, property tax), 0 USD.</summary>
    public static Money DefaultSpaceCostPerYear { get; } = Money.Usd(0m);

    /// <summary>A descriptive name.</summary>
    public string Name { get; init; } = "cluster";

    /// <summary>The facility: accelerators (count, power curve), utilisation, PUE and IT capacity.</summary>
    public required Facility Facility { get; init; }

    /// <summary>The date the cluster enters service; capex is spent on this date.</summary>
    public required LocalDate CommissioningDate { get; init; }

    /// <summary>Accelerators per server (8 for an HGX H100 server); greater than zero. Servers = ceiling(count / this).</summary>
    public required int AcceleratorsPerServer { get; init; }

    /// <summary>The purchase price of one server with its accelerators (a user assumption); not negative. Sets the currency.</summary>
    public required Money ServerPrice { get; init; }

    /// <summary>Networking capex as a share of server capex (0.15 = 15%); give this or <see cref="NetworkingCapex"/>.</summary>
    public double? NetworkingShareOfServerCapex { get; init; }

    /// <summary>Explicit networking capex; give this or <see cref="NetworkingShareOfServerCapex"/>.</summary>
    public Money? NetworkingCapex { get; init; }

    /// <summary>Datacenter shell and power infrastructure capex per MW of the facility's IT capacity; not negative (0 when colocated).</summary>
    public required Money FacilityCapexPerMegawatt { get; init; }

    /// <summary>The useful life of servers and networking in years; greater than zero.</summary>
    public required int UsefulLifeYears { get; init; }

    /// <summary>
    /// An optional prospective change of the IT useful life part-way (a change in accounting estimate, as Amazon's
    /// 2024 server-life change from 5 to 6 years): its new total life counts from commissioning and must be longer than
    /// the months already elapsed; from the first monthly period starting on or after its effective date, the
    /// remaining depreciable amount (net book value less salvage) is spread evenly over the months left of the new life.
    /// </summary>
    public UsefulLifeChange? UsefulLifeChange { get; init; }

    /// <summary>The IT equipment's salvage value at the end of its life as a fraction of its capex, in [0, 1].</summary>
    public double SalvageFraction { get; init; }

    /// <summary>The useful life of the datacenter shell and power infrastructure in years; greater than zero. No salvage.</summary>
    public int FacilityUsefulLifeYears { get; init; } = 20;

    /// <summary>The financing.</summary>
    public required ClusterFinancing Financing { get; init; }

    /// <summary>A flat (blended) energy price; give this or <see cref="PowerSupply"/>.</summary>
    public PricePerEnergy? EnergyPrice { get; init; }

    /// <summary>
    /// A PPA portfolio plus grid that supplies the facility month by month; give this or <see cref="EnergyPrice"/>.
    /// Each monthly period is covered at the prices and capacity factors of the calendar month it starts in.
    /// </summary>
    public PowerPortfolio? PowerSupply { get; init; }

    /// <summary>Annual maintenance as a fraction of total capex (0.03 = 3% a year); not negative.</summary>
    public double MaintenanceRate { get; init; }

    /// <summary>Staff cost per year; not negative.</summary>
    public Money? StaffCostPerYear { get; init; }

    /// <summary>Space cost per year (rent, colocation, property tax); not negative.</summary>
    public Money? SpaceCostPerYear { get; init; }

    /// <summary>The analysis horizon in years from commissioning; default the IT useful life (the new one after a change).</summary>
    public int? HorizonYears { get; init; }

    /// <summary>The currency of every amount (the server price's).</summary>
    public Currency Currency => ServerPrice.Currency;

    /// <summary>The number of servers: ceiling(accelerators / accelerators per server).</summary>
    public int ServerCount => (Facility.Accelerators.Count + AcceleratorsPerServer - 1) / AcceleratorsPerServer;

    /// <summary>The IT useful life in effect at the end, in months.</summary>
    public int FinalUsefulLifeMonths => UsefulLifeChange?.UsefulLifeMonths ?? UsefulLifeYears * 12;

    /// <summary>The analysis horizon in months.</summary>
    public int HorizonMonths => HorizonYears * 12 ?? FinalUsefulLifeMonths;

    /// <summary>The number of monthly periods that start before the life change's effective date (the change applies from the next one).</summary>
    internal int MonthsBeforeChange()
    {
        var effective = UsefulLifeChange!.EffectiveDate;
        int k = 0;
        while (CommissioningDate.PlusMonths(k) < effective && k < 12_000)
        {
            k++;
        }
        return k;
    }

    /// <summary>Invariant summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Facility.Accelerators.Count:#,0} x {Facility.Accelerators.Name} in {ServerCount:#,0} servers from {CloudEconomics.Serialization.IsoDate.Format(CommissioningDate)}");
}
