using System.Text.Json.Serialization;
using CloudEconomics.Serialization;

namespace CloudEconomics;

/// <summary>
/// A value with its provenance, or a known unknown: <see cref="Value"/> is null when no source gives the figure
/// (the library never invents one), and <see cref="Provenance"/> then usually says why in its note. The one
/// sourced-value type of the library: catalog figures, power reference data (<c>Figure&lt;decimal&gt;</c>) and the
/// scenario document (<c>Figure&lt;ReportedNumber&gt;</c>) use it.
/// </summary>
/// <typeparam name="T">The value type: a UnitsNet quantity, <see cref="ComputeRate"/>, <see cref="PricePerHour"/>, <see cref="Money"/>, a number, or a document's own value type such as <c>Data.ReportedNumber</c>.</typeparam>
/// <remarks>
/// JSON: the value's own object with the provenance fields beside it, for example
/// <c>{"value": 96, "unit": "GiB", "source": "...", "asOf": "2025-12-02", "confidence": "vendor", "note": "..."}</c>
/// or <c>{"amount": 55.04, "currency": "USD", "per": "h", "source": "...", ...}</c>; unknown is <c>{"value": null, "note": "..."}</c>.
/// </remarks>
[JsonConverter(typeof(FigureJsonConverterFactory))]
public sealed record Figure<T> where T : struct
{
    /// <summary>Creates a figure.</summary>
    /// <param name="value">The value, or null when unknown.</param>
    /// <param name="provenance">Where the value comes from (or why it is unknown).</param>
    /// <exception cref="ArgumentNullException"><paramref name="provenance"/> is null.</exception>
    public Figure(T? value, Provenance provenance)
    {
        Value = value;
        Provenance = provenance ?? throw new ArgumentNullException(nameof(provenance));
    }

    /// <summary>An unknown figure with no note.</summary>
    public static Figure<T> Unknown { get; } = new(null, Provenance.None);

    /// <summary>The value; null when unknown.</summary>
    public T? Value { get; init; }

    /// <summary>Where the value comes from.</summary>
    public Provenance Provenance { get; init; }

    /// <summary>Whether a value is known.</summary>
    [JsonIgnore]
    public bool IsKnown => Value.HasValue;

    /// <summary>Readable text: the value (or "unknown") and its source.</summary>
    /// <returns>Invariant text.</returns>
    public override string ToString() => (Value.HasValue ? Invariant(Value.Value) : "unknown") + " [" + Provenance + "]";

    private static string Invariant(T value) => value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString() ?? "";
}

/// <summary>A piece of text with its provenance (a process node, a table cell of the seed article), or unknown.</summary>
[JsonConverter(typeof(TextFigureJsonConverter))]
public sealed record TextFigure
{
    /// <summary>Creates a text figure.</summary>
    /// <param name="value">The text, or null when unknown.</param>
    /// <param name="provenance">Where the text comes from (or why it is unknown).</param>
    /// <exception cref="ArgumentNullException"><paramref name="provenance"/> is null.</exception>
    public TextFigure(string? value, Provenance provenance)
    {
        Value = value;
        Provenance = provenance ?? throw new ArgumentNullException(nameof(provenance));
    }

    /// <summary>Unknown text with no note.</summary>
    public static TextFigure Unknown { get; } = new(null, Provenance.None);

    /// <summary>The text; null when unknown.</summary>
    public string? Value { get; init; }

    /// <summary>Where the text comes from.</summary>
    public Provenance Provenance { get; init; }

    /// <summary>Whether the text is known.</summary>
    [JsonIgnore]
    public bool IsKnown => Value is not null;

    /// <summary>The text, or "unknown".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? "unknown";
}

/// <summary>Factories for <see cref="Figure{T}"/>.</summary>
public static class Figure
{
    /// <summary>A known figure.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="provenance">Its provenance.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provenance"/> is null.</exception>
    public static Figure<T> Known<T>(T value, Provenance provenance) where T : struct => new(value, provenance);

    /// <summary>An unknown figure with a note saying why.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="note">Why the value is unknown, such as "not found in any source read".</param>
    /// <returns>The figure.</returns>
    public static Figure<T> Unknown<T>(string? note = null) where T : struct => new(null, new Provenance { Note = note });
}
