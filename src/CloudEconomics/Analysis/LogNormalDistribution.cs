using System.Numerics;
using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>A log-normal distribution: ln(X) ~ Normal(mu, sigma). Create with <see cref="Distribution.LogNormal"/> or <see cref="Distribution.LogNormalFromMean"/>.</summary>
public sealed class LogNormalDistribution : Distribution
{
    internal LogNormalDistribution(double mu, double sigma)
    {
        Preconditions.CheckFinite(mu, nameof(mu));
        Preconditions.CheckFinite(sigma, nameof(sigma));
        if (sigma <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma,
                $"LogNormal sigma (standard deviation of the logarithm) must be greater than zero; it was {F(sigma)}.");
        }
        Mu = mu;
        Sigma = sigma;
    }

    /// <summary>Mean of ln(X).</summary>
    public double Mu { get; }

    /// <summary>Standard deviation of ln(X).</summary>
    public double Sigma { get; }

    /// <inheritdoc/>
    public override string Family => "LogNormal";

    /// <inheritdoc/>
    /// <remarks>exp(mu + sigma^2/2).</remarks>
    public override double Mean => Math.Exp(Mu + Sigma * Sigma / 2);

    /// <inheritdoc/>
    /// <remarks>(exp(sigma^2) - 1) exp(2 mu + sigma^2).</remarks>
    public override double Variance => (Math.Exp(Sigma * Sigma) - 1) * Math.Exp(2 * Mu + Sigma * Sigma);

    internal override double Quantile(double u) => PortableMath.Exp(Mu + Sigma * SpecialFunctions.InverseNormal(u));

    internal override void Quantiles(ReadOnlySpan<double> uniforms, Span<double> destination)
    {
        SpecialFunctions.InverseNormal(uniforms, destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var mu = new Vector<double>(Mu);
            var sigma = new Vector<double>(Sigma);
            int w = Vector<double>.Count;
            for (; i <= destination.Length - 2 * w; i += 2 * w)
            {
                var za = new Vector<double>(destination.Slice(i));
                var zb = new Vector<double>(destination.Slice(i + w));
                PortableMath.Exp(mu + sigma * za).CopyTo(destination.Slice(i));
                PortableMath.Exp(mu + sigma * zb).CopyTo(destination.Slice(i + w));
            }
            for (; i <= destination.Length - w; i += w)
            {
                PortableMath.Exp(mu + sigma * new Vector<double>(destination.Slice(i))).CopyTo(destination.Slice(i));
            }
        }
        for (; i < destination.Length; i++)
        {
            destination[i] = PortableMath.Exp(Mu + Sigma * destination[i]);
        }
    }

    internal override double FromStandardNormal(double z) => PortableMath.Exp(Mu + Sigma * z);

    /// <inheritdoc/>
    public override string ToString() => $"LogNormal(mu {F(Mu)}, sigma {F(Sigma)})";
}
