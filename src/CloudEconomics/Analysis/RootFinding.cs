namespace CloudEconomics.Analysis;

/// <summary>Bracketing root finding.</summary>
internal static class RootFinding
{
    /// <summary>
    /// Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, chapter 4; the netlib
    /// <c>zeroin</c> routine): a root of f in [a, b] given f(a) and f(b) of opposite signs (or one of them zero).
    /// Combines bisection, secant and inverse quadratic interpolation; never leaves the bracket.
    /// </summary>
    internal static double Brent(Func<double, double> f, double a, double b, double fa, double fb, double tolerance, out int iterations)
    {
        iterations = 0;
        if (fa == 0) return a;
        if (fb == 0) return b;
        double c = a, fc = fa, d = b - a, e = d;
        for (iterations = 1; iterations <= 200; iterations++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                c = a; fc = fa; d = b - a; e = d;
            }
            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            double tol = 2 * double.Epsilon + 2 * 1.1102230246251565e-16 * Math.Abs(b) + 0.5 * tolerance;
            double m = 0.5 * (c - b);
            if (Math.Abs(m) <= tol || fb == 0)
            {
                return b;
            }
            if (Math.Abs(e) < tol || Math.Abs(fa) <= Math.Abs(fb))
            {
                d = m; e = m;
            }
            else
            {
                double s = fb / fa, p, q;
                if (a == c)
                {
                    p = 2 * m * s;
                    q = 1 - s;
                }
                else
                {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < 3 * m * q - Math.Abs(tol * q) && p < Math.Abs(0.5 * e * q))
                {
                    e = d; d = p / q;
                }
                else
                {
                    d = m; e = m;
                }
            }
            a = b; fa = fb;
            b += Math.Abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = f(b);
        }
        return b;
    }
}
