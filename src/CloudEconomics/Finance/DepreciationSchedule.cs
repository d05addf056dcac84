using System.Collections;
using System.Globalization;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>One reporting period of a dated depreciation schedule.</summary>
/// <param name="Start">The first day of the period (the in-service date for the first).</param>
/// <param name="End">The last day of the period, inclusive.</param>
/// <param name="Depreciation">The depreciation expense of the period.</param>
/// <param name="AccumulatedDepreciation">Depreciation from the in-service date to the end of the period.</param>
/// <param name="BookValue">Cost less accumulated depreciation at the end of the period.</param>
public sealed record DepreciationPeriod(LocalDate Start, LocalDate End, Money Depreciation, Money AccumulatedDepreciation, Money BookValue);

/// <summary>
/// A dated depreciation schedule: straight line, declining balance or sum of the years' digits, with salvage, a
/// partial first period, prospective changes of useful life, and the book value at any date. Immutable.
/// </summary>
/// <remarks>
/// <para>Time is measured as life elapsed in months from the in-service date: whole months are counted from that
/// date (start + k months, NodaTime truncation), and a part month by its days. Year y of the life is months
/// 12(y-1) to 12y; its amount is Excel's SLN, SYD or VDB(cost, salvage, life, y-1, y, factor) for that year and is
/// spread evenly over its months and, within a month, over its days. A life that is not whole years ends with a
/// short year whose amount is pro rata (its digits, for SYD, are the years of life left).</para>
/// <para>A <see cref="UsefulLifeChange"/> is prospective: at its effective date the book value left is depreciated
/// by the same method over the new remaining life (new total life less life elapsed), as a new asset would be. When
/// the new life is already outlived, <see cref="DepreciationPlan.OutlivedLife"/> either rejects the change or expenses
/// the book value left above salvage on the effective date.</para>
/// <para>Amounts are computed in double and reported as decimal <see cref="Money"/> (the double's round-trip digits):
/// every amount is a difference of two accumulated depreciations, the accumulated depreciation is exactly zero before
/// the in-service date and exactly cost less salvage from <see cref="FullyDepreciatedOn"/>, so the periods, and the
/// depreciation between consecutive dates, add up exactly (in decimal) to cost less salvage.</para>
/// </remarks>
public sealed class DepreciationSchedule : IReadOnlyList<DepreciationPeriod>
{
    private DepreciationPeriod[] _periods; // set once by Create, after the accumulations it needs exist
    private readonly Segment[] _segments;
    private readonly double _cost;
    private readonly decimal _depreciable;
    private readonly Currency _currency;

    private DepreciationSchedule(DepreciationPlan plan, Segment[] segments, LocalDate fullyDepreciatedOn)
    {
        Plan = plan;
        _segments = segments;
        _cost = (double)plan.Cost.Amount;
        _depreciable = plan.Cost.Amount - plan.SalvageOrZero.Amount;
        _currency = plan.Cost.Currency;
        FullyDepreciatedOn = fullyDepreciatedOn;
        _periods = [];
    }

    /// <summary>The plan this schedule was built from.</summary>
    public DepreciationPlan Plan { get; }

    /// <summary>
    /// The first day at whose start the book value is the salvage: the in-service date + the final useful life, or
    /// the day after the effective date of a change that expensed the remainder (<see cref="OutlivedLifeTreatment.ExpenseRemainder"/>).
    /// </summary>
    public LocalDate FullyDepreciatedOn { get; }

    /// <summary>The number of reporting periods.</summary>
    public int Count => _periods.Length;

    /// <summary>The reporting period at a position.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The period.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the schedule.</exception>
    public DepreciationPeriod this[int index] => _periods[index];

    /// <summary>Total depreciation over the schedule (cost less salvage).</summary>
    public Money TotalDepreciation => Money.Sum(_periods.Select(p => p.Depreciation), _currency);

    /// <summary>Enumerates the periods in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<DepreciationPeriod> GetEnumerator() => ((IEnumerable<DepreciationPeriod>)_periods).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Builds the schedule, reported by calendar periods (months; quarters starting January, April, July, October;
    /// half-years; or calendar years) from the in-service date to the day the asset is fully depreciated.
    /// </summary>
    /// <param name="plan">The plan; validated with <see cref="DepreciationPlanValidator"/>.</param>
    /// <param name="reporting">The length of each reported period; default monthly.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ValidationException">The plan breaks a rule (each broken property is named).</exception>
    /// <exception cref="ArgumentException">A life change leaves no life remaining at its effective date.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reporting"/> is undefined.</exception>
    public static DepreciationSchedule Create(DepreciationPlan plan, PeriodFrequency reporting = PeriodFrequency.Monthly)
    {
        ArgumentNullException.ThrowIfNull(plan);
        new DepreciationPlanValidator().ValidateAndThrow(plan);
        int months = reporting.MonthsPerPeriod(nameof(reporting));
        var start = plan.InServiceDate;
        double cost = (double)plan.Cost.Amount;
        double salvage = (double)plan.SalvageOrZero.Amount;

        var segments = new List<Segment> { new(0, cost, salvage, plan.UsefulLifeMonths, plan.UsefulLifeMonths, plan) };
        LocalDate? writeOffOn = null;
        foreach (var change in plan.LifeChanges)
        {
            var current = segments[^1];
            double elapsed = LifeElapsed(start, change.EffectiveDate, double.PositiveInfinity);
            if (elapsed >= current.TotalLifeMonths)
            {
                continue; // already fully depreciated: the change has nothing left to act on
            }
            if (change.UsefulLifeMonths <= elapsed && plan.OutlivedLife == OutlivedLifeTreatment.ExpenseRemainder)
            {
                writeOffOn = change.EffectiveDate;
                break; // the rest is expensed on the effective date: later changes have nothing left to act on
            }
            if (change.UsefulLifeMonths <= elapsed)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"A useful life of {change.UsefulLifeMonths} months effective {CloudEconomics.Serialization.IsoDate.Format(change.EffectiveDate)} leaves no life remaining: {elapsed:0.##} months have already elapsed."),
                    nameof(plan));
            }
            double bookValue = cost - current.Accumulated(elapsed, cost);
            segments.Add(new Segment(elapsed, bookValue, salvage, change.UsefulLifeMonths - elapsed, change.UsefulLifeMonths, plan));
        }

        var segmentArray = segments.ToArray();
        var end = writeOffOn?.PlusDays(1) ?? start.PlusMonths(segmentArray[^1].TotalLifeMonths);
        var schedule = new DepreciationSchedule(plan, segmentArray, end);
        var periods = new List<DepreciationPeriod>();
        var periodStart = start;
        decimal accumulatedBefore = 0m;
        while (periodStart < end)
        {
            var calendarStart = AlignedPeriodStart(periodStart, months);
            var next = calendarStart.PlusMonths(months);
            var periodEnd = next < end ? next : end; // exclusive
            decimal accumulated = schedule.Accumulated(periodEnd);
            var money = (decimal v) => new Money(v, plan.Cost.Currency);
            periods.Add(new DepreciationPeriod(periodStart, periodEnd.PlusDays(-1), money(accumulated - accumulatedBefore), money(accumulated), money(plan.Cost.Amount - accumulated)));
            accumulatedBefore = accumulated;
            periodStart = periodEnd;
        }
        schedule._periods = periods.ToArray();
        return schedule;
    }

    /// <summary>Accumulated depreciation at the start of <paramref name="date"/>, in decimal: exactly zero up to the in-service date and exactly cost less salvage from <see cref="FullyDepreciatedOn"/>.</summary>
    private decimal Accumulated(LocalDate date)
    {
        if (date <= Plan.InServiceDate)
        {
            return 0m;
        }
        if (date >= FullyDepreciatedOn)
        {
            return _depreciable;
        }
        return Math.Clamp(ExactDecimal(AccumulatedAt(_segments, Plan.InServiceDate, date, _cost)), 0m, _depreciable);
    }

    /// <summary>The double's shortest round-trip digits (up to 17 significant) as a decimal; a cast keeps only 15.</summary>
    private static decimal ExactDecimal(double value)
        => decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The book value (cost less depreciation) at the start of <paramref name="date"/>.</summary>
    /// <param name="date">Any date; before the in-service date the book value is the cost, after the life the salvage.</param>
    /// <returns>The book value.</returns>
    public Money BookValueAt(LocalDate date) => new(Plan.Cost.Amount - Accumulated(date), _currency);

    /// <summary>Depreciation accumulated from the in-service date to the start of <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>The accumulated depreciation.</returns>
    public Money AccumulatedDepreciationAt(LocalDate date) => new(Accumulated(date), _currency);

    /// <summary>Depreciation expense from the start of <paramref name="from"/> to the start of <paramref name="to"/>.</summary>
    /// <param name="from">The first day included.</param>
    /// <param name="to">The first day not included; not before <paramref name="from"/>.</param>
    /// <returns>The depreciation expense over the span.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public Money DepreciationBetween(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"End date must not be earlier than the start date; {CloudEconomics.Serialization.IsoDate.Format(to)} is before {CloudEconomics.Serialization.IsoDate.Format(from)}."), nameof(to));
        }
        return new Money(Accumulated(to) - Accumulated(from), _currency);
    }

    private static LocalDate AlignedPeriodStart(LocalDate date, int months)
    {
        int monthIndex = (date.Month - 1) / months * months;
        return new LocalDate(date.Year, monthIndex + 1, 1);
    }

    private static double AccumulatedAt(Segment[] segments, LocalDate start, LocalDate date, double cost)
    {
        double u = LifeElapsed(start, date, segments[^1].TotalLifeMonths);
        var segment = segments[0];
        for (int i = 1; i < segments.Length && segments[i].StartMonths <= u; i++)
        {
            segment = segments[i];
        }
        return segment.Accumulated(u, cost);
    }

    /// <summary>Life elapsed in months from <paramref name="start"/> to <paramref name="date"/>: whole months from the start, plus days over the days of the current month.</summary>
    internal static double LifeElapsed(LocalDate start, LocalDate date, double cap)
    {
        if (date <= start)
        {
            return 0;
        }
        int k = ((date.Year - start.Year) * 12) + (date.Month - start.Month);
        while (k > 0 && start.PlusMonths(k) > date)
        {
            k--;
        }
        while (start.PlusMonths(k + 1) <= date)
        {
            k++;
        }
        var anchor = start.PlusMonths(k);
        var next = start.PlusMonths(k + 1);
        double fraction = (double)(CashFlowMath.DayNumber(date) - CashFlowMath.DayNumber(anchor)) / (CashFlowMath.DayNumber(next) - CashFlowMath.DayNumber(anchor));
        return Math.Min(cap, k + fraction); // k + fraction >= k, so a whole-month count at or past the cap gives the cap
    }

    /// <summary>Depreciation of one basis over one life; a life change starts a new segment.</summary>
    private sealed class Segment
    {
        private readonly double[] _yearAmounts;

        internal Segment(double startMonths, double basis, double salvage, double lifeMonths, int totalLifeMonths, DepreciationPlan plan)
        {
            StartMonths = startMonths;
            Basis = basis;
            LifeMonths = lifeMonths;
            TotalLifeMonths = totalLifeMonths;
            double years = lifeMonths / 12.0;
            int count = (int)Math.Ceiling(years - 1e-12);
            _yearAmounts = new double[count];
            double depreciable = Math.Max(0, basis - salvage);
            switch (plan.Method)
            {
                case DepreciationMethod.StraightLine:
                    for (int y = 0; y < count; y++)
                    {
                        _yearAmounts[y] = depreciable * Length(y, years) / years;
                    }
                    break;
                case DepreciationMethod.SumOfYearsDigits:
                    double total = 0;
                    for (int y = 0; y < count; y++)
                    {
                        _yearAmounts[y] = (years - y) * Length(y, years);
                        total += _yearAmounts[y];
                    }
                    for (int y = 0; y < count; y++)
                    {
                        _yearAmounts[y] = depreciable * _yearAmounts[y] / total;
                    }
                    break;
                default:
                    double rate = plan.DecliningBalanceFactor / years;
                    double book = basis;
                    double left = depreciable;
                    bool straight = false;
                    double straightAmount = 0;
                    for (int y = 0; y < count; y++)
                    {
                        double length = Length(y, years);
                        double amount;
                        if (straight)
                        {
                            amount = straightAmount * length;
                        }
                        else
                        {
                            double declining = Math.Min(book * Math.Min(rate, 1.0) * length, Math.Max(0, book - salvage));
                            double line = left * length / (years - y);
                            if (line > declining)
                            {
                                straight = true;
                                straightAmount = left / (years - y);
                                amount = line;
                            }
                            else
                            {
                                amount = declining;
                            }
                        }
                        amount = Math.Min(amount, Math.Max(0, left));
                        _yearAmounts[y] = amount;
                        book -= amount;
                        left -= amount;
                    }
                    break;
            }
        }

        internal double StartMonths { get; }

        internal double Basis { get; }

        internal double LifeMonths { get; }

        internal int TotalLifeMonths { get; }

        private static double Length(int y, double years) => Math.Min(1.0, years - y);

        /// <summary>Total accumulated depreciation of the asset at life elapsed u (months), given this is the active segment.</summary>
        internal double Accumulated(double u, double cost)
        {
            double v = Math.Clamp(u - StartMonths, 0, LifeMonths);
            double sum = cost - Basis;
            double monthsLeft = v;
            for (int y = 0; y < _yearAmounts.Length && monthsLeft > 0; y++)
            {
                double yearMonths = Math.Min(12.0, LifeMonths - (12.0 * y));
                double take = Math.Min(monthsLeft, yearMonths);
                sum += _yearAmounts[y] * take / yearMonths;
                monthsLeft -= take;
            }
            return sum;
        }
    }
}
