using System.Globalization;
using System.Text;

namespace CloudEconomics;

/// <summary>One problem found while loading a data file (a catalog, scenario, power, model or measurement file).</summary>
/// <param name="File">The file or embedded resource name (<c>"(stream)"</c> when none was given).</param>
/// <param name="Path">Where in the file: a JSON path such as <c>"$.offers[3].hourlyPrice"</c> (<c>"$"</c> for the whole document), or a CSV line.</param>
/// <param name="RecordId">The id of the record concerned, or null when it has none.</param>
/// <param name="Rule">A short code of the rule broken, such as <c>NotPositive</c>, <c>DuplicateId</c>, <c>TooLarge</c>; null when the message says it all.</param>
/// <param name="Message">A sentence stating the rule and what was found.</param>
public sealed record DataLoadProblem(string File, string Path, string? RecordId, string? Rule, string Message)
{
    /// <summary>One line: file, path, record, rule and message.</summary>
    /// <returns>Invariant text such as <c>"pue.json: $.records[2].pue.value [aws-2024]: NotPositive: PUE must be at least 1; it was 0.9."</c>.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{File}: {Path}{(RecordId is null ? "" : $" [{RecordId}]")}: {(Rule is null ? "" : Rule + ": ")}{Message}");
}

/// <summary>
/// A data file could not be loaded: it is too large or deep (the bounded reader's limits), malformed, of the wrong
/// shape, or breaks a rule. <see cref="Problems"/> lists every problem found (not only the first), each naming its
/// file, path and rule; nothing is half-loaded. The one load exception of every loader of the library.
/// </summary>
/// <remarks>The message is one line per problem: with one problem, that line; with several, a first line counting
/// them and then one line each.</remarks>
public sealed class DataLoadException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public DataLoadException(IEnumerable<DataLoadProblem> problems, Exception? innerException = null)
        : this(Freeze(problems), innerException)
    {
    }

    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="file">The file or resource name.</param>
    /// <param name="path">Where in the file (a JSON path, <c>"$"</c> for the whole document).</param>
    /// <param name="message">A sentence stating the rule and what was found.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    /// <param name="rule">A short code of the rule, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public DataLoadException(string file, string path, string message, string? recordId = null, string? rule = null, Exception? innerException = null)
        : this([new DataLoadProblem(file, path, recordId, rule, message)], innerException)
    {
    }

    private DataLoadException(IReadOnlyList<DataLoadProblem> problems, Exception? innerException)
        : base(Describe(problems), innerException)
    {
        Problems = problems;
    }

    /// <summary>The file (or resource) of the first problem.</summary>
    public string File => Problems[0].File;

    /// <summary>Every problem found; at least one.</summary>
    public IReadOnlyList<DataLoadProblem> Problems { get; }

    private static IReadOnlyList<DataLoadProblem> Freeze(IEnumerable<DataLoadProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToArray();
        return list.Length == 0 ? throw new ArgumentException("A load failure needs at least one problem.", nameof(problems)) : Array.AsReadOnly(list);
    }

    private static string Describe(IReadOnlyList<DataLoadProblem> problems)
    {
        if (problems.Count == 1)
        {
            return problems[0].ToString();
        }
        var files = problems.Select(p => p.File).Distinct(StringComparer.Ordinal).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{(files.Length == 1 ? files[0] : string.Join(", ", files))} not loaded: {problems.Count} problems.");
        foreach (var problem in problems)
        {
            text.AppendLine().Append(" - ").Append(problem);
        }
        return text.ToString();
    }
}
