using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>A discrete distribution over listed values. Create with <see cref="Distribution.Discrete"/>.</summary>
public sealed class DiscreteDistribution : Distribution
{
    private readonly double[] _values;
    private readonly double[] _probabilities;
    private readonly double[] _cumulative;

    internal DiscreteDistribution(IReadOnlyList<double> values, IReadOnlyList<double> probabilities)
    {
        Preconditions.CheckNotNull(values, nameof(values));
        Preconditions.CheckNotNull(probabilities, nameof(probabilities));
        if (values.Count == 0)
        {
            throw new ArgumentException("Discrete distribution needs at least one value; the list was empty.", nameof(values));
        }
        if (values.Count != probabilities.Count)
        {
            throw new ArgumentException(
                $"Discrete distribution needs one probability per value; there were {values.Count} values and {probabilities.Count} probabilities.",
                nameof(probabilities));
        }
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Discrete value {i} must be a finite number; it was {F(values[i])}.", nameof(values));
            }
            double p = probabilities[i];
            if (!double.IsFinite(p) || p < 0)
            {
                throw new ArgumentException($"Discrete probability {i} must be a finite number not below zero; it was {F(p)}.", nameof(probabilities));
            }
            sum += p;
        }
        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new ArgumentException($"Discrete probabilities must sum to 1; they sum to {F(sum)}.", nameof(probabilities));
        }
        _values = values.ToArray();
        _probabilities = probabilities.Select(p => p / sum).ToArray();
        _cumulative = new double[_values.Length];
        double c = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            c += _probabilities[i];
            _cumulative[i] = c;
        }
        _cumulative[^1] = 1.0;
    }

    /// <summary>The possible values, in the order given, in the unit of the input.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The probability of each value (normalised to sum to exactly 1).</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <inheritdoc/>
    public override string Family => "Discrete";

    /// <inheritdoc/>
    /// <remarks>Sum of p_i x_i.</remarks>
    public override double Mean
    {
        get
        {
            double m = 0;
            for (int i = 0; i < _values.Length; i++) m += _probabilities[i] * _values[i];
            return m;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Sum of p_i (x_i - mean)^2.</remarks>
    public override double Variance
    {
        get
        {
            double m = Mean, v = 0;
            for (int i = 0; i < _values.Length; i++) v += _probabilities[i] * (_values[i] - m) * (_values[i] - m);
            return v;
        }
    }

    // The first value (in the order given) whose cumulative probability reaches u.
    internal override double Quantile(double u)
    {
        for (int i = 0; i < _cumulative.Length; i++)
        {
            if (u <= _cumulative[i]) return _values[i];
        }
        return _values[^1];
    }

    /// <inheritdoc/>
    public override string ToString()
        => "Discrete(" + string.Join(", ", _values.Select((v, i) => F(v) + " @ " + F(_probabilities[i]))) + ")";
}
