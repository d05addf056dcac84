using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Serialization;

/// <summary>
/// The one ISO 8601 calendar-date text (<c>uuuu-MM-dd</c>) of the library and the CLI, written by hand: NodaTime's pattern
/// machinery gives the same text but builds its invariant format info on first use (tens of milliseconds of start-up).
/// </summary>
internal static class IsoDate
{
    /// <summary>The date as <c>uuuu-MM-dd</c> (NodaTime's ISO pattern for years outside 1-9999).</summary>
    internal static string Format(LocalDate date)
        => date.Year is >= 1 and <= 9999
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Month:00}-{date.Day:00}")
            : LocalDatePattern.Iso.Format(date);

    /// <summary>The date as <c>uuuu-MM-dd</c>, or the empty string for null (as an interpolated null formats).</summary>
    internal static string Format(LocalDate? date) => date is { } d ? Format(d) : string.Empty;

    /// <summary>A <see cref="DateTime"/>'s calendar date as <c>yyyy-MM-dd</c>.</summary>
    internal static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses exactly <c>uuuu-MM-dd</c> with a year from 1 to 9999 and a day that exists in its month.</summary>
    internal static bool TryParse(string text, out LocalDate date) => TryParse(text.AsSpan(), out date);

    /// <summary>The same for UTF-8 text (a JSON reader's unescaped value), without making a string of it.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out LocalDate date)
    {
        date = default;
        if (utf8.Length != 10)
        {
            return false;
        }
        Span<char> text = stackalloc char[10];
        for (var i = 0; i < 10; i++)
        {
            text[i] = (char)utf8[i]; // a non-ASCII byte becomes a character that is neither a digit nor '-'
        }
        return TryParse((ReadOnlySpan<char>)text, out date);
    }

    private static bool TryParse(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }
}
