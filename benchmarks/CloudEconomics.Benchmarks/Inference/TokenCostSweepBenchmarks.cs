using BenchmarkDotNet.Attributes;
using CloudEconomics.Inference;

namespace CloudEconomics.Benchmarks.Inference;

/// <summary>
/// Price per million tokens over 1,000,000 scenarios (hourly price, tokens/s, utilisation): the Vector&lt;double&gt; kernel
/// against the scalar loop (baseline) and against copying the 24 MB of inputs (the memory-bound floor).
/// </summary>
[MemoryDiagnoser]
public class TokenCostSweepBenchmarks
{
    /// <summary>Scenarios: 10,000 (inputs in L2 cache) and 1,000,000 (32 MB, memory-bound).</summary>
    [Params(10_000, 1_000_000)]
    public int N { get; set; }

    private double[] price = [];
    private double[] rate = [];
    private double[] utilization = [];
    private double[] destination = [];
    private double[] copy = [];

    /// <summary>Deterministic scenarios: prices 1-100 USD/h, 100-50,000 tokens/s, utilisation 0.05-1.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        price = Enumerable.Range(0, N).Select(_ => 1 + rng.NextDouble() * 99).ToArray();
        rate = Enumerable.Range(0, N).Select(_ => 100 + rng.NextDouble() * 49_900).ToArray();
        utilization = Enumerable.Range(0, N).Select(_ => 0.05 + rng.NextDouble() * 0.95).ToArray();
        destination = new double[N];
        copy = new double[3 * N];
    }

    /// <summary>One element at a time, same checks.</summary>
    [Benchmark(Baseline = true)]
    public void ScalarLoop() => TokenCostKernel.PricePerMillionTokensScalar(price, rate, utilization, destination);

    /// <summary>The vectorised kernel.</summary>
    [Benchmark]
    public void VectorKernel() => TokenCostKernel.PricePerMillionTokens(price, rate, utilization, destination);

    /// <summary>Copying the same 24 MB of inputs: the memory-bound floor.</summary>
    [Benchmark]
    public void CopyInputs()
    {
        price.AsSpan().CopyTo(copy.AsSpan(0, N));
        rate.AsSpan().CopyTo(copy.AsSpan(N, N));
        utilization.AsSpan().CopyTo(copy.AsSpan(2 * N, N));
    }
}
