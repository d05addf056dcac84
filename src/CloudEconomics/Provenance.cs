using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;

namespace CloudEconomics;

/// <summary>
/// Where a figure comes from: its source (a title, URL or repository path), the as-of date, a
/// <see cref="Confidence"/>, an optional note, and, for a derived figure, the inputs it was computed from. The one
/// provenance type of the library: catalog figures, the scenario document, power reference data, model files and
/// report lines all carry it.
/// </summary>
/// <remarks>
/// <para><see cref="AsOf"/> is a date: the date the figure speaks for, or the date of the source document. When a
/// source dates itself loosely (a month, a year, or not at all) the date used is stated in <see cref="Note"/>
/// (for example "the source gives the month only"), never guessed silently.</para>
/// <para>A figure whose value is known must have a source, an as-of date and a confidence (<see cref="IsComplete"/>,
/// checked on load); an unknown figure may carry only a note saying why.</para>
/// </remarks>
public sealed record Provenance
{
    /// <summary>No provenance at all: only valid on an unknown figure.</summary>
    public static Provenance None { get; } = new();

    /// <summary>The source: a title, a URL, or <c>github:owner/repo/path@commit</c>. Null only for an unknown figure.</summary>
    public string? Source { get; init; }

    /// <summary>The date the figure speaks for, or the date of its source. Null only for an unknown figure.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>How far the figure can be trusted. Null only for an unknown figure.</summary>
    public Confidence? Confidence { get; init; }

    /// <summary>Free-text caveats: conflicts between sources, conversions, how the as-of date was chosen, why a value is unknown.</summary>
    public string? Note { get; init; }

    /// <summary>For a derived figure, the inputs it was computed from (each naming its own source); empty otherwise.</summary>
    public IReadOnlyList<string> DerivedFrom { get; init; } = [];

    /// <summary>Whether source, as-of and confidence are all present.</summary>
    [JsonIgnore]
    public bool IsComplete => !string.IsNullOrWhiteSpace(Source) && AsOf is not null && Confidence is not null;

    /// <summary>A complete provenance.</summary>
    /// <param name="source">The source (title, URL or repository path); not blank.</param>
    /// <param name="asOf">The date the figure speaks for, or the source's date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is blank.</exception>
    public static Provenance Of(string source, LocalDate asOf, Confidence confidence, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("A provenance needs a source (a title, URL or repository path); it was blank.", nameof(source));
        }
        return new Provenance { Source = source, AsOf = asOf, Confidence = confidence, Note = note };
    }

    /// <summary>The provenance of a figure computed from other figures.</summary>
    /// <param name="description">What the computation is, such as <c>"hourly price / (8 x 989.4 TFLOPS)"</c>.</param>
    /// <param name="asOf">The as-of of the newest input; null when no input is dated.</param>
    /// <param name="confidence">The weakest confidence among the inputs.</param>
    /// <param name="inputs">The inputs, each naming its own source.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is blank, or there are no inputs.</exception>
    public static Provenance Derived(string description, LocalDate? asOf, Confidence confidence, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException("A derived figure needs a description of its computation; it was blank.", nameof(description));
        }
        var list = inputs.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A derived figure must name at least one input.", nameof(inputs));
        }
        return new Provenance { Source = "DERIVED: " + description, AsOf = asOf, Confidence = confidence, DerivedFrom = list };
    }

    /// <summary>Value equality, the inputs of a derived figure compared element by element.</summary>
    /// <param name="other">The other provenance.</param>
    /// <returns>True when every field is equal.</returns>
    public bool Equals(Provenance? other)
        => other is not null && Source == other.Source && AsOf == other.AsOf && Confidence == other.Confidence && Note == other.Note
           && DerivedFrom.SequenceEqual(other.DerivedFrom, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, AsOf, Confidence, Note, DerivedFrom.Count);

    /// <summary>Invariant, readable text: source, as-of and confidence.</summary>
    /// <returns>Text such as <c>"github:aws/... (as of 2025-04-28, Vendor)"</c>.</returns>
    public override string ToString()
        => IsComplete ? string.Create(CultureInfo.InvariantCulture, $"{Source} (as of {AsOfText}, {Confidence})") : Note ?? Source ?? "(no source)";

    /// <summary>The as-of date as <c>uuuu-MM-dd</c>, or <c>"undated"</c>.</summary>
    [JsonIgnore]
    public string AsOfText => AsOf is { } d ? Serialization.IsoDate.Format(d) : "undated";
}
