using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>The empirical distribution of observed values (equal weights). Create with <see cref="Distribution.Empirical"/>.</summary>
public sealed class EmpiricalDistribution : Distribution
{
    private readonly double[] _sorted;

    internal EmpiricalDistribution(IEnumerable<double> samples)
    {
        Preconditions.CheckNotNull(samples, nameof(samples));
        _sorted = samples.ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("Empirical distribution needs at least one sample; the list was empty.", nameof(samples));
        }
        for (int i = 0; i < _sorted.Length; i++)
        {
            if (!double.IsFinite(_sorted[i]))
            {
                throw new ArgumentException($"Empirical sample {i} must be a finite number; it was {F(_sorted[i])}.", nameof(samples));
            }
        }
        Array.Sort(_sorted);
    }

    /// <summary>The samples in ascending order, in the unit of the input.</summary>
    public IReadOnlyList<double> SortedSamples => _sorted;

    /// <inheritdoc/>
    public override string Family => "Empirical";

    /// <inheritdoc/>
    /// <remarks>The sample mean.</remarks>
    public override double Mean
    {
        get
        {
            double s = 0;
            foreach (double x in _sorted) s += x;
            return s / _sorted.Length;
        }
    }

    /// <inheritdoc/>
    /// <remarks>The population variance of the samples (divide by n): the variance of a draw from the resampling distribution.</remarks>
    public override double Variance
    {
        get
        {
            double m = Mean, v = 0;
            foreach (double x in _sorted) v += (x - m) * (x - m);
            return v / _sorted.Length;
        }
    }

    internal override double Quantile(double u)
    {
        long index = unchecked((long)Math.Ceiling(u * _sorted.Length)) - 1;
        if (index < 0) index = 0;
        if (index >= _sorted.Length) index = _sorted.Length - 1;
        return _sorted[index];
    }

    /// <inheritdoc/>
    public override string ToString()
        => $"Empirical({_sorted.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} samples)";
}
