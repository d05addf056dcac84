namespace CloudEconomics.Analysis;

/// <summary>A beta-PERT distribution (shape 4). Create with <see cref="Distribution.Pert"/>.</summary>
/// <remarks>Quantiles invert the regularised incomplete beta function numerically (about 1e-15), so PERT inputs cost
/// more per draw than the closed-form families.</remarks>
public sealed class PertDistribution : Distribution
{
    private readonly double _logBeta;
    private const int TableSize = 256;
    private readonly double[] _table; // standard-beta quantiles at u = k / 256, k = 0..256: brackets and starting points

    internal PertDistribution(double minimum, double mode, double maximum)
    {
        CheckMinModeMax("PERT", minimum, mode, maximum);
        Minimum = minimum;
        Mode = mode;
        Maximum = maximum;
        Alpha = 1 + 4 * (mode - minimum) / (maximum - minimum);
        Beta = 1 + 4 * (maximum - mode) / (maximum - minimum);
        _logBeta = SpecialFunctions.LogGamma(Alpha) + SpecialFunctions.LogGamma(Beta) - SpecialFunctions.LogGamma(Alpha + Beta);
        _table = new double[TableSize + 1];
        _table[TableSize] = 1;
        for (int k = 1; k < TableSize; k++)
        {
            _table[k] = SpecialFunctions.InverseRegularizedBeta((double)k / TableSize, Alpha, Beta, _logBeta);
        }
    }

    /// <summary>Lowest value, in the unit of the input.</summary>
    public double Minimum { get; }

    /// <summary>Most likely value, in the unit of the input.</summary>
    public double Mode { get; }

    /// <summary>Highest value, in the unit of the input.</summary>
    public double Maximum { get; }

    /// <summary>First beta shape: 1 + 4 (mode - min)/(max - min).</summary>
    public double Alpha { get; }

    /// <summary>Second beta shape: 1 + 4 (max - mode)/(max - min).</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public override string Family => "PERT";

    /// <inheritdoc/>
    /// <remarks>(min + 4 mode + max)/6.</remarks>
    public override double Mean => (Minimum + 4 * Mode + Maximum) / 6;

    /// <inheritdoc/>
    /// <remarks>Beta variance alpha beta / ((alpha + beta)^2 (alpha + beta + 1)) scaled by (max - min)^2; with shape 4 this is (mean - min)(max - mean)/7.</remarks>
    public override double Variance
    {
        get
        {
            double s = Alpha + Beta;
            double w = Maximum - Minimum;
            return Alpha * Beta / (s * s * (s + 1)) * w * w;
        }
    }

    internal override double Quantile(double u)
    {
        if (u <= 0) return Minimum;
        if (u >= 1) return Maximum;
        // Bracket from the table of quantiles, start from linear interpolation, then safeguarded Newton (2 to 4 steps).
        double scaled = u * TableSize;
        int k = Math.Min(unchecked((int)scaled), TableSize - 1);
        double lo = _table[k], hi = _table[k + 1];
        double start = lo + (hi - lo) * (scaled - k);
        double x = SpecialFunctions.InverseRegularizedBeta(u, Alpha, Beta, _logBeta, lo, hi, start);
        return Minimum + (Maximum - Minimum) * x;
    }

    /// <inheritdoc/>
    public override string ToString() => $"PERT(min {F(Minimum)}, mode {F(Mode)}, max {F(Maximum)})";
}
