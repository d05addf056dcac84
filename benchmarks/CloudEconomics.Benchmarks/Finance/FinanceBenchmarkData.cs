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

    /// <summary>
    /// <paramref name="count"/> seeded random sets of <paramref name="n"/> monthly flows (see <see cref="IrrRandomFlowsBenchmarks"/>):
    /// "Returns" = -investment then noisy positive returns; "Mixed" = the same with some negative months. A set is kept
    /// only when Visual Basic's IRR and ours both solve it from the guess 0.1 and agree to 1e-9.
    /// </summary>
    internal static double[][] RandomFlowSets(string kind, int count, int n, int seed)
    {
        var random = new Random(seed);
        var sets = new List<double[]>();
        int attempts = 0;
        while (sets.Count < count)
        {
            if (++attempts > 100 * count)
            {
                throw new InvalidOperationException($"Could not draw {count} solvable '{kind}' flow sets.");
            }
            var values = new double[n];
            double monthly = 5_000 + (random.NextDouble() * 20_000);
            double paybackMonths = 12 + (random.NextDouble() * 60);
            values[0] = -monthly * paybackMonths;
            for (int i = 1; i < n; i++)
            {
                double noise = 1 + (0.3 * ((2 * random.NextDouble()) - 1));
                values[i] = monthly * noise;
                if (kind == "Mixed" && random.NextDouble() < 0.15)
                {
                    values[i] = -monthly * (0.2 + (1.5 * random.NextDouble()));
                }
            }
            if (!UniqueRoot(values))
            {
                continue;
            }
            try
            {
                var copy = (double[])values.Clone();
                double vb = Microsoft.VisualBasic.Financial.IRR(ref copy, 0.1);
                double ours = CloudEconomics.Finance.CashFlowMath.Irr(values, 0.1);
                if (Math.Abs(vb - ours) <= 1e-9 * Math.Max(1, Math.Abs(vb)))
                {
                    sets.Add(values);
                }
            }
            catch (ArgumentException)
            {
                // Visual Basic's "Arguments are not valid" (no convergence from 0.1): redraw.
            }
        }
        return [.. sets];
    }

    /// <summary>The cumulative cash changes sign exactly once, ending positive (Norstrom's condition: a unique IRR).</summary>
    private static bool UniqueRoot(double[] values)
    {
        double cumulative = 0;
        int changes = 0;
        bool? negative = null;
        foreach (double v in values)
        {
            cumulative += v;
            if (cumulative == 0)
            {
                continue;
            }
            bool now = cumulative < 0;
            if (negative is bool before && before != now)
            {
                changes++;
            }
            negative = now;
        }
        return changes == 1 && cumulative > 0;
    }
}
