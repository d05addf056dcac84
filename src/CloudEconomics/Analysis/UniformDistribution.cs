using System.Numerics;
using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>A continuous uniform distribution. Create with <see cref="Distribution.Uniform"/>.</summary>
public sealed class UniformDistribution : Distribution
{
    internal UniformDistribution(double minimum, double maximum)
    {
        Preconditions.CheckFinite(minimum, nameof(minimum));
        Preconditions.CheckFinite(maximum, nameof(maximum));
        if (minimum >= maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum,
                $"Uniform maximum must be greater than the minimum; minimum was {F(minimum)} and maximum {F(maximum)}.");
        }
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Lowest value, in the unit of the input.</summary>
    public double Minimum { get; }

    /// <summary>Highest value, in the unit of the input.</summary>
    public double Maximum { get; }

    /// <inheritdoc/>
    public override string Family => "Uniform";

    /// <inheritdoc/>
    /// <remarks>(a + b)/2.</remarks>
    public override double Mean => (Minimum + Maximum) / 2;

    /// <inheritdoc/>
    /// <remarks>(b - a)^2/12.</remarks>
    public override double Variance => (Maximum - Minimum) * (Maximum - Minimum) / 12;

    internal override double Quantile(double u) => Minimum + (Maximum - Minimum) * u;

    internal override void Quantiles(ReadOnlySpan<double> uniforms, Span<double> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var min = new Vector<double>(Minimum);
            var width = new Vector<double>(Maximum - Minimum);
            for (; i <= uniforms.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (min + width * new Vector<double>(uniforms.Slice(i))).CopyTo(destination.Slice(i));
            }
        }
        for (; i < uniforms.Length; i++)
        {
            destination[i] = Quantile(uniforms[i]);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Uniform(min {F(Minimum)}, max {F(Maximum)})";
}
