using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Import;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

internal static partial class Commands
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
    internal sealed record ImportCommandSettings(ImportFormat Format, ImportSettings Import, IReadOnlyList<FileInfo> Files, FileInfo Out, bool Standalone);

    /// <summary>What <c>catalog import</c> did: the counts, the file written, and the rows it could not map.</summary>
    internal sealed record ImportCommandResult(string Provider, string Format, string Out, int Instances, int Offers, IReadOnlyList<string> Regions, long RowsRead, IReadOnlyList<UnmappedRow> Unmapped);

    private static Command CatalogImportCommand(CliContext context)
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
            var asOfText = parse.GetValue(AsOf) ?? throw new UsageException("catalog import needs --as-of DATE: the date the price file was published or read.");
            var confidenceText = parse.GetValue(confidence);
            var level = confidenceText is null
                ? importFormat == ImportFormat.SkyPilot ? Confidence.CuratedDataset : Confidence.Vendor
                : ConfidenceNames.TryGetValue(confidenceText, out var c) ? c
                : throw new UsageException($"--confidence must be one of {string.Join(", ", ConfidenceNames.Keys)}; it was '{confidenceText}'.");
            var settings = new ImportCommandSettings(importFormat,
                new ImportSettings { Provider = parse.GetValue(provider)!, AsOf = ParseDate(asOfText, "--as-of"), Source = parse.GetValue(source)!, Confidence = level, ProviderName = parse.GetValue(providerName) },
                parse.GetValue(files)!, parse.GetValue(output)!, parse.GetValue(standalone));
            var baseCatalog = CloudCatalog.Default;
            baseCatalog = MergeCatalogFiles(baseCatalog, parse);
            var result = RunImport(settings, baseCatalog);
            foreach (var row in result.Unmapped)
            {
                context.Error.WriteLine("cloudecon: not imported: " + row);
            }
            if (parse.GetValue(Format) == OutputFormat.Json)
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

    /// <summary>Imports the files, writes the catalog file and checks that it merges over the base catalog.</summary>
    internal static ImportCommandResult RunImport(ImportCommandSettings settings, CloudCatalog baseCatalog)
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
        return new ImportCommandResult(result.Provider.Id, settings.Format.ToString(), settings.Out.FullName, result.Instances.Count, result.Offers.Count,
            result.Provider.Regions.Select(r => r.Id).ToArray(), result.RowsRead, result.Unmapped);
    }
}
