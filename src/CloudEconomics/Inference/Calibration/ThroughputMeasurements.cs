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
            problems.Add(Problem(string.Join(", ", names), null, group.Key, "id", "DuplicateId", $"Measurement ids must be unique; '{group.Key}' appears {group.Count()} times."));
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
    private static DataLoadProblem Problem(string file, int? row, string? id, string field, string rule, string message)
        => new(file, row is { } r ? string.Create(CultureInfo.InvariantCulture, $"$.measurements[{r}]{(field == "$" ? "" : "." + field)}") : field.StartsWith('$') ? field : "$." + field, id, rule, message);

    // One loader style for every embedded file: bounded read -> deserialise into the DTOs below -> check every row,
    // collecting every problem -> one DataLoadException listing them (thrown by LoadMany).
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = Utility.BoundedInput.MaxDepth,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static void ParseFile(Stream stream, string file, ModelLibrary models, CloudCatalog catalog, List<ThroughputMeasurement> output, List<DataLoadProblem> problems)
    {
        // At most 16 MiB of UTF-8 text, nested at most 64 deep, checked before parsing (Utility/BoundedInput).
        byte[] bytes = BoundedJsonInput.Read(stream, file);
        JsonField<FileJson> parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<JsonField<FileJson>>(bytes, ReadOptions);
        }
        catch (JsonException e)
        {
            problems.Add(Problem(file, null, null, e.Path ?? "$", "InvalidJson", "The file must be valid JSON: " + e.Message));
            return;
        }
        if (!parsed.IsValid)
        {
            problems.Add(Problem(file, null, null, "$", "NotAnObject", "The file must be a JSON object with 'formatVersion', 'publisher' and 'measurements'."));
            return;
        }
        var root = parsed.Value;
        if (!root.FormatVersion.IsValid || root.FormatVersion.Value != 1)
        {
            problems.Add(Problem(file, null, null, "formatVersion", "UnsupportedVersion", "'formatVersion' must be 1."));
        }
        string? publisher = root.Publisher.IsValid ? root.Publisher.Value : null;
        if (string.IsNullOrWhiteSpace(publisher))
        {
            problems.Add(Problem(file, null, null, "publisher", "Required", "'publisher' is required and must be a non-empty string."));
        }
        if (!root.Measurements.IsValid)
        {
            problems.Add(Problem(file, null, null, "measurements", "Required", "'measurements' is required and must be an array."));
            return;
        }
        for (int index = 0; index < root.Measurements.Value.Count; index++)
        {
            var m = CheckRow(root.Measurements.Value[index], file, index, publisher ?? "", models, catalog, problems);
            if (m is not null)
            {
                output.Add(m);
            }
        }
    }

    private static ThroughputMeasurement? CheckRow(JsonField<RowJson> field, string file, int row, string publisher, ModelLibrary models, CloudCatalog catalog, List<DataLoadProblem> problems)
    {
        if (!field.IsValid)
        {
            problems.Add(Problem(file, row, null, "$", "NotAnObject", "A measurement must be a JSON object."));
            return null;
        }
        var r = field.Value;
        int before = problems.Count;
        string? id = r.Id.IsValid ? r.Id.Value : null;
        void Fail(string name, string rule, string message) => problems.Add(Problem(file, row, id, name, rule, message));
        if (string.IsNullOrEmpty(id) || !IdPattern.IsMatch(id))
        {
            Fail("id", "InvalidId", $"'id' is required: lowercase letters, digits, dots and hyphens{(id is null ? "" : $"; it was '{id}'")}.");
        }

        bool Present<T>(JsonField<T> value, string name)
        {
            if (!value.Present)
            {
                Fail(name, "Required", $"'{name}' is required (use null where the format allows unknown).");
                return false;
            }
            return true;
        }
        string? Str(JsonField<string> value, string name, bool nullable)
        {
            if (!Present(value, name) || (value.State == JsonFieldState.Null && nullable))
            {
                return null;
            }
            if (!value.IsValid || string.IsNullOrWhiteSpace(value.Value))
            {
                Fail(name, "NotAString", $"'{name}' must be a non-empty string{(nullable ? " or null" : "")}.");
                return null;
            }
            return value.Value;
        }
        int? Int(JsonField<int> value, string name, bool nullable, int min)
        {
            if (!Present(value, name) || (value.State == JsonFieldState.Null && nullable))
            {
                return null;
            }
            if (!value.IsValid || value.Value < min)
            {
                Fail(name, "NotAWholeNumber", string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number of at least {min}{(nullable ? " or null" : "")}; it was {value.Raw}."));
                return null;
            }
            return value.Value;
        }
        double? Positive(JsonField<double> value, string name, bool nullable)
        {
            if (!Present(value, name) || (value.State == JsonFieldState.Null && nullable))
            {
                return null;
            }
            if (!value.IsValid || !double.IsFinite(value.Value) || value.Value <= 0)
            {
                Fail(name, "NotPositive", $"'{name}' must be a number greater than zero{(nullable ? " or null" : "")}; it was {value.Raw}.");
                return null;
            }
            return value.Value;
        }
        NumericPrecision? Precision(JsonField<string> value, string name, bool nullable)
        {
            string? text = Str(value, name, nullable);
            if (text is null)
            {
                return null;
            }
            if (!Enum.TryParse<NumericPrecision>(text, ignoreCase: true, out var p) || !Enum.IsDefined(p) || int.TryParse(text, out _))
            {
                Fail(name, "UnknownPrecision", $"'{name}' must be one of {string.Join(", ", Enum.GetNames<NumericPrecision>().Select(n => n.ToLowerInvariant()))}; it was '{text}'.");
                return null;
            }
            return p;
        }

        string? model = Str(r.Model, "model", false);
        if (model is not null && !models.TryGet(model, out _))
        {
            Fail("model", "UnknownModel", $"'model' must be a model library id ({string.Join(", ", models.Models.Select(x => x.Id))}); it was '{model}'.");
        }
        string? accelerator = Str(r.Accelerator, "accelerator", false);
        if (accelerator is not null && catalog.FindAccelerator(accelerator) is null)
        {
            Fail("accelerator", "UnknownAccelerator", $"'accelerator' must be a catalog accelerator id; it was '{accelerator}'.");
        }
        int? chips = Int(r.Chips, "chips", false, 1);
        int? tp = Int(r.TensorParallel, "tensorParallel", false, 1);
        int? pp = Int(r.PipelineParallel, "pipelineParallel", false, 1);
        if (chips is { } c && tp is { } t && pp is { } p2 && c % (t * p2) != 0)
        {
            Fail("tensorParallel", "ParallelismDoesNotDivideChips", string.Create(CultureInfo.InvariantCulture, $"Tensor x pipeline parallelism must divide the chip count; {c} chips is not a multiple of {t} x {p2}."));
        }
        var precision = Precision(r.Precision, "precision", false);
        var kvPrecision = Precision(r.KvCachePrecision, "kvCachePrecision", true);
        bool weightOnly = false;
        if (Present(r.WeightOnlyQuantization, "weightOnlyQuantization"))
        {
            if (r.WeightOnlyQuantization.IsValid)
            {
                weightOnly = r.WeightOnlyQuantization.Value;
            }
            else
            {
                Fail("weightOnlyQuantization", "NotABoolean", "'weightOnlyQuantization' must be true or false.");
            }
        }
        string? engine = Str(r.Engine, "engine", false);
        string? engineVersion = Str(r.EngineVersion, "engineVersion", true);
        int? prompt = Int(r.PromptTokens, "promptTokens", false, 1);
        int? output = Int(r.OutputTokens, "outputTokens", false, 1);
        MeasurementMode? mode = null;
        string? modeText = Str(r.Mode, "mode", false);
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
                Fail("mode", "UnknownMode", $"'mode' must be \"offline\" or \"concurrency\"; it was '{modeText}'.");
            }
        }
        int? concurrency = Int(r.Concurrency, "concurrency", true, 1);
        if (mode == MeasurementMode.Concurrency && concurrency is null && !problems.Skip(before).Any(x => x.Path.EndsWith(".concurrency", StringComparison.Ordinal)))
        {
            Fail("concurrency", "Required", "'concurrency' is required (at least 1) when 'mode' is \"concurrency\".");
        }
        double? throughput = Positive(r.OutputTokensPerSecond, "outputTokensPerSecond", false);
        string? reportedMetric = null;
        double? reportedValue = null;
        if (Present(r.Reported, "reported"))
        {
            var reported = r.Reported.Value;
            if (!r.Reported.IsValid || !reported.Metric.IsValid || string.IsNullOrWhiteSpace(reported.Metric.Value)
                || !reported.Value.IsValid || !double.IsFinite(reported.Value.Value))
            {
                Fail("reported", "InvalidReported", "'reported' must be an object with a non-empty string 'metric' and a number 'value'.");
            }
            else
            {
                reportedMetric = reported.Metric.Value;
                reportedValue = reported.Value.Value;
            }
        }
        double? ttft = Positive(r.TimeToFirstTokenMs, "timeToFirstTokenMs", true);
        double? tpot = Positive(r.TimePerOutputTokenMs, "timePerOutputTokenMs", true);
        string? source = Str(r.Source, "source", false);
        LocalDate? asOf = null;
        string? asOfText = Str(r.AsOf, "asOf", false);
        if (asOfText is not null)
        {
            if (Serialization.IsoDate.TryParse(asOfText, out var parsed))
            {
                asOf = parsed;
            }
            else
            {
                Fail("asOf", "InvalidDate", $"'asOf' must be an ISO date (yyyy-MM-dd); it was '{asOfText}'.");
            }
        }
        string? note = null;
        if (r.Note.Present && r.Note.State != JsonFieldState.Null)
        {
            if (r.Note.IsValid)
            {
                note = r.Note.Value;
            }
            else
            {
                Fail("note", "NotAString", "'note' must be a string or null when present.");
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

    /// <summary>A measurement file (seeds/measurements/*.json) as the serializer reads it; checked by <see cref="ParseFile"/>.</summary>
    private sealed class FileJson
    {
        public JsonField<int> FormatVersion { get; set; }
        public JsonField<string> Publisher { get; set; }
        public JsonField<List<JsonField<RowJson>>> Measurements { get; set; }
    }

    /// <summary>One measurement row as the serializer reads it; checked by <see cref="CheckRow"/>.</summary>
    private sealed class RowJson
    {
        public JsonField<string> Id { get; set; }
        public JsonField<string> Model { get; set; }
        public JsonField<string> Accelerator { get; set; }
        public JsonField<int> Chips { get; set; }
        public JsonField<int> TensorParallel { get; set; }
        public JsonField<int> PipelineParallel { get; set; }
        public JsonField<string> Precision { get; set; }
        public JsonField<string> KvCachePrecision { get; set; }
        public JsonField<bool> WeightOnlyQuantization { get; set; }
        public JsonField<string> Engine { get; set; }
        public JsonField<string> EngineVersion { get; set; }
        public JsonField<int> PromptTokens { get; set; }
        public JsonField<int> OutputTokens { get; set; }
        public JsonField<string> Mode { get; set; }
        public JsonField<int> Concurrency { get; set; }
        public JsonField<double> OutputTokensPerSecond { get; set; }
        public JsonField<ReportedJson> Reported { get; set; }
        public JsonField<double> TimeToFirstTokenMs { get; set; }
        public JsonField<double> TimePerOutputTokenMs { get; set; }
        public JsonField<string> Source { get; set; }
        public JsonField<string> AsOf { get; set; }
        public JsonField<string> Note { get; set; }
    }

    /// <summary>A row's "reported" object.</summary>
    private sealed class ReportedJson
    {
        public JsonField<string> Metric { get; set; }
        public JsonField<double> Value { get; set; }
    }
}
