using System.Globalization;
using UnitsNet;

namespace CloudEconomics;

/// <summary>
/// A capacity price: money per kilowatt of capacity per month (colocation and power-capacity charges are quoted
/// this way). Never negative.
/// </summary>
public readonly struct PricePerKilowattMonth : IEquatable<PricePerKilowattMonth>, IComparable<PricePerKilowattMonth>, IFormattable
{
    /// <summary>Creates a capacity price.</summary>
    /// <param name="perKilowattMonth">The money charged for one kW of capacity for one month; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perKilowattMonth"/> is negative.</exception>
    public PricePerKilowattMonth(Money perKilowattMonth)
    {
        if (perKilowattMonth.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perKilowattMonth), perKilowattMonth, $"A capacity price must not be negative; it was {perKilowattMonth}.");
        }
        PerKilowattMonth = perKilowattMonth;
    }

    /// <summary>The money charged for one kW of capacity for one month.</summary>
    public Money PerKilowattMonth { get; }

    /// <summary>The currency of the price.</summary>
    public Currency Currency => PerKilowattMonth.Currency;

    /// <summary>A capacity price (the constructor's twin, for symmetry with the other price types).</summary>
    /// <param name="perKilowattMonth">The money charged for one kW of capacity for one month; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perKilowattMonth"/> is negative.</exception>
    public static PricePerKilowattMonth From(Money perKilowattMonth) => new(perKilowattMonth);

    /// <summary>The capacity price that spreads <paramref name="cost"/> evenly over <paramref name="capacity"/> and
    /// <paramref name="months"/> (cost / (kW x months)).</summary>
    /// <param name="cost">The total charge; not negative.</param>
    /// <param name="capacity">The capacity; positive.</param>
    /// <param name="months">The number of months (may be fractional); positive and finite.</param>
    /// <returns>The price per kW-month.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="months"/> is not positive (and finite), or <paramref name="cost"/> is negative.</exception>
    public static PricePerKilowattMonth From(Money cost, UnitsNet.Power capacity, double months)
    {
        decimal kilowatts = (decimal)capacity.Kilowatts;
        if (kilowatts <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), kilowatts, $"Capacity must be positive to price it; it was {kilowatts.ToString(CultureInfo.InvariantCulture)} kW.");
        }
        if (!double.IsFinite(months) || months <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, $"Months must be positive and finite to price them; it was {months.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        return new PricePerKilowattMonth(cost / (kilowatts * (decimal)months));
    }

    /// <summary>Shorthand for US dollars per kW-month.</summary>
    /// <param name="amountPerKilowattMonth">USD per kW of capacity per month; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amountPerKilowattMonth"/> is negative.</exception>
    public static PricePerKilowattMonth Usd(decimal amountPerKilowattMonth) => new(Money.Usd(amountPerKilowattMonth));

    /// <summary>Zero per kW-month in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero price.</returns>
    public static PricePerKilowattMonth Zero(Currency currency) => new(Money.Zero(currency));

    /// <summary>A capacity price from money per MW of capacity per month (÷ 1,000).</summary>
    /// <param name="perMegawattMonth">The money charged for one MW of capacity for one month; not negative.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perMegawattMonth"/> is negative.</exception>
    public static PricePerKilowattMonth FromPerMegawattMonth(Money perMegawattMonth) => new(perMegawattMonth / 1000m);

    /// <summary>The charge for <paramref name="capacity"/> over <paramref name="months"/> months (kW x months x price).</summary>
    /// <param name="capacity">The contracted capacity; not negative.</param>
    /// <param name="months">The number of months (may be fractional); finite and not negative.</param>
    /// <returns>The charge.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative, or <paramref name="months"/> is negative or not finite.</exception>
    public Money CostOf(UnitsNet.Power capacity, double months)
    {
        decimal kilowatts = (decimal)capacity.Kilowatts;
        if (kilowatts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), kilowatts, $"Capacity must not be negative; it was {kilowatts.ToString(CultureInfo.InvariantCulture)} kW.");
        }
        if (!double.IsFinite(months) || months < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, $"Months must be a finite number not below zero; it was {months.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        return PerKilowattMonth * kilowatts * (decimal)months;
    }

    /// <summary>The charge for one month of a capacity (kW x price): <c>CostOf(capacity, 1)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is negative.</exception>
    public static Money operator *(PricePerKilowattMonth price, UnitsNet.Power capacity) => price.CostOf(capacity, 1);

    /// <summary>The charge for one month of a capacity (kW x price): <c>CostOf(capacity, 1)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is negative.</exception>
    public static Money operator *(UnitsNet.Power capacity, PricePerKilowattMonth price) => price.CostOf(capacity, 1);

    /// <summary>Sum of two capacity prices in one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static PricePerKilowattMonth operator +(PricePerKilowattMonth left, PricePerKilowattMonth right) => new(left.PerKilowattMonth + right.PerKilowattMonth);

    /// <summary>Difference of two capacity prices in one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The difference is negative.</exception>
    public static PricePerKilowattMonth operator -(PricePerKilowattMonth left, PricePerKilowattMonth right) => new(left.PerKilowattMonth - right.PerKilowattMonth);

    /// <summary>Scales a price.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative.</exception>
    public static PricePerKilowattMonth operator *(PricePerKilowattMonth price, decimal factor) => new(price.PerKilowattMonth * factor);

    /// <summary>Divides a price.</summary>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The divisor is negative.</exception>
    public static PricePerKilowattMonth operator /(PricePerKilowattMonth price, decimal divisor) => new(price.PerKilowattMonth / divisor);

    /// <summary>The ratio of two capacity prices in one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static decimal operator /(PricePerKilowattMonth left, PricePerKilowattMonth right) => left.PerKilowattMonth / right.PerKilowattMonth;

    /// <summary>Ordering within one currency.</summary>
    public static bool operator <(PricePerKilowattMonth left, PricePerKilowattMonth right) => left.CompareTo(right) < 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >(PricePerKilowattMonth left, PricePerKilowattMonth right) => left.CompareTo(right) > 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator <=(PricePerKilowattMonth left, PricePerKilowattMonth right) => left.CompareTo(right) <= 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >=(PricePerKilowattMonth left, PricePerKilowattMonth right) => left.CompareTo(right) >= 0;
    /// <summary>Equality of amount and currency.</summary>
    public static bool operator ==(PricePerKilowattMonth left, PricePerKilowattMonth right) => left.Equals(right);
    /// <summary>Inequality of amount or currency.</summary>
    public static bool operator !=(PricePerKilowattMonth left, PricePerKilowattMonth right) => !left.Equals(right);

    /// <inheritdoc/>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(PricePerKilowattMonth other) => PerKilowattMonth.CompareTo(other.PerKilowattMonth);

    /// <inheritdoc/>
    public bool Equals(PricePerKilowattMonth other) => PerKilowattMonth.Equals(other.PerKilowattMonth);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PricePerKilowattMonth other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => PerKilowattMonth.GetHashCode();

    /// <summary>Invariant text such as <c>"150.00 USD/kW-month"</c>.</summary>
    /// <returns>The price.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the amount with a numeric format, then the code and <c>/kW-month</c>.</summary>
    /// <param name="format">Numeric format for the amount (null: round-trippable default).</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The formatted price.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => PerKilowattMonth.ToString(format, formatProvider) + "/kW-month";
}
