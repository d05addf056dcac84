using BenchmarkDotNet.Attributes;
using CloudEconomics.Finance;
using Microsoft.VisualBasic;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>PMT: Microsoft.VisualBasic.Financial.Pmt (baseline) against CashFlowMath.Pmt.</summary>
[MemoryDiagnoser]
public class PmtBenchmarks
{
    private double _rate = 0.065 / 12, _periods = 360, _pv = 250000;

    /// <summary>Microsoft.VisualBasic.Financial.Pmt.</summary>
    [Benchmark(Baseline = true)]
    public double VisualBasic() => Financial.Pmt(_rate, _periods, _pv);

    /// <summary>CashFlowMath.Pmt.</summary>
    [Benchmark]
    public double CloudEconomics() => CashFlowMath.Pmt(_rate, _periods, _pv);
}

/// <summary>RATE: Microsoft.VisualBasic.Financial.Rate (baseline) against CashFlowMath.Rate.</summary>
[MemoryDiagnoser]
public class RateBenchmarks
{
    private double _periods = 360, _payment = -1580.17, _pv = 250000;

    /// <summary>Microsoft.VisualBasic.Financial.Rate.</summary>
    [Benchmark(Baseline = true)]
    public double VisualBasic() => Financial.Rate(_periods, _payment, _pv);

    /// <summary>CashFlowMath.Rate.</summary>
    [Benchmark]
    public double CloudEconomics() => CashFlowMath.Rate(_periods, _payment, _pv);
}
