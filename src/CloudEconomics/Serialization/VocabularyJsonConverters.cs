using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudEconomics.Serialization;

/// <summary>JSON for <see cref="Currency"/>: the ISO code as a string, <c>"USD"</c>.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    /// <inheritdoc/>
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A currency must be a JSON string holding an ISO 4217 code such as \"USD\".");
        }
        var code = reader.GetString()!;
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw new JsonException($"Currency code '{code}' is not a known ISO 4217 currency.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}

/// <summary>
/// JSON for <see cref="Money"/>: <c>{"amount": 1234.50, "currency": "USD"}</c>. The amount is a JSON number read and
/// written as a decimal, so it round-trips exactly.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc/>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonReading.ReadMoneyObject(ref reader, expectedUnit: null);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
        => JsonReading.WriteMoneyObject(writer, value, unit: null);
}

/// <summary>JSON for <see cref="PricePerHour"/>: <c>{"amount": 98.32, "currency": "USD", "per": "h"}</c>.</summary>
public sealed class PricePerHourJsonConverter : JsonConverter<PricePerHour>
{
    internal const string Unit = "h";

    /// <inheritdoc/>
    public override PricePerHour Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var money = JsonReading.ReadMoneyObject(ref reader, Unit);
        return JsonReading.Guard(() => new PricePerHour(money));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PricePerHour value, JsonSerializerOptions options)
        => JsonReading.WriteMoneyObject(writer, value.PerHour, Unit);
}

/// <summary>JSON for <see cref="PricePerEnergy"/>: <c>{"amount": 80, "currency": "USD", "per": "MWh"}</c>.</summary>
public sealed class PricePerEnergyJsonConverter : JsonConverter<PricePerEnergy>
{
    internal const string Unit = "MWh";

    /// <inheritdoc/>
    public override PricePerEnergy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var money = JsonReading.ReadMoneyObject(ref reader, Unit);
        return JsonReading.Guard(() => new PricePerEnergy(money));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PricePerEnergy value, JsonSerializerOptions options)
        => JsonReading.WriteMoneyObject(writer, value.PerMegawattHour, Unit);
}

/// <summary>JSON for <see cref="PricePerMillionTokens"/>: <c>{"amount": 2.5, "currency": "USD", "per": "1M tokens"}</c>.</summary>
public sealed class PricePerMillionTokensJsonConverter : JsonConverter<PricePerMillionTokens>
{
    internal const string Unit = "1M tokens";

    /// <inheritdoc/>
    public override PricePerMillionTokens Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var money = JsonReading.ReadMoneyObject(ref reader, Unit);
        return JsonReading.Guard(() => new PricePerMillionTokens(money));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PricePerMillionTokens value, JsonSerializerOptions options)
        => JsonReading.WriteMoneyObject(writer, value.PerMillionTokens, Unit);
}

/// <summary>JSON for <see cref="PricePerKilowattMonth"/>: <c>{"amount": 150, "currency": "USD", "per": "kW-month"}</c>.</summary>
public sealed class PricePerKilowattMonthJsonConverter : JsonConverter<PricePerKilowattMonth>
{
    internal const string Unit = "kW-month";

    /// <inheritdoc/>
    public override PricePerKilowattMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var money = JsonReading.ReadMoneyObject(ref reader, Unit);
        return JsonReading.Guard(() => new PricePerKilowattMonth(money));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PricePerKilowattMonth value, JsonSerializerOptions options)
        => JsonReading.WriteMoneyObject(writer, value.PerKilowattMonth, Unit);
}

/// <summary>JSON for <see cref="TokenRate"/>: <c>{"value": 10000, "unit": "tokens/s"}</c>.</summary>
public sealed class TokenRateJsonConverter : JsonConverter<TokenRate>
{
    /// <inheritdoc/>
    public override TokenRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = JsonReading.ReadValueUnit(ref reader, "tokens/s");
        return JsonReading.Guard(() => TokenRate.FromTokensPerSecond(value));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TokenRate value, JsonSerializerOptions options)
        => JsonReading.WriteValueUnit(writer, value.TokensPerSecond, "tokens/s");
}

/// <summary>JSON for <see cref="TokenCount"/>: <c>{"value": 1000000, "unit": "tokens"}</c>.</summary>
public sealed class TokenCountJsonConverter : JsonConverter<TokenCount>
{
    /// <inheritdoc/>
    public override TokenCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = JsonReading.ReadValueUnit(ref reader, "tokens");
        return JsonReading.Guard(() => TokenCount.FromTokens(value));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TokenCount value, JsonSerializerOptions options)
        => JsonReading.WriteValueUnit(writer, value.Tokens, "tokens");
}

/// <summary>JSON for <see cref="ComputeRate"/>: <c>{"value": 989.5, "unit": "TFLOPS"}</c> (also reads "FLOPS" and "PFLOPS").</summary>
public sealed class ComputeRateJsonConverter : JsonConverter<ComputeRate>
{
    /// <inheritdoc/>
    public override ComputeRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (value, unit) = JsonReading.ReadValueAndUnit(ref reader);
        return unit switch
        {
            "FLOPS" or "FLOP/s" => JsonReading.Guard(() => ComputeRate.FromFlopsPerSecond(value)),
            "TFLOPS" => JsonReading.Guard(() => ComputeRate.FromTeraflops(value)),
            "PFLOPS" => JsonReading.Guard(() => ComputeRate.FromPetaflops(value)),
            _ => throw new JsonException($"A compute rate's unit must be \"FLOPS\", \"TFLOPS\" or \"PFLOPS\"; it was \"{unit}\"."),
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ComputeRate value, JsonSerializerOptions options)
        => JsonReading.WriteValueUnit(writer, value.Teraflops, "TFLOPS");
}

/// <summary>Shared reading and writing of the small JSON objects above.</summary>
internal static class JsonReading
{
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

    internal static Money ReadMoneyObject(ref Utf8JsonReader reader, string? expectedUnit)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(expectedUnit is null
                ? "Money must be a JSON object such as {\"amount\": 12.5, \"currency\": \"USD\"}."
                : $"A price must be a JSON object such as {{\"amount\": 12.5, \"currency\": \"USD\", \"per\": \"{expectedUnit}\"}}.");
        }
        decimal? amount = null;
        string? code = null;
        string? per = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("Expected a property name.");
            }
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount":
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var a))
                    {
                        throw new JsonException("\"amount\" must be a JSON number within the range of decimal.");
                    }
                    amount = a;
                    break;
                case "currency":
                    code = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("\"currency\" must be a string such as \"USD\".");
                    break;
                case "per":
                    per = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("\"per\" must be a string.");
                    break;
                default:
                    throw new JsonException($"Unexpected property \"{name}\" in a money object; allowed: amount, currency{(expectedUnit is null ? "" : ", per")}.");
            }
        }
        if (amount is null)
        {
            throw new JsonException("A money object needs \"amount\".");
        }
        if (code is null)
        {
            throw new JsonException("A money object needs \"currency\".");
        }
        if (!Currency.TryFromCode(code, out var currency))
        {
            throw new JsonException($"Currency code '{code}' is not a known ISO 4217 currency.");
        }
        if (expectedUnit is not null && per is not null && per != expectedUnit)
        {
            throw new JsonException($"This price is per \"{expectedUnit}\"; the JSON says per \"{per}\".");
        }
        if (expectedUnit is null && per is not null)
        {
            throw new JsonException("Money has no \"per\" unit; a price was written where an amount was expected.");
        }
        return new Money(amount.Value, currency);
    }

    internal static void WriteMoneyObject(Utf8JsonWriter writer, Money value, string? unit)
    {
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency.Code);
        if (unit is not null)
        {
            writer.WriteString("per", unit);
        }
        writer.WriteEndObject();
    }

    internal static double ReadValueUnit(ref Utf8JsonReader reader, string expectedUnit)
    {
        var (value, unit) = ReadValueAndUnit(ref reader);
        if (unit != expectedUnit)
        {
            throw new JsonException($"The unit must be \"{expectedUnit}\"; it was \"{unit}\".");
        }
        return value;
    }

    internal static (double Value, string Unit) ReadValueAndUnit(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A quantity must be a JSON object such as {\"value\": 700, \"unit\": \"W\"}.");
        }
        double? value = null;
        string? unit = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "value":
                    if (reader.TokenType != JsonTokenType.Number)
                    {
                        throw new JsonException("\"value\" must be a JSON number.");
                    }
                    value = reader.GetDouble();
                    break;
                case "unit":
                    unit = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("\"unit\" must be a string.");
                    break;
                default:
                    throw new JsonException($"Unexpected property \"{name}\" in a quantity; allowed: value, unit.");
            }
        }
        if (value is null || unit is null)
        {
            throw new JsonException("A quantity needs both \"value\" and \"unit\".");
        }
        return (value.Value, unit);
    }

    internal static void WriteValueUnit(Utf8JsonWriter writer, double value, string unit)
    {
        writer.WriteStartObject();
        writer.WriteNumber("value", value);
        writer.WriteString("unit", unit);
        writer.WriteEndObject();
    }

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
