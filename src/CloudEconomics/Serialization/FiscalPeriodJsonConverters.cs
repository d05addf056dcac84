using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace CloudEconomics.Serialization;

/// <summary>
/// JSON for <see cref="FiscalQuarter"/>. Writes
/// <c>{"label": "FY2026-Q3", "fiscalYear": 2026, "quarter": 3, "fiscalYearStartMonth": 7, "start": "2026-01-01", "end": "2026-03-31"}</c>;
/// reads that object (label, start and end are ignored) or a string such as <c>"Q1-2026"</c> (calendar fiscal year).
/// </summary>
public sealed class FiscalQuarterJsonConverter : JsonConverter<FiscalQuarter>
{
    /// <inheritdoc/>
    public override FiscalQuarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            return FiscalQuarter.TryParse(text, default, out var q)
                ? q
                : throw new JsonException($"'{text}' is not a fiscal quarter; expected a form such as \"Q1-2026\".");
        }
        var (year, quarter, firstMonth) = FiscalPeriodJson.ReadObject(ref reader, "quarter");
        if (quarter is null)
        {
            throw new JsonException("A fiscal quarter object needs \"fiscalYear\" and \"quarter\".");
        }
        return FiscalPeriodJson.Guard(() => new FiscalQuarter(year, quarter.Value, FiscalCalendar.StartingIn(firstMonth)));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FiscalQuarter value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("label", value.ToString());
        writer.WriteNumber("fiscalYear", value.FiscalYear);
        writer.WriteNumber("quarter", value.Quarter);
        writer.WriteNumber("fiscalYearStartMonth", value.Calendar.FirstMonth);
        writer.WriteString("start", FiscalPeriodJson.Iso(value.Start));
        writer.WriteString("end", FiscalPeriodJson.Iso(value.End));
        writer.WriteEndObject();
    }
}

/// <summary>
/// JSON for <see cref="FiscalYear"/>. Writes <c>{"label": "FY2026", "fiscalYear": 2026, "fiscalYearStartMonth": 7, "start": "2025-07-01", "end": "2026-06-30"}</c>;
/// reads that object or a string such as <c>"FY2025"</c> (calendar fiscal year).
/// </summary>
public sealed class FiscalYearJsonConverter : JsonConverter<FiscalYear>
{
    /// <inheritdoc/>
    public override FiscalYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            return FiscalYear.TryParse(text, default, out var y)
                ? y
                : throw new JsonException($"'{text}' is not a fiscal year; expected a form such as \"FY2025\".");
        }
        var (year, _, firstMonth) = FiscalPeriodJson.ReadObject(ref reader, null);
        return FiscalPeriodJson.Guard(() => new FiscalYear(year, FiscalCalendar.StartingIn(firstMonth)));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FiscalYear value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("label", value.ToString());
        writer.WriteNumber("fiscalYear", value.Year);
        writer.WriteNumber("fiscalYearStartMonth", value.Calendar.FirstMonth);
        writer.WriteString("start", FiscalPeriodJson.Iso(value.Start));
        writer.WriteString("end", FiscalPeriodJson.Iso(value.End));
        writer.WriteEndObject();
    }
}

/// <summary>JSON for <see cref="FiscalCalendar"/>: the first month of the fiscal year as a number (1 to 12).</summary>
public sealed class FiscalCalendarJsonConverter : JsonConverter<FiscalCalendar>
{
    /// <inheritdoc/>
    public override FiscalCalendar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var month))
        {
            throw new JsonException("A fiscal calendar must be the first month of the fiscal year, a number from 1 to 12.");
        }
        return FiscalPeriodJson.Guard(() => FiscalCalendar.StartingIn(month));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FiscalCalendar value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.FirstMonth);
    }
}

internal static class FiscalPeriodJson
{
    internal static string Iso(LocalDate date) => CloudEconomics.Serialization.IsoDate.Format(date);

    internal static T Guard<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    internal static (int Year, int? Quarter, int FirstMonth) ReadObject(ref Utf8JsonReader reader, string? quarterName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A fiscal period must be a string such as \"Q1-2026\" or an object with \"fiscalYear\".");
        }
        int? year = null, quarter = null;
        int firstMonth = 1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "fiscalYear":
                    year = reader.GetInt32();
                    break;
                case "fiscalYearStartMonth":
                    firstMonth = reader.GetInt32();
                    break;
                default:
                    if (name == quarterName)
                    {
                        quarter = reader.GetInt32();
                    }
                    else
                    {
                        reader.Skip();
                    }
                    break;
            }
        }
        return (year ?? throw new JsonException("A fiscal period object needs \"fiscalYear\"."), quarter, firstMonth);
    }
}
