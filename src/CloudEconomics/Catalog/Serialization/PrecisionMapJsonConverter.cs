using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudEconomics.Catalog.Serialization;

/// <summary>
/// JSON for a per-precision figure map: <c>{"bf16": {...}, "fp8": {...}}</c>, keys being camelCase
/// <see cref="NumericPrecision"/> names (<c>fp64, fp32, tf32, bf16, fp16, fp8, fp6, fp4, int8, int4</c>).
/// </summary>
public sealed class PrecisionMapJsonConverter : JsonConverter<IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>>>
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A per-precision map must be a JSON object such as {\"bf16\": {\"value\": 667, \"unit\": \"TFLOPS\", ...}}.");
        }
        var result = new Dictionary<NumericPrecision, Figure<ComputeRate>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString() ?? "";
            if (!TryParse(key, out var precision))
            {
                throw new JsonException($"\"{key}\" is not a numeric precision; use one of {string.Join(", ", Enum.GetValues<NumericPrecision>().Select(Name))}.");
            }
            reader.Read();
            var figure = JsonSerializer.Deserialize<Figure<ComputeRate>>(ref reader, options) ?? throw new JsonException($"The figure for \"{key}\" must not be null; use {{\"value\": null}} when unknown.");
            if (!result.TryAdd(precision, figure))
            {
                throw new JsonException($"Precision \"{key}\" appears twice.");
            }
        }
        return result;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (precision, figure) in value.OrderBy(p => p.Key))
        {
            writer.WritePropertyName(Name(precision));
            JsonSerializer.Serialize(writer, figure, options);
        }
        writer.WriteEndObject();
    }

    internal static string Name(NumericPrecision precision)
    {
        var text = precision.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    internal static bool TryParse(string key, out NumericPrecision precision)
    {
        foreach (var candidate in Enum.GetValues<NumericPrecision>())
        {
            if (string.Equals(Name(candidate), key, StringComparison.Ordinal))
            {
                precision = candidate;
                return true;
            }
        }
        precision = default;
        return false;
    }
}
