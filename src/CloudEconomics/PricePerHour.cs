using System.Globalization;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics;

/// <summary>
/// A price per hour of use: an instance-hour, an accelerator-hour or a chip-hour. Never negative.
/// </summary>
/// <remarks>
/// Multiply by a <see cref="UnitsDuration"/> to get <see cref="Money"/>; divide by a <see cref="TokenRate"/> to get a
/// <see cref="PricePerMillionTokens"/>. A price per hour cannot be added to a price of another kind.
/// </remarks>
public readonly struct PricePerHour : IEquatable<PricePerHour>, IComparable<PricePerHour>, IFormattable
{
    /// <summary>Creates a price per hour.</summary>
    /// <param name="perHour">The money charged for one hour; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perHour"/> is negative.</exception>
    public PricePerHour(Money perHour)
    {
        if (perHour.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perHour), perHour, $"A price per hour must not be negative; it was {perHour}.");
        }
        PerHour = perHour;
    }

    /// <summary>The money charged for one hour.</summary>
    public Money PerHour { get; }

    /// <summary>The currency of the price.</summary>
    public Currency Currency => PerHour.Currency;

    /// <summary>Shorthand for a price in US dollars per hour.</summary>
    /// <param name="amountPerHour">USD per hour; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amountPerHour"/> is negative.</exception>
    public static PricePerHour Usd(decimal amountPerHour) => new(Money.Usd(amountPerHour));

    /// <summary>Zero per hour in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero price.</returns>
    public static PricePerHour Zero(Currency currency) => new(Money.Zero(currency));

    /// <summary>A price per hour (the constructor's twin, for symmetry with the other price types).</summary>
    /// <param name="perHour">The money charged for one hour; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perHour"/> is negative.</exception>
    public static PricePerHour From(Money perHour) => new(perHour);

    /// <summary>The hourly price that spreads <paramref name="cost"/> evenly over <paramref name="duration"/>.</summary>
    /// <param name="cost">The total cost; not negative.</param>
    /// <param name="duration">The duration; positive.</param>
    /// <returns>The price per hour.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive and finite, or <paramref name="cost"/> is negative.</exception>
    public static PricePerHour From(Money cost, UnitsDuration duration)
    {
        double hours = duration.Hours;
        if (!double.IsFinite(hours) || hours <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), hours, $"Duration must be positive and finite; it was {hours.ToString("R", CultureInfo.InvariantCulture)} h.");
        }
        return new PricePerHour(cost / (decimal)hours);
    }

    /// <summary>The cost of <paramref name="duration"/> at this price (hours x price per hour).</summary>
    /// <param name="duration">The duration; not negative, finite.</param>
    /// <returns>The cost.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative, NaN or infinite.</exception>
    public Money CostOf(UnitsDuration duration)
    {
        double hours = duration.Hours;
        if (!double.IsFinite(hours) || hours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), hours, $"Duration must be a finite number of hours not below zero; it was {hours.ToString("R", CultureInfo.InvariantCulture)} h.");
        }
        return PerHour * (decimal)hours;
    }

    /// <summary>The cost of a duration at this price (hours x price per hour).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or not finite.</exception>
    public static Money operator *(PricePerHour price, UnitsDuration duration) => price.CostOf(duration);

    /// <summary>The cost of a duration at this price (hours x price per hour).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or not finite.</exception>
    public static Money operator *(UnitsDuration duration, PricePerHour price) => price.CostOf(duration);

    /// <summary>
    /// The price per million tokens when this hourly price buys <paramref name="throughput"/> at full utilisation:
    /// price / (tokens per second x 3,600) x 1,000,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The throughput is zero.</exception>
    public static PricePerMillionTokens operator /(PricePerHour price, TokenRate throughput)
    {
        if (throughput.TokensPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(throughput), throughput.TokensPerSecond, "Throughput must be greater than zero tokens per second to price a token.");
        }
        return price.ForTokensPerHour((decimal)throughput.TokensPerSecond * 3600m);
    }

    /// <summary>
    /// The typed (decimal) token-cost formula, price x 1,000,000 / tokens per hour, for the vocabulary's operator and
    /// Power.EnergyModel.CostPerMillionTokens (tokens per hour there include utilisation). Inference.TokenCostKernel holds
    /// the kernel tier's double form (Money is decimal here; the root namespace cannot call Inference).
    /// </summary>
    /// <param name="tokensPerHour">Tokens bought per hour at this price; greater than zero (the caller checks).</param>
    internal PricePerMillionTokens ForTokensPerHour(decimal tokensPerHour) => new(PerHour * 1_000_000m / tokensPerHour);

    /// <summary>Sum of two hourly prices in one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static PricePerHour operator +(PricePerHour left, PricePerHour right) => new(left.PerHour + right.PerHour);

    /// <summary>Difference of two hourly prices in one currency; must not be negative.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result would be negative.</exception>
    public static PricePerHour operator -(PricePerHour left, PricePerHour right) => new(left.PerHour - right.PerHour);

    /// <summary>Scales a price (for example by an accelerator count).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative.</exception>
    public static PricePerHour operator *(PricePerHour price, decimal factor) => new(price.PerHour * factor);

    /// <summary>Divides a price (for example per accelerator of an 8-accelerator instance).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The divisor is negative.</exception>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public static PricePerHour operator /(PricePerHour price, decimal divisor) => new(price.PerHour / divisor);

    /// <summary>The ratio of two hourly prices in one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static decimal operator /(PricePerHour left, PricePerHour right) => left.PerHour / right.PerHour;

    /// <summary>Ordering within one currency.</summary>
    public static bool operator <(PricePerHour left, PricePerHour right) => left.CompareTo(right) < 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >(PricePerHour left, PricePerHour right) => left.CompareTo(right) > 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator <=(PricePerHour left, PricePerHour right) => left.CompareTo(right) <= 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >=(PricePerHour left, PricePerHour right) => left.CompareTo(right) >= 0;
    /// <summary>Equality of amount and currency.</summary>
    public static bool operator ==(PricePerHour left, PricePerHour right) => left.Equals(right);
    /// <summary>Inequality of amount or currency.</summary>
    public static bool operator !=(PricePerHour left, PricePerHour right) => !left.Equals(right);

    /// <inheritdoc/>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(PricePerHour other) => PerHour.CompareTo(other.PerHour);

    /// <inheritdoc/>
    public bool Equals(PricePerHour other) => PerHour.Equals(other.PerHour);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PricePerHour other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => PerHour.GetHashCode();

    /// <summary>Invariant text such as <c>"98.32 USD/h"</c>.</summary>
    /// <returns>The price.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the amount with a numeric format, then the code and <c>/h</c>.</summary>
    /// <param name="format">Numeric format for the amount (null: round-trippable default).</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The formatted price.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => PerHour.ToString(format, formatProvider) + "/h";
}
