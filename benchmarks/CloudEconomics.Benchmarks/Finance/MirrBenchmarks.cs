using BenchmarkDotNet.Attributes;
using CloudEconomics.Finance;
using Microsoft.VisualBasic;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>MIRR: Microsoft.VisualBasic.Financial.MIRR (baseline) against CashFlowMath.Mirr.</summary>
[MemoryDiagnoser]
public class MirrBenchmarks
{
    private double[] _values = [];

    /// <summary>Number of flows.</summary>
    [Params(12, 120, 1200)]
    public int N { get; set; }

    /// <summary>Flows as for IRR.</summary>
    [GlobalSetup]
    public void Setup() => _values = FinanceBenchmarkData.Periodic(N, 0.015);

    /// <summary>Microsoft.VisualBasic.Financial.MIRR.</summary>
    [Benchmark(Baseline = true)]
    public double VisualBasic() => Financial.MIRR(ref _values, 0.01, 0.012);

    /// <summary>CashFlowMath.Mirr.</summary>
    [Benchmark]
    public double CloudEconomics() => CashFlowMath.Mirr(_values, 0.01, 0.012);
}
