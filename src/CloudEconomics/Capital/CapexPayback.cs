using System.Globalization;
using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Capital;

/// <summary>What counts as the return of a capex program.</summary>
public enum CapexReturnBasis
{
    /// <summary>Incremental operating income (after the program's depreciation).</summary>
    OperatingIncome = 0,

    /// <summary>
    /// Incremental cash: incremental operating income + the program's own depreciation (a non-cash charge).
    /// Ignores tax and working capital.
    /// </summary>
    Cash,
}

/// <summary>The payback and IRR of a capex program against the returns attributed to it.</summary>
/// <param name="Program">The program.</param>
/// <param name="Basis">What counts as the return.</param>
/// <param name="Schedule">The dated flows: minus each tranche's cost on its in-service date, plus each quarter's return on the quarter's last day.</param>
/// <param name="Payback">Simple payback (the finance engine's <see cref="CashFlowSchedule.Payback"/>).</param>
/// <param name="InternalRateOfReturn">Annual IRR as a decimal fraction (XIRR semantics); null when no rate exists.</param>
/// <param name="InternalRateOfReturnNote">Why the IRR is null; null when it is known.</param>
/// <param name="TotalInvested">The program's total cost.</param>
/// <param name="TotalReturned">The sum of the attributed returns.</param>
public sealed record CapexPaybackResult(
    CapexProgram Program,
    CapexReturnBasis Basis,
    CashFlowSchedule Schedule,
    PaybackResult Payback,
    double? InternalRateOfReturn,
    string? InternalRateOfReturnNote,
    Money TotalInvested,
    Money TotalReturned);

/// <summary>
/// Capex payback: incremental operating income (or cash) attributed to a capex program, turned into dated cash flows
/// and run through the finance engine (<see cref="CashFlowSchedule.Payback"/> and
/// <see cref="CashFlowSchedule.TryInternalRateOfReturn"/>, i.e. XIRR).
/// </summary>
public static class CapexPayback
{
    /// <summary>
    /// The incremental amount of <paramref name="series"/> over a baseline quarter, times the share attributed to the
    /// program: <c>(value(q) - value(baseline)) x share</c> for every known quarter after the baseline.
    /// </summary>
    /// <param name="series">E.g. segment operating income by quarter.</param>
    /// <param name="baseline">The quarter before the program's effect (its value is the counterfactual run-rate).</param>
    /// <param name="attributedShare">The share of the increase attributed to the program, in (0, 1].</param>
    /// <returns>The attributed increments (may be negative in a quarter that fell below the baseline).</returns>
    /// <exception cref="ArgumentException">The baseline quarter is not in the series.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attributedShare"/> is outside (0, 1].</exception>
    public static QuarterlySeries IncrementalOver(QuarterlySeries series, FiscalQuarter baseline, double attributedShare = 1.0)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!double.IsFinite(attributedShare) || attributedShare <= 0 || attributedShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attributedShare), attributedShare, $"The attributed share must be greater than 0 and at most 1; it was {attributedShare.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        if (series[baseline] is not { } base0)
        {
            throw new ArgumentException($"The baseline quarter {baseline} has no value in the series.", nameof(baseline));
        }
        var share = (decimal)attributedShare;
        return new QuarterlySeries(series.Currency, series.Values
            .Where(kv => kv.Key > baseline)
            .Select(kv => new KeyValuePair<FiscalQuarter, Money>(kv.Key, (kv.Value - base0) * share)));
    }

    /// <summary>Payback and IRR of <paramref name="program"/> against quarterly returns.</summary>
    /// <param name="program">The capex program (outflows on the tranches' in-service dates).</param>
    /// <param name="incrementalOperatingIncome">Operating income attributed to the program, by quarter (inflow on each quarter's last day).</param>
    /// <param name="basis">Operating income, or cash (operating income + the program's depreciation under <paramref name="policy"/>).</param>
    /// <param name="policy">The depreciation policy; required for <see cref="CapexReturnBasis.Cash"/>.</param>
    /// <returns>The payback result.</returns>
    /// <exception cref="ArgumentException"><paramref name="policy"/> is null for the cash basis, the currencies differ, or there are no returns.</exception>
    public static CapexPaybackResult Evaluate(CapexProgram program, QuarterlySeries incrementalOperatingIncome, CapexReturnBasis basis = CapexReturnBasis.OperatingIncome, DepreciationPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(incrementalOperatingIncome);
        if (incrementalOperatingIncome.Currency != program.Currency)
        {
            throw new ArgumentException($"The returns must be in the program's currency {program.Currency.Code}; they are in {incrementalOperatingIncome.Currency.Code}.", nameof(incrementalOperatingIncome));
        }
        if (basis == CapexReturnBasis.Cash && policy is null)
        {
            throw new ArgumentException("The cash basis adds back the program's depreciation, so it needs a depreciation policy; none was given.", nameof(policy));
        }
        var depreciation = basis == CapexReturnBasis.Cash ? CapexDepreciation.Schedule(program, policy!) : null;
        var returns = incrementalOperatingIncome.Values
            .Select(kv => new CashFlow(kv.Key.End, depreciation is null ? kv.Value : kv.Value + depreciation.For(kv.Key)))
            .ToList();
        return Evaluate(program, returns, basis);
    }

    /// <summary>Payback and IRR of <paramref name="program"/> against dated returns.</summary>
    /// <param name="program">The capex program.</param>
    /// <param name="returns">The dated returns attributed to the program; at least one, in the program's currency.</param>
    /// <param name="basis">What the returns are (for the report).</param>
    /// <returns>The payback result.</returns>
    /// <exception cref="ArgumentException"><paramref name="returns"/> is empty or in another currency.</exception>
    public static CapexPaybackResult Evaluate(CapexProgram program, IEnumerable<CashFlow> returns, CapexReturnBasis basis = CapexReturnBasis.OperatingIncome)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(returns);
        var list = returns.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Payback needs at least one return attributed to the program; none were given.", nameof(returns));
        }
        int foreignIndex = list.FindIndex(r => r.Amount.Currency != program.Currency);
        if (foreignIndex >= 0)
        {
            var foreign = list[foreignIndex];
            throw new ArgumentException($"Every return must be in the program's currency {program.Currency.Code}; the return of {CloudEconomics.Serialization.IsoDate.Format(foreign.Date)} is in {foreign.Amount.Currency.Code}.", nameof(returns));
        }
        var flows = program.Tranches.Select(t => new CashFlow(t.InService, -t.Cost)).Concat(list);
        var schedule = new CashFlowSchedule(flows);
        double? irr = schedule.TryInternalRateOfReturn(out var rate) ? rate : null;
        var totalReturned = Money.Sum(list.Select(r => r.Amount), program.Currency);
        return new CapexPaybackResult(program, basis, schedule, schedule.Payback(), irr,
            irr is null ? "no internal rate of return: the flows do not change sign or XIRR found no root" : null,
            program.TotalCost, totalReturned);
    }
}
