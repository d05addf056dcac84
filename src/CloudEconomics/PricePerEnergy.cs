using System.Globalization;
using UnitsNet;

namespace CloudEconomics;

/// <summary>
/// A price of electrical energy, stored per megawatt-hour and readable per kilowatt-hour.
/// </summary>
/// <remarks>
/// Unlike the other price types, a price per energy may be negative: wholesale market prices go below zero
/// when supply exceeds demand, and a market price path for a contract for difference must be able to say so.
/// Contract prices (a PPA's strike) are checked for sign by the contract's validator, not here.
/// </remarks>
public readonly struct PricePerEnergy : IEquatable<PricePerEnergy>, IComparable<PricePerEnergy>, IFormattable
{
    /// <summary>Creates a price per megawatt-hour.</summary>
    /// <param name="perMegawattHour">The money charged for one MWh.</param>
    public PricePerEnergy(Money perMegawattHour) => PerMegawattHour = perMegawattHour;

    /// <summary>The money charged for one megawatt-hour.</summary>
    public Money PerMegawattHour { get; }

    /// <summary>The money charged for one kilowatt-hour (per MWh / 1,000, exact in decimal).</summary>
    public Money PerKilowattHour => PerMegawattHour / 1000m;

    /// <summary>The currency of the price.</summary>
    public Currency Currency => PerMegawattHour.Currency;

    /// <summary>A price per megawatt-hour (the constructor's twin, for symmetry with the other price types).</summary>
    /// <param name="perMegawattHour">The money charged for one MWh.</param>
    /// <returns>The price.</returns>
    public static PricePerEnergy From(Money perMegawattHour) => new(perMegawattHour);

    /// <summary>The energy price that spreads <paramref name="cost"/> evenly over <paramref name="energy"/> (cost / MWh).</summary>
    /// <param name="cost">The total cost.</param>
    /// <param name="energy">The energy; positive and finite.</param>
    /// <returns>The price per MWh.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="energy"/> is not positive and finite.</exception>
    public static PricePerEnergy From(Money cost, Energy energy)
    {
        double megawattHours = energy.MegawattHours;
        if (!double.IsFinite(megawattHours) || megawattHours <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(energy), megawattHours, $"Energy must be positive and finite to price it; it was {megawattHours.ToString("R", CultureInfo.InvariantCulture)} MWh.");
        }
        return new PricePerEnergy(cost / (decimal)megawattHours);
    }

    /// <summary>Zero per MWh in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero price.</returns>
    public static PricePerEnergy Zero(Currency currency) => new(Money.Zero(currency));

    /// <summary>Shorthand for US dollars per kWh (0.0861 is 86.10 USD/MWh).</summary>
    /// <param name="amountPerKilowattHour">USD per kWh.</param>
    /// <returns>The price.</returns>
    public static PricePerEnergy UsdPerKilowattHour(decimal amountPerKilowattHour) => FromPerKilowattHour(Money.Usd(amountPerKilowattHour));

    /// <summary>Creates a price from money per kilowatt-hour (US retail and EIA quote cents per kWh: 8.61 ¢/kWh is 0.0861 USD/kWh).</summary>
    /// <param name="perKilowattHour">The money charged for one kWh.</param>
    /// <returns>The price.</returns>
    public static PricePerEnergy FromPerKilowattHour(Money perKilowattHour) => new(perKilowattHour * 1000m);

    /// <summary>Shorthand for US dollars per MWh.</summary>
    /// <param name="amountPerMegawattHour">USD per MWh.</param>
    /// <returns>The price.</returns>
    public static PricePerEnergy UsdPerMegawattHour(decimal amountPerMegawattHour) => new(Money.Usd(amountPerMegawattHour));

    /// <summary>The cost of an amount of energy at this price.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The energy is not finite.</exception>
    public static Money operator *(PricePerEnergy price, Energy energy) => price.CostOf(energy);

    /// <summary>The cost of an amount of energy at this price.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The energy is not finite.</exception>
    public static Money operator *(Energy energy, PricePerEnergy price) => price.CostOf(energy);

    /// <summary>The cost of <paramref name="energy"/> at this price (MWh x price per MWh).</summary>
    /// <param name="energy">The energy; finite (a negative energy, such as a shortfall, gives a negative cost).</param>
    /// <returns>The cost.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="energy"/> is NaN or infinite.</exception>
    public Money CostOf(Energy energy)
    {
        double megawattHours = energy.MegawattHours;
        if (!double.IsFinite(megawattHours))
        {
            throw new ArgumentOutOfRangeException(nameof(energy), megawattHours, $"Energy must be a finite number of MWh; it was {megawattHours.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        return PerMegawattHour * (decimal)megawattHours;
    }

    /// <summary>Sum of two energy prices in one currency (for example energy plus a transmission adder).</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static PricePerEnergy operator +(PricePerEnergy left, PricePerEnergy right) => new(left.PerMegawattHour + right.PerMegawattHour);

    /// <summary>Difference of two energy prices in one currency (for example market minus strike).</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static PricePerEnergy operator -(PricePerEnergy left, PricePerEnergy right) => new(left.PerMegawattHour - right.PerMegawattHour);

    /// <summary>Negation.</summary>
    public static PricePerEnergy operator -(PricePerEnergy value) => new(-value.PerMegawattHour);

    /// <summary>Scales a price (an escalator).</summary>
    public static PricePerEnergy operator *(PricePerEnergy price, decimal factor) => new(price.PerMegawattHour * factor);

    /// <summary>Divides a price.</summary>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public static PricePerEnergy operator /(PricePerEnergy price, decimal divisor) => new(price.PerMegawattHour / divisor);

    /// <summary>The ratio of two energy prices in one currency (for example a PPA strike over the market price).</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static decimal operator /(PricePerEnergy left, PricePerEnergy right) => left.PerMegawattHour / right.PerMegawattHour;

    /// <summary>Ordering within one currency.</summary>
    public static bool operator <(PricePerEnergy left, PricePerEnergy right) => left.CompareTo(right) < 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >(PricePerEnergy left, PricePerEnergy right) => left.CompareTo(right) > 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator <=(PricePerEnergy left, PricePerEnergy right) => left.CompareTo(right) <= 0;
    /// <summary>Ordering within one currency.</summary>
    public static bool operator >=(PricePerEnergy left, PricePerEnergy right) => left.CompareTo(right) >= 0;
    /// <summary>Equality of amount and currency.</summary>
    public static bool operator ==(PricePerEnergy left, PricePerEnergy right) => left.Equals(right);
    /// <summary>Inequality of amount or currency.</summary>
    public static bool operator !=(PricePerEnergy left, PricePerEnergy right) => !left.Equals(right);

    /// <inheritdoc/>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(PricePerEnergy other) => PerMegawattHour.CompareTo(other.PerMegawattHour);

    /// <inheritdoc/>
    public bool Equals(PricePerEnergy other) => PerMegawattHour.Equals(other.PerMegawattHour);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PricePerEnergy other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => PerMegawattHour.GetHashCode();

    /// <summary>Invariant text such as <c>"80.00 USD/MWh"</c>.</summary>
    /// <returns>The price.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the amount per MWh with a numeric format, then the code and <c>/MWh</c>.</summary>
    /// <param name="format">Numeric format for the amount (null: round-trippable default).</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The formatted price.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => PerMegawattHour.ToString(format, formatProvider) + "/MWh";
}
