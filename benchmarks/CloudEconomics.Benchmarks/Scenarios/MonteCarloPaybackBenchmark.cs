using BenchmarkDotNet.Attributes;
using CloudEconomics.Analysis;

namespace CloudEconomics.Benchmarks.Scenarios;

/// <summary>Monte Carlo of payback over 120 monthly flows, 1,000,000 draws: per-draw scalar loop (baseline) against the model's batch function (the same operations fused into one vector pass over the periods).</summary>
[MemoryDiagnoser]
public class MonteCarloPaybackBenchmark
{
    private const int Draws = 1_000_000;
    private readonly ScenarioModel _model = BenchmarkModels.Payback();
    private static readonly OutputCondition Within60 = OutputCondition.AtMost(60);
    private readonly SimulationOptions _scalarOne = new() { Draws = Draws, MaxDegreeOfParallelism = 1, Evaluation = SimulationEvaluation.PerDraw, Conditions = [Within60] };
    private readonly SimulationOptions _kernelOne = new() { Draws = Draws, MaxDegreeOfParallelism = 1, Evaluation = SimulationEvaluation.Vectorized, Conditions = [Within60] };
    private readonly SimulationOptions _kernelAll = new() { Draws = Draws, Evaluation = SimulationEvaluation.Vectorized, Conditions = [Within60] };

    /// <summary>Per-draw scalar loop, one core.</summary>
    [Benchmark(Baseline = true)]
    public double ScalarOneCore() => _model.Simulate(_scalarOne).Probability(Within60);

    /// <summary>Batch function, one core.</summary>
    [Benchmark]
    public double KernelOneCore() => _model.Simulate(_kernelOne).Probability(Within60);

    /// <summary>Batch function, all cores.</summary>
    [Benchmark]
    public double KernelAllCores() => _model.Simulate(_kernelAll).Probability(Within60);
}
