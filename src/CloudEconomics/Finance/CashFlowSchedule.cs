using System.Collections;
using System.Globalization;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>
/// Dated cash flows in one currency, sorted by date (flows on the same date keep their given order): the typed tier
/// over <see cref="CashFlowMath.Xnpv"/> and <see cref="CashFlowMath.Xirr"/>, with payback and the cumulative position.
/// Immutable and thread-safe.
/// </summary>
public sealed class CashFlowSchedule : IReadOnlyList<CashFlow>
{
    private readonly CashFlow[] _flows;
    private readonly double[] _amounts;
    private readonly LocalDate[] _dates;
    private readonly int[] _offsets;

    /// <summary>Creates a schedule from flows in any order; they are sorted by date (stable).</summary>
    /// <param name="flows">The flows: at least one, all in one currency.</param>
    /// <exception cref="ArgumentNullException"><paramref name="flows"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="flows"/> is empty or mixes currencies.</exception>
    public CashFlowSchedule(IEnumerable<CashFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        _flows = flows.OrderBy(f => f.Date).ToArray();
        if (_flows.Length == 0)
        {
            throw new ArgumentException("A cash-flow schedule needs at least one flow; none were given.", nameof(flows));
        }
        Currency = _flows[0].Amount.Currency;
        _amounts = new double[_flows.Length];
        _dates = new LocalDate[_flows.Length];
        _offsets = new int[_flows.Length];
        int first = CashFlowMath.DayNumber(_flows[0].Date);
        for (int i = 0; i < _flows.Length; i++)
        {
            var flow = _flows[i];
            if (flow.Amount.Currency != Currency)
            {
                throw new ArgumentException(
                    $"All flows must be in one currency; the flow on {Iso(flow.Date)} is in {flow.Amount.Currency.Code} but the first is in {Currency.Code}.",
                    nameof(flows));
            }
            _amounts[i] = flow.Amount.ToDouble();
            _dates[i] = flow.Date;
            _offsets[i] = CashFlowMath.DayNumber(flow.Date) - first;
        }
    }

    /// <summary>The currency of every flow.</summary>
    public Currency Currency { get; }

    /// <summary>The date of the first flow.</summary>
    public LocalDate StartDate => _flows[0].Date;

    /// <summary>The date of the last flow.</summary>
    public LocalDate EndDate => _flows[^1].Date;

    /// <summary>The number of flows.</summary>
    public int Count => _flows.Length;

    /// <summary>The flow at a position in date order.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the schedule.</exception>
    public CashFlow this[int index] => _flows[index];

    /// <summary>The sum of all flows (undiscounted).</summary>
    public Money Total => Money.Sum(_flows.Select(f => f.Amount), Currency);

    /// <summary>Enumerates the flows in date order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<CashFlow> GetEnumerator() => ((IEnumerable<CashFlow>)_flows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Net present value at <paramref name="valuationDate"/>: each flow discounted (or, if before that date,
    /// compounded) by (1 + rate)^((date - valuationDate) / 365), actual/365 as in Excel's XNPV. With the valuation
    /// date equal to <see cref="StartDate"/> this is XNPV.
    /// </summary>
    /// <param name="annualRate">Annual discount rate, as a decimal fraction; greater than -1.</param>
    /// <param name="valuationDate">The date the value is stated at.</param>
    /// <returns>The present value in <see cref="Currency"/> (not rounded).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualRate"/> is not finite or is -1 or below.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public Money NetPresentValue(double annualRate, LocalDate valuationDate)
    {
        FinanceChecks.CheckRate(annualRate, nameof(annualRate));
        double logGrowth = FinanceMath.Log1P(annualRate);
        int shift = CashFlowMath.DayNumber(valuationDate) - CashFlowMath.DayNumber(StartDate);
        double sum = 0;
        for (int i = 0; i < _amounts.Length; i++)
        {
            sum += _amounts[i] * Math.Exp(-(_offsets[i] - shift) / 365.0 * logGrowth);
        }
        if (!double.IsFinite(sum) || Math.Abs(sum) >= 7.9e28)
        {
            throw FinanceChecks.NonFinite("NetPresentValue");
        }
        return Money.FromDouble(sum, Currency);
    }

    /// <summary>The annual internal rate of return, as Excel's XIRR over these flows and dates.</summary>
    /// <param name="guess">Where Newton's method starts, as an annual decimal fraction; greater than -1.</param>
    /// <returns>The annual rate, as a decimal fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is not finite or is -1 or below.</exception>
    /// <exception cref="FinancialCalculationException">The flows are all of one sign or no rate was found.</exception>
    public double InternalRateOfReturn(double guess = 0.1) => CashFlowMath.Xirr(_amounts, _dates, guess);

    /// <summary>Like <see cref="InternalRateOfReturn"/>, returning false when no rate exists or none is found.</summary>
    /// <param name="rate">The annual rate when found; 0 otherwise.</param>
    /// <param name="guess">Where Newton's method starts; greater than -1.</param>
    /// <returns>Whether a rate was found.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is not finite or is -1 or below.</exception>
    public bool TryInternalRateOfReturn(out double rate, double guess = 0.1) => CashFlowMath.TryXirr(_amounts, _dates, out rate, guess);

    /// <summary>
    /// Simple (undiscounted) payback: the point after which the cumulative position never falls below zero again,
    /// interpolated linearly inside the period that recovers it (cash taken to arrive evenly between the previous
    /// flow date and the recovering flow date). Years = days from the first flow / 365.
    /// </summary>
    /// <returns>The payback; not reached when the cumulative position ends below zero. A schedule that is never
    /// below zero pays back at its first date (0 years).</returns>
    public PaybackResult Payback()
    {
        // Cumulative sums in decimal so that flows which cancel exactly give exactly zero.
        var cumulative = new double[_amounts.Length];
        var negative = new bool[_amounts.Length];
        decimal running = 0m;
        for (int i = 0; i < _flows.Length; i++)
        {
            running += _flows[i].Amount.Amount;
            cumulative[i] = (double)running;
            negative[i] = running < 0m;
        }
        return FindPayback(cumulative, negative);
    }

    /// <summary>
    /// Discounted payback: as <see cref="Payback"/>, on flows discounted to the first date at
    /// <paramref name="annualRate"/> with actual/365 (as XNPV does).
    /// </summary>
    /// <param name="annualRate">Annual discount rate, as a decimal fraction; greater than -1.</param>
    /// <returns>The discounted payback; not reached when the discounted cumulative position ends below zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualRate"/> is not finite or is -1 or below.</exception>
    /// <exception cref="FinancialCalculationException">The discounting overflows.</exception>
    public PaybackResult DiscountedPayback(double annualRate)
    {
        FinanceChecks.CheckRate(annualRate, nameof(annualRate));
        double logGrowth = FinanceMath.Log1P(annualRate);
        var cumulative = new double[_amounts.Length];
        var negative = new bool[_amounts.Length];
        double running = 0, scale = 0;
        for (int i = 0; i < _amounts.Length; i++)
        {
            double discounted = _amounts[i] * Math.Exp(-_offsets[i] / 365.0 * logGrowth);
            running += discounted;
            scale += Math.Abs(discounted);
            cumulative[i] = running;
        }
        if (!double.IsFinite(scale))
        {
            throw FinanceChecks.NonFinite("DiscountedPayback");
        }
        double tolerance = 1e-12 * scale;
        for (int i = 0; i < cumulative.Length; i++)
        {
            negative[i] = cumulative[i] < -tolerance;
        }
        return FindPayback(cumulative, negative);
    }

    private PaybackResult FindPayback(double[] cumulative, bool[] negative)
    {
        // Only the position at the end of each date counts (several flows may share a date).
        int lastNegative = -1;
        for (int i = 0; i < cumulative.Length; i++)
        {
            bool endOfDate = i == cumulative.Length - 1 || _dates[i + 1] != _dates[i];
            if (endOfDate && negative[i])
            {
                lastNegative = i;
            }
        }
        if (lastNegative < 0)
        {
            return PaybackResult.Reached(StartDate, 0.0);
        }
        if (lastNegative == cumulative.Length - 1)
        {
            return PaybackResult.NotReached;
        }
        int recovering = lastNegative + 1;
        while (recovering + 1 < cumulative.Length && _dates[recovering + 1] == _dates[recovering])
        {
            recovering++;
        }
        double before = cumulative[lastNegative];
        double gained = cumulative[recovering] - before;
        double fraction = Math.Clamp(-before / gained, 0.0, 1.0);
        double previousDay = _offsets[lastNegative];
        double day = previousDay + (fraction * (_offsets[recovering] - previousDay));
        int wholeDays = (int)Math.Ceiling(day - 1e-9);
        return PaybackResult.Reached(StartDate.PlusDays(wholeDays), day / 365.0);
    }

    /// <summary>
    /// The cumulative position after each date that carries a flow: the running total of all flows up to and
    /// including that date.
    /// </summary>
    /// <returns>One entry per distinct date, in date order.</returns>
    public IReadOnlyList<CashFlow> CumulativePosition()
    {
        var result = new List<CashFlow>(_flows.Length);
        decimal running = 0m;
        for (int i = 0; i < _flows.Length; i++)
        {
            running += _flows[i].Amount.Amount;
            if (i == _flows.Length - 1 || _flows[i + 1].Date != _flows[i].Date)
            {
                result.Add(new CashFlow(_flows[i].Date, new Money(running, Currency)));
            }
        }
        return result;
    }

    /// <summary>The cumulative position at the end of <paramref name="date"/>: the sum of all flows on or before it.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The running total (zero before the first flow).</returns>
    public Money CumulativePositionAt(LocalDate date)
    {
        decimal running = 0m;
        foreach (var flow in _flows)
        {
            if (flow.Date > date)
            {
                break;
            }
            running += flow.Amount.Amount;
        }
        return new Money(running, Currency);
    }

    /// <summary>A short invariant description: count, dates and total.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Count.ToString(CultureInfo.InvariantCulture)} flows {Iso(StartDate)} to {Iso(EndDate)}, total {Total}";

    private static string Iso(LocalDate date) => CloudEconomics.Serialization.IsoDate.Format(date);
}
