using System.Globalization;
using System.Numerics;
using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>
/// A probability distribution for one uncertain model input. Construct with the static factories
/// (<see cref="Normal"/>, <see cref="LogNormal"/>, <see cref="Triangular"/>, <see cref="Pert"/>, <see cref="Uniform"/>,
/// <see cref="Discrete"/>, <see cref="Empirical"/>), which validate every parameter. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Monte Carlo draws an input by inverse transform: x = F^-1(u) for a uniform u in (0, 1), so that a Gaussian copula
/// can correlate inputs of any distribution. The unit of every parameter and of the result is the unit of the input.
/// </remarks>
public abstract class Distribution
{
    private protected Distribution()
    {
    }

    /// <summary>The distribution's family, e.g. <c>"Normal"</c>.</summary>
    public abstract string Family { get; }

    /// <summary>The mean (expected value), in the unit of the input.</summary>
    public abstract double Mean { get; }

    /// <summary>The variance, in the unit of the input squared.</summary>
    public abstract double Variance { get; }

    /// <summary>The standard deviation (square root of <see cref="Variance"/>), in the unit of the input.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The quantile function: the value below which a fraction <paramref name="probability"/> of draws fall.</summary>
    /// <param name="probability">A probability strictly between 0 and 1.</param>
    /// <returns>The quantile, in the unit of the input.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not strictly between 0 and 1.</exception>
    public double InverseCdf(double probability)
    {
        Preconditions.CheckFinite(probability, nameof(probability));
        if (probability <= 0 || probability >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability,
                $"Probability must be strictly between 0 and 1; it was {Preconditions.Format(probability)}.");
        }
        return Quantile(probability);
    }

    /// <summary>The quantile for u in [0, 1] (0 and 1 only reach here through the copula), no checks.</summary>
    internal abstract double Quantile(double u);

    /// <summary>Quantiles of a column of uniforms; overrides vectorise but give the same bits as <see cref="Quantile"/>.</summary>
    internal virtual void Quantiles(ReadOnlySpan<double> uniforms, Span<double> destination)
    {
        for (int i = 0; i < uniforms.Length; i++)
        {
            destination[i] = Quantile(uniforms[i]);
        }
    }

    /// <summary>The value for a standard normal score z (the Gaussian copula path): F^-1(Phi(z)).</summary>
    internal virtual double FromStandardNormal(double z) => Quantile(SpecialFunctions.NormalCdf(z));

    /// <summary>Invariant description such as <c>"Normal(mean 0.7, sd 0.1)"</c>.</summary>
    /// <returns>The description.</returns>
    public abstract override string ToString();

    /// <summary>Formats a parameter invariantly (shortest round-trip).</summary>
    private protected static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A normal (Gaussian) distribution.</summary>
    /// <param name="mean">Mean, in the unit of the input; finite.</param>
    /// <param name="standardDeviation">Standard deviation, in the unit of the input; finite and greater than zero.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite, or <paramref name="standardDeviation"/> is not positive.</exception>
    public static NormalDistribution Normal(double mean, double standardDeviation) => new(mean, standardDeviation);

    /// <summary>A log-normal distribution: ln(X) is normal with mean <paramref name="mu"/> and standard deviation <paramref name="sigma"/>.</summary>
    /// <param name="mu">Mean of ln(X); finite.</param>
    /// <param name="sigma">Standard deviation of ln(X); finite and greater than zero.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite, or <paramref name="sigma"/> is not positive.</exception>
    public static LogNormalDistribution LogNormal(double mu, double sigma) => new(mu, sigma);

    /// <summary>A log-normal distribution with the given mean and standard deviation of X itself.</summary>
    /// <param name="mean">Mean of X, in the unit of the input; greater than zero.</param>
    /// <param name="standardDeviation">Standard deviation of X, in the unit of the input; greater than zero.</param>
    /// <returns>The distribution with sigma^2 = ln(1 + sd^2/mean^2) and mu = ln(mean) - sigma^2/2.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite or not positive.</exception>
    public static LogNormalDistribution LogNormalFromMean(double mean, double standardDeviation)
    {
        Preconditions.CheckPositive(mean, nameof(mean));
        Preconditions.CheckPositive(standardDeviation, nameof(standardDeviation));
        double ratio = standardDeviation / mean;
        double sigma2 = Math.Log(1 + ratio * ratio);
        return new LogNormalDistribution(Math.Log(mean) - sigma2 / 2, Math.Sqrt(sigma2));
    }

    /// <summary>A triangular distribution on [minimum, maximum] peaking at the mode.</summary>
    /// <param name="minimum">Lowest value, in the unit of the input.</param>
    /// <param name="mode">Most likely value; minimum &lt;= mode &lt;= maximum.</param>
    /// <param name="maximum">Highest value; greater than minimum.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite, minimum &gt; mode, mode &gt; maximum or minimum = maximum.</exception>
    public static TriangularDistribution Triangular(double minimum, double mode, double maximum) => new(minimum, mode, maximum);

    /// <summary>A PERT (beta-PERT) distribution on [minimum, maximum] with the given mode and shape 4 (the classic PERT weighting).</summary>
    /// <param name="minimum">Lowest value, in the unit of the input.</param>
    /// <param name="mode">Most likely value; minimum &lt;= mode &lt;= maximum.</param>
    /// <param name="maximum">Highest value; greater than minimum.</param>
    /// <returns>The distribution: a beta with alpha = 1 + 4(mode - min)/(max - min), beta = 1 + 4(max - mode)/(max - min), scaled to [min, max].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite, minimum &gt; mode, mode &gt; maximum or minimum = maximum.</exception>
    public static PertDistribution Pert(double minimum, double mode, double maximum) => new(minimum, mode, maximum);

    /// <summary>A continuous uniform distribution on [minimum, maximum].</summary>
    /// <param name="minimum">Lowest value, in the unit of the input.</param>
    /// <param name="maximum">Highest value; greater than minimum.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite or minimum &gt;= maximum.</exception>
    public static UniformDistribution Uniform(double minimum, double maximum) => new(minimum, maximum);

    /// <summary>A discrete distribution: each value with its probability.</summary>
    /// <param name="values">The possible values, in the unit of the input; finite; at least one.</param>
    /// <param name="probabilities">Their probabilities; not negative, summing to 1 within 1e-9 (then normalised).</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, the list is empty, a value or probability is invalid, or the probabilities do not sum to 1.</exception>
    public static DiscreteDistribution Discrete(IReadOnlyList<double> values, IReadOnlyList<double> probabilities) => new(values, probabilities);

    /// <summary>An empirical distribution that resamples observed values with equal weight (a bootstrap).</summary>
    /// <param name="samples">Observed values, in the unit of the input; finite; at least one.</param>
    /// <returns>The distribution: the quantile for u is the ceiling(u n)-th smallest sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty or holds NaN or infinity.</exception>
    public static EmpiricalDistribution Empirical(IEnumerable<double> samples) => new(samples);

    /// <summary>Checks that minimum &lt;= mode &lt;= maximum and minimum &lt; maximum, naming the family.</summary>
    private protected static void CheckMinModeMax(string family, double minimum, double mode, double maximum)
    {
        Preconditions.CheckFinite(minimum, nameof(minimum));
        Preconditions.CheckFinite(mode, nameof(mode));
        Preconditions.CheckFinite(maximum, nameof(maximum));
        if (minimum > mode)
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum,
                $"{family} minimum must not exceed the mode; minimum was {F(minimum)} and mode {F(mode)}.");
        }
        if (mode > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum,
                $"{family} maximum must not be below the mode; maximum was {F(maximum)} and mode {F(mode)}.");
        }
        if (minimum >= maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum,
                $"{family} maximum must be greater than the minimum; both were {F(minimum)}.");
        }
    }

    /// <summary>location + scale x Phi^-1(u) for a column, vectorised; bit-identical to the scalar path.</summary>
    private protected static void StandardNormalQuantiles(ReadOnlySpan<double> uniforms, Span<double> destination, double location, double scale)
    {
        SpecialFunctions.InverseNormal(uniforms, destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var loc = new Vector<double>(location);
            var sc = new Vector<double>(scale);
            for (; i <= destination.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (loc + sc * new Vector<double>(destination.Slice(i))).CopyTo(destination.Slice(i));
            }
        }
        for (; i < destination.Length; i++)
        {
            destination[i] = location + scale * destination[i];
        }
    }
}
