using System.Globalization;
using System.Reflection;
using System.Text.Json;
using NodaTime;

using CloudEconomics.Serialization;
using static CloudEconomics.Serialization.FastJsonReading;

namespace CloudEconomics.Inference;

/// <summary>
/// A set of <see cref="ModelProfile"/> presets: the embedded defaults from <c>seeds/models/*.json</c>
/// (Llama 3.1 8B/70B/405B, Mixtral 8x7B, DeepSeek-V3), user files, and merges of the two. Immutable and thread-safe.
/// </summary>
public sealed class ModelLibrary
{
    private const string ResourcePrefix = "CloudEconomics.Seeds.models.";
    private static readonly Lazy<ModelLibrary> DefaultLibrary = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, ModelProfile> byId;

    private ModelLibrary(IEnumerable<ModelProfile> models)
    {
        byId = new Dictionary<string, ModelProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in models)
        {
            byId[m.Id] = m;
        }
        Models = byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The embedded presets.</summary>
    public static ModelLibrary Default => DefaultLibrary.Value;

    /// <summary>Every model, ordered by id.</summary>
    public IReadOnlyList<ModelProfile> Models { get; }

    /// <summary>The model with an id (case-insensitive).</summary>
    /// <param name="id">The id, such as <c>"llama-3.1-70b"</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">No model has that id; the message lists the ids.</exception>
    public ModelProfile this[string id]
        => TryGet(id, out var model)
            ? model
            : throw new ArgumentException($"Model id must be one of {string.Join(", ", Models.Select(m => m.Id))}; it was '{id}'.", nameof(id));

    /// <summary>Looks a model up by id (case-insensitive).</summary>
    /// <param name="id">The id.</param>
    /// <param name="model">The profile when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelProfile? model)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.TryGetValue(id, out model);
    }

    /// <summary>Builds a library from profiles (later ones with the same id win).</summary>
    /// <param name="models">The profiles; each is validated.</param>
    /// <returns>The library.</returns>
    /// <exception cref="FluentValidation.ValidationException">A profile breaks a rule of <see cref="ModelProfileValidator"/>.</exception>
    public static ModelLibrary From(IEnumerable<ModelProfile> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var list = models.ToList();
        foreach (var m in list)
        {
            InferenceChecks.Require(m);
        }
        return new ModelLibrary(list);
    }

    /// <summary>Loads models from a JSON stream: one model object, or an array of them (format of <c>seeds/models/*.json</c>).</summary>
    /// <param name="json">The stream.</param>
    /// <param name="fileName">The name to report in errors.</param>
    /// <returns>The library.</returns>
    /// <exception cref="DataLoadException">The input is too large or deep, not JSON of the model shape, or a record breaks a rule; every problem is listed.</exception>
    /// <remarks>
    /// A model needs <c>source</c>; <c>asOf</c> (an ISO date), <c>confidence</c> (vendor, curatedDataset, secondary or
    /// estimate) and <c>fieldSources</c> (per-field provenance objects, for a field that comes from elsewhere) are read
    /// when present. The embedded files must have all three for the model and every field source.
    /// </remarks>
    public static ModelLibrary Load(Stream json, string fileName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(json);
        return new ModelLibrary(Parse(json, fileName, requireCompleteProvenance: false));
    }

    /// <summary>A library with this library's models replaced or extended by <paramref name="overrides"/> (same id wins from the overrides).</summary>
    /// <param name="overrides">The user's models.</param>
    /// <returns>A new library; this one is unchanged.</returns>
    public ModelLibrary MergeWith(ModelLibrary overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new ModelLibrary(Models.Concat(overrides.Models));
    }

    private static ModelLibrary LoadEmbedded()
    {
        var assembly = typeof(ModelLibrary).Assembly;
        var models = new List<ModelProfile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            models.AddRange(Parse(stream, name, requireCompleteProvenance: true));
        }
        return new ModelLibrary(models);
    }

    // One loader style for every embedded file: bounded read -> deserialise -> validate collecting every problem ->
    // DataLoadException listing them.
    internal static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = Utility.BoundedInput.MaxDepth,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static List<ModelProfile> Parse(Stream json, string file, bool requireCompleteProvenance)
    {
        // At most 16 MiB of UTF-8 text, nested at most 64 deep, checked before parsing (Utility/BoundedInput); a
        // refusal is a DataLoadException naming the file and the limit.
        var bytes = Utility.BoundedInput.ReadBytes(json, file);
        List<ModelJson?> records;
        bool isArray = FirstToken(bytes) == (byte)'[';
        try
        {
            // The element walk reads what the serializer reads without its reflection metadata (start-up), within the same
            // depth limit; anything it is not sure of is depth-checked and goes to the serializer, which words the problem
            // with its path.
            records = ModelJson.TryReadAll(bytes, isArray) ?? CheckThenDeserialize(bytes, file, isArray);
        }
        catch (JsonException e)
        {
            throw new DataLoadException(file, e.Path ?? "$", "The file must be a model object or an array of them, as JSON: " + FirstLine(e.Message), rule: "InvalidJson", innerException: e);
        }
        var problems = new List<DataLoadProblem>();
        var result = new List<ModelProfile>();
        for (int i = 0; i < records.Count; i++)
        {
            var model = Validate(records[i], file, isArray ? $"$[{i}]" : "$", requireCompleteProvenance, problems);
            if (model is not null)
            {
                result.Add(model);
            }
        }
        return problems.Count > 0 ? throw new DataLoadException(problems) : result;
    }

    private static ModelProfile? Validate(ModelJson? m, string file, string path, bool requireCompleteProvenance, List<DataLoadProblem> problems)
    {
        if (m is null)
        {
            problems.Add(new DataLoadProblem(file, path, null, "NotAnObject", "A model must be a JSON object."));
            return null;
        }
        string? id = m.Id;
        int before = problems.Count;
        void Fail(string field, string rule, string message) => problems.Add(new DataLoadProblem(file, $"{path}.{field}", id, rule, message));
        if (string.IsNullOrEmpty(id))
        {
            Fail("id", "Required", "A model must have a non-empty string id.");
        }
        if (string.IsNullOrEmpty(m.Name))
        {
            Fail("name", "Required", "'name' is required and must be a string.");
        }
        T Need<T>(T? value, string field, string what) where T : struct
        {
            if (value is null)
            {
                Fail(field, "Required", $"'{field}' is required and must be {what}.");
            }
            return value.GetValueOrDefault();
        }
        NumericPrecision? Precision(string? text, string field)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            if (!Enum.TryParse<NumericPrecision>(text, ignoreCase: true, out var p) || !Enum.IsDefined(p) || int.TryParse(text, out _))
            {
                Fail(field, "UnknownPrecision", $"'{field}' must be one of {string.Join(", ", Enum.GetNames<NumericPrecision>())}; it was '{text}'.");
                return null;
            }
            return p;
        }
        var total = Need(m.TotalParameters, "totalParameters", "a number");
        var active = Need(m.ActiveParameters, "activeParameters", "a number");
        var layers = Need(m.Layers, "layers", "a whole number");
        var hidden = Need(m.HiddenSize, "hiddenSize", "a whole number");
        var heads = Need(m.AttentionHeads, "attentionHeads", "a whole number");
        var kvHeads = Need(m.KeyValueHeads, "keyValueHeads", "a whole number");
        var headDim = Need(m.HeadDimension, "headDimension", "a whole number");
        var context = Need(m.MaxContextTokens, "maxContextTokens", "a whole number");
        var weight = Precision(m.WeightPrecision, "weightPrecision") ?? NumericPrecision.Bf16;
        var activation = Precision(m.ActivationPrecision, "activationPrecision") ?? weight;
        var kvCache = Precision(m.KvCachePrecision, "kvCachePrecision") ?? NumericPrecision.Bf16;
        var provenance = ReadProvenance(m.Source, m.AsOf, m.Confidence, m.Notes, file, path, id, requireCompleteProvenance, problems);
        var fields = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        foreach (var (field, element) in m.FieldSources ?? [])
        {
            var fieldPath = $"{path}.fieldSources.{field}";
            if (!FieldNames.Contains(field))
            {
                problems.Add(new DataLoadProblem(file, fieldPath, id, "UnknownField", $"'fieldSources' may name only the model's fields ({string.Join(", ", FieldNames)}); it names '{field}'."));
                continue;
            }
            try
            {
                var (own, rest) = Serialization.ProvenanceJson.Split(element);
                if (rest.Count > 0)
                {
                    problems.Add(new DataLoadProblem(file, fieldPath, id, "UnknownProperty", $"A field source has only source, asOf, confidence, note and derivedFrom; it has {string.Join(", ", rest.Keys)}."));
                    continue;
                }
                CheckComplete(own, file, fieldPath, id, requireCompleteProvenance || own.Source is null, problems);
                fields[field] = own;
            }
            catch (JsonException e)
            {
                problems.Add(new DataLoadProblem(file, fieldPath, id, "InvalidJson", e.Message));
            }
        }
        if (context <= 0)
        {
            problems.Add(new DataLoadProblem(file, path + ".maxContextTokens", id, "NotPositive", $"Maximum context must be greater than zero tokens; it was {context.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
        }
        if (problems.Count > before)
        {
            return null;
        }
        var model = new ModelProfile
        {
            Id = id!,
            Name = m.Name!,
            TotalParameters = total,
            ActiveParameters = active,
            Layers = layers,
            HiddenSize = hidden,
            AttentionHeads = heads,
            KeyValueHeads = kvHeads,
            HeadDimension = headDim,
            KvCacheElementsPerTokenPerLayerOverride = m.KvCacheElementsPerTokenPerLayer,
            LatentAttention = m.LatentAttention ?? false,
            ExpertCount = m.ExpertCount ?? 0,
            ExpertsPerToken = m.ExpertsPerToken ?? 0,
            RoutedExpertParameters = m.RoutedExpertParameters ?? 0d,
            SharedExpertParameters = m.SharedExpertParameters ?? 0d,
            WeightPrecision = weight,
            ActivationPrecision = activation,
            KvCachePrecision = kvCache,
            MaxContextTokens = TokenCount.FromTokens(context),
            Provenance = provenance,
            FieldProvenance = fields,
        };
        if (InferenceChecks.IsValid(model))
        {
            return model;
        }
        foreach (var failure in ModelProfileValidator.Instance.Validate(model).Errors)
        {
            Fail(char.ToLowerInvariant(failure.PropertyName[0]) + failure.PropertyName[1..], "Invalid", failure.ErrorMessage);
        }
        return null;
    }

    private static Provenance ReadProvenance(string? source, string? asOfText, string? confidenceText, string? note, string file, string path, string? id, bool requireComplete, List<DataLoadProblem> problems)
    {
        LocalDate? asOf = null;
        if (!string.IsNullOrEmpty(asOfText))
        {
            if (Serialization.IsoDate.TryParse(asOfText, out var date))
            {
                asOf = date;
            }
            else
            {
                problems.Add(new DataLoadProblem(file, path + ".asOf", id, "InvalidDate", $"'asOf' must be an ISO date (yyyy-MM-dd); it was '{asOfText}'."));
            }
        }
        Confidence? confidence = null;
        if (!string.IsNullOrEmpty(confidenceText))
        {
            try
            {
                confidence = Serialization.ProvenanceJson.ParseConfidence(confidenceText);
            }
            catch (JsonException e)
            {
                problems.Add(new DataLoadProblem(file, path + ".confidence", id, "UnknownConfidence", e.Message));
            }
        }
        var provenance = new Provenance { Source = source, AsOf = asOf, Confidence = confidence, Note = note };
        CheckComplete(provenance, file, path, id, requireComplete, problems, asOfText, confidenceText);
        return provenance;
    }

    // A model (and a field source) always names its source; the embedded files also give an as-of date and a confidence.
    private static void CheckComplete(Provenance p, string file, string path, string? id, bool requireComplete, List<DataLoadProblem> problems, string? asOfText = null, string? confidenceText = null)
    {
        if (string.IsNullOrWhiteSpace(p.Source))
        {
            problems.Add(new DataLoadProblem(file, path + ".source", id, "MissingSource", "'source' is required and must be a string naming where the figures come from."));
        }
        if (requireComplete && p.AsOf is null && string.IsNullOrEmpty(asOfText))
        {
            problems.Add(new DataLoadProblem(file, path + ".asOf", id, "MissingAsOf", "'asOf' is required: the ISO date of the source."));
        }
        if (requireComplete && p.Confidence is null && string.IsNullOrEmpty(confidenceText))
        {
            problems.Add(new DataLoadProblem(file, path + ".confidence", id, "MissingConfidence", "'confidence' is required: vendor, curatedDataset, secondary or estimate."));
        }
    }

    private static readonly string[] FieldNames =
    [
        "name", "totalParameters", "activeParameters", "layers", "hiddenSize", "attentionHeads", "keyValueHeads", "headDimension",
        "kvCacheElementsPerTokenPerLayer", "latentAttention", "expertCount", "expertsPerToken", "routedExpertParameters",
        "sharedExpertParameters", "weightPrecision", "activationPrecision", "kvCachePrecision", "maxContextTokens",
    ];

    private static List<ModelJson?> CheckThenDeserialize(byte[] bytes, string file, bool isArray)
    {
        Utility.BoundedInput.CheckJson(bytes, file);
        return isArray
            ? JsonSerializer.Deserialize<List<ModelJson?>>(bytes, ReadOptions) ?? []
            : [JsonSerializer.Deserialize<ModelJson?>(bytes, ReadOptions)];
    }

    private static byte FirstToken(byte[] bytes)
    {
        int i = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }
        return i < bytes.Length ? bytes[i] : (byte)0;
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOf('\n', StringComparison.Ordinal);
        return (i < 0 ? message : message[..i]).TrimEnd('\r');
    }

    /// <summary>The model file format (seeds/models/*.json), as the serializer reads it; checked by <see cref="Validate"/>.</summary>
    internal sealed class ModelJson
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public double? TotalParameters { get; set; }
        public double? ActiveParameters { get; set; }
        public int? Layers { get; set; }
        public int? HiddenSize { get; set; }
        public int? AttentionHeads { get; set; }
        public int? KeyValueHeads { get; set; }
        public int? HeadDimension { get; set; }
        public int? KvCacheElementsPerTokenPerLayer { get; set; }
        public bool? LatentAttention { get; set; }
        public int? ExpertCount { get; set; }
        public int? ExpertsPerToken { get; set; }
        public double? RoutedExpertParameters { get; set; }
        public double? SharedExpertParameters { get; set; }
        public string? WeightPrecision { get; set; }
        public string? ActivationPrecision { get; set; }
        public string? KvCachePrecision { get; set; }
        public int? MaxContextTokens { get; set; }
        public string? Source { get; set; }
        public string? AsOf { get; set; }
        public string? Confidence { get; set; }
        public string? Notes { get; set; }
        public Dictionary<string, JsonElement>? FieldSources { get; set; }

        /// <summary>
        /// The records as the serializer reads them with <see cref="ReadOptions"/> (web defaults: property names matched
        /// ignoring case, the last of repeated names wins, unknown names ignored, numbers strict), read from a
        /// <see cref="JsonDocument"/>; null when a value is of a kind the serializer would refuse or convert.
        /// </summary>
        internal static List<ModelJson?>? TryReadAll(byte[] bytes, bool isArray)
        {
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return null; // JsonDocument checks string contents only when read: leave text that is not UTF-8 to the checked path
            }
            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = Utility.BoundedInput.MaxDepth });
                var root = document.RootElement;
                if (!isArray)
                {
                    return [Read(root)];
                }
                if (root.ValueKind == JsonValueKind.Null)
                {
                    return [];
                }
                if (root.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }
                var records = new List<ModelJson?>(root.GetArrayLength());
                foreach (var item in root.EnumerateArray())
                {
                    records.Add(Read(item));
                }
                return records;
            }
            catch (Exception e) when (e is FastJsonReading.GiveUp or JsonException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }

        private static ModelJson? Read(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new GiveUp();
            }
            var m = new ModelJson();
            foreach (var p in e.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name.ToLowerInvariant())
                {
                    case "id": m.Id = ElementText(v); break;
                    case "name": m.Name = ElementText(v); break;
                    case "totalparameters": m.TotalParameters = ElementNumber(v); break;
                    case "activeparameters": m.ActiveParameters = ElementNumber(v); break;
                    case "layers": m.Layers = ElementInteger(v); break;
                    case "hiddensize": m.HiddenSize = ElementInteger(v); break;
                    case "attentionheads": m.AttentionHeads = ElementInteger(v); break;
                    case "keyvalueheads": m.KeyValueHeads = ElementInteger(v); break;
                    case "headdimension": m.HeadDimension = ElementInteger(v); break;
                    case "kvcacheelementspertokenperlayer": m.KvCacheElementsPerTokenPerLayer = ElementInteger(v); break;
                    case "latentattention": m.LatentAttention = ElementBool(v); break;
                    case "expertcount": m.ExpertCount = ElementInteger(v); break;
                    case "expertspertoken": m.ExpertsPerToken = ElementInteger(v); break;
                    case "routedexpertparameters": m.RoutedExpertParameters = ElementNumber(v); break;
                    case "sharedexpertparameters": m.SharedExpertParameters = ElementNumber(v); break;
                    case "weightprecision": m.WeightPrecision = ElementText(v); break;
                    case "activationprecision": m.ActivationPrecision = ElementText(v); break;
                    case "kvcacheprecision": m.KvCachePrecision = ElementText(v); break;
                    case "maxcontexttokens": m.MaxContextTokens = ElementInteger(v); break;
                    case "source": m.Source = ElementText(v); break;
                    case "asof": m.AsOf = ElementText(v); break;
                    case "confidence": m.Confidence = ElementText(v); break;
                    case "notes": m.Notes = ElementText(v); break;
                    case "fieldsources":
                        if (v.ValueKind == JsonValueKind.Null)
                        {
                            m.FieldSources = null;
                            break;
                        }
                        if (v.ValueKind != JsonValueKind.Object)
                        {
                            throw new GiveUp();
                        }
                        var sources = new Dictionary<string, JsonElement>();
                        foreach (var field in v.EnumerateObject())
                        {
                            sources[field.Name] = field.Value.Clone();
                        }
                        m.FieldSources = sources;
                        break;
                    default:
                        break; // unknown names are ignored, as by the serializer (Validate reports what is missing)
                }
            }
            return m;
        }
    }

    /// <summary>Invariant text listing the ids.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Models.Count} models: {string.Join(", ", Models.Select(m => m.Id))}");
}
