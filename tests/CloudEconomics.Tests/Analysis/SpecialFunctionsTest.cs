
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

public class SpecialFunctionsTest
{
    // Expected values: Python's statistics.NormalDist (inv_cdf is Wichura's AS 241; cdf uses math.erfc), independent of this code.
    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.9, 1.2815515655446008)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.999999, 4.753424308817089)]
    public void InverseNormal_MatchesReference(double p, double expected)
        => SpecialFunctions.InverseNormal(p).Should().BeApproximately(expected, 1e-14 * Math.Max(1, Math.Abs(expected)));

    [Theory]
    [InlineData(1.96, 0.9750021048517796)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(-5.0, 2.8665157186802404e-07)]
    [InlineData(8.0, 0.9999999999999993)]
    public void NormalCdf_MatchesReference(double z, double expected)
        => SpecialFunctions.NormalCdf(z).Should().BeApproximately(expected, 1e-14);

    [Theory]
    [InlineData(0.3, 1.0, 1.0)] // I_x(1,1) = x
    [InlineData(0.3, 2.0, 2.0)] // I_x(2,2) = 3x^2 - 2x^3
    [InlineData(0.7, 3.0, 1.0)] // I_x(a,1) = x^a
    [InlineData(0.2, 1.0, 4.0)] // I_x(1,b) = 1 - (1-x)^b
    public void RegularizedBeta_ClosedForms(double x, double a, double b)
    {
        double expected = (a, b) switch
        {
            (1, 1) => x,
            (2, 2) => 3 * x * x - 2 * x * x * x,
            (_, 1) => Math.Pow(x, a),
            _ => 1 - Math.Pow(1 - x, b),
        };
        double logBeta = SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);
        SpecialFunctions.RegularizedBeta(x, a, b, logBeta).Should().BeApproximately(expected, 1e-14);
        SpecialFunctions.InverseRegularizedBeta(expected, a, b, logBeta).Should().BeApproximately(x, 1e-12);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(5.0, 3.1780538303479458)] // ln(4!) = ln 24
    [InlineData(0.5, 0.5723649429247001)] // ln(sqrt(pi))
    public void LogGamma_KnownValues(double x, double expected)
        => SpecialFunctions.LogGamma(x).Should().BeApproximately(expected, 1e-13);
}
