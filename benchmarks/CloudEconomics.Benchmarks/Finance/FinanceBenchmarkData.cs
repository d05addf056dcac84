using NodaTime;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>Deterministic inputs shared by the finance benchmarks.</summary>
internal static class FinanceBenchmarkData
{
    /// <summary>An investment followed by n-1 level inflows whose periodic IRR is <paramref name="rate"/>.</summary>
    internal static double[] Periodic(int n, double rate)
    {
        var values = new double[n];
        double payment = 1000;
        double pv = 0;
        for (int i = 1; i < n; i++)
        {
            values[i] = payment * (1 + (0.01 * (i % 7)));
            pv += values[i] / Math.Pow(1 + rate, i);
        }
        values[0] = -pv;
        return values;
    }

    /// <summary>Monthly dated flows from 2025-01-31 (dates from the start each time) with an annual XIRR near <paramref name="rate"/>.</summary>
    internal static (double[] Values, LocalDate[] Dates, double[] Days) Dated(int n, double rate)
    {
        var start = new LocalDate(2025, 1, 31);
        var values = new double[n];
        var dates = new LocalDate[n];
        var days = new double[n];
        double pv = 0;
        for (int i = 0; i < n; i++)
        {
            dates[i] = start.PlusMonths(i);
            days[i] = Period.DaysBetween(start, dates[i]);
            if (i > 0)
            {
                values[i] = 1000 * (1 + (0.01 * (i % 5)));
                pv += values[i] / Math.Pow(1 + rate, days[i] / 365.0);
            }
        }
        values[0] = -pv;
        return (values, dates, days);
    }
}
