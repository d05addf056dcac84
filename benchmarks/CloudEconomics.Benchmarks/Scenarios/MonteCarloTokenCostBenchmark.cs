using BenchmarkDotNet.Attributes;
using CloudEconomics.Analysis;

namespace CloudEconomics.Benchmarks.Scenarios;

/// <summary>
/// Monte Carlo of cost per million tokens, 5 uncertain inputs, 10,000,000 draws: the reference per-draw scalar loop
/// (baseline) against vectorised sampling plus the batch function (<see cref="CloudEconomics.Inference.TokenCostKernel"/>), on one core and on all.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloTokenCostBenchmark
{
    private const int Draws = 10_000_000;
    private readonly ScenarioModel _model = BenchmarkModels.TokenCost();
    private readonly SimulationOptions _scalarOne = new() { Draws = Draws, Seed = 1, MaxDegreeOfParallelism = 1, Evaluation = SimulationEvaluation.PerDraw };
    private readonly SimulationOptions _kernelOne = new() { Draws = Draws, Seed = 1, MaxDegreeOfParallelism = 1, Evaluation = SimulationEvaluation.Vectorized };
    private readonly SimulationOptions _scalarAll = new() { Draws = Draws, Seed = 1, Evaluation = SimulationEvaluation.PerDraw };
    private readonly SimulationOptions _kernelAll = new() { Draws = Draws, Seed = 1, Evaluation = SimulationEvaluation.Vectorized };

    /// <summary>Per-draw scalar loop, one core.</summary>
    [Benchmark(Baseline = true)]
    public double ScalarOneCore() => _model.Simulate(_scalarOne).Mean;

    /// <summary>Vectorised sampling and kernel, one core.</summary>
    [Benchmark]
    public double KernelOneCore() => _model.Simulate(_kernelOne).Mean;

    /// <summary>Per-draw scalar loop, all cores.</summary>
    [Benchmark]
    public double ScalarAllCores() => _model.Simulate(_scalarAll).Mean;

    /// <summary>Vectorised sampling and kernel, all cores.</summary>
    [Benchmark]
    public double KernelAllCores() => _model.Simulate(_kernelAll).Mean;
}
