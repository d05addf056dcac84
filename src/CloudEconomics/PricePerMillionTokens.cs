namespace CloudEconomics;

/// <summary>A price per million tokens (input, output or blended), the unit model APIs quote. Never negative.</summary>
public readonly struct PricePerMillionTokens : IEquatable<PricePerMillionTokens>, IComparable<PricePerMillionTokens>, IFormattable
{
    /// <summary>Creates a price per million tokens.</summary>
    /// <param name="perMillionTokens">The money charged for 1,000,000 tokens; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perMillionTokens"/> is negative.</exception>
    public PricePerMillionTokens(Money perMillionTokens)
    {
        if (perMillionTokens.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perMillionTokens), perMillionTokens, $"A price per million tokens must not be negative; it was {perMillionTokens}.");
        }
        PerMillionTokens = perMillionTokens;
    }

    /// <summary>The money charged for one million tokens.</summary>
    public Money PerMillionTokens { get; }

    /// <summary>The currency of the price.</summary>
    public Currency Currency => PerMillionTokens.Currency;

    /// <summary>The money charged for one token (the price divided by 1,000,000, exact in decimal).</summary>
    public Money PerToken => PerMillionTokens / 1_000_000m;

    /// <summary>Shorthand for a price in US dollars per million tokens.</summary>
    /// <param name="amountPerMillionTokens">USD per million tokens; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amountPerMillionTokens"/> is negative.</exception>
    public static PricePerMillionTokens Usd(decimal amountPerMillionTokens) => new(Money.Usd(amountPerMillionTokens));

    /// <summary>A price per million tokens (the constructor's twin, for symmetry with the other price types).</summary>
    /// <param name="perMillionTokens">The money charged for 1,000,000 tokens; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perMillionTokens"/> is negative.</exception>
    public static PricePerMillionTokens From(Money perMillionTokens) => new(perMillionTokens);

    /// <summary>The token price that spreads <paramref name="cost"/> evenly over <paramref name="tokens"/> (cost / tokens x 1,000,000).</summary>
    /// <param name="cost">The total cost; not negative.</param>
    /// <param name="tokens">The tokens; greater than zero.</param>
    /// <returns>The price per million tokens.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokens"/> is zero or <paramref name="cost"/> is negative.</exception>
    public static PricePerMillionTokens From(Money cost, TokenCount tokens) => cost / tokens;

    /// <summary>Zero per million tokens in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero price.</returns>
    public static PricePerMillionTokens Zero(Currency currency) => new(Money.Zero(currency));

    /// <summary>A price from money per thousand tokens (x 1,000; some APIs quote per 1K tokens).</summary>
    /// <param name="perThousandTokens">The money charged for 1,000 tokens; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perThousandTokens"/> is negative.</exception>
    public static PricePerMillionTokens FromPerThousandTokens(Money perThousandTokens) => new(perThousandTokens * 1000m);

    /// <summary>The cost of <paramref name="tokens"/> at this price (millions of tokens x price per million).</summary>
    /// <param name="tokens">The tokens.</param>
    /// <returns>The cost.</returns>
    public Money CostOf(TokenCount tokens) => PerMillionTokens * ((decimal)tokens.Tokens / 1_000_000m);

    /// <summary>The cost of a number of tokens at this price.</summary>
    public static Money operator *(PricePerMillionTokens price, TokenCount tokens) => price.CostOf(tokens);

    /// <summary>The cost of a number of tokens at this price.</summary>
    public static Money operator *(TokenCount tokens, PricePerMillionTokens price) => price * tokens;

    /// <summary>Sum of two prices in one currency (for example energy plus amortised hardware).</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static PricePerMillionTokens operator +(PricePerMillionTokens left, PricePerMillionTokens right) => new(left.PerMillionTokens + right.PerMillionTokens);

    /// <summary>Difference of two prices in one currency; must not be negative.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result would be negative.</exception>
    public static PricePerMillionTokens operator -(PricePerMillionTokens left, PricePerMillionTokens right) => new(left.PerMillionTokens - right.PerMillionTokens);

    /// <summary>Scales a price.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative.</exception>
    public static PricePerMillionTokens operator *(PricePerMillionTokens price, decimal factor) => new(price.PerMillionTokens * factor);

    /// <summary>Divides a price.</summary>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public static PricePerMillionTokens operator /(PricePerMillionTokens price, decimal divisor) => new(price.PerMillionTokens / divisor);

    /// <summary>The ratio of two prices in one currency (such as custom silicon / GPU).</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static decimal operator /(PricePerMillionTokens left, PricePerMillionTokens right) => left.PerMillionTokens / right.PerMillionTokens;

    /// <summary>Ordering within one currency.</summary>
    public static bool operator <(PricePerMillionTokens left, PricePerMillionTokens right) => left.CompareTo(right) < 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >(PricePerMillionTokens left, PricePerMillionTokens right) => left.CompareTo(right) > 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator <=(PricePerMillionTokens left, PricePerMillionTokens right) => left.CompareTo(right) <= 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >=(PricePerMillionTokens left, PricePerMillionTokens right) => left.CompareTo(right) >= 0;
    /// <summary>Equality of amount and currency.</summary>
    public static bool operator ==(PricePerMillionTokens left, PricePerMillionTokens right) => left.Equals(right);
    /// <summary>Inequality of amount or currency.</summary>
    public static bool operator !=(PricePerMillionTokens left, PricePerMillionTokens right) => !left.Equals(right);

    /// <inheritdoc/>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(PricePerMillionTokens other) => PerMillionTokens.CompareTo(other.PerMillionTokens);

    /// <inheritdoc/>
    public bool Equals(PricePerMillionTokens other) => PerMillionTokens.Equals(other.PerMillionTokens);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PricePerMillionTokens other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => PerMillionTokens.GetHashCode();

    /// <summary>Invariant text such as <c>"2.731 USD/1M tokens"</c>.</summary>
    /// <returns>The price.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the amount with a numeric format, then the code and <c>/1M tokens</c>.</summary>
    /// <param name="format">Numeric format for the amount (null: round-trippable default).</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The formatted price.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => PerMillionTokens.ToString(format, formatProvider) + "/1M tokens";
}
