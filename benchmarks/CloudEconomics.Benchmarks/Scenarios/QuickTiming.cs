using System.Diagnostics;
using System.Globalization;
using CloudEconomics.Scenarios;

namespace CloudEconomics.Benchmarks.Scenarios;

/// <summary>A quick Stopwatch run of the scenario benchmarks (<c>-- scenarios-quick</c>): a sanity check, not a substitute for BenchmarkDotNet.</summary>
public static class QuickTiming
{
    /// <summary>Times each configuration once after a warm-up and prints draws per second per core.</summary>
    public static void Run()
    {
        var token = BenchmarkModels.TokenCost();
        Time("token cost, per-draw scalar, 1 core", token, 10_000_000, SimulationEvaluation.PerDraw, 1);
        Time("token cost, kernel, 1 core", token, 10_000_000, SimulationEvaluation.Vectorized, 1);
        Time("token cost, kernel, all cores", token, 10_000_000, SimulationEvaluation.Vectorized, null);
        var payback = BenchmarkModels.Payback();
        Time("payback, per-draw scalar, 1 core", payback, 1_000_000, SimulationEvaluation.PerDraw, 1);
        Time("payback, kernel, 1 core", payback, 1_000_000, SimulationEvaluation.Vectorized, 1);
    }

    private static void Time(string name, ScenarioModel model, int draws, SimulationEvaluation mode, int? threads)
    {
        var options = new SimulationOptions { Draws = draws, Evaluation = mode, MaxDegreeOfParallelism = threads };
        model.Simulate(new SimulationOptions { Draws = 100_000, Evaluation = mode, MaxDegreeOfParallelism = threads });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = model.Simulate(options);
        sw.Stop();
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} wall {sw.Elapsed.TotalMilliseconds,7:F0} ms  cpu {cpuSeconds * 1000,7:F0} ms  {draws / cpuSeconds / 1e6,6:F1} M draws per cpu-second  mean {r.Mean:G6}"));
    }
}
