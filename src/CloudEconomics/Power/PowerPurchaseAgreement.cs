using System.Globalization;
using NodaTime;

namespace CloudEconomics.Power;

using UnitsNet;
using Power = UnitsNet.Power;

/// <summary>
/// A power purchase agreement: who sells, from what source, how much capacity, at what price and escalator, over
/// which dates, in what delivery shape, with what take-or-pay minimum and how it settles. Immutable; check it with
/// <see cref="PowerPurchaseAgreementValidator"/> (calculators do).
/// </summary>
/// <remarks>
/// <para>Units: <see cref="ContractedCapacity"/> is power (MW); energy in a month is capacity x capacity factor x the
/// hours of the month inside the term (calendar days x 24 h, so a non-leap year has 8,760 h).</para>
/// <para>The price escalates once per contract year: in contract year k (k = 0 from <see cref="Start"/>) the price
/// is <see cref="Price"/> x (1 + <see cref="AnnualEscalator"/>)^k. A month is priced at its first day inside the term.</para>
/// <para>Contract prices (the strike of a contract for difference included) are not negative; the CfD
/// <em>settlement</em> (strike - market) x MWh is negative whenever the market is above the strike, and that is allowed.</para>
/// </remarks>
public sealed record PowerPurchaseAgreement
{
    /// <summary>The seller (for example "Talen Energy").</summary>
    public required string Counterparty { get; init; }

    /// <summary>The generation source.</summary>
    public required EnergySourceKind Source { get; init; }

    /// <summary>The contracted capacity (MW); greater than zero.</summary>
    public required Power ContractedCapacity { get; init; }

    /// <summary>The price per MWh in the first contract year (the strike for a CfD); not negative.</summary>
    public required PricePerEnergy Price { get; init; }

    /// <summary>The annual escalator as a fraction (0.02 = +2% a year); at least -1 (-100%).</summary>
    public double AnnualEscalator { get; init; }

    /// <summary>The first day of delivery (may lie years ahead, as for a small modular reactor).</summary>
    public required LocalDate Start { get; init; }

    /// <summary>The last day of delivery, inclusive; not before <see cref="Start"/>.</summary>
    public required LocalDate End { get; init; }

    /// <summary>Baseload or as-generated.</summary>
    public DeliveryShape Shape { get; init; } = DeliveryShape.Baseload;

    /// <summary>For <see cref="DeliveryShape.AsGenerated"/>: the fraction of capacity delivered on average, in [0, 1]. 1 for baseload.</summary>
    public double CapacityFactor { get; init; } = 1d;

    /// <summary>
    /// For <see cref="DeliveryShape.AsGenerated"/>: optionally twelve capacity factors, January to December, each in
    /// [0, 1]; when given they replace <see cref="CapacityFactor"/>.
    /// </summary>
    public IReadOnlyList<double>? MonthlyCapacityFactors { get; init; }

    /// <summary>
    /// The take-or-pay minimum as a fraction in [0, 1] of the energy the contract delivers: the buyer pays at least
    /// this share of each month's delivery at the contract price, taken or not. 0 = pay only for energy taken;
    /// 1 = pay for everything generated. Ignored for a virtual CfD (which settles on all generation).
    /// </summary>
    public double TakeOrPayMinimum { get; init; }

    /// <summary>Physical delivery, or a virtual contract for difference.</summary>
    public SettlementKind Settlement { get; init; } = SettlementKind.Physical;

    /// <summary>For a virtual CfD: the market price the strike settles against, each month of the term. Null for physical contracts.</summary>
    public MarketPricePath? MarketPrices { get; init; }

    /// <summary>The term as a date interval (inclusive of both ends).</summary>
    /// <exception cref="ArgumentException"><see cref="End"/> is before <see cref="Start"/>.</exception>
    public DateInterval Term => new(Start, End);

    /// <summary>The capacity factor in a calendar month.</summary>
    /// <param name="month">1 (January) to 12 (December).</param>
    /// <returns>1 for baseload, else the monthly factor if given, else <see cref="CapacityFactor"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside 1 to 12.</exception>
    public double CapacityFactorIn(int month)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"Month must be between 1 and 12; it was {month}.");
        }
        if (Shape == DeliveryShape.Baseload)
        {
            return 1d;
        }
        return MonthlyCapacityFactors is { Count: 12 } monthly ? monthly[month - 1] : CapacityFactor;
    }

    /// <summary>The escalated contract price on a date inside the term.</summary>
    /// <param name="date">The date; not before <see cref="Start"/>.</param>
    /// <returns><see cref="Price"/> x (1 + escalator)^(whole contract years since <see cref="Start"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before <see cref="Start"/>.</exception>
    public PricePerEnergy PriceOn(LocalDate date)
    {
        if (date < Start)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, string.Create(CultureInfo.InvariantCulture, $"The contract price is defined from the start date {CloudEconomics.Serialization.IsoDate.Format(Start)}; the date was {CloudEconomics.Serialization.IsoDate.Format(date)}."));
        }
        int years = Period.Between(Start, date, PeriodUnits.Years).Years;
        decimal factor = 1m;
        decimal step = 1m + (decimal)AnnualEscalator;
        for (int i = 0; i < years; i++)
        {
            factor *= step;
        }
        return Price * factor;
    }

    /// <summary>The hours of <paramref name="month"/> inside the term (calendar days x 24 h; 0 outside the term).</summary>
    /// <param name="month">The month.</param>
    /// <returns>Hours.</returns>
    public double ActiveHoursIn(YearMonth month) => MonthHours.HoursInside(month, Start, End);

    /// <summary>The energy the contract delivers (physical) or settles on (CfD) in a month: capacity x capacity factor x active hours.</summary>
    /// <param name="month">The month.</param>
    /// <returns>The energy; zero outside the term.</returns>
    public Energy DeliveryIn(YearMonth month)
        => Energy.FromMegawattHours(ContractedCapacity.ToMegawatts() * CapacityFactorIn(month.Month) * ActiveHoursIn(month));

    /// <summary>Invariant summary such as <c>"Talen Energy nuclear 1,920 MW 2025-06-11..2042-12-31"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Counterparty} {Source} {ContractedCapacity.ToMegawatts():#,0.###} MW {CloudEconomics.Serialization.IsoDate.Format(Start)}..{CloudEconomics.Serialization.IsoDate.Format(End)} at {Price}");
}

/// <summary>Hours of calendar months, optionally clipped to an inclusive date range.</summary>
internal static class MonthHours
{
    internal static double HoursIn(YearMonth month) => month.Calendar.GetDaysInMonth(month.Year, month.Month) * 24d;

    internal static double HoursInside(YearMonth month, LocalDate start, LocalDate end)
    {
        var first = month.OnDayOfMonth(1);
        var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        var from = first > start ? first : start;
        var to = last < end ? last : end;
        if (to < from)
        {
            return 0d;
        }
        return (Period.Between(from, to, PeriodUnits.Days).Days + 1) * 24d;
    }

    internal static LocalDate? FirstDayInside(YearMonth month, LocalDate start, LocalDate end)
    {
        var first = month.OnDayOfMonth(1);
        var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        var from = first > start ? first : start;
        var to = last < end ? last : end;
        return to < from ? null : from;
    }
}

/// <summary>Conversions of UnitsNet quantities to kernel-tier doubles.</summary>
internal static class QuantityExtensions
{
    internal static double ToMegawatts(this Power power) => (double)power.Megawatts;

    internal static double ToWatts(this Power power) => (double)power.Watts;
}
