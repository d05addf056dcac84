namespace CloudEconomics.Finance;

/// <summary>Root finding for RATE: Newton from the guess, then a bracketing scan over ln(1+r) with Brent's method.</summary>
internal static class AnnuitySolver
{
    internal static bool TryRate(double n, double pmt, double pv, double fv, bool due, double guess, out double rate)
    {
        double t = due ? 1.0 : 0.0;
        double r = guess;
        for (int it = 0; it < 100; it++)
        {
            FinanceMath.Growth(r, n, out double a, out double b);
            double f = (pv * a) + (pmt * (1.0 + (r * t)) * b) + fv;
            double db = Math.Abs(r) < 1e-7 ? n * (n - 1.0) / 2.0 : ((n * a / (1.0 + r)) - b) / r;
            double slope = (pv * n * a / (1.0 + r)) + (pmt * t * b) + (pmt * (1.0 + (r * t)) * db);
            if (!double.IsFinite(f) || !double.IsFinite(slope) || slope == 0.0)
            {
                break;
            }
            if (f == 0.0)
            {
                rate = r;
                return true;
            }
            double next = r - (f / slope);
            if (!double.IsFinite(next) || next <= -1.0)
            {
                break;
            }
            if (Math.Abs(next - r) <= 1e-13 * Math.Max(1.0, Math.Abs(next)))
            {
                rate = next;
                return true;
            }
            r = next;
        }
        return TryBracket(n, pmt, pv, fv, t, guess, out rate);
    }

    /// <summary>f(r) times a positive factor exp(-max(0, n L)) so that nothing overflows; L = ln(1+r).</summary>
    private static double Scaled(double n, double pmt, double pv, double fv, double t, double l)
    {
        double r = FinanceMath.ExpM1(l);
        double nl = n * l;
        if (nl > 0)
        {
            double inverse = Math.Exp(-nl);
            double annuity = r == 0 ? n : -FinanceMath.ExpM1(-nl) / r;
            return pv + (pmt * (1.0 + (r * t)) * annuity) + (fv * inverse);
        }
        FinanceMath.Growth(r, n, out double a, out double b);
        return (pv * a) + (pmt * (1.0 + (r * t)) * b) + fv;
    }

    private static bool TryBracket(double n, double pmt, double pv, double fv, double t, double guess, out double rate)
    {
        ReadOnlySpan<double> parameters = [n, pmt, pv, fv, t];
        return RateSolver.TryBracket(ScaledFromParameters, parameters, default, 0, guess, out rate);
    }

    /// <summary><see cref="Scaled"/> over (n, pmt, pv, fv, t) packed in a span, for the shared bracketing scan.</summary>
    private static double ScaledFromParameters(ReadOnlySpan<double> p, ReadOnlySpan<int> unused, double unusedTMax, double l)
        => Scaled(p[0], p[1], p[2], p[3], p[4], l);
}
