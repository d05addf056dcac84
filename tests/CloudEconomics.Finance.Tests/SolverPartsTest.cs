using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Each half of the rate solvers alone: Newton's method from the guess (Excel's path) and the bracketing scan with
/// Brent's method (the fallback). Through the public functions either half can hide a fault in the other, because the
/// fallback finds the same root; here each must find the exact root by itself, or say it cannot. Roots by hand:
/// x^2 - 3x + 2 = (x - 1)(x - 2) with x = 1 + r (r = 0 or 1); -1 + 3d - 2d^2 with d = 1 / (1 + r) (r = 0 or 1);
/// a loan over 2.5 periods built at a known rate.
/// </summary>
public class SolverPartsTest
{
    private static double FractionalLoanPayment(double rate, double t)
        => -1 / ((1 - Math.Pow(1 + rate, -2.5)) / rate * (1 + (rate * t))); // -1 / annuity factor, times 1 + r in advance

    [Theory]
    [InlineData(0.9, 1.0)]      // x0 = 1.9: f = -0.09, f' = 0.8, x1 = 2.0125, then quadratically to 2
    [InlineData(-0.05, 0.0)]    // x0 = 0.95: f = 0.0525, f' = -1.1, x1 = 0.9977..., then to 1
    [InlineData(3.0, 1.0)]
    public void AnnuityNewton_TwoRoots_ConvergesToTheRootOfItsBasin(double guess, double expected)
    {
        AnnuitySolver.TryNewton(2, -3, 1, 5, 0, guess, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-12);
    }

    [Theory]
    [InlineData(0.9, 1.0)]
    [InlineData(-0.05, 0.0)]
    public void AnnuityNewton_InAdvance_TwoRoots(double guess, double expected)
    {
        // pv 4, pmt -3 in advance, fv 2: (4 - 3) x^2 - 3x + 2, the same two roots.
        AnnuitySolver.TryNewton(2, -3, 4, 2, 1, guess, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-12);
    }

    [Theory]
    [InlineData(1.0, 0.0, 0.5)]
    [InlineData(1.0, 1.0, 0.5)]
    [InlineData(0.25, 1.0, 0.1)]
    [InlineData(-0.5, 0.0, -0.4)]
    [InlineData(0.05, 0.0, 0.04)]
    public void AnnuityNewton_LoanOverFractionalPeriods(double expected, double t, double guess)
    {
        AnnuitySolver.TryNewton(2.5, FractionalLoanPayment(expected, t), 1, 0, t, guess, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void AnnuityNewton_NearZeroRate_UsesTheSeriesSlope()
    {
        // A loan of 1000 repaid by 10 payments of 100 has rate exactly 0; from a guess of 1e-9 Newton works where
        // |r| < 1e-7 and the slope's series n (n - 1) / 2 replaces the quotient that would cancel.
        AnnuitySolver.TryNewton(10, -100, 1000, 0, 0, 1e-9, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(0.0, 1e-12);
    }

    [Fact]
    public void AnnuityNewton_NoRoot_False()
    {
        // Every term positive: no rate balances 100 now, 5 a period and 50 at the end.
        AnnuitySolver.TryNewton(10, 5, 100, 50, 0, 0.1, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }

    [Theory]
    [InlineData(1e6, 0.0, 1.0)]
    [InlineData(-0.99, 0.0, 0.0)]
    [InlineData(1e6, 1.0, 1.0)]
    [InlineData(-0.99, 1.0, 0.0)]
    public void AnnuityBracket_TwoRoots_NearestTheGuess(double guess, double t, double expected)
    {
        double pv = t == 0 ? 1 : 4, fv = t == 0 ? 5 : 2;
        AnnuitySolver.TryBracket(2, -3, pv, fv, t, guess, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-12);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(-0.5, 0.0)]
    [InlineData(-0.5, 1.0)]
    [InlineData(40.0, 0.0)]    // n ln(1 + r) = 9.3 > 0: the scaled form pv + pmt (1 + r t) annuity + fv (1 + r)^-n
    public void AnnuityBracket_LoanOverFractionalPeriods(double expected, double t)
    {
        AnnuitySolver.TryBracket(2.5, FractionalLoanPayment(expected, t), 1, 0, t, 0.1, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-10 * Math.Max(1, expected));
    }

    [Fact]
    public void AnnuityBracket_NoPayments_RootAtZeroOnTheGrid()
    {
        // 1 x (1 + r)^3 - 1 = 0 at r = 0 exactly; L = 0 is a grid point, where the scaled f is exactly 0.
        AnnuitySolver.TryBracket(3, 0, 1, -1, 0, 5, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(0.0, 1e-15);
    }

    [Theory]
    [InlineData(0.9, 1.0)]
    [InlineData(-0.05, 0.0)]
    [InlineData(0.1, 0.0)]     // d = 1/1.1: f = 0.0744, f' = 0.526, r1 = -0.0415, then to 0
    public void IrrNewton_TwoRoots(double guess, double expected)
    {
        RateSolver.TryIrrNewton(new double[] { -1, 3, -2 }, guess, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void IrrNewton_NearTheFlatPoint_StepsBelowMinus100Percent()
    {
        // From 0.3 (d = 1/1.3, near the flat point d = 3/4): f = 0.1243, f' = (3 - 4d)(-d^2) = 0.0455, so the step
        // goes to 0.3 - 2.73 = -2.43, below -100%: Newton gives up and the public IRR falls back to the bracket.
        RateSolver.TryIrrNewton(new double[] { -1, 3, -2 }, 0.3, out double rate).Should().BeFalse();
        rate.Should().Be(0);
        CashFlowMath.Irr(new double[] { -1, 3, -2 }, 0.3).Should().BeApproximately(0.0, 1e-12); // ln 1.3 nearer 0 than ln 2
    }

    [Fact]
    public void IrrNewton_StepBelowMinus100Percent_False()
    {
        // -1 + 1e-6 / (1 + r): from 0.1 the first step is about -(1.1)^2 x 1e6, below -100%.
        RateSolver.TryIrrNewton(new double[] { -1, 1e-6 }, 0.1, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }

    [Theory]
    [InlineData(1e6, 1.0)]
    [InlineData(-0.99, 0.0)]
    public void IrrBracket_TwoRoots_NearestTheGuess(double guess, double expected)
    {
        double[] values = { -1, 3, -2 };
        RateSolver.TryBracket(values, default, values.Length - 1, guess, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void IrrBracket_NoSignChange_False()
    {
        double[] values = { -1, 1, -1 }; // -1 + x - x^2 < 0 for every x
        RateSolver.TryBracket(values, default, values.Length - 1, 0.1, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }

    [Theory]
    [InlineData(0.1, 1.0)]
    [InlineData(1.5, 1.0)]     // f = -0.36, f' = -0.512, r1 = 0.797, r2 = 0.970, then to 1
    public void XirrNewton_SquareGrowth(double guess, double expected)
    {
        // Offsets 0, 365, 730 days: -1 + 4 (1 + r)^-2 = 0, r = 1.
        double[] values = { -1, 0, 4 };
        int[] offsets = { 0, 365, 730 };
        double[] table = new double[FinanceKernels.DatedTableLength(730)];
        RateSolver.TryXirrNewton(values, offsets, 730, guess, table, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void XirrNewton_FarGuess_StepsBelowMinus100Percent()
    {
        // From 3: f = -1 + 4/16 = -0.75, f' = -8/64 = -0.125, so the step goes to 3 - 6 = -3.
        double[] table = new double[FinanceKernels.DatedTableLength(730)];
        RateSolver.TryXirrNewton(new double[] { -1, 0, 4 }, new[] { 0, 365, 730 }, 730, 3.0, table, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }

    [Fact]
    public void XirrNewton_StepBelowMinus100Percent_False()
    {
        // -1 + 1e-6 (1 + r)^-1 over 365 days: as for IRR, the first step from 0.1 falls below -100%.
        double[] table = new double[FinanceKernels.DatedTableLength(365)];
        RateSolver.TryXirrNewton(new double[] { -1, 1e-6 }, new[] { 0, 365 }, 365, 0.1, table, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }
}
