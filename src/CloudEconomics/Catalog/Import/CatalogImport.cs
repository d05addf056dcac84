using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace CloudEconomics.Catalog.Import;

/// <summary>The price-file formats <see cref="CatalogImporter"/> reads.</summary>
public enum ImportFormat
{
    /// <summary>SkyPilot's catalog CSV (<c>catalogs/v*/&lt;cloud&gt;/vms.csv</c> in skypilot-org/skypilot-catalog): on-demand and spot prices per region (and availability zone).</summary>
    SkyPilot = 0,

    /// <summary>The AWS Price List bulk offer file for Amazon EC2 (JSON: <c>products</c>, <c>terms.OnDemand</c>, <c>terms.Reserved</c>).</summary>
    AwsPriceList = 1,

    /// <summary>Azure Retail Prices API pages (JSON with an <c>Items</c> array: consumption, spot and reservation items).</summary>
    AzureRetail = 2,
}

/// <summary>What an import needs besides the file: whose prices, as of when, from where, how trusted.</summary>
public sealed record ImportSettings
{
    /// <summary>The provider id the rows belong to, such as <c>"aws"</c> or <c>"lambda"</c> (lower case, digits and '-').</summary>
    public required string Provider { get; init; }

    /// <summary>The date the file was published or read: every offer's as-of date and the start of its validity (its first evidence).</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Where the file comes from: a URL or a repository path at a commit, kept on every figure.</summary>
    public required string Source { get; init; }

    /// <summary>The confidence of every imported figure; <see cref="Confidence.Vendor"/> for a provider's own price file, <see cref="Confidence.CuratedDataset"/> for SkyPilot.</summary>
    public Confidence Confidence { get; init; } = Confidence.Vendor;

    /// <summary>The display name of the provider when it is new to the catalog (default: the id).</summary>
    public string? ProviderName { get; init; }

    /// <summary>The table that maps accelerator names and instance families to catalog accelerators (default: <see cref="AcceleratorNameMap.Default"/>).</summary>
    public AcceleratorNameMap? Map { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">The provider id or source is blank or the provider id has characters other than a-z, 0-9 and '-'.</exception>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Provider) || !Provider.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
        {
            throw new ArgumentException($"The provider id must be lower-case letters, digits and '-', such as 'aws' or 'lambda'; it was '{Provider}'.", nameof(Provider));
        }
        if (string.IsNullOrWhiteSpace(Source))
        {
            throw new ArgumentException("An import needs a source (a URL or a repository path at a commit); it was blank.", nameof(Source));
        }
    }
}

/// <summary>A row of the price file that was not imported, and why (an unknown accelerator name is reported, never guessed).</summary>
/// <param name="Line">The 1-based line (CSV) or item number (JSON) of the row.</param>
/// <param name="Key">What the row names: the instance type and accelerator name, or the SKU.</param>
/// <param name="Reason">Why it was not imported.</param>
public sealed record UnmappedRow(long Line, string Key, string Reason)
{
    /// <summary>Invariant text: <c>"line 12: gpu_1x_gh200 (GH200): no catalog accelerator is mapped to the name 'GH200'"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Key}: {Reason}");
}

/// <summary>
/// The records read from a price file: a provider, instance types and dated offers, in the catalog file format, plus
/// the rows that could not be mapped. <see cref="WriteJson"/> writes a catalog document that
/// <see cref="CloudCatalog.MergeWith(Stream, string)"/> (the CLI's <c>--catalog</c>) merges over the defaults.
/// </summary>
public sealed class CatalogImportResult
{
    internal CatalogImportResult(Provider provider, IReadOnlyList<InstanceType> instances, IReadOnlyList<PriceOffer> offers, IReadOnlyList<UnmappedRow> unmapped, long rowsRead)
    {
        Provider = provider;
        Instances = instances;
        Offers = offers;
        Unmapped = unmapped;
        RowsRead = rowsRead;
    }

    /// <summary>The provider, with the regions the offers use.</summary>
    public Provider Provider { get; }

    /// <summary>The instance types the offers price, in order of first appearance.</summary>
    public IReadOnlyList<InstanceType> Instances { get; }

    /// <summary>The offers: one per instance, region and purchase option, valid from the import's as-of date.</summary>
    public IReadOnlyList<PriceOffer> Offers { get; }

    /// <summary>Rows with an accelerator that could not be imported (unknown name, fractional count, no price), with the reason.</summary>
    public IReadOnlyList<UnmappedRow> Unmapped { get; }

    /// <summary>The rows (CSV lines, products or items) read.</summary>
    public long RowsRead { get; }

    /// <summary>
    /// Writes the records as one catalog document (indented UTF-8 JSON in the file format). Instances and the provider
    /// already in <paramref name="existing"/> are left out (the offers refer to them), so merging the document does not
    /// replace curated records; pass null to write every record (a self-contained file).
    /// </summary>
    /// <param name="utf8Json">The stream to write to; not closed.</param>
    /// <param name="existing">The catalog the document will be merged over, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public void WriteJson(Stream utf8Json, CloudCatalog? existing = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("$schema", "./catalog.schema.json");
        writer.WriteNumber("formatVersion", CloudCatalog.FormatVersion);
        writer.WritePropertyName("providers");
        JsonSerializer.Serialize(writer, existing?.FindProvider(Provider.Id) is null ? [Provider] : Array.Empty<Provider>(), CatalogReader.Options);
        writer.WritePropertyName("instances");
        JsonSerializer.Serialize(writer, Instances.Where(i => existing?.FindInstance(i.Id) is not { } known || known.Id != i.Id).ToArray(), CatalogReader.Options);
        writer.WritePropertyName("offers");
        JsonSerializer.Serialize(writer, Offers, CatalogReader.Options);
        writer.WriteEndObject();
    }

    /// <summary>Counts: <c>"lambda: 12 instances, 30 offers in 9 regions, 3 rows unmapped (1,204 rows read)"</c>.</summary>
    /// <returns>Invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Provider.Id}: {Instances.Count} instances, {Offers.Count} offers in {Provider.Regions.Count} regions, {Unmapped.Count} rows unmapped ({RowsRead:N0} rows read)");
}

/// <summary>
/// Reads a provider's price file into catalog records (<see cref="CatalogImportResult"/>). Every reader streams: memory
/// is bounded by the number of distinct accelerator instances and regions kept, not by the file's size.
/// </summary>
public static class CatalogImporter
{
    /// <summary>Imports one price file.</summary>
    /// <param name="format">The file's format.</param>
    /// <param name="file">The file (UTF-8); read to its end, not closed.</param>
    /// <param name="settings">Provider, as-of date, source and confidence.</param>
    /// <returns>The records and the unmapped rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="FormatException">The file is not in the format (a missing column, malformed JSON, a price that is not a number); the message names the line or item.</exception>
    public static CatalogImportResult Import(ImportFormat format, Stream file, ImportSettings settings) => Import(format, [file], settings);

    /// <summary>Imports several files of one format and provider as one result (such as the pages of an Azure Retail Prices query).</summary>
    /// <param name="format">The files' format.</param>
    /// <param name="files">The files (UTF-8); each read to its end, not closed.</param>
    /// <param name="settings">Provider, as-of date, source and confidence.</param>
    /// <returns>The records and the unmapped rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> or <paramref name="settings"/> is null, or a file is null.</exception>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="FormatException">A file is not in the format; the message names the line or item.</exception>
    public static CatalogImportResult Import(ImportFormat format, IEnumerable<Stream> files, ImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var builder = new ImportBuilder(settings);
        foreach (var file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            switch (format)
            {
                case ImportFormat.SkyPilot:
                    SkyPilotCsvReader.Read(file, builder);
                    break;
                case ImportFormat.AwsPriceList:
                    AwsPriceListReader.Read(file, builder);
                    break;
                case ImportFormat.AzureRetail:
                    AzureRetailReader.Read(file, builder);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "The format must be SkyPilot, AwsPriceList or AzureRetail.");
            }
        }
        return builder.Build();
    }
}
