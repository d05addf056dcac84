using BenchmarkDotNet.Attributes;
using CloudEconomics.Finance;
using Microsoft.VisualBasic;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>IRR: Microsoft.VisualBasic.Financial.IRR (baseline) against CashFlowMath.Irr, same flows and guess.</summary>
[MemoryDiagnoser]
public class IrrBenchmarks
{
    private double[] _values = [];

    /// <summary>Number of flows.</summary>
    [Params(12, 120, 1200)]
    public int N { get; set; }

    /// <summary>Flows with a periodic IRR of 1.5%; both start from the guess 0.01 (VB fails from its default 0.1 at 120 flows).</summary>
    [GlobalSetup]
    public void Setup() => _values = FinanceBenchmarkData.Periodic(N, 0.015);

    /// <summary>Microsoft.VisualBasic.Financial.IRR.</summary>
    [Benchmark(Baseline = true)]
    public double VisualBasic() => Financial.IRR(ref _values, 0.01);

    /// <summary>CashFlowMath.Irr.</summary>
    [Benchmark]
    public double CloudEconomics() => CashFlowMath.Irr(_values, 0.01);
}
