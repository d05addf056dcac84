namespace CloudEconomics.Finance;

/// <summary>Accurate elementary helpers (the BCL's LogP1/ExpM1 are computed naively as Log(1+x) and Exp(x)-1).</summary>
internal static class FinanceMath
{
    /// <summary>ln(1 + x) without cancellation for small x (Kahan's trick; W. Kahan, HP-15C Advanced Functions Handbook, 1982).</summary>
    internal static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }
        return Math.Log(u) * (x / (u - 1.0));
    }

    /// <summary>exp(x) - 1 without cancellation for small x (Kahan's trick).</summary>
    internal static double ExpM1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }
        // |x| <= 0.5 here, so u >= exp(-0.5) and u - 1 is never -1 (no log of zero).
        return (u - 1.0) * x / Math.Log(u);
    }

    /// <summary>a + b rounded, with the rounding error in <paramref name="error"/> (Knuth's TwoSum, exact).</summary>
    internal static double TwoSum(double a, double b, out double error)
    {
        double sum = a + b;
        double bVirtual = sum - a;
        double aVirtual = sum - bVirtual;
        error = (a - aVirtual) + (b - bVirtual);
        return sum;
    }

    /// <summary>(1+r)^n and ((1+r)^n - 1) / r for r &gt; -1 (the annuity factor; n when r = 0).</summary>
    internal static void Growth(double rate, double periods, out double growth, out double annuity)
    {
        if (rate == 0.0)
        {
            growth = 1.0;
            annuity = periods;
            return;
        }
        double exponent = periods * Log1P(rate);
        growth = Math.Exp(exponent);
        double em1 = ExpM1(exponent);
        annuity = em1 == 0.0 ? periods : em1 / rate;
    }
}
