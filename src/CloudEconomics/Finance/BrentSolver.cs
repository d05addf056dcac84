namespace CloudEconomics.Finance;

/// <summary>
/// Brent's bracketing root finder (inverse quadratic interpolation, secant and bisection; Brent 1973,
/// "Algorithms for Minimization without Derivatives", ch. 4) in reverse-communication form: the caller evaluates
/// the function, so no delegate or closure is allocated.
/// </summary>
/// <remarks>
/// Usage: construct with a bracket whose function values differ in sign, then loop
/// <c>while (!solver.IsConverged(out x) &amp;&amp; solver.Iterations &lt; MaxIterations) solver.Update(f(x));</c> and read
/// <see cref="Root"/>. It is the one bracketing driver of the library: IRR, XIRR, RATE (via
/// <see cref="RateSolver"/>) and the breakeven search of <c>CloudEconomics.Analysis</c> use it.
/// </remarks>
internal struct BrentSolver
{
    /// <summary>
    /// The most function evaluations a caller spends. Brent's method needs about as many steps as bisection
    /// (log2(width / tolerance), some 50 at double precision) or fewer, its guaranteed worst case being about the square
    /// of that; the cap bounds the work whatever the function does (a mis-signed or non-finite value included).
    /// </summary>
    internal const int MaxIterations = 300;

    private const double MachineEpsilon = 2.220446049250313e-16;
    private double _a, _b, _c, _fa, _fb, _fc, _d, _e;
    private readonly double _tolerance;

    internal BrentSolver(double x1, double x2, double f1, double f2, double absoluteTolerance)
    {
        _a = x1;
        _b = x2;
        _fa = f1;
        _fb = f2;
        _c = x2;
        _fc = f2;
        // _d and _e (the last two steps) start at 0: the first IsConverged sets both to b - a, since c = b means f(b)
        // and f(c) share their sign (or f(b) = 0, and it converges at once).
        _tolerance = absoluteTolerance;
        Iterations = 0;
    }

    /// <summary>The best estimate of the root so far.</summary>
    internal readonly double Root => _b;

    /// <summary>The number of function evaluations requested so far.</summary>
    internal int Iterations { get; private set; }

    /// <summary>Returns true when the root is found; otherwise gives the next abscissa to evaluate.</summary>
    internal bool IsConverged(out double next)
    {
        if ((_fb > 0 && _fc > 0) || (_fb < 0 && _fc < 0))
        {
            _c = _a;
            _fc = _fa;
            _d = _b - _a;
            _e = _d;
        }
        if (Math.Abs(_fc) < Math.Abs(_fb))
        {
            _a = _b;
            _b = _c;
            _c = _a;
            _fa = _fb;
            _fb = _fc;
            _fc = _fa;
        }
        double tol1 = (2.0 * MachineEpsilon * Math.Abs(_b)) + (0.5 * _tolerance);
        double xm = 0.5 * (_c - _b);
        if (Math.Abs(xm) <= tol1 || _fb == 0.0)
        {
            next = _b;
            return true;
        }
        if (Math.Abs(_e) >= tol1 && Math.Abs(_fa) > Math.Abs(_fb))
        {
            double p, q;
            double s = _fb / _fa;
            if (_a == _c)
            {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            }
            else
            {
                double qq = _fa / _fc;
                double r = _fb / _fc;
                p = s * ((2.0 * xm * qq * (qq - r)) - ((_b - _a) * (r - 1.0)));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if (p > 0)
            {
                q = -q;
            }
            p = Math.Abs(p);
            double min1 = (3.0 * xm * q) - Math.Abs(tol1 * q);
            double min2 = Math.Abs(_e * q);
            if (2.0 * p < Math.Min(min1, min2))
            {
                _e = _d;
                _d = p / q;
            }
            else
            {
                _d = xm;
                _e = _d;
            }
        }
        else
        {
            _d = xm;
            _e = _d;
        }
        _a = _b;
        _fa = _fb;
        _b += Math.Abs(_d) > tol1 ? _d : (xm >= 0 ? tol1 : -tol1);
        Iterations++;
        next = _b;
        return false;
    }

    /// <summary>Supplies the function value at the abscissa returned by <see cref="IsConverged"/>.</summary>
    internal void Update(double value) => _fb = value;
}
