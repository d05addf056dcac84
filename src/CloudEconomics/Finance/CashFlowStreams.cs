using System.Globalization;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>
/// Builds <see cref="CashFlowSchedule"/>s from periodic streams (rent, revenue, power bills): monthly, quarterly,
/// semi-annual or annual, flat, growing every period, or escalating at each anniversary.
/// </summary>
/// <remarks>
/// Every date is computed from the start date (start + k months), never by stepping from the previous date, so
/// NodaTime's month truncation does not drift: a stream starting 31 January pays on 28 (or 29) February, 31 March,
/// 30 April, 31 May, ...
/// </remarks>
public static class CashFlowStreams
{
    /// <summary>The dates of a periodic stream: start + k x (months per period) for k = 0 to count - 1.</summary>
    /// <param name="start">The date of the first payment.</param>
    /// <param name="frequency">Months between payments.</param>
    /// <param name="count">Number of payments; at least 1.</param>
    /// <returns>The dates in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or <paramref name="frequency"/> is undefined.</exception>
    public static IReadOnlyList<LocalDate> PeriodDates(LocalDate start, PeriodFrequency frequency, int count)
    {
        int months = frequency.MonthsPerPeriod(nameof(frequency));
        CheckCount(count);
        var dates = new LocalDate[count];
        for (int k = 0; k < count; k++)
        {
            dates[k] = start.PlusMonths(k * months);
        }
        return dates;
    }

    /// <summary>
    /// A stream whose amount grows by <paramref name="growthPerPeriod"/> every period:
    /// amount x (1 + growth)^k on start + k periods.
    /// </summary>
    /// <param name="start">The date of the first payment.</param>
    /// <param name="frequency">Months between payments.</param>
    /// <param name="count">Number of payments; at least 1.</param>
    /// <param name="firstAmount">The first payment (negative for an outflow).</param>
    /// <param name="growthPerPeriod">Growth per period as a decimal fraction (0.01 = 1% per period); greater than -1; default 0 (flat).</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, <paramref name="frequency"/>
    /// is undefined, or <paramref name="growthPerPeriod"/> is not finite or is -1 or below.</exception>
    public static CashFlowSchedule Periodic(LocalDate start, PeriodFrequency frequency, int count, Money firstAmount, double growthPerPeriod = 0)
    {
        FinanceChecks.CheckRate(growthPerPeriod, nameof(growthPerPeriod));
        var dates = PeriodDates(start, frequency, count);
        var flows = new CashFlow[count];
        for (int k = 0; k < count; k++)
        {
            flows[k] = new CashFlow(dates[k], Scale(firstAmount, growthPerPeriod, k));
        }
        return new CashFlowSchedule(flows);
    }

    /// <summary>
    /// A stream that steps up by <paramref name="annualEscalation"/> at each anniversary of the start date (as leases
    /// and power contracts escalate): the payment on start + m months is amount x (1 + escalation)^floor(m / 12).
    /// </summary>
    /// <param name="start">The date of the first payment.</param>
    /// <param name="frequency">Months between payments.</param>
    /// <param name="count">Number of payments; at least 1.</param>
    /// <param name="firstAmount">The payment in the first year (negative for an outflow).</param>
    /// <param name="annualEscalation">Step-up per year as a decimal fraction (0.03 = 3%); greater than -1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, <paramref name="frequency"/>
    /// is undefined, or <paramref name="annualEscalation"/> is not finite or is -1 or below.</exception>
    public static CashFlowSchedule Escalating(LocalDate start, PeriodFrequency frequency, int count, Money firstAmount, double annualEscalation)
    {
        FinanceChecks.CheckRate(annualEscalation, nameof(annualEscalation));
        int months = frequency.MonthsPerPeriod(nameof(frequency));
        var dates = PeriodDates(start, frequency, count);
        var flows = new CashFlow[count];
        for (int k = 0; k < count; k++)
        {
            flows[k] = new CashFlow(dates[k], Scale(firstAmount, annualEscalation, k * months / 12));
        }
        return new CashFlowSchedule(flows);
    }

    private static Money Scale(Money amount, double growth, int periods)
    {
        if (growth == 0 || periods == 0)
        {
            return amount;
        }
        double factor = Math.Pow(1.0 + growth, periods);
        if (factor >= 7.9e28) // also catches infinity; 1 + growth > 0, so never NaN
        {
            throw new FinancialCalculationException(string.Create(CultureInfo.InvariantCulture, $"The stream's growth overflows after {periods} periods."));
        }
        return amount * (decimal)factor;
    }

    private static void CheckCount(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Count must be at least 1; it was {count.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
