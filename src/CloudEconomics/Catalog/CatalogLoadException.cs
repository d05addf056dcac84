using System.Globalization;
using System.Text;

namespace CloudEconomics.Catalog;

/// <summary>One problem found while loading or merging a catalog.</summary>
/// <param name="File">The file or resource name (<c>"(stream)"</c> when none was given).</param>
/// <param name="JsonPath">Where in the file, such as <c>"$.offers[3].hourlyPrice"</c>; <c>"$"</c> for the whole document.</param>
/// <param name="RecordId">The id of the record concerned, or null when it has none.</param>
/// <param name="Rule">The rule broken, such as <c>NotPositive</c>, <c>DuplicateId</c>, <c>UnknownAccelerator</c>, <c>OverlappingOffers</c>, <c>MissingSource</c>.</param>
/// <param name="Message">A sentence stating the rule and what was found.</param>
public sealed record CatalogProblem(string File, string JsonPath, string? RecordId, string Rule, string Message)
{
    /// <summary>One line: file, path, record, rule and message.</summary>
    /// <returns>Invariant text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{File}: {JsonPath}{(RecordId is null ? "" : $" [{RecordId}]")}: {Rule}: {Message}");
}

/// <summary>
/// A catalog could not be loaded or merged. <see cref="Problems"/> lists every problem found (not only the first);
/// nothing was changed: the catalog the call was made on, and the embedded defaults, are as before.
/// </summary>
public sealed class CatalogLoadException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public CatalogLoadException(IEnumerable<CatalogProblem> problems)
        : this(Freeze(problems))
    {
    }

    private CatalogLoadException(IReadOnlyList<CatalogProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<CatalogProblem> Problems { get; }

    private static IReadOnlyList<CatalogProblem> Freeze(IEnumerable<CatalogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToArray();
        return list.Length == 0 ? throw new ArgumentException("A load failure needs at least one problem.", nameof(problems)) : Array.AsReadOnly(list);
    }

    private static string Describe(IReadOnlyList<CatalogProblem> problems)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The catalog was not loaded: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}.");
        foreach (var problem in problems)
        {
            text.AppendLine().Append(" - ").Append(problem);
        }
        return text.ToString();
    }
}
