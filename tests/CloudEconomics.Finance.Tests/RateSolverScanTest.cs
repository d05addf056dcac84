using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The bracketing scan shared by IRR, XIRR and RATE, driven with functions of L = ln(1+r) whose roots are known
/// exactly (a line through a chosen L, a product of lines, steps), so that each rule of the scan is seen alone: the
/// grid's three spacings and its ends, the bracket nearest the guess, zero stretches and non-finite values refused.
/// </summary>
public class RateSolverScanTest
{
    // values[0] is the root in L; the function is L - root (or a product, below).
    private static double Line(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, double tMax, double l) => l - values[0];

    private static double ThreeRoots(ReadOnlySpan<double> v, ReadOnlySpan<int> offsets, double tMax, double l) => (l - v[0]) * (l - v[1]) * (l - v[2]);

    private static double ZeroBelowZero(ReadOnlySpan<double> v, ReadOnlySpan<int> offsets, double tMax, double l) => l <= 0 ? 0 : 1;

    private static double MinusInfinityBelowZero(ReadOnlySpan<double> v, ReadOnlySpan<int> offsets, double tMax, double l) => l < 0 ? double.NegativeInfinity : 1;

    private static double PlusThenMinusInfinity(ReadOnlySpan<double> v, ReadOnlySpan<int> offsets, double tMax, double l) => l < 0 ? 1 : double.NegativeInfinity;

    private static double NaNBelowZero(ReadOnlySpan<double> v, ReadOnlySpan<int> offsets, double tMax, double l) => l < 0 ? double.NaN : 1;

    [Theory]
    [InlineData(0, -30.0)]
    [InlineData(1, -29.75)]
    [InlineData(111, -2.25)]
    [InlineData(112, -2.0)]      // the fine part: step 0.01 from -2
    [InlineData(113, -1.99)]
    [InlineData(362, 0.5)]
    [InlineData(611, 2.99)]
    [InlineData(612, 3.0)]       // the coarse part again: step 0.25 from 3
    [InlineData(613, 3.25)]
    [InlineData(720, 30.0)]
    public void GridPoint_ThreeSpacings(int k, double expected)
        => RateSolver.GridPoint(k).Should().BeApproximately(expected, 1e-14);

    [Fact]
    public void Grid_IsIncreasingFromMinus30To30()
    {
        RateSolver.GridCount.Should().Be(721);
        for (int k = 1; k < RateSolver.GridCount; k++)
        {
            (RateSolver.GridPoint(k) - RateSolver.GridPoint(k - 1)).Should().BeInRange(0.0099, 0.2501);
        }
    }

    [Theory]
    [InlineData(0.123)]
    [InlineData(-29.9)]    // in the first interval of the grid
    [InlineData(29.9)]     // in the last
    [InlineData(-1.2345)]
    [InlineData(5.1)]
    public void Line_RootFound(double root)
    {
        RateSolver.TryBracket(Line, new[] { root }, default, 0, 0.1, out double rate).Should().BeTrue();
        // Near -100% the rate holds only about 1e-16 of absolute precision, so compare rates, not logarithms.
        double expected = Math.Exp(root) - 1;
        Math.Abs(rate - expected).Should().BeLessThanOrEqualTo((1e-13 * Math.Exp(root)) + 2e-16);
    }

    [Theory]
    [InlineData(30.1)]     // beyond the grid's last point
    [InlineData(-30.1)]
    public void Line_RootOutsideTheGrid_NotFound(double root)
    {
        RateSolver.TryBracket(Line, new[] { root }, default, 0, 0.1, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }

    [Theory]
    [InlineData(0.45, 0.003)]     // guess ln(1.45) = 0.37: nearest the root at 0.003
    [InlineData(2.0, 1.005)]      // ln 3 = 1.10
    [InlineData(-0.5, -1.005)]    // ln 0.5 = -0.69
    [InlineData(1e6, 1.005)]      // far above: the highest root
    [InlineData(-0.999999, -1.005)]
    public void ThreeRoots_TheOneNearestTheGuess(double guess, double root)
    {
        RateSolver.TryBracket(ThreeRoots, new[] { -1.005, 0.003, 1.005 }, default, 0, guess, out double rate).Should().BeTrue();
        FinanceMath.Log1P(rate).Should().BeApproximately(root, 1e-13);
    }

    [Fact]
    public void ZeroStretch_IsNoBracket_ItsEndIs()
    {
        // f = 0 up to L = 0, then 1: the intervals with zero at both ends are no brackets; [0, 0.01] is, with its
        // root at 0, although the guess (L = -10) is deep in the zero stretch.
        RateSolver.TryBracket(ZeroBelowZero, new[] { 0.0 }, default, 0, Math.Exp(-10) - 1, out double rate).Should().BeTrue();
        rate.Should().Be(0);
    }

    [Fact]
    public void NonFiniteValues_AreNoBracket()
    {
        RateSolver.TryBracket(MinusInfinityBelowZero, new[] { 0.0 }, default, 0, 0.1, out double rate).Should().BeFalse();
        rate.Should().Be(0);
        RateSolver.TryBracket(PlusThenMinusInfinity, new[] { 0.0 }, default, 0, 0.1, out rate).Should().BeFalse();
        RateSolver.TryBracket(NaNBelowZero, new[] { 0.0 }, default, 0, 0.1, out rate).Should().BeFalse();
    }
}
