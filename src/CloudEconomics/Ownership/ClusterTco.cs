using System.Globalization;
using CloudEconomics.Finance;
using CloudEconomics.Power;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Ownership;

/// <summary>The parts of an owned cluster's total cost of ownership.</summary>
public enum TcoComponentKind
{
    /// <summary>Depreciation of servers, networking (less salvage) and the facility shell and power infrastructure.</summary>
    Depreciation = 0,
    /// <summary>Interest on the loan's outstanding balance (zero without a loan and after it is repaid).</summary>
    LoanInterest = 1,
    /// <summary>The cost of capital on the equity in the cluster: net book value less the outstanding loan balance.</summary>
    EquityCharge = 2,
    /// <summary>Energy for the facility (IT load x PUE), from a flat price or a PPA portfolio.</summary>
    Energy = 3,
    /// <summary>Maintenance as a percentage of capex.</summary>
    Maintenance = 4,
    /// <summary>Staff.</summary>
    Staff = 5,
    /// <summary>Space (rent, colocation, property tax).</summary>
    Space = 6,
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
/// <param name="LoanInterest">Interest on the loan's balance outstanding at the start of the period.</param>
/// <param name="EquityCharge">Cost of capital on the equity: (opening net book value - opening loan balance, not below
/// zero) x the monthly equivalent of the annual cost of capital.</param>
/// <param name="Energy">Energy.</param>
/// <param name="Maintenance">Maintenance.</param>
/// <param name="Staff">Staff.</param>
/// <param name="Space">Space.</param>
/// <param name="OpeningBookValue">Net book value at the start of the period.</param>
/// <param name="OpeningLoanBalance">Loan balance outstanding at the start of the period (zero without a loan).</param>
/// <param name="DebtService">The loan payment (interest + principal) paid at the end of the period (zero without a loan and after its term).</param>
public sealed record TcoMonth(LocalDate Start, double Hours, Money Depreciation, Money LoanInterest, Money EquityCharge, Money Energy, Money Maintenance, Money Staff, Money Space, Money OpeningBookValue, Money OpeningLoanBalance, Money DebtService)
{
    /// <summary>The cost of financing: loan interest plus the equity charge.</summary>
    public Money Financing => LoanInterest + EquityCharge;

    /// <summary>The sum of the seven components.</summary>
    public Money Total => Depreciation + LoanInterest + EquityCharge + Energy + Maintenance + Staff + Space;

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
/// The loan is a level monthly annuity (<see cref="Finance.LoanSchedule.Amortize"/>): loan interest = the monthly rate x the
/// balance outstanding at the start of the month, so it falls as the loan is repaid and stops once it is. The equity
/// charge = (opening net book value - opening loan balance, not below zero) x ((1 + cost of capital)^(1/12) - 1): the
/// cost of capital applies to the part of the book value that the owner's equity still carries. Energy = facility need (IT draw at the utilisation x PUE x hours) x the flat price, or the
/// PPA portfolio's cost of the month.</para>
/// <para>Per-hour figures divide each component's total by accelerator-hours (owned) or by accelerator-hours x
/// utilisation (used); the totals per hour are the sums of the components' per-hour figures, so the components
/// always add up to the total.</para>
/// <para><see cref="BreakevenRentalPrice"/> is not that accounting average but the levelised cost: the present value
/// of the owner's cash costs divided by the present value of the busy accelerator-hours, both discounted at the
/// cluster's cost of capital with the convention of <see cref="CashFlowSchedule.NetPresentValue"/> (actual/365 from
/// commissioning), so that renting every busy hour at it gives <see cref="RentalReturns"/> a net present value of
/// zero, with or without a loan.</para>
/// </remarks>
public sealed class ClusterTco
{
    private ClusterTco(OwnedCluster cluster, ClusterCapex capex, IReadOnlyList<TcoMonth> months, double acceleratorHours, LoanSchedule? loan, Money closingBookValue, Money closingLoanBalance)
    {
        Cluster = cluster;
        Capex = capex;
        Months = months;
        Loan = loan;
        ClosingBookValue = closingBookValue;
        ClosingLoanBalance = closingLoanBalance;
        AcceleratorHours = acceleratorHours;
        UtilizedAcceleratorHours = acceleratorHours * cluster.Facility.Utilization;
        var currency = cluster.Currency;
        Money Sum(Func<TcoMonth, Money> f) => Money.Sum(months.Select(f), currency);
        var totals = new (TcoComponentKind, Money)[]
        {
            (TcoComponentKind.Depreciation, Sum(m => m.Depreciation)),
            (TcoComponentKind.LoanInterest, Sum(m => m.LoanInterest)),
            (TcoComponentKind.EquityCharge, Sum(m => m.EquityCharge)),
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
        _levelised = LevelisedCost();
    }

    private readonly Money? _levelised;

    /// <summary>The cluster.</summary>
    public OwnedCluster Cluster { get; }

    /// <summary>Capex by part.</summary>
    public ClusterCapex Capex { get; }

    /// <summary>Each month of the horizon.</summary>
    public IReadOnlyList<TcoMonth> Months { get; }

    /// <summary>The loan's amortisation schedule (monthly payments from commissioning), or null without a loan.</summary>
    public LoanSchedule? Loan { get; }

    /// <summary>Net book value at the end of the horizon.</summary>
    public Money ClosingBookValue { get; }

    /// <summary>Loan balance still outstanding at the end of the horizon (zero once repaid or without a loan).</summary>
    public Money ClosingLoanBalance { get; }

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
    /// The levelised rental price per accelerator-hour: the present value of the owner's cash costs divided by the
    /// present value of the busy accelerator-hours (accelerators x hours x utilisation), both at the cluster's cost of
    /// capital. Renting every busy hour at this price gives <see cref="RentalReturns.Evaluate"/> a net present value of
    /// zero, with or without a loan.
    /// </summary>
    /// <remarks>
    /// <para>Cash costs, each discounted by (1 + cost of capital)^(-days from commissioning / 365): the equity part of
    /// the capex on the commissioning date (capex - loan principal); at the end of each month the operating cost
    /// (energy, maintenance, staff, space) and the loan payment; at the end of the horizon, less the net book value left
    /// (taken as realisable, as <see cref="RentalReturns"/> does) and plus the loan balance still outstanding.</para>
    /// <para>Unlike <see cref="PerUtilizedAcceleratorHour"/> (an undiscounted accounting average of depreciation, financing
    /// and operating costs), it accounts for when money is spent and earned.</para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">The utilisation is zero (no hour is sold) or the levelised cost is negative.</exception>
    public PricePerHour BreakevenRentalPrice
        => _levelised is { } p && p.Amount >= 0
            ? new PricePerHour(p)
            : throw new InvalidOperationException("No breakeven rental price: the cluster's utilisation is zero or its levelised cost is negative.");

    private Money? LevelisedCost()
    {
        var cluster = Cluster;
        double rate = cluster.Financing.CostOfCapital;
        double logGrowth = Math.Log(1 + rate);
        double busyPerHour = cluster.Facility.Accelerators.Count * cluster.Facility.Utilization;
        if (!(busyPerHour > 0))
        {
            return null;
        }
        var start = cluster.CommissioningDate;
        double costs = (Capex.Total - (Loan?.Principal ?? Money.Zero(cluster.Currency))).ToDouble();
        double hours = 0;
        double discount = 1;
        for (int m = 0; m < Months.Count; m++)
        {
            var month = Months[m];
            int days = Period.Between(start, start.PlusMonths(m + 1), PeriodUnits.Days).Days;
            discount = Math.Exp(-days / 365.0 * logGrowth);
            costs += discount * (month.OperatingCost + month.DebtService).ToDouble();
            hours += discount * month.Hours * busyPerHour;
        }
        costs -= discount * (ClosingBookValue - ClosingLoanBalance).ToDouble();
        double price = costs / hours;
        return double.IsFinite(price) ? Money.FromDouble(price, cluster.Currency) : null;
    }

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
        var plan = new ClusterDepreciation(cluster, capex);
        int horizon = cluster.HorizonMonths;
        var months = new TcoMonth[horizon];
        double monthlyCostOfCapital = Math.Pow(1 + cluster.Financing.CostOfCapital, 1d / 12d) - 1d;
        var loan = LoanOf(cluster, capex);
        var zero = Money.Zero(currency);
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
            bool paying = loan is not null && m < loan.Count;
            var openingDebt = loan is null ? zero : m == 0 ? loan.Principal : m <= loan.Count ? loan[m - 1].Balance : zero;
            var interest = paying ? loan![m].Interest : zero;
            var debtService = paying ? loan![m].Payment : zero;
            var equity = bookValue - openingDebt;
            var equityCharge = equity.Amount > 0 ? equity * (decimal)monthlyCostOfCapital : zero;
            double needMwh = facility.FacilityWatts(start.Month) / 1e6 * hours;
            Money energy = cluster.EnergyPrice is { } price
                ? price.CostOf(UnitsNet.Energy.FromMegawattHours(needMwh))
                : cluster.PowerSupply!.CoverMonth(new YearMonth(start.Year, start.Month), UnitsNet.Energy.FromMegawattHours(needMwh)).TotalCost;
            months[m] = new TcoMonth(start, hours, depreciation, interest, equityCharge, energy, maintenance, staff, space, bookValue, openingDebt, debtService);
            bookValue -= depreciation;
        }
        var closingDebt = loan is null || horizon >= loan.Count ? zero : loan[horizon - 1].Balance;
        return new ClusterTco(cluster, capex, months, facility.Accelerators.Count * hoursTotal, loan, bookValue, closingDebt);
    }

    /// <summary>The loan's schedule: a level monthly annuity of the borrowed share of capex over its term, or null.</summary>
    private static LoanSchedule? LoanOf(OwnedCluster cluster, ClusterCapex capex)
    {
        if (cluster.Financing.Loan is not { } terms)
        {
            return null;
        }
        var principal = capex.Total * (decimal)terms.FractionOfCapex;
        return principal.Amount > 0
            ? LoanSchedule.Amortize(principal, terms.AnnualRate, PeriodFrequency.Monthly, terms.TermYears * 12, cluster.CommissioningDate)
            : null;
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

/// <summary>
/// The cluster's depreciation as two Finance <see cref="DepreciationSchedule"/>s, straight line from commissioning:
/// IT capex less salvage over the IT life (a life change applies from the first monthly period starting on or after
/// its effective date), facility capex over its own life with no salvage.
/// </summary>
internal sealed class ClusterDepreciation
{
    private readonly OwnedCluster cluster;
    private readonly DepreciationSchedule? it;
    private readonly DepreciationSchedule? facility;

    internal ClusterDepreciation(OwnedCluster cluster, ClusterCapex capex)
    {
        this.cluster = cluster;
        var change = cluster.UsefulLifeChange is { } c
            ? new[] { c with { EffectiveDate = cluster.CommissioningDate.PlusMonths(cluster.MonthsBeforeChange()) } }
            : [];
        it = capex.It.Amount > 0
            ? DepreciationSchedule.Create(new DepreciationPlan
            {
                Cost = capex.It,
                Salvage = capex.It * (decimal)cluster.SalvageFraction,
                InServiceDate = cluster.CommissioningDate,
                UsefulLifeMonths = cluster.UsefulLifeYears * 12,
                LifeChanges = change,
            })
            : null;
        facility = capex.Facility.Amount > 0
            ? DepreciationSchedule.Create(new DepreciationPlan
            {
                Cost = capex.Facility,
                InServiceDate = cluster.CommissioningDate,
                UsefulLifeMonths = cluster.FacilityUsefulLifeYears * 12,
            })
            : null;
    }

    /// <summary>The depreciation of monthly period <paramref name="month"/> (from commissioning + month to the next anniversary).</summary>
    internal Money For(int month)
    {
        var start = cluster.CommissioningDate.PlusMonths(month);
        var next = cluster.CommissioningDate.PlusMonths(month + 1);
        var zero = Money.Zero(cluster.Currency);
        return (it?.DepreciationBetween(start, next) ?? zero) + (facility?.DepreciationBetween(start, next) ?? zero);
    }
}
