using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudEconomics.Serialization;

/// <summary>
/// JSON for <see cref="Figure{T}"/>: the value's own JSON object (or <c>"value"</c> for a number) with the provenance
/// fields <c>source</c>, <c>asOf</c>, <c>confidence</c>, <c>note</c> and <c>derivedFrom</c> beside it.
/// </summary>
public sealed class FigureJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Figure<>);

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(FigureConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class FigureConverter<T> : JsonConverter<Figure<T>> where T : struct
    {
        private static readonly bool IsScalar = typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(double) || typeof(T) == typeof(decimal);

        public override Figure<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var (provenance, valueProperties) = ProvenanceJson.Split(root, options);
            if (valueProperties.Count == 0)
            {
                throw new JsonException("A figure needs its value: {\"value\": ...} (null when unknown), or the value's own fields such as amount and currency.");
            }
            if (valueProperties.TryGetValue("value", out var bare) && bare.ValueKind == JsonValueKind.Null)
            {
                return new Figure<T>(null, provenance);
            }
            if (IsScalar)
            {
                if (valueProperties.Count != 1 || !valueProperties.TryGetValue("value", out var number) || number.ValueKind != JsonValueKind.Number)
                {
                    throw new JsonException($"This figure's value must be a JSON number in \"value\" (or null when unknown); unexpected: {string.Join(", ", valueProperties.Keys)}.");
                }
                return new Figure<T>(number.Deserialize<T>(options), provenance);
            }
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, element) in valueProperties)
                {
                    writer.WritePropertyName(name);
                    element.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            try
            {
                return new Figure<T>(JsonSerializer.Deserialize<T>(buffer.WrittenSpan, options), provenance);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // Rethrown without a path so that the serializer reports the path of this figure in the document.
                throw new JsonException(StripPath(e.Message), e);
            }
        }

        private static string StripPath(string message)
        {
            var at = message.IndexOf(" Path: $", StringComparison.Ordinal);
            message = at > 0 ? message[..at] : message;
            var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            return parameter > 0 ? message[..parameter] : message;
        }

        public override void Write(Utf8JsonWriter writer, Figure<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            if (value.Value is not { } known)
            {
                writer.WriteNull("value");
            }
            else if (IsScalar)
            {
                writer.WritePropertyName("value");
                JsonSerializer.Serialize(writer, known, options);
            }
            else
            {
                var element = JsonSerializer.SerializeToElement(known, options);
                foreach (var property in element.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }
            ProvenanceJson.Write(writer, value.Provenance, options);
            writer.WriteEndObject();
        }
    }
}

/// <summary>JSON for <see cref="TextFigure"/>: <c>{"value": "TSMC 4N", "source": ..., ...}</c>.</summary>
public sealed class TextFigureJsonConverter : JsonConverter<TextFigure>
{
    /// <inheritdoc/>
    public override TextFigure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var (provenance, valueProperties) = ProvenanceJson.Split(document.RootElement, options);
        if (valueProperties.Count != 1 || !valueProperties.TryGetValue("value", out var text) || text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw new JsonException("A text figure is {\"value\": \"text\" or null, \"source\": ..., \"asOf\": ..., \"confidence\": ..., \"note\": ...}.");
        }
        return new TextFigure(text.GetString(), provenance);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TextFigure value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("value", value.Value);
        ProvenanceJson.Write(writer, value.Provenance, options);
        writer.WriteEndObject();
    }
}

/// <summary>Reads and writes the provenance fields that sit beside a figure's value.</summary>
internal static class ProvenanceJson
{
    internal static (Provenance Provenance, Dictionary<string, JsonElement> ValueProperties) Split(JsonElement root, JsonSerializerOptions options)
        => Split(root);

    internal static (Provenance Provenance, Dictionary<string, JsonElement> ValueProperties) Split(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A figure must be a JSON object such as {\"value\": 96, \"unit\": \"GiB\", \"source\": \"...\", \"asOf\": \"2025-12-02\", \"confidence\": \"vendor\"}.");
        }
        string? source = null, note = null;
        NodaTime.LocalDate? asOf = null;
        Confidence? confidence = null;
        var derived = new List<string>();
        var rest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "source":
                    source = ReadString(property);
                    break;
                case "asOf":
                    asOf = ReadDate(property);
                    break;
                case "note":
                    note = ReadString(property);
                    break;
                case "confidence":
                    confidence = property.Value.ValueKind == JsonValueKind.Null ? null : ReadConfidence(property.Value);
                    break;
                case "derivedFrom":
                    if (property.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new JsonException("\"derivedFrom\" must be an array of strings naming the inputs.");
                    }
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        derived.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new JsonException("\"derivedFrom\" must be an array of strings naming the inputs."));
                    }
                    break;
                default:
                    if (!rest.TryAdd(property.Name, property.Value))
                    {
                        throw new JsonException($"Property \"{property.Name}\" appears twice.");
                    }
                    break;
            }
        }
        return (new Provenance { Source = source, AsOf = asOf, Confidence = confidence, Note = note, DerivedFrom = derived }, rest);
    }

    internal static void Write(Utf8JsonWriter writer, Provenance provenance, JsonSerializerOptions options)
    {
        if (provenance.Source is not null)
        {
            writer.WriteString("source", provenance.Source);
        }
        if (provenance.AsOf is not null)
        {
            writer.WriteString("asOf", IsoDate.Format(provenance.AsOf.Value));
        }
        if (provenance.Confidence is { } confidence)
        {
            writer.WriteString("confidence", ConfidenceName(confidence));
        }
        if (provenance.Note is not null)
        {
            writer.WriteString("note", provenance.Note);
        }
        if (provenance.DerivedFrom.Count > 0)
        {
            writer.WriteStartArray("derivedFrom");
            foreach (var input in provenance.DerivedFrom)
            {
                writer.WriteStringValue(input);
            }
            writer.WriteEndArray();
        }
    }

    internal static string ConfidenceName(Confidence confidence) => confidence switch
    {
        Confidence.Vendor => "vendor",
        Confidence.CuratedDataset => "curatedDataset",
        Confidence.Secondary => "secondary",
        Confidence.Estimate => "estimate",
        _ => throw new JsonException($"Confidence {(int)confidence} is not defined."),
    };

    private static Confidence ReadConfidence(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? ParseConfidence(element.GetString())
        : throw new JsonException("\"confidence\" must be a string: vendor, curatedDataset, secondary or estimate.");

    /// <summary>A confidence from its JSON name (vendor, curatedDataset, secondary, estimate).</summary>
    /// <exception cref="JsonException">Any other text.</exception>
    internal static Confidence ParseConfidence(string? text) => text switch
    {
        "vendor" => Confidence.Vendor,
        "curatedDataset" => Confidence.CuratedDataset,
        "secondary" => Confidence.Secondary,
        "estimate" => Confidence.Estimate,
        var other => throw new JsonException($"\"confidence\" must be one of vendor, curatedDataset, secondary, estimate; it was \"{other}\"."),
    };

    private static NodaTime.LocalDate? ReadDate(JsonProperty property)
    {
        var text = ReadString(property);
        if (text is null)
        {
            return null;
        }
        return IsoDate.TryParse(text, out var date)
            ? date
            : throw new JsonException($"\"asOf\" must be an ISO date (uuuu-MM-dd) such as \"2025-06-01\"; it was \"{text}\". Put any words about the date in \"note\".");
    }

    private static string? ReadString(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.String => property.Value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException($"\"{property.Name}\" must be a string."),
    };
}
