using BenchmarkDotNet.Attributes;
using CloudEconomics.Finance;
using Microsoft.VisualBasic;

namespace CloudEconomics.Benchmarks.Finance;

/// <summary>
/// IRR on flows the solver was not tuned on: 32 seeded random sets of 120 monthly flows per invocation, solved by
/// Microsoft.VisualBasic.Financial.IRR (baseline) and CashFlowMath.Irr from Excel's default guess 0.1.
/// </summary>
/// <remarks>
/// <c>Returns</c>: an investment then noisy positive returns (one sign change). <c>Mixed</c>: an investment, noisy
/// returns that are negative in some months (refurbishments, losses), so the signs alternate several times while the
/// cumulative cash changes sign once (a unique IRR, so both solvers answer the same). Every set is checked at setup:
/// both solvers agree to 1e-9, otherwise the set is redrawn.
/// </remarks>
[MemoryDiagnoser]
public class IrrRandomFlowsBenchmarks
{
    private const int Sets = 32;
    private double[][] _sets = [];

    /// <summary>Kind of random flows.</summary>
    [Params("Returns", "Mixed")]
    public string Flows { get; set; } = "Returns";

    /// <summary>Draws the sets (seed 20261205) and keeps those on which both solvers agree.</summary>
    [GlobalSetup]
    public void Setup() => _sets = FinanceBenchmarkData.RandomFlowSets(Flows, Sets, 120, 20261205);

    /// <summary>Microsoft.VisualBasic.Financial.IRR over all sets.</summary>
    [Benchmark(Baseline = true)]
    public double VisualBasic()
    {
        double sum = 0;
        for (int i = 0; i < _sets.Length; i++)
        {
            sum += Financial.IRR(ref _sets[i], 0.1);
        }
        return sum;
    }

    /// <summary>CashFlowMath.Irr over all sets.</summary>
    [Benchmark]
    public double CloudEconomics()
    {
        double sum = 0;
        for (int i = 0; i < _sets.Length; i++)
        {
            sum += CashFlowMath.Irr(_sets[i], 0.1);
        }
        return sum;
    }
}
