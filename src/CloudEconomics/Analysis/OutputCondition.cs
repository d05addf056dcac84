using System.Globalization;
using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>A named condition on a model's output whose probability Monte Carlo estimates, e.g. "payback at most 3 years".</summary>
public sealed class OutputCondition
{
    private OutputCondition(string name, Func<double, bool> predicate)
    {
        Name = name;
        Predicate = predicate;
    }

    /// <summary>The condition as text, e.g. <c>"&lt;= 3"</c>.</summary>
    public string Name { get; }

    /// <summary>The test applied to each output (called from several threads).</summary>
    public Func<double, bool> Predicate { get; }

    /// <summary>Output &lt;= threshold.</summary>
    /// <param name="threshold">Threshold, in the output unit; finite.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    public static OutputCondition AtMost(double threshold)
    {
        Preconditions.CheckFinite(threshold, nameof(threshold));
        return new("<= " + Text(threshold), y => y <= threshold);
    }

    /// <summary>Output &lt; threshold.</summary>
    /// <param name="threshold">Threshold, in the output unit; finite.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    public static OutputCondition LessThan(double threshold)
    {
        Preconditions.CheckFinite(threshold, nameof(threshold));
        return new("< " + Text(threshold), y => y < threshold);
    }

    /// <summary>Output &gt;= threshold.</summary>
    /// <param name="threshold">Threshold, in the output unit; finite.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    public static OutputCondition AtLeast(double threshold)
    {
        Preconditions.CheckFinite(threshold, nameof(threshold));
        return new(">= " + Text(threshold), y => y >= threshold);
    }

    /// <summary>Output &gt; threshold.</summary>
    /// <param name="threshold">Threshold, in the output unit; finite.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    public static OutputCondition GreaterThan(double threshold)
    {
        Preconditions.CheckFinite(threshold, nameof(threshold));
        return new("> " + Text(threshold), y => y > threshold);
    }

    /// <summary>low &lt;= output &lt;= high.</summary>
    /// <param name="low">Lower bound, in the output unit; finite.</param>
    /// <param name="high">Upper bound; finite and not below <paramref name="low"/>.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite or <paramref name="high"/> &lt; <paramref name="low"/>.</exception>
    public static OutputCondition Between(double low, double high)
    {
        Preconditions.CheckFinite(low, nameof(low));
        Preconditions.CheckFinite(high, nameof(high));
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"High must not be below low; low was {Preconditions.Format(low)} and high {Preconditions.Format(high)}.");
        }
        return new($"in [{Text(low)}, {Text(high)}]", y => y >= low && y <= high);
    }

    /// <summary>Any test on the output.</summary>
    /// <param name="name">A description; not blank.</param>
    /// <param name="predicate">The test; thread-safe.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static OutputCondition Custom(string name, Func<double, bool> predicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(predicate);
        return new(name, predicate);
    }

    /// <summary>The condition's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    private static string Text(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
