using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The parts of RATE's solver alone: the evaluation of f and f' (checked against the textbook formula with Math.Pow and
/// its derivative by hand), the Descartes test for a unique root (sign patterns counted by hand), and the safeguarded
/// Newton on the unique root (roots in closed form: x^n = c gives r = c^(1/n) - 1, a quadratic gives its formula root,
/// one period gives r = -(pmt + fv) / pv - 1). Through the public RATE the general Newton and the bracket find the same
/// roots, so faults here were hidden; here each part must be right by itself, and fast where its design says so.
/// </summary>
public class AnnuitySolverPathsTest
{
    // f(r) = pv x^n + pmt (1 + r t) (x^n - 1) / r + fv, x = 1 + r, and its derivative, by the textbook formula.
    private static double F(double n, double pmt, double pv, double fv, double t, double r)
    {
        double x = 1 + r, xn = Math.Pow(x, n);
        return (pv * xn) + (pmt * (1 + (r * t)) * (xn - 1) / r) + fv;
    }

    // d/dr: pv n x^(n-1) + pmt t b + pmt (1 + r t) b', b = (x^n - 1) / r, b' = (n x^(n-1) r - (x^n - 1)) / r^2.
    private static double Slope(double n, double pmt, double pv, double t, double r)
    {
        double x = 1 + r, xn = Math.Pow(x, n), xn1 = Math.Pow(x, n - 1);
        double b = (xn - 1) / r, db = ((n * xn1 * r) - (xn - 1)) / (r * r);
        return (pv * n * xn1) + (pmt * t * b) + (pmt * (1 + (r * t)) * db);
    }

    private static void ShouldBeClose(double actual, double expected, double relative)
        => Math.Abs(actual - expected).Should().BeLessThanOrEqualTo(relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData(10, -100, 1000, 50, 0, 0.02)]    // n ln(1+r) = 0.198: the series-accurate exp - 1
    [InlineData(10, -100, 1000, 50, 1, 0.02)]
    [InlineData(10, -100, 1000, 50, 0, 0.07)]    // 0.677: |e| > 0.5, exp - 1 directly
    [InlineData(10, -100, 1000, 50, 1, 0.07)]
    [InlineData(10, -100, 1000, 50, 0, -0.2)]    // -2.23: negative exponent
    [InlineData(3, 40, -1000, 900, 1, -0.5)]
    [InlineData(2.5, -300, 1000, 0, 0, 0.3)]     // fractional periods, 0.656
    public void Evaluate_UpToOnePeriodOfGrowth_IsFAndItsSlope(double n, double pmt, double pv, double fv, double t, double r)
    {
        AnnuitySolver.Evaluate(n, pmt, pv, fv, t, r, out double f, out double slope);
        double scale = Math.Abs(pv) + (Math.Abs(pmt) * n) + Math.Abs(fv);
        Math.Abs(f - F(n, pmt, pv, fv, t, r)).Should().BeLessThanOrEqualTo(1e-13 * scale);
        Math.Abs(slope - Slope(n, pmt, pv, t, r)).Should().BeLessThanOrEqualTo(1e-12 * scale * n);
    }

    [Theory]
    [InlineData(10, -100, 1000, 50, 0, 0.5)]     // n ln(1+r) = 4.05 > 1: g = f (1+r)^-n and its slope
    [InlineData(10, -100, 1000, 50, 1, 0.5)]
    [InlineData(20, -30, 100, -500, 1, 0.06)]    // 1.165, just above 1
    [InlineData(2.5, -3, 1, 2, 0, 3.0)]
    public void Evaluate_MoreThanOnePeriodOfGrowth_IsTheScaledFAndItsSlope(double n, double pmt, double pv, double fv, double t, double r)
    {
        // g = f x^-n, g' = f' x^-n - n f x^(-n-1): the same sign and root as f, nearly flat for large x.
        AnnuitySolver.Evaluate(n, pmt, pv, fv, t, r, out double g, out double slope);
        double x = 1 + r, w = Math.Pow(x, -n);
        double f = F(n, pmt, pv, fv, t, r), df = Slope(n, pmt, pv, t, r);
        double scale = Math.Abs(pv) + (Math.Abs(pmt) * n) + Math.Abs(fv);
        Math.Abs(g - (f * w)).Should().BeLessThanOrEqualTo(1e-13 * scale);
        Math.Abs(slope - ((df * w) - (n * f * w / x))).Should().BeLessThanOrEqualTo(1e-12 * scale * n);
    }

    [Fact]
    public void Evaluate_AtZero_IsTheUndiscountedSum()
    {
        // n 4, pmt -3, pv 10, fv 2: f(0) = 10 - 12 + 2 = 0; f'(0) = pv n + pmt t n + pmt n (n - 1) / 2 = 40 + 0 - 18 = 22.
        AnnuitySolver.Evaluate(4, -3, 10, 2, 0, 0.0, out double f, out double slope);
        f.Should().Be(0);
        slope.Should().Be(22);
        // In advance (t = 1): f'(0) = 40 - 12 - 18 = 10.
        AnnuitySolver.Evaluate(4, -3, 10, 2, 1, 0.0, out f, out slope);
        f.Should().Be(0);
        slope.Should().Be(10);
    }

    [Theory]
    [InlineData(1e-17)]   // n ln(1+r) = 4e-17: exp gives exactly 1, and the growth factor is n
    [InlineData(1e-9)]    // |r| < 1e-7: the slope's series n (n - 1) / 2 for b'
    [InlineData(-1e-9)]
    public void Evaluate_TinyRate_SeriesValues(double r)
    {
        // To first order in r: b = n + n (n - 1) r / 2, a = 1 + n r; n 4, pmt -3, pv 10, fv 2 (t = 0):
        // f = 10 (1 + 4r) - 3 (4 + 6r) + 2 = 22 r; f' = 40 + 120 r... - 18 = 22 to within 1e-7.
        AnnuitySolver.Evaluate(4, -3, 10, 2, 0, r, out double f, out double slope);
        Math.Abs(f - (22 * r)).Should().BeLessThanOrEqualTo((200 * r * r) + 1e-14);
        Math.Abs(slope - 22).Should().BeLessThanOrEqualTo(1e-6);
    }

    [Theory]
    [InlineData(0.7)]     // l > 0: f (1+r)^-n
    [InlineData(0.05)]
    [InlineData(-0.4)]    // l < 0: f itself
    [InlineData(0.0)]
    public void Scaled_IsFTimesTheDiscountOfPositiveGrowth(double l)
    {
        double r = Math.Exp(l) - 1;
        double expected = F(3, -40, 100, 10, 1, r == 0 ? 1e-300 : r) * Math.Exp(-Math.Max(0, 3 * l));
        if (l == 0)
        {
            expected = 100 - 120 + 10; // pv + n pmt + fv
        }
        ShouldBeClose(AnnuitySolver.Scaled(3, -40, 100, 10, 1, l), expected, 1e-13 * 200);
    }

    [Theory]
    // n, pmt, pv, fv, due, unique, lowSign. Coefficients (ascending) in arrears: pmt + fv, pmt (n >= 2), pv.
    [InlineData(12, -100, 1000, 0, false, true, -1)]     // -100, -100, 1000: one change
    [InlineData(12, 100, -1000, 0, false, true, 1)]      // 100, 100, -1000
    [InlineData(2, -3, 1, 5, false, false, 1)]           // 2, -3, 1: two changes (roots r = 0 and r = 1)
    [InlineData(2, -1, 1, 1, false, true, -1)]           // 0, -1, 1: x^2 - x, one change from the middle term
    [InlineData(1, -1, 1, 1, false, false, 1)]           // 0, (none), 1: x, no positive root
    [InlineData(10, 5, 100, 50, false, false, 1)]        // all positive
    [InlineData(2.5, -300, 1000, 0, false, false, 0)]    // not a polynomial
    [InlineData(2e9, -1, 1, 0, false, false, 0)]         // too many periods for the test
    [InlineData(1e9, -1e-9, 1, 0, false, true, -1)]      // 1e9 periods is still tested
    // In advance: fv, pmt, pv + pmt.
    [InlineData(12, -100, 1000, 0, true, true, -1)]      // 0, -100, 900
    [InlineData(2, -3, 4, 2, true, false, 1)]            // 2, -3, 1: two changes
    [InlineData(2, -1, 1, 0, true, false, -1)]           // 0, -1, 0: no change
    [InlineData(5, 2, -10, 5, true, true, 1)]            // 5, 2, -8: one change, positive near x = 0
    public void UniqueRoot_CountsTheSignChangesOfTheCoefficients(double n, double pmt, double pv, double fv, bool due, bool unique, int lowSign)
    {
        AnnuitySolver.UniqueRoot(n, pmt, pv, fv, due, out int sign).Should().Be(unique);
        if (unique)
        {
            sign.Should().Be(lowSign);
        }
    }

    private static double UniqueRate(double n, double pmt, double pv, double fv, bool due, out int evaluations)
    {
        AnnuitySolver.UniqueRoot(n, pmt, pv, fv, due, out int lowSign).Should().BeTrue();
        AnnuitySolver.TryUniqueRoot(n, pmt, pv, fv, due ? 1 : 0, lowSign, out double rate, out evaluations).Should().BeTrue();
        return rate;
    }

    [Theory]
    // One period: f = pv (1 + r) + pmt + fv is linear and the first-order start -(pv + pmt + fv) / pv is its root
    // r = -(pmt + fv) / pv - 1, so Newton stops at its first or second evaluation.
    [InlineData(-11, 0, 10.0)]     // start exactly 10, the top of the accepted starts
    [InlineData(-0.5, 0, -0.5)]
    [InlineData(-1.2, 0.1, 0.1)]
    public void TryUniqueRoot_OnePeriod_ExactAtOnce(double pmt, double fv, double expected)
    {
        double rate = UniqueRate(1, pmt, 1, fv, false, out int evaluations);
        ShouldBeClose(rate, expected, 1e-14);
        evaluations.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void TryUniqueRoot_StartBelowMinus90Percent_RestartsAtZero()
    {
        // One period, pv 1, pmt -0.002: the first-order start -0.998 is refused (at or below -0.9), so Newton starts from
        // 0, where f is linear with slope 1: one step lands on -0.998, the next confirms it.
        double rate = UniqueRate(1, -0.002, 1, 0, false, out int evaluations);
        ShouldBeClose(rate, -0.998, 1e-14);
        evaluations.Should().BeInRange(2, 3);
    }

    [Theory]
    // Two payments in arrears: x^2 - p x - p = 0, x = (p + sqrt(p^2 + 4p)) / 2.
    [InlineData(0.6)]
    [InlineData(0.51)]
    [InlineData(2.0)]
    public void TryUniqueRoot_TwoPaymentLoan_QuadraticRoot_Fast(double p)
    {
        double expected = ((p + Math.Sqrt((p * p) + (4 * p))) / 2) - 1;
        double rate = UniqueRate(2, -p, 1, 0, false, out int evaluations);
        ShouldBeClose(rate, expected, 1e-14);
        // Newton from the first-order start (within 0.3 of the root here) converges quadratically.
        evaluations.Should().BeLessThanOrEqualTo(8);
    }

    [Fact]
    public void TryUniqueRoot_TwoPaymentLoanInAdvance_IsHalf()
    {
        // In advance: (1 - 0.6) x^2 - 0.6 x = 0, x = 1.5.
        double rate = UniqueRate(2, -0.6, 1, 0, true, out int evaluations);
        ShouldBeClose(rate, 0.5, 1e-14);
        evaluations.Should().BeLessThanOrEqualTo(8);
    }

    [Fact]
    public void TryUniqueRoot_StartAboveTenRestartsAtZero_AndStridesUp()
    {
        // x^2 - 20 x - 20 = 0 (pv 1, pmt -20, two periods): x = 10 + sqrt(120), r = 9 + sqrt(120) = 19.954...
        // The first-order start 26 is refused (above 10), so the search starts at 0, where the Newton step goes below
        // the bracket and the search strides up in ln(1+r) (1, then 2 more) before Newton on the scaled f finishes.
        double rate = UniqueRate(2, -20, 1, 0, false, out int evaluations);
        ShouldBeClose(rate, 9 + Math.Sqrt(120), 1e-14);
        evaluations.Should().BeLessThanOrEqualTo(15);
    }

    [Theory]
    // pv x^n = c (no payments): r = c^(1/n) - 1 exactly.
    [InlineData(10, 2.0)]
    [InlineData(10, 1e10)]     // r = 9: start 1.8e9 refused, bracket from 0 upwards, scaled f
    [InlineData(12, 0.5)]
    [InlineData(10, 1e-20)]    // r = -0.99: Newton creeps down the convex f (about 0.9 x per step), well inside the cap
    public void TryUniqueRoot_Growth_IsTheNthRoot(double n, double c)
    {
        double expected = Math.Pow(c, 1 / n) - 1;
        foreach (bool due in new[] { false, true })
        {
            double rate = UniqueRate(n, 0, 1, -c, due, out int evaluations);
            ShouldBeClose(rate, expected, 1e-13);
            evaluations.Should().BeLessThanOrEqualTo(80);
        }
    }

    [Theory]
    [InlineData(360, 0.005, false)]
    [InlineData(360, 0.005, true)]
    [InlineData(60, 0.25, false)]     // n ln(1+r) = 13.4: the scaled f
    [InlineData(24, -0.03, true)]
    public void TryUniqueRoot_LongLoan_IsTheRateItWasBuiltAt(double n, double r, bool due)
    {
        // PMT by its formula: pv r / (1 - (1+r)^-n), divided by 1 + r in advance.
        double pmt = -1000 * r / (1 - Math.Pow(1 + r, -n)) / (due ? 1 + r : 1);
        double rate = UniqueRate(n, pmt, 1000, 0, due, out int evaluations);
        ShouldBeClose(rate, r, 1e-12);
        evaluations.Should().BeLessThanOrEqualTo(12);
    }
}
