namespace CloudEconomics.Data;

/// <summary>One problem found while loading a scenario file.</summary>
/// <param name="JsonPath">Where in the document, e.g. <c>$.quarters[8].segmentRevenue.source</c>.</param>
/// <param name="RecordId">The record (quarter period, policy id, claim id, or the scenario id); null when not known.</param>
/// <param name="Rule">The rule that failed, as a sentence.</param>
public sealed record ScenarioLoadError(string JsonPath, string? RecordId, string Rule)
{
    /// <summary>Invariant one-line text: <c>"$.quarters[8].segmentRevenue (Q1-2026): rule"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => RecordId is null ? $"{JsonPath}: {Rule}" : $"{JsonPath} ({RecordId}): {Rule}";
}

/// <summary>
/// A scenario file could not be loaded: malformed JSON, an unknown property, or a broken rule. The message's first line
/// names the file, JSON path, record and rule of the first problem; <see cref="Errors"/> lists every problem.
/// </summary>
public sealed class ScenarioLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file (or a description of the stream).</param>
    /// <param name="errors">The problems; at least one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public ScenarioLoadException(string fileName, IReadOnlyList<ScenarioLoadError> errors, Exception? innerException = null)
        : base(BuildMessage(fileName, errors), innerException)
    {
        FileName = fileName;
        Errors = errors;
    }

    /// <summary>The file name.</summary>
    public string FileName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioLoadError> Errors { get; }

    /// <summary>The JSON path of the first problem.</summary>
    public string JsonPath => Errors[0].JsonPath;

    /// <summary>The record of the first problem, if known.</summary>
    public string? RecordId => Errors[0].RecordId;

    /// <summary>The rule of the first problem.</summary>
    public string Rule => Errors[0].Rule;

    private static string BuildMessage(string fileName, IReadOnlyList<ScenarioLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A scenario load error needs at least one problem.", nameof(errors));
        }
        var first = $"Invalid scenario file '{fileName}': {errors[0]}";
        return errors.Count == 1
            ? first
            : first + Environment.NewLine + string.Join(Environment.NewLine, errors.Skip(1).Select(e => "  also " + e));
    }
}
