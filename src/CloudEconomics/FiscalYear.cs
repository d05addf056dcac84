using System.Globalization;
using NodaTime;
using CloudEconomics.Serialization;

namespace CloudEconomics;

/// <summary>A fiscal year of a <see cref="FiscalCalendar"/>, named by the calendar year in which it ends.</summary>
/// <remarks>Microsoft's FY2026 (July start) runs from 2025-07-01 to 2026-06-30; Amazon's FY2025 is calendar 2025.
/// Text form: <c>"FY2026"</c>.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(FiscalYearJsonConverter))]
public readonly struct FiscalYear : IEquatable<FiscalYear>, IComparable<FiscalYear>, IComparable
{
    /// <summary>Creates a fiscal year.</summary>
    /// <param name="year">The fiscal year number (the calendar year in which it ends); 1900 to 9998.</param>
    /// <param name="calendar">The fiscal calendar; the calendar year when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public FiscalYear(int year, FiscalCalendar calendar = default)
    {
        if (year is < 1900 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The fiscal year must be between 1900 and 9998; it was {year}.");
        }
        Year = year;
        Calendar = calendar;
    }

    /// <summary>The fiscal year number.</summary>
    public int Year { get; }

    /// <summary>The fiscal calendar.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>The first day of the fiscal year.</summary>
    public LocalDate Start => Quarter(1).Start;

    /// <summary>The last day of the fiscal year (inclusive).</summary>
    public LocalDate End => Quarter(4).End;

    /// <summary>The year's days, both ends inclusive.</summary>
    /// <returns>The interval.</returns>
    public DateInterval ToDateInterval() => new(Start, End);

    /// <summary>The given quarter of this fiscal year.</summary>
    /// <param name="quarter">1 to 4.</param>
    /// <returns>The quarter.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarter"/> is not 1 to 4.</exception>
    public FiscalQuarter Quarter(int quarter) => new(Year, quarter, Calendar);

    /// <summary>The four quarters of the year, in order.</summary>
    public IReadOnlyList<FiscalQuarter> Quarters => [Quarter(1), Quarter(2), Quarter(3), Quarter(4)];

    /// <summary>Whether <paramref name="date"/> falls in this fiscal year.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when inside the year.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>The fiscal year of <paramref name="calendar"/> containing <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <returns>The fiscal year.</returns>
    public static FiscalYear Containing(LocalDate date, FiscalCalendar calendar = default) => FiscalQuarter.Containing(date, calendar).Year;

    /// <summary>Parses <c>"FY2026"</c> or <c>"2026"</c> (case-insensitive).</summary>
    /// <param name="text">The text.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <returns>The fiscal year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a fiscal year.</exception>
    public static FiscalYear Parse(string text, FiscalCalendar calendar = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, calendar, out var result)
            ? result
            : throw new FormatException($"'{text}' is not a fiscal year; expected a form such as \"FY2025\".");
    }

    /// <summary>Tries to parse a fiscal year; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="result">The year when successful.</param>
    /// <returns>Whether the text was a fiscal year.</returns>
    public static bool TryParse(string? text, FiscalCalendar calendar, out FiscalYear result)
    {
        result = default;
        if (text is null) return false;
        var s = text.Trim().ToUpperInvariant();
        if (s.StartsWith("FY", StringComparison.Ordinal)) s = s[2..];
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year is < 1900 or > 9998)
        {
            return false;
        }
        result = new FiscalYear(year, calendar);
        return true;
    }

    /// <summary>Invariant text, <c>"FY2026"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"FY{Year}");

    /// <inheritdoc/>
    public bool Equals(FiscalYear other) => Year == other.Year && Calendar == other.Calendar;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FiscalYear other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Year, Calendar);

    /// <inheritdoc/>
    public int CompareTo(FiscalYear other) => Quarter(1).CompareTo(other.Quarter(1));

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        FiscalYear other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(FiscalYear)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(FiscalYear left, FiscalYear right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FiscalYear left, FiscalYear right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> starts earlier.</summary>
    public static bool operator <(FiscalYear left, FiscalYear right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> starts later.</summary>
    public static bool operator >(FiscalYear left, FiscalYear right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> starts no later.</summary>
    public static bool operator <=(FiscalYear left, FiscalYear right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> starts no earlier.</summary>
    public static bool operator >=(FiscalYear left, FiscalYear right) => left.CompareTo(right) >= 0;
}
