using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;

namespace CloudEconomics.Catalog;

/// <summary>
/// Where a figure comes from: its source (a title, URL or repository path), the as-of date the source gives, a
/// <see cref="Confidence"/>, an optional note, and, for a derived figure, the inputs it was computed from.
/// </summary>
/// <remarks>
/// <para><see cref="AsOf"/> is kept verbatim because sources date themselves loosely (<c>"2025-04-28"</c>,
/// <c>"2024-12"</c>, <c>"doc (undated)"</c>); <see cref="AsOfDate"/> reads the date out of it when there is one.</para>
/// <para>A figure whose value is known must have a source, an as-of and a confidence (checked on load by
/// <see cref="Validation.ProvenanceValidator"/>); an unknown figure may carry only a note saying why.</para>
/// </remarks>
public sealed record Provenance
{
    /// <summary>No provenance at all: only valid on an unknown figure.</summary>
    public static Provenance None { get; } = new();

    /// <summary>The source: a title, a URL, or <c>github:owner/repo/path@commit</c>. Null only for an unknown figure.</summary>
    public string? Source { get; init; }

    /// <summary>The date of the figure or of the source, verbatim as the source gives it. Null only for an unknown figure.</summary>
    public string? AsOf { get; init; }

    /// <summary>How far the figure can be trusted. Null only for an unknown figure.</summary>
    public Confidence? Confidence { get; init; }

    /// <summary>Free-text caveats: conflicts between sources, conversions, why a value is unknown.</summary>
    public string? Note { get; init; }

    /// <summary>For a derived figure, the inputs it was computed from (each naming its own source); empty otherwise.</summary>
    public IReadOnlyList<string> DerivedFrom { get; init; } = [];

    /// <summary>Whether source, as-of and confidence are all present.</summary>
    [JsonIgnore]
    public bool IsComplete => !string.IsNullOrWhiteSpace(Source) && !string.IsNullOrWhiteSpace(AsOf) && Confidence is not null;

    /// <summary>
    /// The date in <see cref="AsOf"/> when it starts with one: <c>yyyy-MM-dd</c> as is, <c>yyyy-MM</c> as the first of
    /// the month, <c>yyyy</c> (followed by nothing or a space) as 1 January; null when <see cref="AsOf"/> is undated
    /// (such as <c>"doc (undated)"</c>) or a range (<c>"2025/2026"</c>).
    /// </summary>
    [JsonIgnore]
    public LocalDate? AsOfDate => ParseLeadingDate(AsOf);

    /// <summary>A complete provenance.</summary>
    /// <param name="source">The source (title, URL or repository path); not blank.</param>
    /// <param name="asOf">The as-of date as the source gives it; not blank.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="asOf"/> is blank.</exception>
    public static Provenance Of(string source, string asOf, Confidence confidence, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("A provenance needs a source (a title, URL or repository path); it was blank.", nameof(source));
        }
        if (string.IsNullOrWhiteSpace(asOf))
        {
            throw new ArgumentException("A provenance needs an as-of date; it was blank.", nameof(asOf));
        }
        return new Provenance { Source = source, AsOf = asOf, Confidence = confidence, Note = note };
    }

    /// <summary>The provenance of a figure computed from other figures.</summary>
    /// <param name="description">What the computation is, such as <c>"hourly price / (8 x 989.4 TFLOPS)"</c>.</param>
    /// <param name="asOf">The as-of of the newest input.</param>
    /// <param name="confidence">The weakest confidence among the inputs.</param>
    /// <param name="inputs">The inputs, each naming its own source.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> or <paramref name="asOf"/> is blank, or there are no inputs.</exception>
    public static Provenance Derived(string description, string asOf, Confidence confidence, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var list = inputs.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A derived figure must name at least one input.", nameof(inputs));
        }
        return Of("DERIVED: " + description, asOf, confidence) with { DerivedFrom = list };
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
    /// <returns>Text such as <c>"github:aws/... (as of 2025-04-28, vendor)"</c>.</returns>
    public override string ToString()
        => IsComplete ? string.Create(CultureInfo.InvariantCulture, $"{Source} (as of {AsOf}, {Confidence})") : Note ?? "(no source)";

    /// <summary>Reads a leading ISO date, year-month or year out of free text.</summary>
    internal static LocalDate? ParseLeadingDate(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 4 || !IsDigits(text, 0, 4))
        {
            return null;
        }
        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2200)
        {
            return null;
        }
        if (text.Length >= 7 && text[4] == '-' && IsDigits(text, 5, 2))
        {
            var month = int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return null;
            }
            if (text.Length >= 10 && text[7] == '-' && IsDigits(text, 8, 2))
            {
                var day = int.Parse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture);
                return day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new LocalDate(year, month, day) : null;
            }
            return new LocalDate(year, month, 1);
        }
        return text.Length == 4 || text[4] is ' ' or ',' or ';' or '(' ? new LocalDate(year, 1, 1) : null; // "2025/2026" is a range, not a date
    }

    private static bool IsDigits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (i >= text.Length || text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }
        return true;
    }
}
