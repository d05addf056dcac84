using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>A normal (Gaussian) distribution. Create with <see cref="Distribution.Normal"/>.</summary>
public sealed class NormalDistribution : Distribution
{
    internal NormalDistribution(double mean, double standardDeviation)
    {
        Preconditions.CheckFinite(mean, nameof(mean));
        Preconditions.CheckFinite(standardDeviation, nameof(standardDeviation));
        if (standardDeviation <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation,
                $"Normal standard deviation must be greater than zero; it was {F(standardDeviation)}.");
        }
        Location = mean;
        Scale = standardDeviation;
    }

    /// <summary>The mean parameter, in the unit of the input.</summary>
    public double Location { get; }

    /// <summary>The standard-deviation parameter, in the unit of the input.</summary>
    public double Scale { get; }

    /// <inheritdoc/>
    public override string Family => "Normal";

    /// <inheritdoc/>
    public override double Mean => Location;

    /// <inheritdoc/>
    public override double Variance => Scale * Scale;

    internal override double Quantile(double u) => Location + Scale * SpecialFunctions.InverseNormal(u);

    internal override void Quantiles(ReadOnlySpan<double> uniforms, Span<double> destination)
        => StandardNormalQuantiles(uniforms, destination, Location, Scale);

    internal override double FromStandardNormal(double z) => Location + Scale * z;

    /// <inheritdoc/>
    public override string ToString() => $"Normal(mean {F(Location)}, sd {F(Scale)})";
}
