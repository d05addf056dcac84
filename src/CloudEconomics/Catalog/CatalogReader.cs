using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudEconomics.Catalog.Validation;
using CloudEconomics.Utility;
using FluentValidation;
using FluentValidation.Results;

namespace CloudEconomics.Catalog;

/// <summary>
/// The records of one catalog section gathered from one or more sources, with where each came from (file and JSON path,
/// for problem reports): the origins are kept per run of consecutive records from one file and section, not per record,
/// and a record's path text is made only when a problem names it.
/// </summary>
internal sealed class SectionRecords<T>
{
    private readonly List<T> records = [];
    private readonly List<Origin> origins = [];

    /// <summary>The records, in the order they were added.</summary>
    internal IReadOnlyList<T> Records => records;

    internal int Count => records.Count;

    internal T this[int index] => records[index];

    /// <summary>Adds a record found at <c>section[index]</c> of <paramref name="file"/>.</summary>
    internal void Add(T record, string file, string section, int index)
    {
        if (origins.Count == 0 || !origins[^1].Continues(records.Count, file, section, index))
        {
            origins.Add(new Origin(records.Count, file, section, index));
        }
        records.Add(record);
    }

    /// <summary>Adds every record of <paramref name="other"/> with its origin.</summary>
    internal void AddRange(SectionRecords<T> other)
    {
        foreach (var origin in other.origins)
        {
            origins.Add(new Origin(records.Count + origin.Start, origin.File, origin.Section, origin.FirstIndex));
        }
        records.AddRange(other.records);
    }

    /// <summary>Removes the records added after the first <paramref name="count"/> (a reader that gives up undoing its work).</summary>
    internal void Truncate(int count)
    {
        records.RemoveRange(count, records.Count - count);
        while (origins.Count > 0 && origins[^1].Start >= count)
        {
            origins.RemoveAt(origins.Count - 1);
        }
    }

    /// <summary>The file the record at <paramref name="position"/> came from.</summary>
    internal string FileOf(int position) => OriginOf(position).File;

    /// <summary>The record's JSON path in its file, such as <c>$.offers[3]</c>.</summary>
    internal string PathOf(int position)
    {
        var origin = OriginOf(position);
        return string.Create(CultureInfo.InvariantCulture, $"{origin.Section}[{origin.FirstIndex + position - origin.Start}]");
    }

    private Origin OriginOf(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, records.Count);
        var low = 0;
        var high = origins.Count - 1;
        while (low < high) // the last origin starting at or before the position
        {
            var middle = (low + high + 1) / 2;
            if (origins[middle].Start <= position)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return origins[low];
    }

    /// <summary>Records from <c>Start</c> on came from <c>Section[FirstIndex]</c>, <c>[FirstIndex + 1]</c>, ... of <c>File</c>.</summary>
    private sealed class Origin(int start, string file, string section, int firstIndex)
    {
        internal int Start { get; } = start;

        internal string File { get; } = file;

        internal string Section { get; } = section;

        internal int FirstIndex { get; } = firstIndex;

        internal bool Continues(int position, string file, string section, int index)
            => index == FirstIndex + (position - Start) && string.Equals(file, File, StringComparison.Ordinal) && string.Equals(section, Section, StringComparison.Ordinal);
    }
}

/// <summary>Everything read from one or more files, with the problems found so far.</summary>
internal sealed class CatalogParts
{
    internal SectionRecords<Provider> Providers { get; } = new();
    internal SectionRecords<Accelerator> Accelerators { get; } = new();
    internal SectionRecords<InstanceType> Instances { get; } = new();
    internal SectionRecords<PriceOffer> Offers { get; } = new();
    internal List<DataLoadProblem> Problems { get; } = [];
}

/// <summary>Reads catalog documents: size and depth caps, then record by record with every problem collected.</summary>
internal static class CatalogReader
{
    // The public validators report problems; they are built only when a plain check (CatalogChecks) fails, because
    // building and first running them costs hundreds of milliseconds of start-up.
    private static readonly Lazy<ProviderValidator> ProviderRules = new(() => new ProviderValidator());
    private static readonly Lazy<AcceleratorValidator> AcceleratorRules = new(() => new AcceleratorValidator());
    private static readonly Lazy<InstanceTypeValidator> InstanceRules = new(() => new InstanceTypeValidator());
    private static readonly Lazy<PriceOfferValidator> OfferRules = new(() => new PriceOfferValidator());

    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(CreateOptions);

    /// <summary>The serializer options for writing catalogs (and for users' converters); built on first use, not on the load path.</summary>
    internal static JsonSerializerOptions Options => LazyOptions.Value;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = CloudEconomicsJson.CreateDocumentOptions();
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = CloudCatalog.MaxDepth + 8;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // files, not HTML: keep ' and non-ASCII readable
        // Explicit, so the catalog also loads where reflection-based serialization is off by default
        // (.NET 10 file-based apps and other PublishAot/trimmed hosts set JsonSerializerIsReflectionEnabledByDefault=false).
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Reads a stream fully through <see cref="BoundedInput"/> (at most <see cref="CloudCatalog.MaxDocumentBytes"/> bytes
    /// of text, into a pooled buffer returned afterwards), then its records into <paramref name="parts"/>.
    /// </summary>
    internal static void ReadStream(Stream stream, string file, CatalogParts parts)
    {
        byte[] buffer;
        int length;
        try
        {
            buffer = BoundedInput.ReadPooled(stream, file, CloudCatalog.MaxDocumentBytes, out length);
        }
        catch (DataLoadException e)
        {
            parts.Problems.AddRange(e.Problems);
            return;
        }
        try
        {
            Read(buffer.AsMemory(0, length), file, parts);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one document into <paramref name="parts"/>, adding a problem for everything wrong.</summary>
    internal static void Read(ReadOnlyMemory<byte> utf8, string file, CatalogParts parts)
    {
        // One Utf8JsonReader pass for a clean document; anything it does not accept is read again below, which reports it.
        if (Serialization.CatalogFastReader.TryRead(utf8, file, parts))
        {
            return;
        }
        ReadWithDocument(utf8, file, parts);
    }

    /// <summary>The element walk: reads any document, adding a problem for everything wrong (internal for the test that compares it with the fast path).</summary>
    internal static void ReadWithDocument(ReadOnlyMemory<byte> utf8, string file, CatalogParts parts)
    {
        if (!CheckDepth(utf8.Span, file, parts.Problems))
        {
            return;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = CloudCatalog.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            parts.Problems.Add(new DataLoadProblem(file, e.Path ?? "$", null, "MalformedJson", e.Message));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                parts.Problems.Add(new DataLoadProblem(file, "$", null, "NotAnObject", "A catalog document must be a JSON object with providers, accelerators, instances and/or offers arrays."));
                return;
            }
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "$schema":
                        break;
                    case "formatVersion":
                        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var version) || version != CloudCatalog.FormatVersion)
                        {
                            parts.Problems.Add(new DataLoadProblem(file, "$.formatVersion", null, "UnsupportedFormatVersion",
                                string.Create(CultureInfo.InvariantCulture, $"formatVersion must be {CloudCatalog.FormatVersion}; it was {property.Value.GetRawText()}.")));
                        }
                        break;
                    case "providers":
                        ReadSection(property, file, parts.Providers, Serialization.CatalogJsonReader.ReadProvider, CatalogChecks.IsValid, ProviderRules, parts.Problems);
                        break;
                    case "accelerators":
                        ReadSection(property, file, parts.Accelerators, Serialization.CatalogJsonReader.ReadAccelerator, CatalogChecks.IsValid, AcceleratorRules, parts.Problems);
                        break;
                    case "instances":
                        ReadSection(property, file, parts.Instances, Serialization.CatalogJsonReader.ReadInstance, CatalogChecks.IsValid, InstanceRules, parts.Problems);
                        break;
                    case "offers":
                        ReadSection(property, file, parts.Offers, Serialization.CatalogJsonReader.ReadOffer, CatalogChecks.IsValid, OfferRules, parts.Problems);
                        break;
                    default:
                        parts.Problems.Add(new DataLoadProblem(file, "$." + property.Name, null, "UnknownSection",
                            $"\"{property.Name}\" is not a catalog section; allowed: $schema, formatVersion, providers, accelerators, instances, offers."));
                        break;
                }
            }
        }
    }

    private static bool CheckDepth(ReadOnlySpan<byte> utf8, string file, List<DataLoadProblem> problems)
    {
        try
        {
            BoundedInput.CheckJson(utf8, file, CloudCatalog.MaxDepth);
            return true;
        }
        catch (DataLoadException e)
        {
            problems.AddRange(e.Problems);
            return false;
        }
        catch (JsonException e)
        {
            problems.Add(new DataLoadProblem(file, "$", null, "MalformedJson", e.Message));
            return false;
        }
    }

    private static void ReadSection<T, TValidator>(JsonProperty section, string file, SectionRecords<T> into, Func<JsonElement, T> read, Func<T, bool> check, Lazy<TValidator> validator, List<DataLoadProblem> problems)
        where T : class where TValidator : IValidator<T>
    {
        var sectionPath = "$." + section.Name;
        if (section.Value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new DataLoadProblem(file, sectionPath, null, "NotAnArray", $"\"{section.Name}\" must be a JSON array of records."));
            return;
        }
        var index = -1;
        foreach (var element in section.Value.EnumerateArray())
        {
            index++;
            var path = string.Create(CultureInfo.InvariantCulture, $"{sectionPath}[{index}]");
            var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            T? record;
            try
            {
                record = element.ValueKind == JsonValueKind.Null ? null : read(element);
            }
            catch (JsonException e)
            {
                problems.Add(new DataLoadProblem(file, Combine(path, e.Path), id, "InvalidJson", StripPathSuffix(e.Message)));
                continue;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException or NotSupportedException)
            {
                problems.Add(new DataLoadProblem(file, path, id, "InvalidJson", e.Message));
                continue;
            }
            if (record is null)
            {
                problems.Add(new DataLoadProblem(file, path, id, "NullRecord", "A record must be a JSON object, not null."));
                continue;
            }
            if (!check(record))
            {
                var result = validator.Value.Validate(record);
                foreach (var failure in result.Errors)
                {
                    problems.Add(ToProblem(file, path, id, failure));
                }
                if (!result.IsValid)
                {
                    continue;
                }
            }
            into.Add(record, file, sectionPath, index);
        }
    }

    internal static DataLoadProblem ToProblem(string file, string recordPath, string? id, ValidationFailure failure)
        => new(file, Combine(recordPath, ToJsonPath(failure.PropertyName)), id, string.IsNullOrEmpty(failure.ErrorCode) ? "Invalid" : Simplify(failure.ErrorCode), failure.ErrorMessage);

    private static string Simplify(string code) => code.EndsWith("Validator", StringComparison.Ordinal) ? code[..^"Validator".Length] : code;

    private static string Combine(string recordPath, string? inner)
    {
        if (string.IsNullOrEmpty(inner) || inner == "$")
        {
            return recordPath;
        }
        return inner.StartsWith('$') ? recordPath + inner[1..] : recordPath + "." + inner;
    }

    private static string StripPathSuffix(string message)
    {
        var at = message.IndexOf(" Path: $", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["MemoryCapacityFigure"] = "memoryCapacity",
        ["MemoryBandwidthFigure"] = "memoryBandwidth",
        ["ThermalDesignPowerFigure"] = "thermalDesignPower",
        ["PeakDenseCompute"] = "peakDense",
        ["PeakSparseCompute"] = "peakSparse",
    };

    /// <summary>FluentValidation property path (<c>HourlyPrice.Provenance.Source</c>) to JSON (<c>hourlyPrice.source</c>).</summary>
    internal static string ToJsonPath(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "";
        }
        var segments = new List<string>();
        foreach (var raw in propertyName.Split('.'))
        {
            if (raw is "Provenance" or "Value" || raw.Length == 0)
            {
                continue;
            }
            var bracket = raw.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? raw[..bracket] : raw;
            var suffix = bracket >= 0 ? raw[bracket..] : "";
            segments.Add((Renames.TryGetValue(name, out var renamed) ? renamed : char.ToLowerInvariant(name[0]) + name[1..]) + suffix);
        }
        return string.Join('.', segments);
    }
}
