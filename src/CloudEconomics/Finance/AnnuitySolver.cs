namespace CloudEconomics.Finance;

/// <summary>Root finding for RATE: Newton from the guess, then a bracketing scan over ln(1+r) with Brent's method.</summary>
internal static class AnnuitySolver
{
    internal static bool TryRate(double n, double pmt, double pv, double fv, bool due, double guess, out double rate)
    {
        double t = due ? 1.0 : 0.0;
        if (UniqueRoot(n, pmt, pv, fv, due, out int lowSign) && TryUniqueRoot(n, pmt, pv, fv, t, lowSign, out rate, out _))
        {
            return true;
        }
        return TryNewton(n, pmt, pv, fv, t, guess, out rate) || TryBracket(n, pmt, pv, fv, t, guess, out rate);
    }

    /// <summary>
    /// Newton's method on f(r) = pv (1+r)^n + pmt (1 + r t) ((1+r)^n - 1) / r + fv from the guess (Excel's path), at most
    /// 100 steps; false when a step fails (see <see cref="Newton.Step"/>) or the steps run out.
    /// </summary>
    internal static bool TryNewton(double n, double pmt, double pv, double fv, double t, double guess, out double rate)
        => TryNewton(n, pmt, pv, fv, t, guess, out rate, out _);

    /// <summary><see cref="TryNewton(double, double, double, double, double, double, out double)"/>, with the number of steps taken.</summary>
    internal static bool TryNewton(double n, double pmt, double pv, double fv, double t, double guess, out double rate, out int steps)
    {
        var search = new NewtonSearch(guess, maxSteps: 100, tolerance: 1e-13, earlyStop: false);
        while (search.Next(out double r))
        {
            FinanceMath.Growth(r, n, out double a, out double b);
            double f = (pv * a) + (pmt * (1.0 + (r * t)) * b) + fv;
            double db = Math.Abs(r) < 1e-7 ? n * (n - 1.0) / 2.0 : ((n * a / (1.0 + r)) - b) / r;
            double slope = (pv * n * a / (1.0 + r)) + (pmt * t * b) + (pmt * (1.0 + (r * t)) * db);
            search.Step(f, slope);
        }
        steps = search.Steps;
        return search.TryResult(out rate);
    }

    /// <summary>f(r) times a positive factor exp(-max(0, n L)) so that nothing overflows; L = ln(1+r).</summary>
    internal static double Scaled(double n, double pmt, double pv, double fv, double t, double l)
    {
        double r = FinanceMath.ExpM1(l);
        double nl = n * l;
        if (nl > 0)
        {
            double inverse = Math.Exp(-nl);
            double annuity = -FinanceMath.ExpM1(-nl) / r; // n l > 0, so l and r = e^l - 1 are not 0
            return pv + (pmt * (1.0 + (r * t)) * annuity) + (fv * inverse);
        }
        FinanceMath.Growth(r, n, out double a, out double b);
        return (pv * a) + (pmt * (1.0 + (r * t)) * b) + fv;
    }

    /// <summary>The bracketing scan over ln(1+r) with Brent's method (<see cref="RateSolver.TryBracket(RateSolver.ScaledFunction, System.ReadOnlySpan{double}, System.ReadOnlySpan{int}, double, double, out double)"/>) on f scaled so nothing overflows.</summary>
    internal static bool TryBracket(double n, double pmt, double pv, double fv, double t, double guess, out double rate)
    {
        ReadOnlySpan<double> parameters = [n, pmt, pv, fv, t];
        return RateSolver.TryBracket(ScaledFromParameters, parameters, default, 0, guess, out rate);
    }

    /// <summary><see cref="Scaled"/> over (n, pmt, pv, fv, t) packed in a span, for the shared bracketing scan.</summary>
    private static double ScaledFromParameters(ReadOnlySpan<double> p, ReadOnlySpan<int> unused, double unusedTMax, double l)
        => Scaled(p[0], p[1], p[2], p[3], p[4], l);

    /// <summary>
    /// Whether the equation has exactly one rate above -100%. With x = 1 + r and a whole number n of periods, f is a
    /// polynomial in x: pv x^n + pmt (x^(n-1) + ... + 1) + fv in arrears, pv x^n + pmt (x^n + ... + x) + fv in advance.
    /// By Descartes' rule of signs, one sign change in its coefficients (ascending: pmt + fv, pmt, ..., pv in arrears;
    /// fv, pmt, ..., pv + pmt in advance) means exactly one positive root x. Then any convergent method finds the rate
    /// Excel's Newton finds, whatever the guess. <paramref name="lowSign"/> is the sign of f as x tends to 0.
    /// </summary>
    internal static bool UniqueRoot(double n, double pmt, double pv, double fv, bool due, out int lowSign)
    {
        lowSign = 0;
        if (n != Math.Floor(n) || n > 1e9)
        {
            return false;
        }
        double low = due ? fv : pmt + fv;
        double middle = n >= 2 ? pmt : 0.0;
        double high = due ? pv + pmt : pv;
        int changes = 0, previous = 0;
        foreach (double c in (ReadOnlySpan<double>)[low, middle, high])
        {
            int sign = Math.Sign(c);
            if (sign == 0)
            {
                continue;
            }
            if (previous == 0)
            {
                lowSign = sign;
            }
            else if (sign != previous)
            {
                changes++;
            }
            previous = sign;
        }
        return changes == 1;
    }

    /// <summary>
    /// The unique rate by Newton's method safeguarded by a bracket: on f itself while n ln(1+r) &lt;= 1, on
    /// f (1+r)^-n (same sign, nearly flat instead of exponential for positive rates) above; a step that leaves the
    /// bracket is replaced by bisection in ln(1+r). Starts from 2 (-f(0)) / (pv (n + 1)), the rate that balances the
    /// flows to first order (close for loans), or 0. Two or three elementary functions per iteration.
    /// <paramref name="evaluations"/> counts the evaluations of f (for the tests of the path taken).
    /// </summary>
    internal static bool TryUniqueRoot(double n, double pmt, double pv, double fv, double t, int lowSign, out double rate, out int evaluations)
    {
        double r = pv != 0 ? -2.0 * (pv + (n * pmt) + fv) / (pv * (n + 1.0)) : 0.0;
        if (!double.IsFinite(r) || r <= -0.9 || r > 10.0)
        {
            r = 0.0;
        }
        double lo = -1.0, hi = double.PositiveInfinity, stride = 1.0;
        evaluations = 0;
        for (int it = 0; it < 200; it++)
        {
            Evaluate(n, pmt, pv, fv, t, r, out double f, out double slope);
            evaluations++;
            if (f == 0.0)
            {
                rate = r;
                return true;
            }
            if (double.IsNaN(f))
            {
                break;
            }
            if (Math.Sign(f) == lowSign)
            {
                lo = r;
            }
            else
            {
                hi = r;
            }
            double next = r - (f / slope);
            // Converged first: a step below half an ulp lands on r itself, which is now an end of the bracket. Scaled by
            // the finite r, so an infinite or NaN step never passes.
            if (Math.Abs(next - r) <= 1e-13 * Math.Max(1.0, Math.Abs(r)))
            {
                rate = next;
                return true;
            }
            if (!(next > lo && next < hi))
            {
                // Bisection in ln(1+r), or a growing stride towards the open side.
                if (lo == -1.0)
                {
                    next = FinanceMath.ExpM1(FinanceMath.Log1P(hi) - stride);
                    stride *= 2.0;
                }
                else if (double.IsPositiveInfinity(hi))
                {
                    next = FinanceMath.ExpM1(FinanceMath.Log1P(lo) + stride);
                    stride *= 2.0;
                }
                else
                {
                    next = FinanceMath.ExpM1(0.5 * (FinanceMath.Log1P(lo) + FinanceMath.Log1P(hi)));
                }
                if (!(next > lo && next < hi))
                {
                    break;
                }
            }
            r = next;
        }
        rate = 0;
        return false;
    }

    /// <summary>f(r) and df/dr (while n ln(1+r) &lt;= 1), else g = f (1+r)^-n and dg/dr; the same sign and root.</summary>
    internal static void Evaluate(double n, double pmt, double pv, double fv, double t, double r, out double f, out double slope)
    {
        double e = r == 0.0 ? 0.0 : n * FinanceMath.Log1P(r);
        double x = 1.0 + r;
        if (e <= 1.0)
        {
            double a, b;
            if (r == 0.0)
            {
                a = 1.0;
                b = n;
            }
            else
            {
                // FinanceMath.Growth with its two exponentials of the same argument computed once.
                a = Math.Exp(e);
                double em1;
                if (Math.Abs(e) > 0.5)
                {
                    em1 = a - 1.0;
                }
                else if (a == 1.0)
                {
                    em1 = e;
                }
                else
                {
                    em1 = (a - 1.0) * e / Math.Log(a); // |e| <= 0.5: a >= e^-0.5, so a - 1 > -1
                }
                b = em1 == 0.0 ? n : em1 / r;
            }
            f = (pv * a) + (pmt * (1.0 + (r * t)) * b) + fv;
            double db = Math.Abs(r) < 1e-7 ? n * (n - 1.0) / 2.0 : ((n * a / x) - b) / r;
            slope = (pv * n * a / x) + (pmt * t * b) + (pmt * (1.0 + (r * t)) * db);
            return;
        }
        // (1+r)^-n = exp(-e) < e^-1: 1 - w has no cancellation.
        double w = Math.Exp(-e);
        double annuity = (1.0 - w) / r;
        double dAnnuity = ((n * w / x) - annuity) / r;
        f = pv + (pmt * (1.0 + (r * t)) * annuity) + (fv * w);
        slope = (pmt * t * annuity) + (pmt * (1.0 + (r * t)) * dAnnuity) - (fv * n * w / x);
    }
}
