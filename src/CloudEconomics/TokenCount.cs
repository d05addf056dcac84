using System.Globalization;
using CloudEconomics.Utility;

namespace CloudEconomics;

/// <summary>A number of tokens (prompt, output or total), stored as a double in tokens. Never negative.</summary>
public readonly struct TokenCount : IEquatable<TokenCount>, IComparable<TokenCount>, IFormattable
{
    private TokenCount(double tokens) => Tokens = tokens;

    /// <summary>Zero tokens.</summary>
    public static TokenCount Zero => default;

    /// <summary>The number of tokens.</summary>
    public double Tokens { get; }

    /// <summary>The number of millions of tokens.</summary>
    public double Millions => Tokens / 1_000_000d;

    /// <summary>Creates a token count.</summary>
    /// <param name="value">Tokens; finite and not negative.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static TokenCount FromTokens(double value) => new(Preconditions.CheckNonNegative(value, nameof(value)));

    /// <summary>Creates a token count from millions of tokens.</summary>
    /// <param name="value">Millions of tokens; finite and not negative.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static TokenCount FromMillions(double value) => FromTokens(Preconditions.CheckNonNegative(value, nameof(value)) * 1_000_000d);

    /// <summary>The price per million tokens of a cost spread over these tokens.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is zero or the cost is negative.</exception>
    public static PricePerMillionTokens operator /(Money cost, TokenCount tokens)
    {
        if (tokens.Tokens <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens.Tokens, "Token count must be greater than zero to price a token.");
        }
        return new PricePerMillionTokens(cost * 1_000_000m / (decimal)tokens.Tokens);
    }

    /// <summary>The sum of two counts.</summary>
    public static TokenCount operator +(TokenCount left, TokenCount right) => FromTokens(left.Tokens + right.Tokens);

    /// <summary>Scales a count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static TokenCount operator *(TokenCount count, double factor) => FromTokens(count.Tokens * factor);

    /// <summary>The time to produce these tokens at a rate, in seconds.</summary>
    /// <param name="rate">Tokens per second; positive.</param>
    /// <returns>Seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is zero.</exception>
    public double SecondsAt(TokenRate rate)
    {
        if (rate.TokensPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate.TokensPerSecond, "Token rate must be greater than zero.");
        }
        return Tokens / rate.TokensPerSecond;
    }

    /// <summary>Ordering.</summary>
    public static bool operator <(TokenCount left, TokenCount right) => left.Tokens < right.Tokens;
    /// <summary>Ordering.</summary>
    public static bool operator >(TokenCount left, TokenCount right) => left.Tokens > right.Tokens;
    /// <summary>Ordering.</summary>
    public static bool operator <=(TokenCount left, TokenCount right) => left.Tokens <= right.Tokens;
    /// <summary>Ordering.</summary>
    public static bool operator >=(TokenCount left, TokenCount right) => left.Tokens >= right.Tokens;
    /// <summary>Exact equality of the stored doubles.</summary>
    public static bool operator ==(TokenCount left, TokenCount right) => left.Equals(right);
    /// <summary>Inequality of the stored doubles.</summary>
    public static bool operator !=(TokenCount left, TokenCount right) => !left.Equals(right);

    /// <inheritdoc/>
    public int CompareTo(TokenCount other) => Tokens.CompareTo(other.Tokens);
    /// <inheritdoc/>
    public bool Equals(TokenCount other) => Tokens.Equals(other.Tokens);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TokenCount other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => Tokens.GetHashCode();

    /// <summary>Invariant text such as <c>"1,000,000 tokens"</c>.</summary>
    /// <returns>The count.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the count with a numeric format (default <c>"#,0.###"</c>) and the word tokens.</summary>
    /// <param name="format">Numeric format.</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The formatted count.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
        => Tokens.ToString(string.IsNullOrEmpty(format) ? "#,0.###" : format, formatProvider ?? CultureInfo.InvariantCulture) + " tokens";
}
