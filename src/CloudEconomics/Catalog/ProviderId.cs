using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudEconomics.Catalog;

/// <summary>
/// The catalog id of a provider (<c>"aws"</c>, <c>"azure"</c>, <c>"gcp"</c>, <c>"lambda"</c>, ...): a typed key instead of a
/// bare string. Providers are open-ended (any catalog or import may add one), so this is an id, not an enum; the three
/// providers of the default catalog have named values.
/// </summary>
/// <remarks>
/// Ids compare ordinally (case-sensitive), as <see cref="CloudCatalog.FindProvider(string)"/> looks them up. The default
/// value (never constructed) has a null <see cref="Value"/> and prints as an empty string. JSON: a plain string.
/// </remarks>
[JsonConverter(typeof(ProviderIdJsonConverter))]
public readonly struct ProviderId : IEquatable<ProviderId>, IComparable<ProviderId>
{
    /// <summary>Creates a provider id.</summary>
    /// <param name="value">The catalog id, such as <c>"aws"</c>: non-blank, letters, digits and <c>. _ / : -</c> only (the
    /// catalog's id rule).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank or holds another character.</exception>
    public ProviderId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || !IsIdStart(value[0]) || !value.All(IsIdChar))
        {
            throw new ArgumentException($"A provider id must be non-blank and use letters, digits and . _ / : - only (no spaces); it was '{value}'.", nameof(value));
        }
        Value = value;
    }

    /// <summary>Amazon Web Services, <c>"aws"</c>.</summary>
    public static ProviderId Aws { get; } = new(Provider.AwsId);

    /// <summary>Microsoft Azure, <c>"azure"</c>.</summary>
    public static ProviderId Azure { get; } = new(Provider.AzureId);

    /// <summary>Google Cloud, <c>"gcp"</c>.</summary>
    public static ProviderId GoogleCloud { get; } = new(Provider.GoogleCloudId);

    /// <summary>The id text, such as <c>"aws"</c>.</summary>
    public string Value { get; }

    /// <summary>The id of a catalog provider.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>Its id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    /// <exception cref="ArgumentException">The provider's id breaks the id rule.</exception>
    public static ProviderId Of(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new ProviderId(provider.Id);
    }

    /// <summary>
    /// The id for a provider or vendor name that may not be an id (an accelerator-only offer is sold by its chip's vendor,
    /// such as <c>"Advanced Micro Devices"</c>): characters outside the id rule become <c>-</c>, and leading ones are dropped.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="id">The id, when the name holds at least one letter or digit.</param>
    /// <returns>False when the name has no letter or digit.</returns>
    internal static bool TryFromName(string? name, out ProviderId id)
    {
        id = default;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        var text = new string(name.Select(c => IsIdChar(c) ? c : '-').ToArray()).TrimStart('.', '_', '/', ':', '-');
        if (text.Length == 0)
        {
            return false;
        }
        id = new ProviderId(text);
        return true;
    }

    /// <summary>Equality of the id text (ordinal).</summary>
    public static bool operator ==(ProviderId left, ProviderId right) => left.Equals(right);

    /// <summary>Inequality of the id text (ordinal).</summary>
    public static bool operator !=(ProviderId left, ProviderId right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ProviderId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProviderId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Ordinal order of the id text.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(ProviderId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>The id text, such as <c>"aws"</c>.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Value ?? string.Empty;

    private static bool IsIdStart(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '/' or ':' or '-';
}

/// <summary>JSON for <see cref="ProviderId"/>: the id as a string.</summary>
internal sealed class ProviderIdJsonConverter : JsonConverter<ProviderId>
{
    public override ProviderId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A provider id must be a JSON string such as \"aws\".");
        }
        try
        {
            return new ProviderId(reader.GetString()!);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, ProviderId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
