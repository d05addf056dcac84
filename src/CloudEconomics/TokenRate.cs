using System.Globalization;
using CloudEconomics.Utility;

namespace CloudEconomics;

/// <summary>A throughput in tokens per second. Never negative.</summary>
public readonly struct TokenRate : IEquatable<TokenRate>, IComparable<TokenRate>, IFormattable
{
    private TokenRate(double tokensPerSecond) => TokensPerSecond = tokensPerSecond;

    /// <summary>Zero tokens per second.</summary>
    public static TokenRate Zero => default;

    /// <summary>Tokens per second.</summary>
    public double TokensPerSecond { get; }

    /// <summary>Tokens per hour (tokens per second x 3,600).</summary>
    public double TokensPerHour => TokensPerSecond * 3600d;

    /// <summary>Creates a rate.</summary>
    /// <param name="value">Tokens per second; finite and not negative.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static TokenRate FromTokensPerSecond(double value) => new(Preconditions.CheckNonNegative(value, nameof(value)));

    /// <summary>The tokens produced in a number of seconds.</summary>
    /// <param name="seconds">Seconds; finite and not negative.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative, NaN or infinite.</exception>
    public TokenCount TokensIn(double seconds) => TokenCount.FromTokens(TokensPerSecond * Preconditions.CheckNonNegative(seconds, nameof(seconds)));

    /// <summary>The sum of two rates (two replicas).</summary>
    public static TokenRate operator +(TokenRate left, TokenRate right) => FromTokensPerSecond(left.TokensPerSecond + right.TokensPerSecond);

    /// <summary>Scales a rate (a utilisation or a replica count).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static TokenRate operator *(TokenRate rate, double factor) => FromTokensPerSecond(rate.TokensPerSecond * factor);

    /// <summary>Ordering.</summary>
    public static bool operator <(TokenRate left, TokenRate right) => left.TokensPerSecond < right.TokensPerSecond;
    /// <summary>Ordering.</summary>
    public static bool operator >(TokenRate left, TokenRate right) => left.TokensPerSecond > right.TokensPerSecond;
    /// <summary>Ordering.</summary>
    public static bool operator <=(TokenRate left, TokenRate right) => left.TokensPerSecond <= right.TokensPerSecond;
    /// <summary>Ordering.</summary>
    public static bool operator >=(TokenRate left, TokenRate right) => left.TokensPerSecond >= right.TokensPerSecond;
    /// <summary>Exact equality of the stored doubles.</summary>
    public static bool operator ==(TokenRate left, TokenRate right) => left.Equals(right);
    /// <summary>Inequality of the stored doubles.</summary>
    public static bool operator !=(TokenRate left, TokenRate right) => !left.Equals(right);

    /// <inheritdoc/>
    public int CompareTo(TokenRate other) => TokensPerSecond.CompareTo(other.TokensPerSecond);
    /// <inheritdoc/>
    public bool Equals(TokenRate other) => TokensPerSecond.Equals(other.TokensPerSecond);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TokenRate other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => TokensPerSecond.GetHashCode();

    /// <summary>Invariant text such as <c>"10,000 tokens/s"</c>.</summary>
    /// <returns>The rate.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the rate with a numeric format (default <c>"#,0.###"</c>) and <c>tokens/s</c>.</summary>
    /// <param name="format">Numeric format.</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The formatted rate.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
        => TokensPerSecond.ToString(string.IsNullOrEmpty(format) ? "#,0.###" : format, formatProvider ?? CultureInfo.InvariantCulture) + " tokens/s";
}
