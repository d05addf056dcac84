using System.Globalization;
using System.Reflection;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Inference;

/// <summary>Thrown when a model file cannot be loaded: names the file, the JSON path, the record id and the rule.</summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file or resource name.</param>
    /// <param name="jsonPath">The JSON path of the offending value, such as <c>$.layers</c>.</param>
    /// <param name="recordId">The model id when known.</param>
    /// <param name="rule">The rule that failed.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ModelLoadException(string file, string jsonPath, string? recordId, string rule, Exception? inner = null)
        : base($"{file}: {jsonPath}{(recordId is null ? string.Empty : $" (model '{recordId}')")}: {rule}", inner)
    {
        File = file;
        JsonPath = jsonPath;
        RecordId = recordId;
        Rule = rule;
    }

    /// <summary>The file or resource name.</summary>
    public string File { get; }

    /// <summary>The JSON path of the offending value.</summary>
    public string JsonPath { get; }

    /// <summary>The model id when known.</summary>
    public string? RecordId { get; }

    /// <summary>The rule that failed.</summary>
    public string Rule { get; }
}

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
    /// <exception cref="ModelLoadException">The JSON is malformed or a record breaks a rule.</exception>
    public static ModelLibrary Load(Stream json, string fileName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(json);
        return new ModelLibrary(Parse(json, fileName));
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
            models.AddRange(Parse(stream, name));
        }
        return new ModelLibrary(models);
    }

    private static List<ModelProfile> Parse(Stream json, string file)
    {
        JsonDocument doc;
        try
        {
            // At most 16 MiB of UTF-8 text, nested at most 64 deep, checked before parsing (Utility/BoundedInput).
            var bytes = Utility.BoundedInput.ReadBytes(json, file);
            Utility.BoundedInput.CheckJson(bytes, file);
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = Utility.BoundedInput.MaxDepth });
        }
        catch (Utility.BoundedInputException e)
        {
            throw new ModelLoadException(file, "$", null, "The file " + e.Rule, e);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException(file, e.Path ?? "$", null, "The file must be valid JSON: " + e.Message, e);
        }
        using (doc)
        {
            var result = new List<ModelProfile>();
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var e in doc.RootElement.EnumerateArray())
                {
                    result.Add(ParseOne(e, file, $"$[{i++}]"));
                }
            }
            else
            {
                result.Add(ParseOne(doc.RootElement, file, "$"));
            }
            return result;
        }
    }

    private static ModelProfile ParseOne(JsonElement e, string file, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new ModelLoadException(file, path, null, "A model must be a JSON object.");
        }
        string? id = e.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString() : null;
        if (string.IsNullOrEmpty(id))
        {
            throw new ModelLoadException(file, path + ".id", null, "A model must have a non-empty string id.");
        }
        string Str(string name, bool required)
        {
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
            {
                return v.GetString()!;
            }
            if (required)
            {
                throw new ModelLoadException(file, $"{path}.{name}", id, $"'{name}' is required and must be a string.");
            }
            return string.Empty;
        }
        double Num(string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d))
            {
                throw new ModelLoadException(file, $"{path}.{name}", id, $"'{name}' is required and must be a number.");
            }
            return d;
        }
        int Int(string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int d))
            {
                throw new ModelLoadException(file, $"{path}.{name}", id, $"'{name}' is required and must be a whole number.");
            }
            return d;
        }
        NumericPrecision Precision(string name)
        {
            string text = Str(name, required: false);
            if (text.Length == 0)
            {
                return NumericPrecision.Bf16;
            }
            if (!Enum.TryParse<NumericPrecision>(text, ignoreCase: true, out var p) || !Enum.IsDefined(p) || int.TryParse(text, out _))
            {
                throw new ModelLoadException(file, $"{path}.{name}", id, $"'{name}' must be one of {string.Join(", ", Enum.GetNames<NumericPrecision>())}; it was '{text}'.");
            }
            return p;
        }

        int OptInt(string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Int(name) : 0;
        double OptNum(string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Num(name) : 0d;
        bool latent = false;
        if (e.TryGetProperty("latentAttention", out var latentEl) && latentEl.ValueKind != JsonValueKind.Null)
        {
            latent = latentEl.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ModelLoadException(file, path + ".latentAttention", id, "'latentAttention' must be true or false."),
            };
        }
        var weightPrecision = Precision("weightPrecision");
        var activationPrecision = Str("activationPrecision", required: false).Length == 0 ? weightPrecision : Precision("activationPrecision");

        int? kvOverride = null;
        if (e.TryGetProperty("kvCacheElementsPerTokenPerLayer", out var kv) && kv.ValueKind != JsonValueKind.Null)
        {
            kvOverride = Int("kvCacheElementsPerTokenPerLayer");
        }
        LocalDate? asOf = null;
        string asOfText = Str("asOf", required: false);
        if (asOfText.Length > 0)
        {
            var parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success)
            {
                throw new ModelLoadException(file, path + ".asOf", id, $"'asOf' must be an ISO date (yyyy-MM-dd); it was '{asOfText}'.");
            }
            asOf = parsed.Value;
        }
        int maxContext = Int("maxContextTokens");
        if (maxContext <= 0)
        {
            throw new ModelLoadException(file, path + ".maxContextTokens", id, $"Maximum context must be greater than zero tokens; it was {maxContext.ToString(CultureInfo.InvariantCulture)}.");
        }
        string source = Str("source", required: true);
        string paramSource = Str("parametersSource", required: false);

        var model = new ModelProfile
        {
            Id = id,
            Name = Str("name", required: true),
            TotalParameters = Num("totalParameters"),
            ActiveParameters = Num("activeParameters"),
            Layers = Int("layers"),
            HiddenSize = Int("hiddenSize"),
            AttentionHeads = Int("attentionHeads"),
            KeyValueHeads = Int("keyValueHeads"),
            HeadDimension = Int("headDimension"),
            KvCacheElementsPerTokenPerLayerOverride = kvOverride,
            LatentAttention = latent,
            ExpertCount = OptInt("expertCount"),
            ExpertsPerToken = OptInt("expertsPerToken"),
            RoutedExpertParameters = OptNum("routedExpertParameters"),
            SharedExpertParameters = OptNum("sharedExpertParameters"),
            WeightPrecision = weightPrecision,
            ActivationPrecision = activationPrecision,
            KvCachePrecision = Precision("kvCachePrecision"),
            MaxContextTokens = TokenCount.FromTokens(maxContext),
            Source = paramSource.Length > 0 ? source + "; parameters: " + paramSource : source,
            AsOf = asOf,
        };
        if (InferenceChecks.IsValid(model))
        {
            return model;
        }
        var validation = ModelProfileValidator.Instance.Validate(model);
        if (!validation.IsValid)
        {
            var first = validation.Errors[0];
            string prop = char.ToLowerInvariant(first.PropertyName[0]) + first.PropertyName[1..];
            throw new ModelLoadException(file, $"{path}.{prop}", id, string.Join(" ", validation.Errors.Select(x => x.ErrorMessage)));
        }
        return model;
    }

    /// <summary>Invariant text listing the ids.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Models.Count} models: {string.Join(", ", Models.Select(m => m.Id))}");
}
