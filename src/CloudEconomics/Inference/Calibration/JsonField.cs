using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudEconomics.Inference;

/// <summary>How a property of a data file was found by the serializer.</summary>
internal enum JsonFieldState
{
    /// <summary>The property is absent.</summary>
    Missing,

    /// <summary>The property is JSON null.</summary>
    Null,

    /// <summary>The property has the expected JSON type; <see cref="JsonField{T}.Value"/> holds it.</summary>
    Valid,

    /// <summary>The property has another JSON type (or a number out of range); <see cref="JsonField{T}.Raw"/> holds its text.</summary>
    WrongType,
}

/// <summary>
/// A property of a loader's DTO as the serializer read it: absent, null, a value of the expected JSON type, or the raw
/// text of anything else. The loaders' checks then tell "missing" from "null" from "wrong type" and list every problem
/// of a file instead of stopping at the serializer's first type error.
/// </summary>
/// <typeparam name="T">int, double, bool, string, a list, or a DTO class (read by the serializer).</typeparam>
/// <param name="State">What was found.</param>
/// <param name="Value">The value when <see cref="State"/> is <see cref="JsonFieldState.Valid"/>; default otherwise.</param>
/// <param name="Raw">The JSON text when the token was a number, null or of the wrong type (for messages: "it was ...").</param>
[JsonConverter(typeof(JsonFieldConverterFactory))]
internal readonly record struct JsonField<T>(JsonFieldState State, T Value, string? Raw)
{
    /// <summary>Whether the property is present (null or not).</summary>
    public bool Present => State != JsonFieldState.Missing;

    /// <summary>Whether the property has the expected JSON type.</summary>
    public bool IsValid => State == JsonFieldState.Valid;
}

/// <summary>Builds the <see cref="JsonField{T}"/> converter for each T.</summary>
internal sealed class JsonFieldConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(JsonField<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(JsonFieldConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>Reads one <see cref="JsonField{T}"/>; never throws for a token of the wrong type (it records it).</summary>
/// <typeparam name="T">The expected value type.</typeparam>
internal sealed class JsonFieldConverter<T> : JsonConverter<JsonField<T>>
{
    public override bool HandleNull => true;

    public override JsonField<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? raw = reader.TokenType == JsonTokenType.Number
            ? (reader.HasValueSequence ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.UTF8.GetString(reader.ValueSpan))
            : null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new(JsonFieldState.Null, default!, "null");
        }
        object? value = null;
        bool ok;
        if (typeof(T) == typeof(int))
        {
            ok = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int i) && (value = i) is not null;
        }
        else if (typeof(T) == typeof(double))
        {
            ok = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double d) && (value = d) is not null;
        }
        else if (typeof(T) == typeof(bool))
        {
            ok = reader.TokenType is JsonTokenType.True or JsonTokenType.False && (value = reader.GetBoolean()) is not null;
        }
        else if (typeof(T) == typeof(string))
        {
            ok = reader.TokenType == JsonTokenType.String && (value = reader.GetString()) is not null;
        }
        else
        {
            bool list = typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(List<>);
            ok = reader.TokenType == (list ? JsonTokenType.StartArray : JsonTokenType.StartObject);
            if (ok)
            {
                return new(JsonFieldState.Valid, JsonSerializer.Deserialize<T>(ref reader, options)!, null);
            }
        }
        if (ok)
        {
            return new(JsonFieldState.Valid, (T)value!, raw);
        }
        using var doc = JsonDocument.ParseValue(ref reader);
        return new(JsonFieldState.WrongType, default!, doc.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, JsonField<T> value, JsonSerializerOptions options)
        => throw new NotSupportedException("JsonField is read-only: loaders read it, nothing writes it.");
}
