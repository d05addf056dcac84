using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Capital;

/// <summary>
/// Depreciation expense of a <see cref="CapexProgram"/> under a <see cref="DepreciationPolicy"/>: each tranche is one
/// <see cref="DepreciationSchedule"/> (Finance's), straight-line by month, no salvage, a useful-life change applied
/// prospectively to the remaining net book value.
/// </summary>
/// <remarks>
/// <para>Each tranche depreciates from the first day of the month it is placed in service (full-month convention)
/// over the life in force on that day; the policy's later changes are the schedule's
/// <see cref="DepreciationPlan.LifeChanges"/>. Each month's expense is the net book value at the start of the month
/// divided by the months of life remaining. When a change takes effect, the months remaining become the new life
/// minus the months already depreciated; if that is zero or less (a shortened life the asset has already outlived),
/// the whole remaining net book value is expensed in that month (<see cref="OutlivedLifeTreatment.ExpenseRemainder"/>).
/// A tranche's months add up exactly to its cost.</para>
/// <para>Worked example (the one the tests check). A server costing 1,200 is placed in service on 2020-01-01 with a
/// 3-year life: 1,200 / 36 = 33.33 a month, 400 a year. On 2022-01-01 (24 months depreciated, 800 expensed, net book
/// value 400) the life changes from 3 to 4 years, so 48 - 24 = 24 months remain: 400 / 24 = 16.67 a month, 200 a
/// year in 2022 and 2023. Without the change 2022 would carry 400 and 2023 nothing, so the change raises 2022
/// operating income by 200 and lowers 2023's by 200; over the asset's life the effect is zero.</para>
/// </remarks>
public static class CapexDepreciation
{
    /// <summary>The monthly depreciation of <paramref name="program"/> under <paramref name="policy"/>.</summary>
    /// <param name="program">The capex program.</param>
    /// <param name="policy">The depreciation policy.</param>
    /// <returns>One Finance schedule per tranche, and their sums by month.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ProgramDepreciation Schedule(CapexProgram program, DepreciationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(policy);
        var schedules = program.Tranches.Select(tranche =>
        {
            var inService = new LocalDate(tranche.InService.Year, tranche.InService.Month, 1);
            return DepreciationSchedule.Create(new DepreciationPlan
            {
                Cost = tranche.Cost,
                InServiceDate = inService,
                UsefulLifeMonths = policy.UsefulLifeMonthsOn(inService),
                LifeChanges = policy.Changes.Where(c => c.EffectiveDate > inService).ToList(),
                OutlivedLife = OutlivedLifeTreatment.ExpenseRemainder,
            });
        }).ToList();
        return new ProgramDepreciation(program.Currency, schedules);
    }

    /// <summary>
    /// The operating-income effect of <paramref name="change"/> on <paramref name="program"/>: depreciation without
    /// the change minus depreciation with it (positive = the change raises operating income).
    /// </summary>
    /// <param name="program">The capex program.</param>
    /// <param name="policy">The policy that includes <paramref name="change"/>.</param>
    /// <param name="change">One of the policy's changes.</param>
    /// <returns>Both schedules and the effect by period.</returns>
    /// <exception cref="ArgumentException"><paramref name="change"/> is not part of <paramref name="policy"/>.</exception>
    public static DepreciationChangeEffect OperatingIncomeEffect(CapexProgram program, DepreciationPolicy policy, UsefulLifeChange change)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var counterfactual = policy.Without(change);
        return new DepreciationChangeEffect(change, Schedule(program, policy), Schedule(program, counterfactual));
    }
}

/// <summary>
/// The depreciation of a capex program: one Finance <see cref="DepreciationSchedule"/> per tranche, and the expense by
/// calendar month summed over the tranches, in one currency.
/// </summary>
public sealed class ProgramDepreciation
{
    private readonly SortedDictionary<YearMonth, Money> monthly = new();

    internal ProgramDepreciation(Currency currency, IReadOnlyList<DepreciationSchedule> tranches)
    {
        Currency = currency;
        Tranches = tranches;
        foreach (var period in tranches.SelectMany(t => t))
        {
            var month = new YearMonth(period.Start.Year, period.Start.Month);
            monthly[month] = monthly.TryGetValue(month, out var sum) ? sum + period.Depreciation : period.Depreciation;
        }
    }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>The schedule of each tranche, in the program's order.</summary>
    public IReadOnlyList<DepreciationSchedule> Tranches { get; }

    /// <summary>Expense by month (months with no expense are absent).</summary>
    public IReadOnlyDictionary<YearMonth, Money> Monthly => monthly;

    /// <summary>The total expense over all months (equals the program's cost).</summary>
    public Money Total => Money.Sum(monthly.Values, Currency);

    /// <summary>The expense in the months of <paramref name="interval"/> (a month counts when its first day is inside).</summary>
    /// <param name="interval">The period.</param>
    /// <returns>The expense.</returns>
    public Money For(DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return Money.Sum(monthly.Where(kv => interval.Contains(kv.Key.OnDayOfMonth(1))).Select(kv => kv.Value), Currency);
    }

    /// <summary>The expense in a fiscal quarter.</summary>
    /// <param name="quarter">The quarter.</param>
    /// <returns>The expense.</returns>
    public Money For(FiscalQuarter quarter) => For(quarter.ToDateInterval());

    /// <summary>The expense in a fiscal year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The expense.</returns>
    public Money For(FiscalYear year) => For(year.ToDateInterval());
}

/// <summary>The effect of one useful-life change: depreciation with and without it.</summary>
/// <param name="Change">The change.</param>
/// <param name="WithChange">Depreciation under the policy as it is.</param>
/// <param name="WithoutChange">Depreciation had the change not been made.</param>
public sealed record DepreciationChangeEffect(UsefulLifeChange Change, ProgramDepreciation WithChange, ProgramDepreciation WithoutChange)
{
    /// <summary>The operating-income effect in <paramref name="interval"/>: depreciation without - with (positive raises operating income).</summary>
    /// <param name="interval">The period.</param>
    /// <returns>The effect.</returns>
    public Money OperatingIncomeEffect(DateInterval interval) => WithoutChange.For(interval) - WithChange.For(interval);

    /// <summary>The operating-income effect in a fiscal year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The effect.</returns>
    public Money OperatingIncomeEffect(FiscalYear year) => OperatingIncomeEffect(year.ToDateInterval());

    /// <summary>The operating-income effect in a fiscal quarter.</summary>
    /// <param name="quarter">The quarter.</param>
    /// <returns>The effect.</returns>
    public Money OperatingIncomeEffect(FiscalQuarter quarter) => OperatingIncomeEffect(quarter.ToDateInterval());
}
