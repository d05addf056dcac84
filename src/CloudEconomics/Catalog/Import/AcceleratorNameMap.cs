using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudEconomics.Catalog.Import;

/// <summary>
/// One row of the accelerator-name table: when a price-file row matches every condition given, its accelerator is
/// <see cref="Accelerator"/> (a catalog accelerator id), or, when that is null, the row is known but has no catalog
/// accelerator and is reported with <see cref="Note"/>.
/// </summary>
public sealed record AcceleratorNameRule
{
    /// <summary>Only rows of this provider id (null: any).</summary>
    public string? Provider { get; init; }

    /// <summary>The accelerator name as the file writes it, such as SkyPilot's <c>"H100"</c> (case-insensitive; null: any).</summary>
    public string? Name { get; init; }

    /// <summary>The instance type must start with this, such as <c>"p5."</c> or <c>"Standard_ND96isr_H100_v5"</c> (case-insensitive; null: any).</summary>
    public string? InstancePrefix { get; init; }

    /// <summary>The instance type must contain this, such as <c>"pcie"</c> (case-insensitive; null: any).</summary>
    public string? InstanceContains { get; init; }

    /// <summary>The catalog accelerator id, or null when the catalog has no such accelerator (the row is reported, not guessed).</summary>
    public string? Accelerator { get; init; }

    /// <summary>Accelerators per instance, for files that do not state it (Azure Retail Prices; AWS Price List when its <c>gpu</c> attribute is absent).</summary>
    public int? Count { get; init; }

    /// <summary>Why the mapping holds (or why there is none).</summary>
    public string? Note { get; init; }

    /// <summary>Where the mapping (and <see cref="Count"/>) comes from.</summary>
    public string? Source { get; init; }

    internal bool Matches(string provider, string? name, string instanceType)
        => (Provider is null || string.Equals(Provider, provider, StringComparison.Ordinal))
           && (Name is null || string.Equals(Name, name, StringComparison.OrdinalIgnoreCase))
           && (InstancePrefix is null || instanceType.StartsWith(InstancePrefix, StringComparison.OrdinalIgnoreCase))
           && (InstanceContains is null || instanceType.Contains(InstanceContains, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The table that maps the accelerator names and instance families of price files to catalog accelerators. Rules are
/// tried in order; the first that matches decides. <see cref="Default"/> is the table embedded in the package
/// (<c>seeds/import/accelerator-names.json</c>).
/// </summary>
public sealed class AcceleratorNameMap
{
    private static readonly Lazy<AcceleratorNameMap> DefaultMap = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>A table of rules.</summary>
    /// <param name="rules">The rules, tried in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or a rule is null.</exception>
    /// <exception cref="ArgumentException">A rule has neither a name nor an instance prefix.</exception>
    public AcceleratorNameMap(IEnumerable<AcceleratorNameRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(rules));
            if (list[i].Name is null && list[i].InstancePrefix is null)
            {
                throw new ArgumentException($"Accelerator-name rule {i} must give a name or an instance prefix.", nameof(rules));
            }
            if (list[i].Count is <= 0)
            {
                throw new ArgumentException($"Accelerator-name rule {i} must give a positive count; it was {list[i].Count}.", nameof(rules));
            }
        }
        Rules = Array.AsReadOnly(list);
    }

    /// <summary>The table embedded in the package.</summary>
    public static AcceleratorNameMap Default => DefaultMap.Value;

    /// <summary>The rules, in the order they are tried.</summary>
    public IReadOnlyList<AcceleratorNameRule> Rules { get; }

    /// <summary>Reads a table: a JSON object with a <c>rules</c> array of <see cref="AcceleratorNameRule"/> objects (camelCase).</summary>
    /// <param name="json">The stream; read to its end, not closed.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The document is malformed or has an unknown field.</exception>
    /// <exception cref="ArgumentException">A rule is invalid.</exception>
    public static AcceleratorNameMap Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize<MapDocument>(json, Options) ?? throw new JsonException("The accelerator-name table is empty.");
        return new AcceleratorNameMap(document.Rules ?? []);
    }

    /// <summary>The first rule that matches a row, or null when none does.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="name">The accelerator name in the file, or null when the file has none (AWS Price List, Azure).</param>
    /// <param name="instanceType">The instance type or SKU.</param>
    /// <returns>The rule, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> or <paramref name="instanceType"/> is null.</exception>
    public AcceleratorNameRule? Find(string provider, string? name, string instanceType)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(instanceType);
        foreach (var rule in Rules)
        {
            if (rule.Matches(provider, name, instanceType))
            {
                return rule;
            }
        }
        return null;
    }

    private static AcceleratorNameMap LoadDefault()
    {
        using var stream = typeof(AcceleratorNameMap).Assembly.GetManifestResourceStream("CloudEconomics.Seeds.import.accelerator-names.json")
            ?? throw new InvalidOperationException("The accelerator-name table is not embedded in this build.");
        return Load(stream);
    }

    private sealed class MapDocument
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; set; }

        public string? Description { get; set; }

        public List<AcceleratorNameRule>? Rules { get; set; }
    }
}
