using CloudEconomics.Scenarios;

namespace CloudEconomics.Tests.Scenarios;

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
}
