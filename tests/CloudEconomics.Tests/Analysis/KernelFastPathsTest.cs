
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

/// <summary>
/// The column inverse normal of the Monte Carlo sampler (central lanes, then packed tail lanes) gives the same bits
/// as the scalar AS 241 and the published quantiles. (The four-vector payback loop is covered by
/// ScenarioKernelsTest.Payback_AgreesWithScalar, whose lengths up to 255 reach it.)
/// </summary>
public class KernelFastPathsTest
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(4096)]
    public void ColumnInverseNormal_MatchesScalarBitForBit(int n)
    {
        var rng = new Random(20261205 + n);
        var p = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Central, near tail and far tail (r > 5 needs p below about 1.4e-11), both sides.
            p[i] = (i % 11) switch
            {
                0 => 1e-300 * (1 + rng.NextDouble()),
                1 => 1 - (1e-12 * (1 + rng.NextDouble())),
                2 => 0.075 * rng.NextDouble(),
                _ => rng.NextDouble(),
            };
        }
        var z = new double[n];
        SpecialFunctions.InverseNormal(p, z);
        for (int i = 0; i < n; i++)
        {
            BitConverter.DoubleToInt64Bits(z[i]).Should().Be(BitConverter.DoubleToInt64Bits(SpecialFunctions.InverseNormal(p[i])), $"p = {p[i]:R} at index {i}");
        }
    }

    [Fact]
    public void ColumnInverseNormal_KnownQuantiles()
    {
        // Standard normal quantiles (Abramowitz and Stegun, table 26.5): Phi^-1(0.975) = 1.959963984540054,
        // Phi^-1(0.5) = 0, Phi^-1(0.001) = -3.090232306167814.
        double[] p = [0.975, 0.5, 0.001, 0.975, 0.5, 0.001, 0.975, 0.5, 0.001];
        var z = new double[p.Length];
        SpecialFunctions.InverseNormal(p, z);
        for (int i = 0; i < p.Length; i += 3)
        {
            z[i].Should().BeApproximately(1.959963984540054, 1e-14);
            z[i + 1].Should().Be(0);
            z[i + 2].Should().BeApproximately(-3.090232306167814, 1e-14);
        }
    }

    [Fact]
    public void PartitionedPercentiles_AreExactAndIndependentOfThreads()
    {
        // 600,001 draws: enough for the percentile passes to split the outputs into partitions when several threads
        // are allowed. Check against PERCENTILE.INC on the sorted samples (rank h = (n - 1) p, linear interpolation)
        // and the histogram against a count of the samples, for one thread and for three.
        var b = new ScenarioModelBuilder("sum", "units");
        var x = b.Input("x", "units", 0, -1, 1, Distribution.Normal(0, 1));
        var y = b.Input("y", "units", 0, 0, 1, Distribution.Uniform(0, 1));
        var model = b.Build(v => v[x] + (3 * v[y]));
        foreach (int threads in new[] { 1, 3 })
        {
            var r = model.Simulate(new SimulationOptions { Draws = 600_001, Seed = 5, MaxDegreeOfParallelism = threads, KeepSamples = true, HistogramBins = 40 }, TestContext.Current.CancellationToken);
            var sorted = r.Samples.ToArray();
            Array.Sort(sorted);
            double Inc(double p)
            {
                double h = (sorted.Length - 1) * p;
                int lo = (int)Math.Floor(h);
                return sorted[lo] + ((h - lo) * (sorted[Math.Min(lo + 1, sorted.Length - 1)] - sorted[lo]));
            }
            new[] { r.P5, r.P10, r.P50, r.P90, r.P95 }.Should().Equal(Inc(0.05), Inc(0.10), Inc(0.50), Inc(0.90), Inc(0.95));
            var expected = new long[40];
            double width = (sorted[^1] - sorted[0]) / 40;
            foreach (double v in sorted)
            {
                expected[Math.Min(39, (int)((v - sorted[0]) / width))]++;
            }
            r.Histogram.Counts.Sum().Should().Be(600_001);
            // Bin edges computed as (v - min) x (bins / (max - min)) can differ from (v - min) / width in the last bit
            // for a value on an edge: allow a handful of draws to move between neighbouring bins.
            r.Histogram.Counts.Zip(expected, (a, e) => Math.Abs(a - e)).Sum().Should().BeLessThanOrEqualTo(4);
        }
    }
}
