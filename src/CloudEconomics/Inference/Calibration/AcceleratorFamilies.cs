using System.Globalization;
using System.Text.Json;

using CloudEconomics.Serialization;

namespace CloudEconomics.Inference;

/// <summary>A group of accelerators of one microarchitecture that share fitted efficiency factors.</summary>
/// <param name="Id">The family id, such as <c>"nvidia-hopper"</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Accelerators">Catalog accelerator ids in the family.</param>
/// <param name="Source">Where the grouping comes from.</param>
public sealed record AcceleratorFamily(string Id, string Name, IReadOnlyList<string> Accelerators, string Source)
{
    /// <summary>Invariant text: the id and the accelerators.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} ({string.Join(", ", Accelerators)})";
}

/// <summary>
/// The accelerator families of calibration (<c>seeds/calibration/families.json</c>): nvidia-ampere, nvidia-hopper,
/// nvidia-blackwell, amd-cdna3, amd-cdna4, aws-neuron (Inferentia2, Trainium1), aws-trainium2 and google-tpu.
/// Accelerators in no family use the global fit.
/// </summary>
public sealed class AcceleratorFamilies
{
    private const string Resource = "CloudEconomics.Seeds.calibration.families.json";
    private static readonly Lazy<AcceleratorFamilies> DefaultFamilies = new(() =>
    {
        using var stream = typeof(AcceleratorFamilies).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing (a packaging defect).");
        return Load(stream, Resource);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, AcceleratorFamily> byAccelerator;

    private AcceleratorFamilies(IReadOnlyList<AcceleratorFamily> families)
    {
        Families = families;
        byAccelerator = new Dictionary<string, AcceleratorFamily>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in families)
        {
            foreach (var a in f.Accelerators)
            {
                if (!byAccelerator.TryAdd(a, f))
                {
                    throw new ArgumentException($"An accelerator must belong to at most one family; '{a}' is in '{byAccelerator[a].Id}' and '{f.Id}'.", nameof(families));
                }
            }
        }
    }

    /// <summary>The embedded families.</summary>
    public static AcceleratorFamilies Default => DefaultFamilies.Value;

    /// <summary>Every family, in file order.</summary>
    public IReadOnlyList<AcceleratorFamily> Families { get; }

    /// <summary>The family of a catalog accelerator id, or null when it has none (the global fit applies).</summary>
    /// <param name="acceleratorId">The catalog accelerator id, such as <c>"nvidia-h200-sxm"</c>.</param>
    /// <returns>The family or null.</returns>
    public AcceleratorFamily? FamilyOf(string acceleratorId)
    {
        ArgumentNullException.ThrowIfNull(acceleratorId);
        return byAccelerator.GetValueOrDefault(acceleratorId);
    }

    /// <summary>Families built in code.</summary>
    /// <param name="families">The families; an accelerator may be in at most one.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">An accelerator is in two families.</exception>
    public static AcceleratorFamilies From(IEnumerable<AcceleratorFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        return new AcceleratorFamilies(families.ToArray());
    }

    /// <summary>Loads families from JSON (the format of <c>seeds/calibration/families.json</c>).</summary>
    /// <param name="json">The stream.</param>
    /// <param name="sourceName">The name for errors.</param>
    /// <returns>The families.</returns>
    /// <exception cref="DataLoadException">The file is malformed (names the file and the rule).</exception>
    public static AcceleratorFamilies Load(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        // One loader style for every embedded file: bounded read (Utility/BoundedInput) -> deserialise into the DTOs
        // below -> check every family, collecting every problem -> one DataLoadException listing them.
        byte[] bytes = Utility.BoundedInput.ReadBytes(json, sourceName);
        FamiliesFileJson? root;
        try
        {
            // The element walk reads what the serializer reads without its reflection metadata (start-up); anything it is
            // not sure of goes to the serializer, which words the problem with its path.
            root = FamiliesFileJson.TryRead(bytes, out var documentIsNull);
            if (root is null && !documentIsNull)
            {
                BoundedJsonInput.Check(bytes, sourceName);
                root = JsonSerializer.Deserialize<FamiliesFileJson?>(bytes, ReadOptions);
            }
        }
        catch (JsonException e)
        {
            throw new DataLoadException(sourceName, e.Path ?? "$", $"families must be {{\"families\": [{{\"id\", \"name\", \"accelerators\": [...], \"source\"}}]}}: {e.Message}", rule: "InvalidJson", innerException: e);
        }
        var problems = new List<DataLoadProblem>();
        void Fail(string path, string? id, string rule, string message) => problems.Add(new DataLoadProblem(sourceName, path, id, rule, message));
        var list = new List<AcceleratorFamily>();
        if (root?.Families is not { } families)
        {
            Fail("$.families", null, "Required", "'families' is required: an array of {\"id\", \"name\", \"accelerators\": [...], \"source\"}.");
            throw new DataLoadException(problems);
        }
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < families.Count; i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.families[{i}]");
            if (families[i] is not { } f)
            {
                Fail(path, null, "NotAnObject", "A family must be a JSON object.");
                continue;
            }
            int before = problems.Count;
            foreach (var (value, field) in new[] { (f.Id, "id"), (f.Name, "name"), (f.Source, "source") })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    Fail($"{path}.{field}", f.Id, "Required", $"'{field}' is required and must be a non-empty string.");
                }
            }
            if (f.Accelerators is null || f.Accelerators.Any(string.IsNullOrWhiteSpace))
            {
                Fail(path + ".accelerators", f.Id, "Required", "'accelerators' is required: an array of catalog accelerator ids.");
            }
            else
            {
                foreach (var a in f.Accelerators)
                {
                    if (!owner.TryAdd(a!, f.Id ?? ""))
                    {
                        Fail(path + ".accelerators", f.Id, "DuplicateAccelerator", $"An accelerator must belong to at most one family; '{a}' is in '{owner[a!]}' and '{f.Id}'.");
                    }
                }
            }
            if (problems.Count == before)
            {
                list.Add(new AcceleratorFamily(f.Id!, f.Name!, f.Accelerators!.Select(a => a!).ToArray(), f.Source!));
            }
        }
        return problems.Count > 0 ? throw new DataLoadException(problems) : new AcceleratorFamilies(list);
    }

    internal static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = Utility.BoundedInput.MaxDepth,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>A families file (seeds/calibration/families.json) as the serializer reads it.</summary>
    internal sealed class FamiliesFileJson
    {
        public List<FamilyJson?>? Families { get; set; }

        /// <summary>
        /// The file as the serializer reads it with <see cref="ReadOptions"/> (exact camelCase names, the last of repeated
        /// names wins, unknown names ignored, comments skipped), from a <see cref="JsonDocument"/>; null when a value is of
        /// a kind the serializer would refuse. A JSON <c>null</c> document gives null with <paramref name="documentIsNull"/> set.
        /// </summary>
        internal static FamiliesFileJson? TryRead(byte[] bytes, out bool documentIsNull)
        {
            documentIsNull = false;
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return null; // JsonDocument checks string contents only when read: leave text that is not UTF-8 to the checked path
            }
            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = Utility.BoundedInput.MaxDepth });
                if (document.RootElement.ValueKind == JsonValueKind.Null)
                {
                    documentIsNull = true;
                    return null;
                }
                var file = new FamiliesFileJson();
                foreach (var p in FastJsonReading.ElementObject(document.RootElement) ?? throw new FastJsonReading.GiveUp())
                {
                    if (p.Name == "families")
                    {
                        file.Families = FastJsonReading.ElementList(p.Value, e =>
                        {
                            var family = new FamilyJson();
                            foreach (var q in FastJsonReading.ElementObject(e)!.Value)
                            {
                                switch (q.Name)
                                {
                                    case "id": family.Id = FastJsonReading.ElementText(q.Value); break;
                                    case "name": family.Name = FastJsonReading.ElementText(q.Value); break;
                                    case "accelerators": family.Accelerators = FastJsonReading.ElementTexts(q.Value); break;
                                    case "source": family.Source = FastJsonReading.ElementText(q.Value); break;
                                    default: break;
                                }
                            }
                            return family;
                        });
                    }
                }
                return file;
            }
            catch (Exception e) when (e is FastJsonReading.GiveUp or JsonException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>One family as the serializer reads it.</summary>
    internal sealed class FamilyJson
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public List<string?>? Accelerators { get; set; }
        public string? Source { get; set; }
    }

    /// <summary>Invariant text listing the family ids.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Families.Count} families: {string.Join(", ", Families.Select(f => f.Id))}");
}
