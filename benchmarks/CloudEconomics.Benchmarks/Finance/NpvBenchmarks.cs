using BenchmarkDotNet.Attributes;
using CloudEconomics.Finance;
using Microsoft.VisualBasic;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>NPV: a plain multiply-add loop (baseline), Microsoft.VisualBasic.Financial.NPV and CashFlowMath.Npv.</summary>
[MemoryDiagnoser]
public class NpvBenchmarks
{
    private double[] _values = [];

    /// <summary>Number of flows.</summary>
    [Params(12, 120, 1200)]
    public int N { get; set; }

    /// <summary>Flows as for IRR.</summary>
    [GlobalSetup]
    public void Setup() => _values = FinanceBenchmarkData.Periodic(N, 0.015);

    /// <summary>sum of v_i * d^(i+1) with d = 1/(1+r), one running factor.</summary>
    [Benchmark(Baseline = true)]
    public double PlainLoop()
    {
        double d = 1.0 / 1.01, f = 1.0, sum = 0.0;
        foreach (double v in _values)
        {
            f *= d;
            sum += v * f;
        }
        return sum;
    }

    /// <summary>Microsoft.VisualBasic.Financial.NPV.</summary>
    [Benchmark]
    public double VisualBasic() => Financial.NPV(0.01, ref _values);

    /// <summary>CashFlowMath.Npv (validated, four-accumulator Horner).</summary>
    [Benchmark]
    public double CloudEconomics() => CashFlowMath.Npv(0.01, _values);
}
