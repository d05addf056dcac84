using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The Newton halves of RATE, IRR and XIRR counted step by step: with the exact slope Newton converges quadratically
/// (or faster), so the number of steps follows from the error sequence worked out by hand below; a wrong slope
/// (a dropped term, a wrong sign or factor) still reaches the root through the fallbacks, but only linearly, in more
/// steps.
/// </summary>
public class NewtonPathsTest
{
    [Fact]
    public void AnnuityNewton_QuadraticConvergence_FiveSteps()
    {
        // pv 1, pmt -3, fv 5 over 2 periods in arrears: f = x^2 - 3x + 2, x = 1 + r, root x = 2 from the guess x = 1.9:
        // x1 = 1.9 + 0.09/0.8 = 2.0125; x2 = 2.0125 - 0.01265625/1.025 = 2.000152; then the error squares
        // (f''/2f' = 1 at the root): 2.3e-8, 5e-16; the fifth step is below 1e-13 (or f is 0): converged.
        AnnuitySolver.TryNewton(2, -3, 1, 5, 0, 0.9, out double rate, out int steps).Should().BeTrue();
        rate.Should().BeApproximately(1.0, 1e-14);
        steps.Should().Be(5);
    }

    [Fact]
    public void AnnuityNewton_InAdvance_QuadraticConvergence()
    {
        // pv 4, pmt -3 in advance, fv 2: (4 - 3) x^2 - 3x + 2, the same polynomial, so the same five steps from x = 1.9.
        AnnuitySolver.TryNewton(2, -3, 4, 2, 1, 0.9, out double rate, out int steps).Should().BeTrue();
        rate.Should().BeApproximately(1.0, 1e-14);
        steps.Should().Be(5);
    }

    [Fact]
    public void AnnuityNewton_NearZero_SeriesSlope_QuadraticConvergence()
    {
        // 1000 repaid by 10 x 100 at rate 0, from a guess of 1e-9: f = 1000 (1+r)^10 - 100 ((1+r)^10 - 1) / r is
        // 1000 (10 r) - 100 (45 r) = 5500 r to first order, f' = 5500: one step lands within about 1e-17 of 0,
        // the second step is below 1e-13.
        AnnuitySolver.TryNewton(10, -100, 1000, 0, 0, 1e-9, out double rate, out int steps).Should().BeTrue();
        rate.Should().BeApproximately(0.0, 1e-15);
        steps.Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public void IrrNewton_CubicConvergence_ThreeSteps()
    {
        // -1 + 3d - 2d^2, d = 1/(1+r), from 0.9: p = 0.024931, dp = 3 - 4d = 0.894737, f' = -d^2 dp = -0.247850, so
        // r1 = 0.9 + 0.100589 = 1.000589. At r = 1, f' = -3/4 + 4/8 = -1/4 and f'' = 6/8 - 12/16 = 0: the error cubes,
        // about 1e-10 after step 2, and step 3 (1e-10, below 1e-7 and a thousandth of 5.9e-4) stops early.
        RateSolver.TryIrrNewton(new double[] { -1, 3, -2 }, 0.9, out double rate, out int steps).Should().BeTrue();
        rate.Should().BeApproximately(1.0, 1e-13);
        steps.Should().Be(3);
    }

    [Fact]
    public void XirrNewton_QuadraticConvergence_SixSteps()
    {
        // -1 + 4 (1+r)^-2 (offsets 0, 365, 730 days) from 1.5: f = -0.36, f' = -8/15.625 = -0.512, r1 = 0.797,
        // r2 = 0.970 (error 0.03). At r = 1, f' = -1 and f'' = 24/16 = 1.5: the error goes 0.75 e^2, so 6.8e-4,
        // 3.4e-7 (step 5 is above 1e-7: continue), 8.7e-14; step 6 is converged.
        double[] table = new double[FinanceKernels.DatedTableLength(730)];
        RateSolver.TryXirrNewton(new double[] { -1, 0, 4 }, new[] { 0, 365, 730 }, 730, 1.5, table, out double rate, out int steps).Should().BeTrue();
        rate.Should().BeApproximately(1.0, 1e-13);
        steps.Should().Be(6);
    }
}
