using System.Diagnostics;
using System.Globalization;
using CloudEconomics.Finance;
using Microsoft.VisualBasic;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>
/// CPU-time ratios of the finance goals (XNPV, RATE, IRR on random flows) for a machine whose wall clock is dominated
/// by other processes: each pair (baseline, ours) is timed by <see cref="Process.TotalProcessorTime"/> over runs of
/// about 0.3 s, alternating, seven rounds; the median ratio is printed. A check beside BenchmarkDotNet, not a substitute.
/// Run from a scratch console: <c>CloudEconomics.Benchmarks.Finance.FinanceCpuTiming.Run()</c>.
/// </summary>
public static class FinanceCpuTiming
{
    private static double _sink;

    /// <summary>Prints the median CPU-time ratio (ours / baseline) of each finance goal.</summary>
    public static void Run()
    {
        foreach (int n in new[] { 12, 120, 1200 })
        {
            var (values, dates, days) = FinanceBenchmarkData.Dated(n, 0.2);
            Pair($"XNPV, {n} flows: CashFlowMath.Xnpv / naive Math.Pow loop", 200_000_000 / (n * 50),
                () => _sink += NaiveFinance.Xnpv(0.09, values, days),
                () => _sink += CashFlowMath.Xnpv(0.09, values, dates));
        }
        double periods = 360, payment = -1580.17, pv = 250000;
        Pair("RATE, 360 periods: CashFlowMath.Rate / Financial.Rate", 200_000,
            () => _sink += Financial.Rate(periods, payment, pv),
            () => _sink += CashFlowMath.Rate(periods, payment, pv));
        foreach (string kind in new[] { "Returns", "Mixed" })
        {
            var sets = FinanceBenchmarkData.RandomFlowSets(kind, 32, 120, 20261205);
            Pair($"IRR, 32 random sets of 120 flows ({kind}): CashFlowMath.Irr / Financial.IRR", 200,
                () =>
                {
                    for (int i = 0; i < sets.Length; i++) _sink += Financial.IRR(ref sets[i], 0.1);
                },
                () =>
                {
                    for (int i = 0; i < sets.Length; i++) _sink += CashFlowMath.Irr(sets[i], 0.1);
                });
        }
    }

    private static void Pair(string name, int reps, Action baseline, Action ours)
    {
        // Calibrate the repetitions to about 0.3 s of CPU for the baseline.
        double one = Cpu(baseline, Math.Max(1, reps / 10));
        int count = (int)Math.Clamp(0.3 / Math.Max(one, 1e-9), 10, 50_000_000);
        var ratios = new List<double>();
        double baseTotal = 0, oursTotal = 0;
        for (int round = 0; round < 7; round++)
        {
            double b = Cpu(baseline, count);
            double o = Cpu(ours, count);
            baseTotal += b;
            oursTotal += o;
            ratios.Add(o / b);
        }
        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-78} baseline {baseTotal / 7 * 1e9,12:F0} ns  ours {oursTotal / 7 * 1e9,12:F0} ns  median ratio {ratios[3]:F3} (min {ratios[0]:F3}, max {ratios[6]:F3})"));
    }

    /// <summary>CPU seconds per call of <paramref name="action"/> over <paramref name="count"/> calls.</summary>
    private static double Cpu(Action action, int count)
    {
        action();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        for (int i = 0; i < count; i++) action();
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalSeconds / count;
    }
}
