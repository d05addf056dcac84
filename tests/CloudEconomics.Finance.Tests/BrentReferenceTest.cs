using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// BrentSolver against the published algorithm: <c>zbrent</c> of Press, Teukolsky, Vetterling and Flannery,
/// "Numerical Recipes in C", 2nd ed. (1992), section 9.3 (Brent's method after Brent 1973, ch. 4), transcribed below
/// from the book with its function called directly. Driven on the same functions and brackets, the two must ask for the
/// same abscissae in the same order and end on the same root, bit for bit: every choice of a step (inverse quadratic,
/// secant, bisection, the minimal step of tol1) is then checked, not only the root it leads to.
/// </summary>
public class BrentReferenceTest
{
    private const double Eps = 2.220446049250313e-16; // DBL_EPSILON, the book's EPS for double

    // zbrent(func, x1, x2, tol), Numerical Recipes in C 2nd ed. p. 361, with the evaluations recorded.
    private static double Zbrent(Func<double, double> func, double x1, double x2, double tol, List<double> asked, int itmax)
    {
        double a = x1, b = x2, c = x2, d = 0.0, e = 0.0;
        double fa = func(a), fb = func(b);
        double fc = fb;
        for (int iter = 1; iter <= itmax; iter++)
        {
            if ((fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0))
            {
                c = a;
                fc = fa;
                e = d = b - a;
            }
            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol1 = (2.0 * Eps * Math.Abs(b)) + (0.5 * tol);
            double xm = 0.5 * (c - b);
            if (Math.Abs(xm) <= tol1 || fb == 0.0)
            {
                return b;
            }
            if (Math.Abs(e) >= tol1 && Math.Abs(fa) > Math.Abs(fb))
            {
                double p, q, s = fb / fa;
                if (a == c)
                {
                    p = 2.0 * xm * s;
                    q = 1.0 - s;
                }
                else
                {
                    q = fa / fc;
                    double r = fb / fc;
                    p = s * ((2.0 * xm * q * (q - r)) - ((b - a) * (r - 1.0)));
                    q = (q - 1.0) * (r - 1.0) * (s - 1.0);
                }
                if (p > 0.0)
                {
                    q = -q;
                }
                p = Math.Abs(p);
                double min1 = (3.0 * xm * q) - Math.Abs(tol1 * q);
                double min2 = Math.Abs(e * q);
                if (2.0 * p < (min1 < min2 ? min1 : min2))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = xm;
                    e = d;
                }
            }
            else
            {
                d = xm;
                e = d;
            }
            a = b;
            fa = fb;
            if (Math.Abs(d) > tol1)
            {
                b += d;
            }
            else
            {
                b += xm >= 0 ? Math.Abs(tol1) : -Math.Abs(tol1); // SIGN(tol1, xm)
            }
            asked.Add(b);
            fb = func(b);
        }
        return b;
    }

    public static TheoryData<string, double, double, double> Cases() => new()
    {
        { "x^2 - 2", 1, 2, 1e-15 },
        { "x^2 - 2", 2, 0, 1e-15 },
        { "x^2 - 2", 0, 10, 1e-12 },
        { "x^3 - 2", 0, 2, 1e-15 },
        { "x^3 - 2", -1, 5, 1e-3 },
        { "2 - x^2", 1, 2, 1e-16 },
        { "line", 0, 1, 1e-15 },
        { "step", 0, 1, 1e-15 },
        { "step", 1, -3, 1e-9 },
        { "exp", -30, 30, 1e-16 },
        { "exp", 30, -30, 1e-16 },
        { "steep", -1, 1, 0 },
        { "flat", -2, 3, 1e-14 },
        { "cos", 0, 3, 1e-16 },
        { "tiny root", -1, 1, 1e-300 },
        { "big root", 1e6, 1e7, 1e-16 },
        { "zero end", 0, 2, 1e-15 },
        { "zero start", 1.5, 3, 1e-15 },
    };

    private static Func<double, double> Function(string name) => name switch
    {
        "x^2 - 2" => x => (x * x) - 2,
        "x^3 - 2" => x => (x * x * x) - 2,
        "2 - x^2" => x => 2 - (x * x),
        "line" => x => (2 * x) - 1,
        "step" => x => x < 1.0 / 3 ? -1 : 1,                      // no interpolation can follow it
        "exp" => x => Math.Exp(x) - 1e5,                            // root ln 1e5 = 11.51
        "steep" => x => Math.Atan(1e6 * (x - 0.3)),
        "flat" => x => Math.Pow(x - 0.7, 5),                        // root of multiplicity 5
        "cos" => Math.Cos,
        "tiny root" => x => x - 1e-200,
        "big root" => x => x - 3141592.653589793,
        "zero end" => x => (x * x) - 4,                             // f(2) = 0
        "zero start" => x => ((x * x) - 2.25) * (x + 10),           // f(1.5) = 0
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SameAbscissaeAndRootAsTheBook(string name, double x1, double x2, double tol)
    {
        var f = Function(name);
        var expected = new List<double>();
        double expectedRoot = Zbrent(f, x1, x2, tol, expected, BrentSolver.MaxIterations);

        var solver = new BrentSolver(x1, x2, f(x1), f(x2), tol);
        var asked = new List<double>();
        while (!solver.IsConverged(out double x) && solver.Iterations < BrentSolver.MaxIterations)
        {
            asked.Add(x);
            solver.Update(f(x));
        }
        asked.Should().Equal(expected);
        solver.Root.Should().Be(expectedRoot);
        solver.Iterations.Should().Be(expected.Count);
    }
}
