using BenchmarkDotNet.Attributes;
using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>
/// XIRR: a straightforward Newton with Math.Pow per term (baseline; day offsets precomputed for it) against
/// CashFlowMath.Xirr (takes LocalDate spans, no Math.Pow per term, one pass for value and derivative).
/// </summary>
[MemoryDiagnoser]
public class XirrBenchmarks
{
    private double[] _values = [];
    private LocalDate[] _dates = [];
    private double[] _days = [];

    /// <summary>Number of flows.</summary>
    [Params(12, 120, 1200)]
    public int N { get; set; }

    /// <summary>Monthly flows with an annual XIRR near 20%.</summary>
    [GlobalSetup]
    public void Setup() => (_values, _dates, _days) = FinanceBenchmarkData.Dated(N, 0.2);

    /// <summary>Naive Newton: two Math.Pow per term per iteration.</summary>
    [Benchmark(Baseline = true)]
    public double NaiveNewton() => NaiveFinance.Xirr(_values, _days, 0.1);

    /// <summary>CashFlowMath.Xirr.</summary>
    [Benchmark]
    public double CloudEconomics() => CashFlowMath.Xirr(_values, _dates, 0.1);

    /// <summary>The same solver given precomputed day offsets, like the baseline (isolates the LocalDate conversion cost).</summary>
    [Benchmark]
    public double CloudEconomicsKernel()
    {
        RateSolver.TryXirr(_values, _offsets, _offsets[^1], 0.1, _table, out double rate);
        return rate;
    }

    private int[] _offsets = [];
    private double[] _table = [];

    /// <summary>Day offsets and scratch for the kernel benchmark.</summary>
    [GlobalSetup(Target = nameof(CloudEconomicsKernel))]
    public void SetupKernel()
    {
        Setup();
        _offsets = _days.Select(d => (int)d).ToArray();
        _table = new double[FinanceKernels.DatedTableLength(_offsets[^1])];
    }
}

/// <summary>XNPV: a Math.Pow loop (baseline) against CashFlowMath.Xnpv.</summary>
[MemoryDiagnoser]
public class XnpvBenchmarks
{
    private double[] _values = [];
    private LocalDate[] _dates = [];
    private double[] _days = [];

    /// <summary>Number of flows.</summary>
    [Params(12, 120, 1200)]
    public int N { get; set; }

    /// <summary>Monthly flows.</summary>
    [GlobalSetup]
    public void Setup() => (_values, _dates, _days) = FinanceBenchmarkData.Dated(N, 0.2);

    /// <summary>sum of v_i / (1+r)^(days_i/365) with Math.Pow per term.</summary>
    [Benchmark(Baseline = true)]
    public double NaivePow() => NaiveFinance.Xnpv(0.09, _values, _days);

    /// <summary>CashFlowMath.Xnpv.</summary>
    [Benchmark]
    public double CloudEconomics() => CashFlowMath.Xnpv(0.09, _values, _dates);
}

/// <summary>The naive peers: textbook formulas with Math.Pow per term.</summary>
internal static class NaiveFinance
{
    internal static double Xnpv(double rate, double[] values, double[] days)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i] / Math.Pow(1 + rate, days[i] / 365.0);
        }
        return sum;
    }

    internal static double Xirr(double[] values, double[] days, double guess)
    {
        double r = guess;
        for (int it = 0; it < 100; it++)
        {
            double f = 0, df = 0;
            for (int i = 0; i < values.Length; i++)
            {
                double t = days[i] / 365.0;
                f += values[i] / Math.Pow(1 + r, t);
                df -= t * values[i] / Math.Pow(1 + r, t + 1);
            }
            double next = r - (f / df);
            if (Math.Abs(next - r) < 1e-12)
            {
                return next;
            }
            r = next;
        }
        throw new InvalidOperationException("XIRR did not converge.");
    }
}
