using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using CloudEconomics.Data;
using CloudEconomics.Finance;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Cli;

/// <summary>
/// The command tree, the options several commands share, and parsing and formatting helpers. Each command is one class
/// in <c>Commands/</c> (its settings and its JSON result record beside it); no economics here.
/// </summary>
internal static class Commands
{
    internal static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Output format: table (default) or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    internal static readonly Option<string?> AsOf = new("--as-of")
    {
        Description = "Use the prices valid on this ISO date, such as 2025-06-01 (default: the scenario's price date for the report; the newest price date in the catalog, CloudCatalog.LatestPriceDate, for the other commands).",
        Recursive = true,
    };

    internal static readonly Option<FileInfo[]> CatalogFile = new("--catalog")
    {
        Description = "A catalog JSON file whose records override the embedded defaults record by record (CloudCatalog.MergeWith); repeat to merge several, later files last.",
        Recursive = true,
    };

    internal static readonly Dictionary<string, PurchaseOptionKind> OptionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["on-demand"] = PurchaseOptionKind.OnDemand,
        ["spot"] = PurchaseOptionKind.Spot,
        ["reserved"] = PurchaseOptionKind.Reserved,
        ["savings-plan"] = PurchaseOptionKind.SavingsPlan,
        ["committed-use"] = PurchaseOptionKind.CommittedUse,
        ["capacity-block"] = PurchaseOptionKind.CapacityBlock,
    };

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("""
            cloudecon: the economics of AI infrastructure. With no command, prints the seed scenario report.

            Examples:
              cloudecon                                   the seed scenario report (AWS, Q1 2026)
              cloudecon npv --rate 0.08 -- -1000 300 400 500
              cloudecon irr -- -1000 300 400 500
              cloudecon payback --flow 2025-01-01=-1000 --flow 2025-12-31=600 --flow 2026-12-31=600
              cloudecon catalog rank --metric pflop-hour --format json
              cloudecon token-cost --model llama-3.1-70b
              cloudecon tco --rent p5.48xlarge
              cloudecon sensitivity --model token-ratio
              cloudecon simulate --model cluster-payback --within 60
              cloudecon calibrate --validate
            """);
        root.Options.Add(Format);
        root.Options.Add(AsOf);
        ReportCommand.Install(root, context);
        root.Subcommands.Add(ReportCommand.Build(context));
        root.Subcommands.Add(ScenarioCommand.Build(context));
        root.Subcommands.Add(NpvCommand.Build(context));
        root.Subcommands.Add(IrrCommand.Build(context));
        root.Subcommands.Add(PaybackCommand.Build(context));
        root.Subcommands.Add(CatalogCommand.Build(context));
        root.Subcommands.Add(TokenCostCommand.Build(context));
        root.Subcommands.Add(TcoCommand.Build(context));
        root.Subcommands.Add(CalibrateCommand.Build(context));
        root.Subcommands.Add(SensitivityCommand.Build(context));
        root.Subcommands.Add(BreakevenCommand.Build(context));
        root.Subcommands.Add(SimulateCommand.Build(context));
        HelpExamples.Install(root);
        return root;
    }

    internal static bool IsJson(ParseResult parse) => parse.GetValue(Format) == OutputFormat.Json;

    internal static double ParseNumber(string text, string what)
    {
        if (double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        throw new UsageException($"{what} must be a finite number written with a dot for decimals; it was '{text}'.");
    }

    internal static TokenCount ParseTokens(string text, string what)
    {
        double value = ParseNumber(text, what);
        return value >= 1
            ? TokenCount.FromTokens(value)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{what} must be at least 1 token; it was {value:R}."));
    }

    internal static decimal ParseDecimal(string text, string what)
    {
        if (decimal.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new UsageException($"{what} must be a number written with a dot for decimals; it was '{text}'.");
    }

    internal static LocalDate ParseDate(string text, string what)
    {
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : throw new UsageException($"{what} must be an ISO date such as 2025-06-01; it was '{text}'.");
    }

    /// <summary>Numbers given as separate arguments or comma-separated ("-1000,300,400").</summary>
    internal static double[] ParseNumbers(IEnumerable<string> tokens, string what) =>
        tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
              .Select(t => ParseNumber(t, what)).ToArray();

    internal static string Percent(double rate) => rate.ToString("0.####%", CultureInfo.InvariantCulture);

    /// <summary>A number for a table: grouped with two decimals at 1,000 and above, otherwise up to four decimals.</summary>
    internal static string Num(double v) => v.ToString(Math.Abs(v) >= 1000 ? "#,0.##" : "0.####", CultureInfo.InvariantCulture);

    internal static string Describe(PaybackResult payback) => payback.IsReached
        ? string.Create(CultureInfo.InvariantCulture, $"{CloudEconomics.Serialization.IsoDate.Format(payback.Date)} ({payback.Years:0.##} years)")
        : "not reached";

    /// <summary>The purchase option named on the command line (<c>on-demand</c>, ...), or a usage error naming the option.</summary>
    internal static PurchaseOptionKind PurchaseOption(string text, string optionName, bool allowAll = false)
        => OptionNames.TryGetValue(text, out var kind) ? kind
            : throw new UsageException($"{optionName} must be one of {string.Join(", ", OptionNames.Keys)}{(allowAll ? " or all" : "")}; it was '{text}'.");

    /// <summary>The embedded catalog with every <c>--catalog</c> file merged over it, in full (all dates).</summary>
    internal static CloudCatalog LoadFullCatalog(ParseResult parse) => MergeCatalogFiles(CloudCatalog.Default, parse);

    /// <summary>
    /// The price date: <c>--as-of</c> when given, otherwise the catalog's newest price date
    /// (<see cref="CloudCatalog.LatestPriceDate"/>); a data error when the catalog has no dated price.
    /// </summary>
    internal static LocalDate PriceDate(ParseResult parse, CloudCatalog catalog)
        => parse.GetValue(AsOf) is { } text ? ParseDate(text, "--as-of")
            : catalog.LatestPriceDate ?? throw new InvalidDataException("The catalog has no dated price to take the default price date from; give --as-of DATE.");

    /// <summary>The embedded catalog, merged with the user's files, at the requested date.</summary>
    internal static CloudCatalog LoadCatalog(ParseResult parse)
    {
        var catalog = LoadFullCatalog(parse);
        return catalog.AsOf(PriceDate(parse, catalog));
    }

    /// <summary>
    /// A user catalog file merged over a catalog (CloudCatalog.MergeWith(Stream, string)): its offers and instances may refer to
    /// the catalog's records (an imported file names the default accelerators; a negotiated price names a default instance).
    /// </summary>
    internal static CloudCatalog MergeCatalogFile(CloudCatalog catalog, FileInfo file)
    {
        using var stream = file.OpenRead();
        return catalog.MergeWith(stream, file.FullName);
    }

    /// <summary>Every <c>--catalog</c> file merged over the catalog, in the order given.</summary>
    internal static CloudCatalog MergeCatalogFiles(CloudCatalog catalog, ParseResult parse)
        => (parse.GetValue(CatalogFile) ?? []).Aggregate(catalog, MergeCatalogFile);

    /// <summary>The confidence tier as a short word: vendor, curated, secondary, ESTIMATE, unsourced.</summary>
    internal static string Tier(Confidence? confidence) => confidence switch
    {
        Confidence.Vendor => "vendor",
        Confidence.CuratedDataset => "curated",
        Confidence.Secondary => "secondary",
        Confidence.Estimate => "ESTIMATE",
        _ => "unsourced",
    };

    /// <summary>"vendor 2026-07-20", "estimate 2026-04-30": the confidence tier and the as-of text, short enough for a column.</summary>
    internal static string ShortProvenance(Provenance provenance)
    {
        return $"{Tier(provenance.Confidence)} {IsoDate(provenance.AsOf)}".Trim();
    }

    /// <summary>An as-of date as ISO text ("2026-07-20"), null when undated: the form of every <c>asOf</c> field of the JSON output.</summary>
    internal static string? IsoDate(LocalDate? date) =>
        date is { } d ? CloudEconomics.Serialization.IsoDate.Format(d) : null;

    /// <summary>A source short enough for a table column: the repository path's file and commit, or the URL's host and path, cut to 48 characters.</summary>
    internal static string ShortSource(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return "";
        }
        var text = source.StartsWith("github:", StringComparison.Ordinal) && source.LastIndexOf('@') is var at and > 0
            ? source[7..Math.Min(source.Length, at + 9)]
            : source.Replace("https://", "", StringComparison.Ordinal);
        return text.Length <= 48 ? text : text[..22] + "…" + text[^25..];
    }

    internal static ScenarioFile LoadScenario(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Scenario file '{file.FullName}' does not exist.");
        }
        return ScenarioFile.Load(file.FullName);
    }
}
