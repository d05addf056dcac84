using System.Diagnostics;
using System.Globalization;
using CloudEconomics.Analysis;

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
        // Warm-up: long enough for tiered compilation to promote the hot loops (with dynamic PGO, as BenchmarkDotNet sees them).
        for (int i = 0; i < 3; i++) model.Simulate(new SimulationOptions { Draws = Math.Min(draws, 2_000_000), Evaluation = mode, MaxDegreeOfParallelism = threads });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = model.Simulate(options);
        sw.Stop();
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} wall {sw.Elapsed.TotalMilliseconds,7:F0} ms  cpu {cpuSeconds * 1000,7:F0} ms  {draws / cpuSeconds / 1e6,6:F1} M draws per cpu-second  mean {r.Mean:G6}"));
    }

    /// <summary>CPU time of each phase of the token-cost kernel path over 10,000,000 draws (generator, each input's quantiles, batch function), for finding where the time goes.</summary>
    public static void Profile()
    {
        var model = BenchmarkModels.TokenCost();
        int m = model.UncertainIndices.Length;
        const int Chunk = MonteCarlo.ChunkSize;
        var uniforms = new double[m * Chunk];
        var columns = new double[model.Inputs.Count * Chunk];
        var output = new double[Chunk];
        var distributions = model.UncertainIndices.Select(i => model.Inputs[i].Distribution!).ToArray();
        var scratch = new ScratchBuffer();
        var phase = new double[m + 2];
        for (int rep = 0; rep < 2; rep++)
        {
            Array.Clear(phase);
            for (int k = 0; k < 10_000_000 / Chunk; k++)
            {
                long t0 = Stopwatch.GetTimestamp();
                var rng = new ChunkRandom(1, k);
                rng.Fill(uniforms);
                long t1 = Stopwatch.GetTimestamp();
                phase[0] += t1 - t0;
                for (int j = 0; j < m; j++)
                {
                    t0 = Stopwatch.GetTimestamp();
                    distributions[j].Quantiles(uniforms.AsSpan(j * Chunk, Chunk), columns.AsSpan(model.UncertainIndices[j] * Chunk, Chunk));
                    phase[1 + j] += Stopwatch.GetTimestamp() - t0;
                }
                t0 = Stopwatch.GetTimestamp();
                model.BatchOutput!(new ScenarioBatch(columns, Chunk, Chunk, scratch), output);
                phase[m + 1] += Stopwatch.GetTimestamp() - t0;
            }
        }
        double ns(double ticks) => ticks * 1e9 / Stopwatch.Frequency / 10_000_000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generator {ns(phase[0]):F2} ns/draw"));
        for (int j = 0; j < m; j++) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{distributions[j].Family,-12} {ns(phase[1 + j]):F2} ns/draw"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {ns(phase[m + 1]):F2} ns/draw"));
        // The engine's own cost per draw (chunk statistics, exact percentiles, histogram), sampling one uniform and copying it.
        var ub = new ScenarioModelBuilder("uniform copy", "units");
        var x = ub.Input("x", "units", 0.5, 0, 1, Distribution.Uniform(0, 1));
        var copy = ub.Build(v => v[x], (batch, o) => batch[x].CopyTo(o));
        Time("engine only (one uniform, copied)", copy, 10_000_000, SimulationEvaluation.Vectorized, 1);
        var sw = Stopwatch.StartNew();
        var r = model.Simulate(new SimulationOptions { Draws = 10_000_000, Evaluation = SimulationEvaluation.Vectorized, MaxDegreeOfParallelism = 1 });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole kernel run {sw.Elapsed.TotalMilliseconds / 10:F2} ns/draw mean {r.Mean:R}"));
        sw.Restart();
        r = model.Simulate(new SimulationOptions { Draws = 10_000_000, Evaluation = SimulationEvaluation.PerDraw, MaxDegreeOfParallelism = 1 });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole scalar run {sw.Elapsed.TotalMilliseconds / 10:F2} ns/draw mean {r.Mean:R}"));
    }
}
