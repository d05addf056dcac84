using System.Globalization;
using CloudEconomics.Finance;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Power;

using UnitsNet;

/// <summary>
/// A set of power purchase agreements plus the grid for whatever they do not cover. Immutable.
/// <see cref="Cover"/> works out, month by month, how the portfolio meets a facility's energy need.
/// </summary>
/// <remarks>
/// <para>Each month, in the order the contracts were given:</para>
/// <list type="bullet">
/// <item>A physical contract delivers D = capacity x capacity factor x hours of the month inside its term. The
/// facility takes T = min(D, need still uncovered). It pays T x the escalated price, plus a take-or-pay penalty
/// max(0, minimum x D - T) x price; D - T is surplus (generated but not taken).</item>
/// <item>A virtual CfD delivers no energy; it settles (strike - market price of the month) x D in cash: a cost when
/// the market is below the strike, a gain (negative) when above.</item>
/// <item>What remains uncovered (the shortfall) is bought from the grid at the grid price of the month.</item>
/// </list>
/// <para>Total cost = contract energy + take-or-pay penalties + CfD settlements + grid. Blended price = total / need.</para>
/// </remarks>
public sealed class PowerPortfolio
{
    private readonly PowerPurchaseAgreement[] contracts;

    /// <summary>Creates a portfolio.</summary>
    /// <param name="contracts">The contracts, in the order they serve the load; may be empty (grid only). Each is validated.</param>
    /// <param name="grid">The grid price each month (a tariff; <see cref="MarketPricePath.Constant"/> for a flat one).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ValidationException">A contract breaks a <see cref="PowerPurchaseAgreementValidator"/> rule.</exception>
    /// <exception cref="ArgumentException">A contract is not in the grid's currency.</exception>
    public PowerPortfolio(IEnumerable<PowerPurchaseAgreement> contracts, MarketPricePath grid)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(grid);
        this.contracts = contracts.ToArray();
        foreach (var c in this.contracts)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(contracts));
            PowerPurchaseAgreementValidator.Instance.ValidateAndThrow(c);
            if (c.Price.Currency != grid.Currency)
            {
                throw new ArgumentException($"Every contract must be priced in the grid's currency {grid.Currency}; {c.Counterparty} is in {c.Price.Currency}.", nameof(contracts));
            }
        }
        Grid = grid;
    }

    /// <summary>The contracts in serving order.</summary>
    public IReadOnlyList<PowerPurchaseAgreement> Contracts => contracts;

    /// <summary>The grid price path.</summary>
    public MarketPricePath Grid { get; }

    /// <summary>How the portfolio covers the facility's need in each month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="facility">The facility; validated.</param>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month; not before <paramref name="from"/>.</param>
    /// <returns>The coverage, month by month, with totals.</returns>
    /// <exception cref="ValidationException"><paramref name="facility"/> breaks a <see cref="FacilityValidator"/> rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or the grid path or a CfD's market path has no price for a month that needs one.</exception>
    public PortfolioCoverage Cover(Facility facility, YearMonth from, YearMonth to)
    {
        ArgumentNullException.ThrowIfNull(facility);
        FacilityValidator.Instance.ValidateAndThrow(facility);
        int count = EnergyModel.MonthsBetween(from, to);
        var months = new MonthlyCoverage[count];
        for (int i = 0; i < count; i++)
        {
            var month = from.PlusMonths(i);
            months[i] = CoverMonth(month, facility.EnergyNeedIn(month).MegawattHours);
        }
        return new PortfolioCoverage(months, Grid.Currency);
    }

    /// <summary>How the portfolio covers a given energy need in one month.</summary>
    /// <param name="month">The month.</param>
    /// <param name="need">The energy needed in the month; not negative.</param>
    /// <returns>The coverage.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="need"/> is negative or not finite, or a price path has no price for the month.</exception>
    public MonthlyCoverage CoverMonth(YearMonth month, Energy need)
        => CoverMonth(month, Utility.Preconditions.CheckNonNegative(need.MegawattHours, nameof(need)));

    private MonthlyCoverage CoverMonth(YearMonth month, double needMwh)
    {
        var currency = Grid.Currency;
        var zero = Money.Zero(currency);
        double remaining = needMwh;
        double surplus = 0, taken = 0;
        Money energyCost = zero, penalty = zero, settlement = zero;
        var lines = new ContractMonth[contracts.Length];
        for (int i = 0; i < contracts.Length; i++)
        {
            var c = contracts[i];
            var firstDay = MonthHours.FirstDayInside(month, c.Start, c.End);
            if (firstDay is null)
            {
                lines[i] = new ContractMonth(c, Energy.Zero, Energy.Zero, Energy.Zero, null, zero, zero, zero);
                continue;
            }
            double delivered = c.DeliveryIn(month).MegawattHours;
            var price = c.PriceOn(firstDay.Value);
            if (c.Settlement == SettlementKind.VirtualContractForDifference)
            {
                var market = c.MarketPrices!.PriceIn(month);
                var s = (price - market).CostOf(Energy.FromMegawattHours(delivered));
                settlement += s;
                lines[i] = new ContractMonth(c, Energy.FromMegawattHours(delivered), Energy.Zero, Energy.Zero, price, zero, zero, s);
                continue;
            }
            double t = Math.Min(delivered, remaining);
            remaining -= t;
            taken += t;
            double unused = delivered - t;
            surplus += unused;
            var cost = price.CostOf(Energy.FromMegawattHours(t));
            var pen = price.CostOf(Energy.FromMegawattHours(Math.Max(0d, (c.TakeOrPayMinimum * delivered) - t)));
            energyCost += cost;
            penalty += pen;
            lines[i] = new ContractMonth(c, Energy.FromMegawattHours(delivered), Energy.FromMegawattHours(t), Energy.FromMegawattHours(unused), price, cost, pen, zero);
        }
        var gridPrice = Grid.PriceIn(month);
        var gridCost = gridPrice.CostOf(Energy.FromMegawattHours(remaining));
        return new MonthlyCoverage(
            month,
            Energy.FromMegawattHours(needMwh),
            Energy.FromMegawattHours(taken),
            Energy.FromMegawattHours(remaining),
            Energy.FromMegawattHours(surplus),
            gridPrice,
            energyCost,
            penalty,
            settlement,
            gridCost,
            lines);
    }
}

/// <summary>One contract's part in one month of a <see cref="PowerPortfolio"/>.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="Delivered">Energy generated under the contract (for a CfD: the volume settled).</param>
/// <param name="Taken">Energy the facility took (zero for a CfD).</param>
/// <param name="Surplus">Energy generated but not taken (zero for a CfD).</param>
/// <param name="Price">The escalated contract price of the month, or null outside the term.</param>
/// <param name="EnergyCost">Taken x price.</param>
/// <param name="TakeOrPayPenalty">max(0, minimum x delivered - taken) x price.</param>
/// <param name="CfdSettlement">(strike - market) x delivered for a CfD; may be negative (a gain).</param>
public sealed record ContractMonth(
    PowerPurchaseAgreement Contract,
    Energy Delivered,
    Energy Taken,
    Energy Surplus,
    PricePerEnergy? Price,
    Money EnergyCost,
    Money TakeOrPayPenalty,
    Money CfdSettlement);

/// <summary>How a <see cref="PowerPortfolio"/> covers a month's need.</summary>
/// <param name="Month">The month.</param>
/// <param name="Need">The facility's energy need.</param>
/// <param name="FromContracts">Energy taken from physical contracts.</param>
/// <param name="Shortfall">Energy bought from the grid (need - taken from contracts).</param>
/// <param name="Surplus">Energy physical contracts generated but the facility did not take.</param>
/// <param name="GridPrice">The grid price of the month.</param>
/// <param name="ContractEnergyCost">What the taken contract energy cost.</param>
/// <param name="TakeOrPayPenalty">Take-or-pay penalties for energy not taken.</param>
/// <param name="CfdSettlement">Net CfD settlement; negative is a gain.</param>
/// <param name="GridCost">Shortfall x grid price.</param>
/// <param name="Contracts">Each contract's part, in serving order.</param>
public sealed record MonthlyCoverage(
    YearMonth Month,
    Energy Need,
    Energy FromContracts,
    Energy Shortfall,
    Energy Surplus,
    PricePerEnergy GridPrice,
    Money ContractEnergyCost,
    Money TakeOrPayPenalty,
    Money CfdSettlement,
    Money GridCost,
    IReadOnlyList<ContractMonth> Contracts)
{
    /// <summary>Contract energy + take-or-pay penalties + CfD settlements + grid.</summary>
    public Money TotalCost => ContractEnergyCost + TakeOrPayPenalty + CfdSettlement + GridCost;

    /// <summary>Total cost / need per MWh; null when the need is zero (no energy, no price).</summary>
    public PricePerEnergy? BlendedPrice => Need.MegawattHours > 0 ? new PricePerEnergy(TotalCost / (decimal)Need.MegawattHours) : null;
}

/// <summary>A <see cref="PowerPortfolio"/>'s coverage of a facility over consecutive months.</summary>
public sealed class PortfolioCoverage
{
    internal PortfolioCoverage(IReadOnlyList<MonthlyCoverage> months, Currency currency)
    {
        Months = months;
        Currency = currency;
    }

    /// <summary>Each month in order.</summary>
    public IReadOnlyList<MonthlyCoverage> Months { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Total energy need.</summary>
    public Energy Need => Energy.FromMegawattHours(Months.Sum(m => m.Need.MegawattHours));

    /// <summary>Total energy bought from the grid.</summary>
    public Energy Shortfall => Energy.FromMegawattHours(Months.Sum(m => m.Shortfall.MegawattHours));

    /// <summary>Total energy generated under physical contracts but not taken.</summary>
    public Energy Surplus => Energy.FromMegawattHours(Months.Sum(m => m.Surplus.MegawattHours));

    /// <summary>Total take-or-pay penalties.</summary>
    public Money TakeOrPayPenalty => Money.Sum(Months.Select(m => m.TakeOrPayPenalty), Currency);

    /// <summary>Total CfD settlement (negative is a gain).</summary>
    public Money CfdSettlement => Money.Sum(Months.Select(m => m.CfdSettlement), Currency);

    /// <summary>Total grid cost.</summary>
    public Money GridCost => Money.Sum(Months.Select(m => m.GridCost), Currency);

    /// <summary>Total cost of all months.</summary>
    public Money TotalCost => Money.Sum(Months.Select(m => m.TotalCost), Currency);

    /// <summary>Total cost / total need per MWh; null when the need is zero.</summary>
    public PricePerEnergy? BlendedPrice
    {
        get
        {
            double need = Need.MegawattHours;
            return need > 0 ? new PricePerEnergy(TotalCost / (decimal)need) : null;
        }
    }

    /// <summary>
    /// The energy cost as dated cash flows for the finance engine: each month's total cost as an outflow (negative)
    /// on the first day of the following month (monthly billing in arrears). A month whose CfD gains exceed its
    /// costs gives an inflow.
    /// </summary>
    /// <returns>The schedule, one flow per month.</returns>
    public CashFlowSchedule ToCashFlowSchedule()
        => new(Months.Select(m => new CashFlow(m.Month.PlusMonths(1).OnDayOfMonth(1), -m.TotalCost)));

    /// <summary>Invariant summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Months.Count} months, need {Need.MegawattHours:#,0.###} MWh, grid {Shortfall.MegawattHours:#,0.###} MWh, total {TotalCost:N2}, blended {BlendedPrice?.ToString("N2", CultureInfo.InvariantCulture) ?? "n/a"}");
}
