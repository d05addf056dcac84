using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The one bracketing root finder (Brent 1973, ch. 4), driven directly on functions whose roots are known exactly:
/// sqrt(2), the cube root of 2, 1/2 for a line, 1/3 for a step. Brent's guarantees give the bounds: the root to within
/// 2 x (2 eps |x| + tolerance / 2), every abscissa inside the bracket, superlinear convergence on smooth functions
/// (a handful of evaluations where bisection needs about log2(width / tolerance)), and never worse than about that
/// bisection count on a function interpolation cannot follow.
/// </summary>
public class BrentSolverTest
{
    private static double Solve(Func<double, double> f, double a, double b, double tolerance, out int evaluations, List<double>? abscissae = null)
    {
        var solver = new BrentSolver(a, b, f(a), f(b), tolerance);
        evaluations = 0;
        while (!solver.IsConverged(out double x) && solver.Iterations < BrentSolver.MaxIterations)
        {
            abscissae?.Add(x);
            evaluations++;
            solver.Update(f(x));
        }
        solver.Iterations.Should().Be(evaluations, "Iterations counts the abscissae handed out");
        return solver.Root;
    }

    private const double Sqrt2 = 1.4142135623730950488; // sqrt(2)
    private const double CubeRoot2 = 1.2599210498948731648; // 2^(1/3)

    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(2.0, 1.0)]   // the bracket may be given high end first
    [InlineData(0.0, 10.0)]
    public void SmoothFunction_RootToTheToleranceInAFewSteps(double a, double b)
    {
        // x^2 - 2: a bisection from a width of 1 or 10 to 1e-15 needs 50 to 54 halvings; Brent's interpolation converges
        // superlinearly (order about 1.8), so a dozen evaluations is ample.
        var abscissae = new List<double>();
        double root = Solve(x => (x * x) - 2, a, b, 1e-15, out int evaluations, abscissae);
        Math.Abs(root - Sqrt2).Should().BeLessThanOrEqualTo(2 * ((4.5e-16 * Sqrt2) + 0.5e-15));
        evaluations.Should().BeInRange(2, 12);
        abscissae.Should().OnlyContain(x => x >= Math.Min(a, b) && x <= Math.Max(a, b), "Brent never leaves the bracket");
    }

    [Fact]
    public void DecreasingFunction_SameRoot()
    {
        // 2 - x^2: the signs at the ends are reversed (positive at 1, negative at 2).
        double root = Solve(x => 2 - (x * x), 1, 2, 1e-15, out int evaluations);
        Math.Abs(root - Sqrt2).Should().BeLessThanOrEqualTo(2e-15);
        evaluations.Should().BeLessThanOrEqualTo(12);
    }

    [Fact]
    public void Cubic_InverseQuadraticSteps_ConvergeFast()
    {
        // x^3 - 2 on [0, 2]: after the first secant step three distinct points exist, so inverse quadratic
        // interpolation is used; the root 2^(1/3) is reached in far fewer steps than the 51 of bisection.
        double root = Solve(x => (x * x * x) - 2, 0, 2, 1e-15, out int evaluations);
        Math.Abs(root - CubeRoot2).Should().BeLessThanOrEqualTo(2e-15);
        evaluations.Should().BeLessThanOrEqualTo(15);
    }

    [Fact]
    public void Line_SecantIsExactAtOnce()
    {
        // 2x - 1 on [0, 3]: the secant through (0, -1) and (3, 5) crosses zero at 1/2 (to rounding); the solver then
        // only confirms it.
        double root = Solve(x => (2 * x) - 1, 0, 3, 1e-15, out int evaluations);
        root.Should().BeApproximately(0.5, 1e-15);
        evaluations.Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public void Step_FallsBackToBisection_StaysInTheBracket()
    {
        // A jump from -1 to +1 at 1/3: no interpolation can follow it, so the bracket is halved until it is narrower
        // than the tolerance: about log2(1 / 1e-12) = 40 halvings, and never more than a few beyond that.
        var abscissae = new List<double>();
        double root = Solve(x => x < 1.0 / 3.0 ? -1.0 : 1.0, 0, 1, 1e-12, out int evaluations, abscissae);
        Math.Abs(root - (1.0 / 3.0)).Should().BeLessThanOrEqualTo(1e-12);
        evaluations.Should().BeInRange(30, 48);
        abscissae.Should().OnlyContain(x => x >= 0 && x <= 1);
    }

    [Fact]
    public void LooseTolerance_StopsEarlier()
    {
        // Width 1, tolerance 1e-3: the answer is within 1e-3 of sqrt(2), with fewer evaluations than at 1e-15.
        double loose = Solve(x => (x * x) - 2, 1, 2, 1e-3, out int looseEvaluations);
        Solve(x => (x * x) - 2, 1, 2, 1e-15, out int tightEvaluations);
        Math.Abs(loose - Sqrt2).Should().BeLessThanOrEqualTo(1e-3);
        looseEvaluations.Should().BeLessThan(tightEvaluations);
    }

    [Fact]
    public void RootNearZero_AbsoluteToleranceGoverns()
    {
        // x - 1e-20 on [-1, 1]: the relative term 2 eps |x| vanishes near 0, so the absolute tolerance 1e-16 decides.
        double root = Solve(x => x - 1e-20, -1, 1, 1e-16, out _);
        Math.Abs(root - 1e-20).Should().BeLessThanOrEqualTo(1e-16);
    }

    [Fact]
    public void RootAtAnEnd_ReturnedWithoutEvaluating()
    {
        // f(a) = 0 exactly: the root is a itself.
        var solver = new BrentSolver(1, 3, 0, 8, 1e-15);
        solver.IsConverged(out double next).Should().BeTrue();
        next.Should().Be(1);
        solver.Root.Should().Be(1);
        solver.Iterations.Should().Be(0);
    }

    [Fact]
    public void WithinTolerance_ConvergedOnTheFirstCall()
    {
        // A bracket [1, 1 + 1e-9] already narrower than the tolerance 1e-6: the end with the smaller |f| is the root.
        var solver = new BrentSolver(1, 1 + 1e-9, -1e-9, 2e-9, 1e-6);
        solver.IsConverged(out double next).Should().BeTrue();
        next.Should().Be(1);
        solver.Iterations.Should().Be(0);
    }
}
