using System.Globalization;

namespace CloudEconomics;

/// <summary>
/// An exact decimal amount in one <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// <para>Arithmetic never rounds implicitly: <c>1.005 USD</c> stays <c>1.005 USD</c> until
/// <see cref="Round(MidpointRounding)"/> is called with an explicit midpoint rule.</para>
/// <para>Adding, subtracting or comparing amounts in different currencies throws
/// <see cref="CurrencyMismatchException"/>. Decimal overflow throws <see cref="OverflowException"/>.</para>
/// <para><see cref="ToString()"/> is culture-invariant and readable: <c>"1,234.50 USD"</c>, with at least the currency's
/// minor-unit digits and at most four more (rounded half to even for display only; the amount is unchanged).
/// <c>ToString("R", null)</c> keeps every significant digit, so that <see cref="Parse"/> gives back the same amount.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
{
    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The amount, in units of the currency (dollars, not cents). May be negative (a cash outflow).</param>
    /// <param name="currency">The currency.</param>
    public Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount in units of <see cref="Currency"/>.</summary>
    public decimal Amount { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>An amount of zero.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Shorthand for an amount in US dollars.</summary>
    /// <param name="amount">The amount in USD.</param>
    /// <returns>The amount.</returns>
    public static Money Usd(decimal amount) => new(amount, Currency.Usd);

    /// <summary>Shorthand for an amount in euros.</summary>
    /// <param name="amount">The amount in EUR.</param>
    /// <returns>The amount.</returns>
    public static Money Eur(decimal amount) => new(amount, Currency.Eur);

    /// <summary>
    /// Converts a kernel-tier double into money. Lossy: a double carries about 15-17 significant digits and
    /// the conversion rounds to the nearest decimal the runtime produces.
    /// </summary>
    /// <param name="amount">The amount; must be finite and within the range of <see cref="decimal"/>.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount as money.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is NaN, infinite or too large for decimal.</exception>
    public static Money FromDouble(double amount, Currency currency)
    {
        if (!double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Amount must be a finite number; it was {amount.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        if (Math.Abs(amount) >= 7.9e28)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Amount must be within the range of decimal (about ±7.9e28); it was {amount.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        return new Money((decimal)amount, currency);
    }

    /// <summary>
    /// The amount as a double for the kernel tier. Lossy: decimals with more than about 15 significant digits
    /// are rounded to the nearest double.
    /// </summary>
    /// <returns>The amount as a double.</returns>
    public double ToDouble() => (double)Amount;

    /// <summary>Whether the amount is exactly zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Rounds to the currency's minor unit (cents for USD) with the given midpoint rule.</summary>
    /// <param name="mode">How to round a value exactly halfway between two minor units.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(MidpointRounding mode) => new(Math.Round(Amount, Currency.MinorUnitDigits, mode), Currency);

    /// <summary>Rounds to the given number of decimal places with the given midpoint rule.</summary>
    /// <param name="decimals">Decimal places, 0 to 28.</param>
    /// <param name="mode">How to round a value exactly halfway.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 28.</exception>
    public Money Round(int decimals, MidpointRounding mode)
    {
        if (decimals is < 0 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, $"Decimal places must be between 0 and 28; it was {decimals}.");
        }
        return new(Math.Round(Amount, decimals, mode), Currency);
    }

    /// <summary>The absolute value.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => new(Math.Abs(Amount), Currency);

    /// <summary>Returns the same currency with a different amount.</summary>
    /// <param name="amount">The new amount.</param>
    /// <returns>The new money value.</returns>
    public Money WithAmount(decimal amount) => new(amount, Currency);

    /// <summary>Sums amounts that all share one currency.</summary>
    /// <param name="values">The amounts; at least one.</param>
    /// <returns>The total.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty (the currency of an empty total is unknown: use the overload with a currency).</exception>
    /// <exception cref="CurrencyMismatchException">Two amounts have different currencies.</exception>
    public static Money Sum(IEnumerable<Money> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var e = values.GetEnumerator();
        if (!e.MoveNext())
        {
            throw new ArgumentException("Cannot sum an empty sequence of money without a currency; pass the currency.", nameof(values));
        }
        var total = e.Current;
        while (e.MoveNext())
        {
            total += e.Current;
        }
        return total;
    }

    /// <summary>Sums amounts in the given currency; an empty sequence gives zero.</summary>
    /// <param name="values">The amounts.</param>
    /// <param name="currency">The currency of the total.</param>
    /// <returns>The total.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is not in <paramref name="currency"/>.</exception>
    public static Money Sum(IEnumerable<Money> values, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = Zero(currency);
        foreach (var value in values)
        {
            total += value;
        }
        return total;
    }

    /// <summary>Adds two amounts in one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        CheckSameCurrency(left, right);
        return new(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts in one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right)
    {
        CheckSameCurrency(left, right);
        return new(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Negates an amount.</summary>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a scalar.</summary>
    public static Money operator *(Money left, decimal right) => new(left.Amount * right, left.Currency);

    /// <summary>Multiplies an amount by a scalar.</summary>
    public static Money operator *(decimal left, Money right) => new(left * right.Amount, right.Currency);

    /// <summary>Divides an amount by a scalar.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static Money operator /(Money left, decimal right) => new(left.Amount / right, left.Currency);

    /// <summary>The price per hour that spreads an amount evenly over a duration: <c>PricePerHour.From(left, right)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive and finite, or the amount is negative.</exception>
    public static PricePerHour operator /(Money left, UnitsNet.Duration right) => PricePerHour.From(left, right);

    /// <summary>The price per energy of an amount spread over an energy (money / MWh): <c>PricePerEnergy.From(left, right)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The energy is not positive and finite.</exception>
    public static PricePerEnergy operator /(Money left, UnitsNet.Energy right) => PricePerEnergy.From(left, right);

    /// <summary>The ratio of two amounts in one currency (for example capex / revenue).</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static decimal operator /(Money left, Money right)
    {
        CheckSameCurrency(left, right);
        return left.Amount / right.Amount;
    }

    /// <summary>Whether the left amount is less than the right one.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether the left amount is greater than the right one.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether the left amount is at most the right one.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the left amount is at least the right one.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Equality of amount and currency (1.50 USD equals 1.5 USD).</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality of amount or currency.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Compares two amounts of one currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        CheckSameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("Object must be Money.", nameof(obj)),
    };

    /// <summary>Equality of amount (numerically: 1.50 equals 1.5) and currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>Whether both are equal.</returns>
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>
    /// Formats invariantly for reading, such as <c>"1,234.50 USD"</c>: at least the minor-unit digits, at most four more
    /// (display rounding only). Use <c>ToString("R", null)</c> for an exact, round-trippable text.
    /// </summary>
    /// <returns>The amount, a space and the currency code.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats the amount with a standard or custom numeric format followed by a space and the code.
    /// A null or empty format, or <c>"G"</c>, gives the readable default (<c>"1,234.50 USD"</c>, at most minor-unit digits
    /// plus four); <c>"R"</c> gives every significant digit (round-trippable through <see cref="Parse"/>).
    /// </summary>
    /// <param name="format">A numeric format for the amount, such as <c>"N0"</c> or <c>"F2"</c>.</param>
    /// <param name="formatProvider">The culture; null means the invariant culture (never the current one).</param>
    /// <returns>The formatted amount and code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        formatProvider ??= CultureInfo.InvariantCulture;
        string number = format switch
        {
            null or "" or "G" => FormatAmount(Amount, Currency.MinorUnitDigits, Currency.MinorUnitDigits + ReadableExtraDigits, formatProvider),
            "R" => FormatAmount(Amount, Currency.MinorUnitDigits, 28, formatProvider),
            _ => Amount.ToString(format, formatProvider),
        };
        return number + " " + Currency.Code;
    }

    /// <summary>Decimals shown beyond the minor unit by the readable default format.</summary>
    private const int ReadableExtraDigits = 4;

    internal static string FormatAmount(decimal amount, int minimumDecimals, int maximumDecimals, IFormatProvider provider)
    {
        // Every significant digit up to the maximum, at least the minor unit.
        decimal rounded = Math.Round(amount, maximumDecimals, MidpointRounding.ToEven);
        int scale = (decimal.GetBits(rounded)[3] >> 16) & 0xFF;
        decimal normalized = rounded / 1.0000000000000000000000000000m;
        int significantScale = (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
        int decimals = Math.Max(minimumDecimals, Math.Min(scale, significantScale));
        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), provider);
    }

    /// <summary>Parses the invariant format written by <see cref="ToString()"/>: <c>"1,234.50 USD"</c> or <c>"-12 EUR"</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an amount followed by a space and a known currency code.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var money))
        {
            return money;
        }
        throw new FormatException($"Money must be written as an invariant number followed by a space and an ISO 4217 code, such as \"1,234.50 USD\"; it was \"{text}\".");
    }

    /// <summary>Parses without throwing.</summary>
    /// <param name="text">The text, such as <c>"1,234.50 USD"</c>.</param>
    /// <param name="money">The amount when parsed.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, out Money money)
    {
        money = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        int space = trimmed.LastIndexOf(' ');
        if (space <= 0
            || !Currency.TryFromCode(trimmed[(space + 1)..], out var currency)
            || !decimal.TryParse(trimmed[..space].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        money = new Money(amount, currency);
        return true;
    }

    private static void CheckSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new CurrencyMismatchException(left.Currency, right.Currency);
        }
    }
}
