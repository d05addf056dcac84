using System.Globalization;

namespace CloudEconomics;

/// <summary>
/// An ISO 4217 currency: a three-letter code and the number of digits of its minor unit.
/// </summary>
/// <remarks>
/// <para>Only codes in the library's table are accepted (see <see cref="KnownCurrencies"/>); an unknown code
/// throws rather than silently creating a currency nobody can convert or round.</para>
/// <para>The default value of the struct is <c>XXX</c>, ISO 4217's "no currency"; it equals no real currency.</para>
/// <para>Equality and ordering are by code (ordinal).</para>
/// </remarks>
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable
{
    // Index 0 is XXX so that default(Currency) is well defined.
    private static readonly (string Code, int MinorDigits, string Name)[] Table =
    [
        ("XXX", 0, "No currency"),
        ("USD", 2, "US dollar"),
        ("EUR", 2, "Euro"),
        ("GBP", 2, "Pound sterling"),
        ("JPY", 0, "Japanese yen"),
        ("CNY", 2, "Chinese yuan renminbi"),
        ("CHF", 2, "Swiss franc"),
        ("CAD", 2, "Canadian dollar"),
        ("AUD", 2, "Australian dollar"),
        ("NZD", 2, "New Zealand dollar"),
        ("INR", 2, "Indian rupee"),
        ("KRW", 0, "South Korean won"),
        ("SGD", 2, "Singapore dollar"),
        ("HKD", 2, "Hong Kong dollar"),
        ("TWD", 2, "New Taiwan dollar"),
        ("SEK", 2, "Swedish krona"),
        ("NOK", 2, "Norwegian krone"),
        ("DKK", 2, "Danish krone"),
        ("PLN", 2, "Polish zloty"),
        ("CZK", 2, "Czech koruna"),
        ("BRL", 2, "Brazilian real"),
        ("MXN", 2, "Mexican peso"),
        ("ZAR", 2, "South African rand"),
        ("ILS", 2, "Israeli new shekel"),
        ("AED", 2, "UAE dirham"),
        ("SAR", 2, "Saudi riyal"),
        ("KWD", 3, "Kuwaiti dinar"),
        ("BHD", 3, "Bahraini dinar"),
    ];

    private readonly byte index;

    private Currency(byte index) => this.index = index;

    /// <summary>US dollar (USD, 2 minor digits).</summary>
    public static Currency Usd => new(1);
    /// <summary>Euro (EUR, 2 minor digits).</summary>
    public static Currency Eur => new(2);
    /// <summary>Pound sterling (GBP, 2 minor digits).</summary>
    public static Currency Gbp => new(3);
    /// <summary>Japanese yen (JPY, 0 minor digits).</summary>
    public static Currency Jpy => new(4);
    /// <summary>Chinese yuan renminbi (CNY, 2 minor digits).</summary>
    public static Currency Cny => new(5);
    /// <summary>Swiss franc (CHF, 2 minor digits).</summary>
    public static Currency Chf => new(6);
    /// <summary>Canadian dollar (CAD, 2 minor digits).</summary>
    public static Currency Cad => new(7);
    /// <summary>Australian dollar (AUD, 2 minor digits).</summary>
    public static Currency Aud => new(8);
    /// <summary>Indian rupee (INR, 2 minor digits).</summary>
    public static Currency Inr => new(10);
    /// <summary>South Korean won (KRW, 0 minor digits).</summary>
    public static Currency Krw => new(11);

    /// <summary>Every currency the library knows, in table order (XXX excluded).</summary>
    public static IReadOnlyList<Currency> KnownCurrencies { get; } = CreateKnownCurrencies();

    // A plain loop: LINQ over this struct would JIT-compile its own generic instantiations in every new process.
    private static Currency[] CreateKnownCurrencies()
    {
        var currencies = new Currency[Table.Length - 1];
        for (var i = 1; i < Table.Length; i++)
        {
            currencies[i - 1] = new Currency((byte)i);
        }
        return currencies;
    }

    /// <summary>The three-letter ISO 4217 code in upper case, such as <c>"USD"</c>.</summary>
    public string Code => Table[index].Code;

    /// <summary>The number of digits of the minor unit (2 for USD cents, 0 for JPY, 3 for KWD).</summary>
    public int MinorUnitDigits => Table[index].MinorDigits;

    /// <summary>The English name of the currency.</summary>
    public string Name => Table[index].Name;

    /// <summary>Returns the currency with the given ISO 4217 code, in any letter case.</summary>
    /// <param name="code">A three-letter code such as <c>"usd"</c> or <c>"USD"</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three letters, or not a currency this library knows.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryFromCode(code, out var currency))
        {
            return currency;
        }
        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"A currency code must be three ASCII letters (ISO 4217); it was '{code}'.", nameof(code));
        }
        throw new ArgumentException($"Currency code '{code}' is not a known ISO 4217 currency.", nameof(code));
    }

    /// <summary>Looks up a currency by code without throwing.</summary>
    /// <param name="code">A three-letter code in any case.</param>
    /// <param name="currency">The currency when found; otherwise the default (XXX).</param>
    /// <returns>Whether the code is a known currency.</returns>
    public static bool TryFromCode(string? code, out Currency currency)
    {
        if (code is { Length: 3 })
        {
            // A scan of the small table: building a FrozenDictionary here cost about 100 ms of every process's start-up.
            for (var i = 1; i < Table.Length; i++)
            {
                if (string.Equals(Table[i].Code, code, StringComparison.OrdinalIgnoreCase))
                {
                    currency = new Currency((byte)i);
                    return true;
                }
            }
        }
        currency = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Currency other) => index == other.index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => index;

    /// <summary>Compares by code, ordinally.</summary>
    /// <param name="other">The other currency.</param>
    /// <returns>Negative, zero or positive as this code sorts before, with or after the other.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a Currency.", nameof(obj)),
    };

    /// <summary>Returns the code, such as <c>"USD"</c>.</summary>
    /// <returns>The ISO 4217 code.</returns>
    public override string ToString() => Code;

    /// <summary>Equality by code.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Inequality by code.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Ordinal ordering by code.</summary>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering by code.</summary>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering by code.</summary>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering by code.</summary>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
