using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudEconomics.Catalog;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Inference;

/// <summary>
/// A set of published throughput measurements (<see cref="ThroughputMeasurement"/>): the embedded
/// <c>seeds/measurements/*.json</c> (<see cref="Default"/>) or a user's files. Immutable; ids are unique.
/// </summary>
/// <remarks>
/// Loading checks every row against the format's rules (required fields, a known model and accelerator, a positive
/// throughput, tensor x pipeline parallelism dividing the chip count, unique ids) and throws one
/// <see cref="DataLoadException"/> listing every problem; nothing is half-loaded. Inputs are capped at 16 MiB
/// and 64 levels of JSON nesting, checked before parsing.
/// </remarks>
public sealed class ThroughputMeasurements : IReadOnlyList<ThroughputMeasurement>
{
    private const string ResourcePrefix = "CloudEconomics.Seeds.measurements.";
    private static readonly Lazy<ThroughputMeasurements> DefaultSet = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Regex IdPattern = new("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant);
    private readonly ThroughputMeasurement[] items;

    private ThroughputMeasurements(ThroughputMeasurement[] items, IReadOnlyList<string> sources)
    {
        this.items = items;
        Sources = sources;
    }

    /// <summary>The embedded measurements (<c>seeds/measurements/*.json</c>), checked against <see cref="ModelLibrary.Default"/> and <see cref="CloudCatalog.Default"/>.</summary>
    /// <exception cref="DataLoadException">An embedded file breaks a rule (a packaging defect).</exception>
    public static ThroughputMeasurements Default => DefaultSet.Value;

    /// <summary>The files or resources the set came from, in load order.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Distinct publishers, ordered.</summary>
    public IReadOnlyList<string> Publishers => items.Select(m => m.Publisher).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Number of measurements.</summary>
    public int Count => items.Length;

    /// <summary>The measurement at an index (file order, then row order).</summary>
    /// <param name="index">The index.</param>
    /// <returns>The measurement.</returns>
    public ThroughputMeasurement this[int index] => items[index];

    /// <summary>Loads one measurement file.</summary>
    /// <param name="json">The stream (the format of <c>seeds/measurements/*.json</c>).</param>
    /// <param name="sourceName">The name to report in errors.</param>
    /// <param name="models">Known models; null for <see cref="ModelLibrary.Default"/>.</param>
    /// <param name="catalog">Known accelerators; null for <see cref="CloudCatalog.Default"/>.</param>
    /// <returns>The measurements.</returns>
    /// <exception cref="DataLoadException">The file is too large or too deep, not JSON, or rows break rules (every problem listed).</exception>
    public static ThroughputMeasurements Load(Stream json, string sourceName, ModelLibrary? models = null, CloudCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return LoadMany([(json, sourceName)], models, catalog);
    }

    /// <summary>Loads several measurement files as one set (ids unique across all of them).</summary>
    /// <param name="files">Streams with their names.</param>
    /// <param name="models">Known models; null for <see cref="ModelLibrary.Default"/>.</param>
    /// <param name="catalog">Known accelerators; null for <see cref="CloudCatalog.Default"/>.</param>
    /// <returns>The measurements.</returns>
    /// <exception cref="DataLoadException">Any file or row breaks a rule (every problem in every file listed).</exception>
    public static ThroughputMeasurements LoadMany(IEnumerable<(Stream Json, string SourceName)> files, ModelLibrary? models = null, CloudCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        models ??= ModelLibrary.Default;
        catalog ??= CloudCatalog.Default;
        var problems = new List<DataLoadProblem>();
        var all = new List<ThroughputMeasurement>();
        var names = new List<string>();
        foreach (var (stream, name) in files)
        {
            ArgumentNullException.ThrowIfNull(stream);
            names.Add(name);
            ParseFile(stream, name, models, catalog, all, problems);
        }
        foreach (var group in all.GroupBy(m => m.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(Problem(string.Join(", ", names), null, group.Key, "id", $"Measurement ids must be unique; '{group.Key}' appears {group.Count()} times."));
        }
        if (problems.Count > 0)
        {
            throw new DataLoadException(problems);
        }
        return new ThroughputMeasurements(all.ToArray(), names);
    }

    /// <summary>A set from measurements built in code (ids must be unique).</summary>
    /// <param name="measurements">The measurements.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">Two measurements share an id (names it).</exception>
    public static ThroughputMeasurements From(IEnumerable<ThroughputMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var array = measurements.ToArray();
        foreach (var m in array)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(measurements));
        }
        if (array.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new ArgumentException($"Measurement ids must be unique; '{dup.Key}' appears {dup.Count()} times.", nameof(measurements));
        }
        return new ThroughputMeasurements(array, ["<code>"]);
    }

    /// <inheritdoc />
    public IEnumerator<ThroughputMeasurement> GetEnumerator() => ((IEnumerable<ThroughputMeasurement>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>Invariant text such as <c>"120 measurements from 5 publishers"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Count} measurements from {Publishers.Count} publishers ({string.Join(", ", Publishers)})");

    private static ThroughputMeasurements LoadEmbedded()
    {
        var assembly = typeof(ThroughputMeasurements).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var streams = names.Select(n => (assembly.GetManifestResourceStream(n)!, n)).ToList();
        try
        {
            return LoadMany(streams);
        }
        finally
        {
            foreach (var (s, _) in streams)
            {
                s.Dispose();
            }
        }
    }

    /// <summary>A problem of a measurement file: path <c>$.measurements[row].field</c> (or <c>$.field</c> for a file-level one).</summary>
    private static DataLoadProblem Problem(string file, int? row, string? id, string field, string rule)
        => new(file, row is { } r ? string.Create(CultureInfo.InvariantCulture, $"$.measurements[{r}]{(field == "$" ? "" : "." + field)}") : field.StartsWith('$') ? field : "$." + field, id, null, rule);

    private static void ParseFile(Stream stream, string file, ModelLibrary models, CloudCatalog catalog, List<ThroughputMeasurement> output, List<DataLoadProblem> problems)
    {
        byte[] bytes = BoundedJsonInput.Read(stream, file);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = BoundedJsonInput.MaxDepth });
        }
        catch (JsonException e)
        {
            problems.Add(Problem(file, null, null, e.Path ?? "$", "The file must be valid JSON: " + e.Message));
            return;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(Problem(file, null, null, "$", "The file must be a JSON object with 'formatVersion', 'publisher' and 'measurements'."));
                return;
            }
            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v != 1)
            {
                problems.Add(Problem(file, null, null, "formatVersion", "'formatVersion' must be 1."));
            }
            string? publisher = root.TryGetProperty("publisher", out var pub) && pub.ValueKind == JsonValueKind.String ? pub.GetString() : null;
            if (string.IsNullOrWhiteSpace(publisher))
            {
                problems.Add(Problem(file, null, null, "publisher", "'publisher' is required and must be a non-empty string."));
            }
            if (!root.TryGetProperty("measurements", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                problems.Add(Problem(file, null, null, "measurements", "'measurements' is required and must be an array."));
                return;
            }
            int index = 0;
            foreach (var row in rows.EnumerateArray())
            {
                var m = ParseRow(row, file, index++, publisher ?? "", models, catalog, problems);
                if (m is not null)
                {
                    output.Add(m);
                }
            }
        }
    }

    private static ThroughputMeasurement? ParseRow(JsonElement e, string file, int row, string publisher, ModelLibrary models, CloudCatalog catalog, List<DataLoadProblem> problems)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem(file, row, null, "$", "A measurement must be a JSON object."));
            return null;
        }
        int before = problems.Count;
        string? id = e.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString() : null;
        void Fail(string field, string rule) => problems.Add(Problem(file, row, id, field, rule));
        if (string.IsNullOrEmpty(id) || !IdPattern.IsMatch(id))
        {
            Fail("id", $"'id' is required: lowercase letters, digits, dots and hyphens{(id is null ? "" : $"; it was '{id}'")}.");
        }

        bool Present(string name, out JsonElement value)
        {
            if (!e.TryGetProperty(name, out value))
            {
                Fail(name, $"'{name}' is required (use null where the format allows unknown).");
                return false;
            }
            return true;
        }
        string? Str(string name, bool nullable)
        {
            if (!Present(name, out var value))
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Null && nullable)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Fail(name, $"'{name}' must be a non-empty string{(nullable ? " or null" : "")}.");
                return null;
            }
            return value.GetString();
        }
        int? Int(string name, bool nullable, int min)
        {
            if (!Present(name, out var value))
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Null && nullable)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int i) || i < min)
            {
                Fail(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number of at least {min}{(nullable ? " or null" : "")}; it was {value.GetRawText()}."));
                return null;
            }
            return i;
        }
        double? Positive(string name, bool nullable)
        {
            if (!Present(name, out var value))
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Null && nullable)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double d) || !double.IsFinite(d) || d <= 0)
            {
                Fail(name, $"'{name}' must be a number greater than zero{(nullable ? " or null" : "")}; it was {value.GetRawText()}.");
                return null;
            }
            return d;
        }
        NumericPrecision? Precision(string name, bool nullable)
        {
            string? text = Str(name, nullable);
            if (text is null)
            {
                return null;
            }
            if (!Enum.TryParse<NumericPrecision>(text, ignoreCase: true, out var p) || !Enum.IsDefined(p) || int.TryParse(text, out _))
            {
                Fail(name, $"'{name}' must be one of {string.Join(", ", Enum.GetNames<NumericPrecision>().Select(n => n.ToLowerInvariant()))}; it was '{text}'.");
                return null;
            }
            return p;
        }

        string? model = Str("model", false);
        if (model is not null && !models.TryGet(model, out _))
        {
            Fail("model", $"'model' must be a model library id ({string.Join(", ", models.Models.Select(x => x.Id))}); it was '{model}'.");
        }
        string? accelerator = Str("accelerator", false);
        if (accelerator is not null && catalog.FindAccelerator(accelerator) is null)
        {
            Fail("accelerator", $"'accelerator' must be a catalog accelerator id; it was '{accelerator}'.");
        }
        int? chips = Int("chips", false, 1);
        int? tp = Int("tensorParallel", false, 1);
        int? pp = Int("pipelineParallel", false, 1);
        if (chips is { } c && tp is { } t && pp is { } p2 && c % (t * p2) != 0)
        {
            Fail("tensorParallel", string.Create(CultureInfo.InvariantCulture, $"Tensor x pipeline parallelism must divide the chip count; {c} chips is not a multiple of {t} x {p2}."));
        }
        var precision = Precision("precision", false);
        var kvPrecision = Precision("kvCachePrecision", true);
        bool weightOnly = false;
        if (Present("weightOnlyQuantization", out var wo))
        {
            if (wo.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                weightOnly = wo.GetBoolean();
            }
            else
            {
                Fail("weightOnlyQuantization", "'weightOnlyQuantization' must be true or false.");
            }
        }
        string? engine = Str("engine", false);
        string? engineVersion = Str("engineVersion", true);
        int? prompt = Int("promptTokens", false, 1);
        int? output = Int("outputTokens", false, 1);
        MeasurementMode? mode = null;
        string? modeText = Str("mode", false);
        if (modeText is not null)
        {
            mode = modeText switch
            {
                "offline" => MeasurementMode.Offline,
                "concurrency" => MeasurementMode.Concurrency,
                _ => null,
            };
            if (mode is null)
            {
                Fail("mode", $"'mode' must be \"offline\" or \"concurrency\"; it was '{modeText}'.");
            }
        }
        int? concurrency = Int("concurrency", true, 1);
        if (mode == MeasurementMode.Concurrency && concurrency is null && !problems.Skip(before).Any(x => x.Path.EndsWith(".concurrency", StringComparison.Ordinal)))
        {
            Fail("concurrency", "'concurrency' is required (at least 1) when 'mode' is \"concurrency\".");
        }
        double? throughput = Positive("outputTokensPerSecond", false);
        string? reportedMetric = null;
        double? reportedValue = null;
        if (Present("reported", out var reported))
        {
            if (reported.ValueKind != JsonValueKind.Object
                || !reported.TryGetProperty("metric", out var metric) || metric.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(metric.GetString())
                || !reported.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double rv) || !double.IsFinite(rv))
            {
                Fail("reported", "'reported' must be an object with a non-empty string 'metric' and a number 'value'.");
            }
            else
            {
                reportedMetric = metric.GetString();
                reportedValue = rv;
            }
        }
        double? ttft = Positive("timeToFirstTokenMs", true);
        double? tpot = Positive("timePerOutputTokenMs", true);
        string? source = Str("source", false);
        LocalDate? asOf = null;
        string? asOfText = Str("asOf", false);
        if (asOfText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (parsed.Success)
            {
                asOf = parsed.Value;
            }
            else
            {
                Fail("asOf", $"'asOf' must be an ISO date (yyyy-MM-dd); it was '{asOfText}'.");
            }
        }
        string? note = null;
        if (e.TryGetProperty("note", out var noteEl) && noteEl.ValueKind != JsonValueKind.Null)
        {
            if (noteEl.ValueKind == JsonValueKind.String)
            {
                note = noteEl.GetString();
            }
            else
            {
                Fail("note", "'note' must be a string or null when present.");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }
        return new ThroughputMeasurement
        {
            Id = id!, Publisher = publisher, Model = model!, Accelerator = accelerator!, Chips = chips!.Value, TensorParallel = tp!.Value,
            PipelineParallel = pp!.Value, Precision = precision!.Value, KvCachePrecision = kvPrecision, WeightOnlyQuantization = weightOnly,
            Engine = engine!, EngineVersion = engineVersion, PromptTokens = TokenCount.FromTokens(prompt!.Value), OutputTokens = TokenCount.FromTokens(output!.Value), Mode = mode!.Value,
            Concurrency = concurrency, OutputThroughput = TokenRate.FromTokensPerSecond(throughput!.Value), ReportedMetric = reportedMetric!,
            ReportedValue = reportedValue!.Value, TimeToFirstTokenMilliseconds = ttft, TimePerOutputTokenMilliseconds = tpot, Source = source!,
            AsOf = asOf!.Value, Note = note,
        };
    }
}
