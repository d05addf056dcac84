using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Serialization;

/// <summary>
/// <see cref="LocalDate"/> as an ISO date string (<c>"2025-06-01"</c>, NodaTime's <c>uuuu-MM-dd</c>), for the library's
/// own documents (scenario, catalog, power data). It reads and writes what NodaTime's converter does for dates, without
/// <c>ConfigureForNodaTime</c>'s start-up cost (it builds a converter and a text pattern for every NodaTime type,
/// about 130 ms in a fresh process, when these documents need dates only).
/// </summary>
internal sealed class IsoDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc/>
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date must be a JSON string such as \"2025-06-01\".");
        }
        var text = reader.GetString()!;
        if (TryParse(text, out var date))
        {
            return date;
        }
        throw new JsonException($"A date must be an ISO date (uuuu-MM-dd) such as \"2025-06-01\"; it was \"{text}\".");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
        => writer.WriteStringValue(Format(value));

    /// <summary>
    /// <c>uuuu-MM-dd</c> as NodaTime writes it, without NodaTime's pattern engine (whose first use costs tens of
    /// milliseconds of a fresh process's start-up); years outside 0-9999 go through <see cref="LocalDatePattern.Iso"/>.
    /// </summary>
    internal static string Format(LocalDate value)
        => value.Year is >= 0 and <= 9999
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Year:0000}-{value.Month:00}-{value.Day:00}")
            : LocalDatePattern.Iso.Format(value);

    /// <summary>Parses exactly <c>uuuu-MM-dd</c> (four-digit year, ISO calendar).</summary>
    internal static bool TryParse(string text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }
}
