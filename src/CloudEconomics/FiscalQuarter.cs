using System.Globalization;
using NodaTime;
using CloudEconomics.Serialization;

namespace CloudEconomics;

/// <summary>
/// A fiscal quarter of a <see cref="FiscalCalendar"/>: three calendar months, named by fiscal year and quarter number.
/// </summary>
/// <remarks>
/// <para>Amazon's Q1-2026 (calendar fiscal year) is 1 January to 31 March 2026. Microsoft's FY2026-Q3 (fiscal year
/// starting in July) is also 1 January to 31 March 2026, and its FY2026-Q1 is July to September 2025.</para>
/// <para>Text form: <c>"Q1-2026"</c> for a calendar fiscal year, <c>"FY2026-Q3"</c> otherwise; <see cref="Parse"/>
/// accepts both forms for either calendar.</para>
/// <para>Ordering compares the first day of the quarter, then the calendar's first month.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(FiscalQuarterJsonConverter))]
public readonly struct FiscalQuarter : IEquatable<FiscalQuarter>, IComparable<FiscalQuarter>, IComparable
{
    private const int MinYear = 1900;
    private const int MaxYear = 9998;

    /// <summary>Creates a fiscal quarter.</summary>
    /// <param name="fiscalYear">The fiscal year, named by the calendar year in which it ends; 1900 to 9998.</param>
    /// <param name="quarter">The quarter number, 1 to 4.</param>
    /// <param name="calendar">The fiscal calendar; the calendar year when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fiscalYear"/> or <paramref name="quarter"/> is out of range.</exception>
    public FiscalQuarter(int fiscalYear, int quarter, FiscalCalendar calendar = default)
    {
        if (fiscalYear is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(fiscalYear), fiscalYear, $"The fiscal year must be between {MinYear} and {MaxYear}; it was {fiscalYear}.");
        }
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, $"The quarter must be between 1 and 4; it was {quarter}.");
        }
        FiscalYear = fiscalYear;
        Quarter = quarter;
        Calendar = calendar;
    }

    /// <summary>The fiscal year (named by the calendar year in which it ends).</summary>
    public int FiscalYear { get; }

    /// <summary>The quarter number, 1 to 4.</summary>
    public int Quarter { get; }

    /// <summary>The fiscal calendar.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>The first calendar month of the quarter.</summary>
    public YearMonth FirstMonth => MonthFromIndex(FirstMonthIndex);

    /// <summary>The last calendar month of the quarter.</summary>
    public YearMonth LastMonth => MonthFromIndex(FirstMonthIndex + 2);

    /// <summary>The first day of the quarter.</summary>
    public LocalDate Start => FirstMonth.OnDayOfMonth(1);

    /// <summary>The last day of the quarter (inclusive).</summary>
    public LocalDate End => LastMonth.ToDateInterval().End;

    /// <summary>The fiscal year this quarter belongs to.</summary>
    public FiscalYear Year => new(FiscalYear, Calendar);

    /// <summary>The quarter's days, both ends inclusive.</summary>
    /// <returns>The interval from <see cref="Start"/> to <see cref="End"/>.</returns>
    public DateInterval ToDateInterval() => new(Start, End);

    /// <summary>Whether <paramref name="date"/> falls in this quarter.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when <see cref="Start"/> &lt;= date &lt;= <see cref="End"/>.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>The quarter <paramref name="quarters"/> quarters later (earlier when negative), in the same calendar.</summary>
    /// <param name="quarters">The number of quarters to add.</param>
    /// <returns>The shifted quarter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result's fiscal year is outside 1900 to 9998.</exception>
    public FiscalQuarter PlusQuarters(int quarters)
    {
        long index = (long)FiscalYear * 4 + (Quarter - 1) + quarters;
        long year = Math.DivRem(index, 4, out long q);
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(quarters), quarters, $"Adding {quarters} quarters to {this} leaves the supported fiscal years {MinYear} to {MaxYear}.");
        }
        return new FiscalQuarter((int)year, (int)q + 1, Calendar);
    }

    /// <summary>The next quarter.</summary>
    public FiscalQuarter Next => PlusQuarters(1);

    /// <summary>The previous quarter.</summary>
    public FiscalQuarter Previous => PlusQuarters(-1);

    /// <summary>The same quarter one fiscal year earlier (the comparison period for year-over-year growth).</summary>
    public FiscalQuarter YearAgo => PlusQuarters(-4);

    /// <summary>The four quarters ending with this one, oldest first: the trailing twelve months.</summary>
    /// <returns>Four quarters, the last being this one.</returns>
    public IReadOnlyList<FiscalQuarter> TrailingFourQuarters() => [PlusQuarters(-3), PlusQuarters(-2), PlusQuarters(-1), this];

    /// <summary>The number of quarters from <paramref name="other"/> to this quarter (positive when this is later).</summary>
    /// <param name="other">A quarter of the same calendar.</param>
    /// <returns>The difference in quarters.</returns>
    /// <exception cref="ArgumentException">The calendars differ.</exception>
    public int QuartersSince(FiscalQuarter other)
    {
        if (other.Calendar != Calendar)
        {
            throw new ArgumentException($"Both quarters must use the same fiscal calendar; {this} uses the {Calendar}, {other} the {other.Calendar}.", nameof(other));
        }
        return (FiscalYear * 4 + Quarter) - (other.FiscalYear * 4 + other.Quarter);
    }

    /// <summary>The fiscal quarter of <paramref name="calendar"/> that contains <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <returns>The quarter.</returns>
    public static FiscalQuarter Containing(LocalDate date, FiscalCalendar calendar = default)
    {
        int monthsIntoYear = (date.Month - calendar.FirstMonth + 12) % 12;
        int fiscalYear = calendar.IsCalendarYear || date.Month < calendar.FirstMonth ? date.Year : date.Year + 1;
        return new FiscalQuarter(fiscalYear, monthsIntoYear / 3 + 1, calendar);
    }

    /// <summary>
    /// Parses <c>"Q1-2026"</c>, <c>"FY2026-Q3"</c> or <c>"2026-Q1"</c> (case-insensitive) as a quarter of
    /// <paramref name="calendar"/>. The year is always the fiscal year.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <returns>The quarter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not one of the forms above.</exception>
    public static FiscalQuarter Parse(string text, FiscalCalendar calendar = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, calendar, out var result)
            ? result
            : throw new FormatException($"'{text}' is not a fiscal quarter; expected a form such as \"Q1-2026\" or \"FY2026-Q3\".");
    }

    /// <summary>Tries to parse a quarter; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="result">The quarter when successful.</param>
    /// <returns>Whether the text was a quarter.</returns>
    public static bool TryParse(string? text, FiscalCalendar calendar, out FiscalQuarter result)
    {
        result = default;
        if (text is null)
        {
            return false;
        }
        var s = text.Trim().ToUpperInvariant();
        string yearPart, quarterPart;
        if (s.StartsWith('Q'))
        {
            // Q1-2026
            var dash = s.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0) return false;
            quarterPart = s[1..dash];
            yearPart = s[(dash + 1)..];
        }
        else
        {
            // FY2026-Q3 or 2026-Q3
            if (s.StartsWith("FY", StringComparison.Ordinal)) s = s[2..];
            var dash = s.IndexOf("-Q", StringComparison.Ordinal);
            if (dash < 0) return false;
            yearPart = s[..dash];
            quarterPart = s[(dash + 2)..];
        }
        if (!int.TryParse(yearPart, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(quarterPart, NumberStyles.None, CultureInfo.InvariantCulture, out int quarter)
            || year is < MinYear or > MaxYear || quarter is < 1 or > 4)
        {
            return false;
        }
        result = new FiscalQuarter(year, quarter, calendar);
        return true;
    }

    /// <summary>Invariant text: <c>"Q1-2026"</c> for a calendar fiscal year, <c>"FY2026-Q3"</c> otherwise.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Calendar.IsCalendarYear
        ? string.Create(CultureInfo.InvariantCulture, $"Q{Quarter}-{FiscalYear}")
        : string.Create(CultureInfo.InvariantCulture, $"FY{FiscalYear}-Q{Quarter}");

    /// <inheritdoc/>
    public bool Equals(FiscalQuarter other) => FiscalYear == other.FiscalYear && Quarter == other.Quarter && Calendar == other.Calendar;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FiscalQuarter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FiscalYear, Quarter, Calendar);

    /// <inheritdoc/>
    public int CompareTo(FiscalQuarter other)
    {
        int c = FirstMonthIndex.CompareTo(other.FirstMonthIndex);
        return c != 0 ? c : Calendar.FirstMonth.CompareTo(other.Calendar.FirstMonth);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        FiscalQuarter other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(FiscalQuarter)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(FiscalQuarter left, FiscalQuarter right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FiscalQuarter left, FiscalQuarter right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> starts before <paramref name="right"/>.</summary>
    public static bool operator <(FiscalQuarter left, FiscalQuarter right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> starts after <paramref name="right"/>.</summary>
    public static bool operator >(FiscalQuarter left, FiscalQuarter right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> starts no later than <paramref name="right"/>.</summary>
    public static bool operator <=(FiscalQuarter left, FiscalQuarter right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> starts no earlier than <paramref name="right"/>.</summary>
    public static bool operator >=(FiscalQuarter left, FiscalQuarter right) => left.CompareTo(right) >= 0;

    // Absolute month index (year * 12 + month - 1) of the quarter's first month.
    private int FirstMonthIndex
    {
        get
        {
            int startYear = Calendar.IsCalendarYear ? FiscalYear : FiscalYear - 1;
            return startYear * 12 + (Calendar.FirstMonth - 1) + (Quarter - 1) * 3;
        }
    }

    private static YearMonth MonthFromIndex(int index) => new(index / 12, index % 12 + 1);
}
