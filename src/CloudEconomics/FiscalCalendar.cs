using System.Globalization;
using CloudEconomics.Serialization;

namespace CloudEconomics;

/// <summary>
/// A company's fiscal calendar: the calendar month in which its fiscal year starts. Fiscal quarters are three
/// consecutive calendar months from that month.
/// </summary>
/// <remarks>
/// <para>A fiscal year is named by the calendar year in which it <em>ends</em> (the common US convention):
/// Microsoft's fiscal year 2026 runs from July 2025 to June 2026, so its FY2026-Q3 is January to March 2026.
/// A calendar fiscal year (Amazon, Alphabet) starts in January and FY2026 is calendar 2026.</para>
/// <para><c>default(FiscalCalendar)</c> is the calendar year (January start).</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(FiscalCalendarJsonConverter))]
public readonly struct FiscalCalendar : IEquatable<FiscalCalendar>
{
    // Stored as an offset so that default(FiscalCalendar) is January.
    private readonly int firstMonthOffset;

    private FiscalCalendar(int firstMonth) => firstMonthOffset = firstMonth - 1;

    /// <summary>The calendar year: fiscal years start in January (Amazon, Alphabet, Meta).</summary>
    public static FiscalCalendar CalendarYear => default;

    /// <summary>A fiscal year that starts on 1 July (Microsoft).</summary>
    public static FiscalCalendar JulyToJune => new(7);

    /// <summary>A fiscal calendar whose year starts on the first day of <paramref name="firstMonth"/>.</summary>
    /// <param name="firstMonth">The calendar month (1 = January ... 12 = December) in which the fiscal year starts.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstMonth"/> is not between 1 and 12.</exception>
    public static FiscalCalendar StartingIn(int firstMonth)
    {
        if (firstMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(firstMonth), firstMonth, $"The first month of a fiscal year must be between 1 and 12; it was {firstMonth}.");
        }
        return new FiscalCalendar(firstMonth);
    }

    /// <summary>The calendar month (1 to 12) in which the fiscal year starts.</summary>
    public int FirstMonth => firstMonthOffset + 1;

    /// <summary>Whether the fiscal year is the calendar year (starts in January).</summary>
    public bool IsCalendarYear => firstMonthOffset == 0;

    /// <inheritdoc/>
    public bool Equals(FiscalCalendar other) => firstMonthOffset == other.firstMonthOffset;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FiscalCalendar other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => firstMonthOffset;

    /// <summary>Equality.</summary>
    public static bool operator ==(FiscalCalendar left, FiscalCalendar right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FiscalCalendar left, FiscalCalendar right) => !left.Equals(right);

    /// <summary>Invariant text: <c>"fiscal year starting in month 7"</c> or <c>"calendar year"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => IsCalendarYear
        ? "calendar year"
        : string.Create(CultureInfo.InvariantCulture, $"fiscal year starting in month {FirstMonth}");
}
