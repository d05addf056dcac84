using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>Correlation matrix checks and the Cholesky factor used by the Gaussian copula.</summary>
internal static class Correlation
{
    /// <summary>Pivot tolerance: a remaining variance in [-Tolerance, Tolerance] is a zero pivot (a semi-definite matrix).</summary>
    internal const double Tolerance = 1e-10;

    /// <summary>
    /// Factors the correlation matrix of the uncertain inputs as L L^T (row-major lower triangle, m x m),
    /// allowing positive semi-definite matrices (a zero pivot zeroes its column). Throws naming the input where
    /// the remaining variance goes negative.
    /// </summary>
    internal static double[] Factor(IReadOnlyList<ScenarioInput> inputs, int[] uncertain, IReadOnlyDictionary<(int, int), double> pairs)
    {
        int m = uncertain.Length;
        var c = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            c[i * m + i] = 1;
            for (int j = 0; j < i; j++)
            {
                int a = uncertain[j], b = uncertain[i];
                double r = pairs.TryGetValue((a, b), out double v) ? v : 0;
                c[i * m + j] = r;
                c[j * m + i] = r;
            }
        }
        var l = new double[m * m];
        for (int j = 0; j < m; j++)
        {
            double d = c[j * m + j];
            for (int k = 0; k < j; k++) d -= l[j * m + k] * l[j * m + k];
            if (d < -Tolerance)
            {
                throw NotPsd(inputs[uncertain[j]].Name, d);
            }
            double pivot = d <= Tolerance ? 0 : Math.Sqrt(d);
            l[j * m + j] = pivot;
            for (int i = j + 1; i < m; i++)
            {
                double s = c[i * m + j];
                for (int k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
                if (pivot == 0)
                {
                    if (Math.Abs(s) > 1e-8)
                    {
                        throw NotPsd(inputs[uncertain[i]].Name, -Math.Abs(s));
                    }
                    l[i * m + j] = 0;
                }
                else
                {
                    l[i * m + j] = s / pivot;
                }
            }
        }
        return l;
    }

    private static ArgumentException NotPsd(string input, double remaining)
        => new(
            $"The correlation matrix must be positive semi-definite; the Cholesky factorisation fails at input '{input}' (remaining variance {Preconditions.Format(remaining)}). Reduce the correlations involving '{input}'.",
            "correlation");
}
