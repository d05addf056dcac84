using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Import;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary><c>catalog import</c>: a provider's price file as a catalog file that <c>--catalog</c> merges over the defaults.</summary>
internal sealed class CatalogImportCommand
{
    private static readonly Dictionary<string, ImportFormat> ImportFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["skypilot"] = ImportFormat.SkyPilot,
        ["aws-price-list"] = ImportFormat.AwsPriceList,
        ["azure-retail"] = ImportFormat.AzureRetail,
    };

    private static readonly Dictionary<string, Confidence> ConfidenceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vendor"] = Confidence.Vendor,
        ["curated-dataset"] = Confidence.CuratedDataset,
        ["secondary"] = Confidence.Secondary,
    };

    /// <summary>The settings of <c>catalog import</c>, parsed and checked.</summary>
    internal sealed record Settings(ImportFormat Format, ImportSettings Import, IReadOnlyList<FileInfo> Files, FileInfo Out, bool Standalone);

    internal static Command Build(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "The price file's format: skypilot, aws-price-list or azure-retail.", Required = true };
        var provider = new Option<string>("--provider") { Description = "The provider id of the rows, such as aws, azure, gcp, lambda, nebius.", Required = true };
        var source = new Option<string>("--source") { Description = "Where the file comes from (a URL, or a repository path at a commit); kept on every figure.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The catalog file to write (the format --catalog reads).", Required = true };
        var confidence = new Option<string?>("--confidence") { Description = "vendor, curated-dataset or secondary (default: curated-dataset for skypilot, vendor for the providers' own files)." };
        var providerName = new Option<string?>("--provider-name") { Description = "The provider's display name when it is new to the catalog (default: the id)." };
        var standalone = new Option<bool>("--standalone") { Description = "Write every record, also the provider and instances the catalog already has (a self-contained file)." };
        var files = new Argument<FileInfo[]>("FILE") { Description = "The price file(s): a SkyPilot vms.csv, an AWS Price List offer file, or Azure Retail Prices pages.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import a provider's price file into a catalog file that --catalog merges over the defaults.")
        {
            format, provider, source, output, confidence, providerName, standalone, files,
        };
        command.WithExamples("""
            Examples:
              cloudecon catalog import --format skypilot --provider lambda --as-of 2026-12-05 --source github:skypilot-org/skypilot-catalog/catalogs/v8/lambda/vms.csv@0f40703 vms.csv --out lambda.json
              cloudecon catalog --catalog lambda.json rank --metric accelerator-hour --provider lambda
            Rows whose accelerator name the accelerator-name table does not map are listed on stderr, never guessed.
            """);
        command.SetAction(parse =>
        {
            var formatText = parse.GetValue(format)!;
            if (!ImportFormats.TryGetValue(formatText, out var importFormat))
            {
                throw new UsageException($"--format must be one of {string.Join(", ", ImportFormats.Keys)} for catalog import; it was '{formatText}'.");
            }
            var asOfText = parse.GetValue(Commands.AsOf) ?? throw new UsageException("catalog import needs --as-of DATE: the date the price file was published or read.");
            var confidenceText = parse.GetValue(confidence);
            var level = confidenceText is null
                ? importFormat == ImportFormat.SkyPilot ? Confidence.CuratedDataset : Confidence.Vendor
                : ConfidenceNames.TryGetValue(confidenceText, out var c) ? c
                : throw new UsageException($"--confidence must be one of {string.Join(", ", ConfidenceNames.Keys)}; it was '{confidenceText}'.");
            var settings = new Settings(importFormat,
                new ImportSettings { Provider = parse.GetValue(provider)!, AsOf = Commands.ParseDate(asOfText, "--as-of"), Source = parse.GetValue(source)!, Confidence = level, ProviderName = parse.GetValue(providerName) },
                parse.GetValue(files)!, parse.GetValue(output)!, parse.GetValue(standalone));
            var result = Run(settings, Commands.LoadFullCatalog(parse));
            foreach (var row in result.Unmapped)
            {
                context.Error.WriteLine("cloudecon: not imported: " + row);
            }
            if (Commands.IsJson(parse))
            {
                context.WriteJson(result);
                return ExitCodes.Success;
            }
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Provider}: {result.Instances} instances, {result.Offers} offers in {result.Regions.Count} regions from {result.RowsRead:N0} rows ({result.Unmapped.Count} not imported, listed on stderr); wrote {result.Out}"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Imports the files, writes the catalog file and checks that it merges over the base catalog.</summary>
    internal static CatalogImportCommandResult Run(Settings settings, CloudCatalog baseCatalog)
    {
        var streams = new List<Stream>();
        CatalogImportResult result;
        try
        {
            foreach (var file in settings.Files)
            {
                streams.Add(file.OpenRead());
            }
            result = CatalogImporter.Import(settings.Format, streams, settings.Import);
        }
        catch (FormatException e)
        {
            // The importer names the line or item; the file is named here (one line, as for every refused input).
            var names = string.Join(", ", settings.Files.Select(f => f.ToString()));
            throw new FormatException((settings.Files.Count == 1 ? names + ": " : "one of " + names + ": ") + e.Message, e);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
        using (var output = settings.Out.Create())
        {
            result.WriteJson(output, settings.Standalone ? null : baseCatalog);
        }
        using (var written = settings.Out.OpenRead())
        {
            baseCatalog.MergeWith(written, settings.Out.FullName); // the file must merge over the catalog it was written for
        }
        return new CatalogImportCommandResult(result.Provider.Id, settings.Format.ToString(), settings.Out.FullName, result.Instances.Count, result.Offers.Count,
            result.Provider.Regions.Select(r => r.Id).ToArray(), result.RowsRead, result.Unmapped);
    }
}

/// <summary>The JSON contract of <c>catalog import --format json</c>: what the import did.</summary>
/// <param name="Provider">The provider id of the imported rows.</param>
/// <param name="Format">The price file's format: <c>SkyPilot</c>, <c>AwsPriceList</c> or <c>AzureRetail</c>.</param>
/// <param name="Out">The full path of the catalog file written.</param>
/// <param name="Instances">Instance types in the file.</param>
/// <param name="Offers">Price offers in the file.</param>
/// <param name="Regions">The region ids of the offers.</param>
/// <param name="RowsRead">Rows read from the price file(s).</param>
/// <param name="Unmapped">Rows not imported (accelerator name not in the mapping table, no price, ...), each with its reason.</param>
internal sealed record CatalogImportCommandResult(string Provider, string Format, string Out, int Instances, int Offers, IReadOnlyList<string> Regions, long RowsRead, IReadOnlyList<UnmappedRow> Unmapped);
