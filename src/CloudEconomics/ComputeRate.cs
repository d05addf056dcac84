using System.Globalization;
using CloudEconomics.Utility;

namespace CloudEconomics;

/// <summary>
/// A rate of floating-point (or integer) operations in FLOP/s. Never negative.
/// </summary>
/// <remarks>
/// Vendor figures are quoted in TFLOPS (10^12) or PFLOPS (10^15), decimal prefixes. Whether a figure is dense or
/// with structured sparsity is a property of where it comes from (the catalog keeps them apart), not of this type.
/// </remarks>
public readonly struct ComputeRate : IEquatable<ComputeRate>, IComparable<ComputeRate>, IFormattable
{
    private ComputeRate(double flopsPerSecond) => FlopsPerSecond = flopsPerSecond;

    /// <summary>Zero FLOP/s.</summary>
    public static ComputeRate Zero => default;

    /// <summary>Operations per second.</summary>
    public double FlopsPerSecond { get; }

    /// <summary>Tera-operations per second (10^12 FLOP/s).</summary>
    public double Teraflops => FlopsPerSecond / 1e12;

    /// <summary>Peta-operations per second (10^15 FLOP/s).</summary>
    public double Petaflops => FlopsPerSecond / 1e15;

    /// <summary>Creates a rate from FLOP/s.</summary>
    /// <param name="value">FLOP/s; finite and not negative.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static ComputeRate FromFlopsPerSecond(double value) => new(Preconditions.CheckNonNegative(value, nameof(value)));

    /// <summary>Creates a rate from TFLOPS (10^12 FLOP/s).</summary>
    /// <param name="value">TFLOPS; finite and not negative.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static ComputeRate FromTeraflops(double value) => new(Preconditions.CheckNonNegative(value, nameof(value)) * 1e12);

    /// <summary>Creates a rate from PFLOPS (10^15 FLOP/s).</summary>
    /// <param name="value">PFLOPS; finite and not negative.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static ComputeRate FromPetaflops(double value) => new(Preconditions.CheckNonNegative(value, nameof(value)) * 1e15);

    /// <summary>The sum of two rates (two chips).</summary>
    public static ComputeRate operator +(ComputeRate left, ComputeRate right) => FromFlopsPerSecond(left.FlopsPerSecond + right.FlopsPerSecond);

    /// <summary>Scales a rate (a chip count or a model FLOPs utilisation).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static ComputeRate operator *(ComputeRate rate, double factor) => FromFlopsPerSecond(rate.FlopsPerSecond * factor);

    /// <summary>The seconds needed for a number of operations at this rate.</summary>
    /// <param name="operations">FLOPs; finite and not negative.</param>
    /// <returns>Seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operations"/> is invalid, or the rate is zero.</exception>
    public double SecondsFor(double operations)
    {
        Preconditions.CheckNonNegative(operations, nameof(operations));
        if (FlopsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(operations), "A zero compute rate never completes any operations.");
        }
        return operations / FlopsPerSecond;
    }

    /// <summary>Ordering.</summary>
    public static bool operator <(ComputeRate left, ComputeRate right) => left.FlopsPerSecond < right.FlopsPerSecond;
    /// <summary>Ordering.</summary>
    public static bool operator >(ComputeRate left, ComputeRate right) => left.FlopsPerSecond > right.FlopsPerSecond;
    /// <summary>Ordering.</summary>
    public static bool operator <=(ComputeRate left, ComputeRate right) => left.FlopsPerSecond <= right.FlopsPerSecond;
    /// <summary>Ordering.</summary>
    public static bool operator >=(ComputeRate left, ComputeRate right) => left.FlopsPerSecond >= right.FlopsPerSecond;
    /// <summary>Exact equality of the stored doubles.</summary>
    public static bool operator ==(ComputeRate left, ComputeRate right) => left.Equals(right);
    /// <summary>Inequality of the stored doubles.</summary>
    public static bool operator !=(ComputeRate left, ComputeRate right) => !left.Equals(right);

    /// <inheritdoc/>
    public int CompareTo(ComputeRate other) => FlopsPerSecond.CompareTo(other.FlopsPerSecond);
    /// <inheritdoc/>
    public bool Equals(ComputeRate other) => FlopsPerSecond.Equals(other.FlopsPerSecond);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ComputeRate other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => FlopsPerSecond.GetHashCode();

    /// <summary>Invariant text in TFLOPS, such as <c>"989.5 TFLOPS"</c>.</summary>
    /// <returns>The rate.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the rate in TFLOPS with a numeric format (default <c>"#,0.###"</c>).</summary>
    /// <param name="format">Numeric format for the TFLOPS value.</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The formatted rate.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
        => Teraflops.ToString(string.IsNullOrEmpty(format) ? "#,0.###" : format, formatProvider ?? CultureInfo.InvariantCulture) + " TFLOPS";
}
