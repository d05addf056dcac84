using System.Globalization;
using System.Text.Json;

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
        byte[] bytes = BoundedJsonInput.Read(json, sourceName);
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var list = new List<AcceleratorFamily>();
            foreach (var f in doc.RootElement.GetProperty("families").EnumerateArray())
            {
                list.Add(new AcceleratorFamily(
                    f.GetProperty("id").GetString()!, f.GetProperty("name").GetString()!,
                    f.GetProperty("accelerators").EnumerateArray().Select(a => a.GetString()!).ToArray(),
                    f.GetProperty("source").GetString()!));
            }
            return new AcceleratorFamilies(list);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new DataLoadException(sourceName, "$", $"families must be {{\"families\": [{{\"id\", \"name\", \"accelerators\": [...], \"source\"}}]}} with unique accelerators: {e.Message}", rule: "InvalidJson", innerException: e);
        }
    }

    /// <summary>Invariant text listing the family ids.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Families.Count} families: {string.Join(", ", Families.Select(f => f.Id))}");
}
