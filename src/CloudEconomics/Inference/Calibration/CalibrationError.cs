using System.Globalization;

namespace CloudEconomics.Inference;

/// <summary>
/// How far estimates are from measurements over a set of rows: the median and 90th percentile of
/// |estimate / measured - 1|, and the 10th, 50th and 90th percentiles of estimate / measured (the range to apply to an
/// estimate: the true value is about estimate / ratio).
/// </summary>
/// <remarks>Percentiles interpolate linearly between order statistics (Excel's PERCENTILE.INC: rank p x (n - 1)).</remarks>
/// <param name="Count">Rows compared; at least 1.</param>
/// <param name="Median">Median of |estimate / measured - 1|.</param>
/// <param name="P90">90th percentile of |estimate / measured - 1|.</param>
/// <param name="RatioP10">10th percentile of estimate / measured.</param>
/// <param name="RatioP50">Median of estimate / measured.</param>
/// <param name="RatioP90">90th percentile of estimate / measured.</param>
public sealed record CalibrationError(int Count, double Median, double P90, double RatioP10, double RatioP50, double RatioP90)
{
    /// <summary>The error of a set of estimate / measured ratios.</summary>
    /// <param name="ratios">Estimate / measured per row; each finite and greater than zero.</param>
    /// <returns>The error, or null when there are no ratios.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is not finite or not positive.</exception>
    public static CalibrationError? FromRatios(IEnumerable<double> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var r = ratios.ToArray();
        foreach (double x in r)
        {
            if (!double.IsFinite(x) || x <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ratios), x, "Every estimate / measured ratio must be finite and greater than zero.");
            }
        }
        if (r.Length == 0)
        {
            return null;
        }
        var errors = r.Select(x => Math.Abs(x - 1)).ToArray();
        Array.Sort(errors);
        Array.Sort(r);
        return new CalibrationError(r.Length, Percentile(errors, 0.5), Percentile(errors, 0.9), Percentile(r, 0.1), Percentile(r, 0.5), Percentile(r, 0.9));
    }

    /// <summary>PERCENTILE.INC of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        double rank = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Invariant text such as <c>"median 12.3%, P90 30.1% (n 40)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"median {Median:0.0%}, P90 {P90:0.0%} (n {Count})");
}
