using System.Numerics;

namespace CloudEconomics.Analysis;

/// <summary>A triangular distribution. Create with <see cref="Distribution.Triangular"/>.</summary>
public sealed class TriangularDistribution : Distribution
{
    private readonly double _split;      // F(mode) = (mode - min)/(max - min)
    private readonly double _lowScale;   // (max - min)(mode - min)
    private readonly double _highScale;  // (max - min)(max - mode)

    internal TriangularDistribution(double minimum, double mode, double maximum)
    {
        CheckMinModeMax("Triangular", minimum, mode, maximum);
        Minimum = minimum;
        Mode = mode;
        Maximum = maximum;
        _split = (mode - minimum) / (maximum - minimum);
        _lowScale = (maximum - minimum) * (mode - minimum);
        _highScale = (maximum - minimum) * (maximum - mode);
    }

    /// <summary>Lowest value, in the unit of the input.</summary>
    public double Minimum { get; }

    /// <summary>Most likely value, in the unit of the input.</summary>
    public double Mode { get; }

    /// <summary>Highest value, in the unit of the input.</summary>
    public double Maximum { get; }

    /// <inheritdoc/>
    public override string Family => "Triangular";

    /// <inheritdoc/>
    /// <remarks>(a + c + b)/3.</remarks>
    public override double Mean => (Minimum + Mode + Maximum) / 3;

    /// <inheritdoc/>
    /// <remarks>(a^2 + b^2 + c^2 - ab - ac - bc)/18.</remarks>
    public override double Variance
        => (Minimum * Minimum + Maximum * Maximum + Mode * Mode - Minimum * Maximum - Minimum * Mode - Maximum * Mode) / 18;

    // F^-1(u) = a + sqrt(u (b-a)(c-a)) for u < F(c), else b - sqrt((1-u)(b-a)(b-c)).
    internal override double Quantile(double u)
        => u < _split ? Minimum + Math.Sqrt(u * _lowScale) : Maximum - Math.Sqrt((1 - u) * _highScale);

    internal override void Quantiles(ReadOnlySpan<double> uniforms, Span<double> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var split = new Vector<double>(_split);
            var lowScale = new Vector<double>(_lowScale);
            var highScale = new Vector<double>(_highScale);
            var min = new Vector<double>(Minimum);
            var max = new Vector<double>(Maximum);
            for (; i <= uniforms.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                // One square root per lane: select the argument, then the side (same operations as the scalar branch).
                var u = new Vector<double>(uniforms.Slice(i));
                var isLow = Vector.LessThan(u, split);
                var root = Vector.SquareRoot(Vector.ConditionalSelect(isLow, u * lowScale, (Vector<double>.One - u) * highScale));
                Vector.ConditionalSelect(isLow, min + root, max - root).CopyTo(destination.Slice(i));
            }
        }
        for (; i < uniforms.Length; i++)
        {
            destination[i] = Quantile(uniforms[i]);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Triangular(min {F(Minimum)}, mode {F(Mode)}, max {F(Maximum)})";
}
