using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace CloudEconomics.Catalog;

/// <summary>
/// An immutable, thread-safe catalog of providers, accelerators, instance types and dated price offers, every figure
/// with its source. <see cref="Default"/> is the sourced catalog embedded in the package; <see cref="Load(Stream)"/>
/// reads a user file in the same format; <see cref="MergeWith(CloudCatalog)"/> (or <see cref="MergeWith(Stream, string)"/> for a user file) lets a user's records override the defaults record by
/// record; <see cref="AsOf"/> keeps the offers valid on a date.
/// </summary>
/// <remarks>
/// <para>File format: a JSON object with optional <c>providers</c>, <c>accelerators</c>, <c>instances</c> and
/// <c>offers</c> arrays (see <see cref="JsonSchema"/>, also shipped as <c>seeds/catalog/catalog.schema.json</c>).</para>
/// <para>Limits, enforced before any record is read: at most <see cref="MaxDocumentBytes"/> bytes (16 MiB) and at most
/// <see cref="MaxDepth"/> (32) levels of nesting per document, UTF-8 text only (a NUL byte or invalid UTF-8 is problem
/// <c>NotText</c>); a non-seekable stream (a pipe, <c>/dev/zero</c>) is refused as soon as it passes the size limit.</para>
/// <para>Every record is validated (<see cref="Validation"/> namespace) and cross-checked: unique ids, instances
/// naming known providers and accelerators, offers naming known instances or accelerators, and no two offers for the
/// same instance, region, purchase option and currency valid on the same day. A failure throws
/// <see cref="DataLoadException"/> listing every problem; nothing already loaded changes.</para>
/// </remarks>
public sealed class CloudCatalog
{
    /// <summary>The largest catalog document accepted, in bytes: 16 MiB.</summary>
    public const long MaxDocumentBytes = 16L * 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted in a catalog document: 32 levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>The file format version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    private const string ResourcePrefix = "CloudEconomics.Seeds.catalog.";
    private const string SchemaResource = ResourcePrefix + "catalog.schema.json";

    private static readonly Lazy<CloudCatalog> DefaultCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Schema = new(ReadSchema, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Provider> providersById;
    private readonly Dictionary<string, Accelerator> acceleratorsById;
    private readonly Dictionary<string, InstanceType> instancesById;
    private readonly Dictionary<string, InstanceType> instancesByName;
    private readonly Dictionary<string, PriceOffer> offersById;
    private Dictionary<string, PriceOffer[]>? offersByTarget;

    // Plain dictionaries, never mutated after construction: FrozenDictionary's construction (choosing a strategy per key
    // set) costs more start-up than its faster look-ups save on catalogs of this size. The id dictionaries are the ones
    // Build checks unique ids and references with (one per section, sized once); offersByTarget is built on first use.
    private CloudCatalog(Provider[] providers, Accelerator[] accelerators, InstanceType[] instances, PriceOffer[] offers, RecordsById byId, LocalDate? date)
    {
        Date = date;
        providersById = byId.Providers;
        acceleratorsById = byId.Accelerators;
        instancesById = byId.Instances;
        offersById = byId.Offers;
        // Each instance with its accelerator resolved (a copy only where it is not already this catalog's accelerator).
        var resolved = new InstanceType[instances.Length];
        for (var i = 0; i < instances.Length; i++)
        {
            var instance = instances[i];
            var accelerator = acceleratorsById.GetValueOrDefault(instance.AcceleratorId);
            if (!ReferenceEquals(instance.Accelerator, accelerator))
            {
                instance = instance with { Accelerator = accelerator };
                instancesById[instance.Id] = instance;
            }
            resolved[i] = instance;
        }
        // Names (and display names) that belong to exactly one instance, case-insensitively; plain loops, not LINQ, because
        // this runs on every load and LINQ's grouping costs more than the look-ups it builds.
        instancesByName = new Dictionary<string, InstanceType>(StringComparer.OrdinalIgnoreCase);
        var ambiguous = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var instance in resolved)
        {
            AddName(instance.Name, instance);
            if (instance.DisplayName is { } display && !string.Equals(display, instance.Name, StringComparison.OrdinalIgnoreCase))
            {
                AddName(display, instance);
            }
        }
        Providers = Array.AsReadOnly(providers);
        Accelerators = Array.AsReadOnly(accelerators);
        Instances = Array.AsReadOnly(resolved);
        Offers = Array.AsReadOnly(offers);

        void AddName(string name, InstanceType instance)
        {
            if (name is null || ambiguous.Contains(name))
            {
                return;
            }
            if (!instancesByName.TryAdd(name, instance))
            {
                instancesByName.Remove(name);
                ambiguous.Add(name);
            }
        }
    }

    /// <summary>An empty catalog.</summary>
    public static CloudCatalog Empty { get; } = new([], [], [], [], new RecordsById([], [], [], []), null);

    /// <summary>
    /// The sourced catalog embedded in the package (<c>seeds/catalog/*.json</c>), loaded once, lazily and
    /// thread-safely, on first use.
    /// </summary>
    /// <exception cref="DataLoadException">The embedded data is invalid (a build defect; tests guard against it).</exception>
    public static CloudCatalog Default => DefaultCatalog.Value;

    /// <summary>The JSON schema (draft 2020-12) of the catalog file format, as embedded in the package.</summary>
    public static string JsonSchema => Schema.Value;

    /// <summary>The providers.</summary>
    public IReadOnlyList<Provider> Providers { get; }

    /// <summary>The accelerators.</summary>
    public IReadOnlyList<Accelerator> Accelerators { get; }

    /// <summary>The instance types, each with its <see cref="InstanceType.Accelerator"/> resolved.</summary>
    public IReadOnlyList<InstanceType> Instances { get; }

    /// <summary>The price offers (all dates, or only those valid on <see cref="Date"/> for a catalog from <see cref="AsOf"/>).</summary>
    public IReadOnlyList<PriceOffer> Offers { get; }

    /// <summary>
    /// The offers by what they price (instance or accelerator id), in catalog order: built on the first look-up, not on
    /// every load (a command that prices nothing never needs it); thread-safe (a racing look-up builds an equal copy once).
    /// </summary>
    private Dictionary<string, PriceOffer[]> OffersByTarget => Volatile.Read(ref offersByTarget) ?? CreateOffersByTarget();

    private Dictionary<string, PriceOffer[]> CreateOffersByTarget()
    {
        var byTarget = new Dictionary<string, List<PriceOffer>>(StringComparer.Ordinal);
        foreach (var offer in Offers)
        {
            if (!byTarget.TryGetValue(offer.TargetId, out var list))
            {
                byTarget.Add(offer.TargetId, list = []);
            }
            list.Add(offer);
        }
        var created = new Dictionary<string, PriceOffer[]>(byTarget.Count, StringComparer.Ordinal);
        foreach (var (target, list) in byTarget)
        {
            created.Add(target, [.. list]);
        }
        return Interlocked.CompareExchange(ref offersByTarget, created, null) ?? created;
    }

    /// <summary>The date this catalog's offers were filtered to by <see cref="AsOf"/>; null for a full catalog.</summary>
    public LocalDate? Date { get; }

    /// <summary>
    /// The newest date this catalog's prices speak for: the latest <see cref="PriceOffer.ValidFrom"/> or price as-of date
    /// (<see cref="Provenance.AsOf"/>) over <see cref="Offers"/>. It is "today" for data that ends there, without
    /// reading a clock; for the embedded catalog, the date of the newest imported price list. Null when no offer has a
    /// dated start or as-of date (then there is no default price date: ask for one).
    /// </summary>
    public LocalDate? LatestPriceDate
    {
        get
        {
            LocalDate? latest = null;
            foreach (var offer in Offers)
            {
                latest = Later(Later(latest, offer.ValidFrom), offer.Provenance.AsOf);
            }
            return latest;

            static LocalDate? Later(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : LocalDate.Max(a.Value, b.Value);
        }
    }

    /// <summary>Reads a catalog document from a stream (UTF-8 JSON).</summary>
    /// <param name="json">The stream; read to its end, not closed.</param>
    /// <returns>The validated catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DataLoadException">The document is too large or deep, malformed, or has invalid or inconsistent records; every problem is listed.</exception>
    public static CloudCatalog Load(Stream json) => Load(json, "(stream)");

    /// <summary>Reads a catalog document from a stream, naming it in problem reports.</summary>
    /// <param name="json">The stream; read to its end, not closed.</param>
    /// <param name="sourceName">The name to report problems under, such as a file name.</param>
    /// <returns>The validated catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="DataLoadException">The document is too large or deep, malformed, or has invalid or inconsistent records; every problem is listed.</exception>
    public static CloudCatalog Load(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        var parts = new CatalogParts();
        CatalogReader.ReadStream(json, sourceName, parts);
        return Build(parts, null);
    }

    /// <summary>Reads a catalog document from a file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The validated catalog.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DataLoadException">The file is too large or deep, malformed, or has invalid or inconsistent records.</exception>
    public static CloudCatalog LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxDocumentBytes)
        {
            throw new DataLoadException([new DataLoadProblem(path, "$", null, "DocumentTooLarge",
                string.Create(CultureInfo.InvariantCulture, $"The document is larger than the limit of {MaxDocumentBytes:N0} bytes (16 MiB); it has {info.Length:N0}."))]);
        }
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Builds a catalog from records made in code, with the same validation as a file.</summary>
    /// <param name="providers">Providers.</param>
    /// <param name="accelerators">Accelerators.</param>
    /// <param name="instances">Instance types.</param>
    /// <param name="offers">Price offers.</param>
    /// <returns>The validated catalog.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DataLoadException">A record is invalid or the records are inconsistent (file <c>"(code)"</c>).</exception>
    public static CloudCatalog Create(IEnumerable<Provider> providers, IEnumerable<Accelerator> accelerators, IEnumerable<InstanceType> instances, IEnumerable<PriceOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(accelerators);
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(offers);
        var parts = new CatalogParts();
        Add(parts.Providers, providers, "providers", p => p.Id, new Validation.ProviderValidator(), parts.Problems);
        Add(parts.Accelerators, accelerators, "accelerators", a => a.Id, new Validation.AcceleratorValidator(), parts.Problems);
        Add(parts.Instances, instances, "instances", i => i.Id, new Validation.InstanceTypeValidator(), parts.Problems);
        Add(parts.Offers, offers, "offers", o => o.Id, new Validation.PriceOfferValidator(), parts.Problems);
        return Build(parts, null);
    }

    private static void Add<T>(SectionRecords<T> into, IEnumerable<T> records, string section, Func<T, string> id, FluentValidation.IValidator<T> validator, List<DataLoadProblem> problems)
    {
        var sectionPath = "$." + section;
        var index = -1;
        foreach (var record in records)
        {
            index++;
            var path = string.Create(CultureInfo.InvariantCulture, $"{sectionPath}[{index}]");
            if (record is null)
            {
                problems.Add(new DataLoadProblem("(code)", path, null, "NullRecord", "A record must not be null."));
                continue;
            }
            var result = validator.Validate(record);
            problems.AddRange(result.Errors.Select(f => CatalogReader.ToProblem("(code)", path, id(record), f)));
            if (result.IsValid)
            {
                into.Add(record, "(code)", sectionPath, index);
            }
        }
    }

    /// <summary>
    /// A new catalog where <paramref name="overrides"/> replaces this one record by record: a provider, accelerator,
    /// instance or offer with the same id is replaced; an override offer also takes precedence over this catalog's
    /// offers for the same instance (or accelerator), region, purchase option and currency on the days it is valid:
    /// their validity is trimmed around it (a list price valid before a negotiated price starts keeps those days; a
    /// remainder after a bounded override keeps its price under the id <c>original-id/from-yyyy-MM-dd</c>). Everything
    /// else is kept.
    /// </summary>
    /// <param name="overrides">The user's records.</param>
    /// <returns>The merged catalog; this catalog is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overrides"/> is null.</exception>
    /// <exception cref="DataLoadException">The merged records are inconsistent (such as an override instance naming an unknown accelerator).</exception>
    public CloudCatalog MergeWith(CloudCatalog overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var parts = new CatalogParts();
        AddAll(parts.Providers, overrides.Providers, "(overrides)", "$.providers");
        AddAll(parts.Accelerators, overrides.Accelerators, "(overrides)", "$.accelerators");
        AddAll(parts.Instances, overrides.Instances, "(overrides)", "$.instances");
        AddAll(parts.Offers, overrides.Offers, "(overrides)", "$.offers");
        return Merge(parts);
    }

    /// <summary>
    /// Reads a document of overrides (typically a user's negotiated prices) and merges it into this catalog as
    /// <see cref="MergeWith(CloudCatalog)"/> does. Unlike <see cref="Load(Stream, string)"/>, the document need not be
    /// self-contained: its offers and instances may refer to records of this catalog; references are checked on the
    /// merged result.
    /// </summary>
    /// <param name="overridesJson">The document (same format and limits as <see cref="Load(Stream)"/>); read to its end, not closed.</param>
    /// <param name="sourceName">The name to report problems under, such as the file name.</param>
    /// <returns>The merged catalog; this catalog is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DataLoadException">The document is invalid, or the merged records are inconsistent; every problem is listed.</exception>
    public CloudCatalog MergeWith(Stream overridesJson, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(overridesJson);
        ArgumentNullException.ThrowIfNull(sourceName);
        var parts = new CatalogParts();
        CatalogReader.ReadStream(overridesJson, sourceName, parts);
        return Merge(parts);
    }

    private CloudCatalog Merge(CatalogParts overrides)
    {
        var merged = new CatalogParts();
        merged.Problems.AddRange(overrides.Problems);
        AddAll(merged.Providers, KeepUnlessOverridden(Providers, overrides.Providers, p => p.Id), "(base)", "$.providers");
        merged.Providers.AddRange(overrides.Providers);
        AddAll(merged.Accelerators, KeepUnlessOverridden(Accelerators, overrides.Accelerators, a => a.Id), "(base)", "$.accelerators");
        merged.Accelerators.AddRange(overrides.Accelerators);
        AddAll(merged.Instances, KeepUnlessOverridden(Instances, overrides.Instances, i => i.Id), "(base)", "$.instances");
        merged.Instances.AddRange(overrides.Instances);
        var userOffers = overrides.Offers.Records;
        var overrideIds = userOffers.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var kept = Offers.Where(o => !overrideIds.Contains(o.Id)).SelectMany(o => TrimAround(o, userOffers));
        AddAll(merged.Offers, kept, "(base)", "$.offers");
        merged.Offers.AddRange(overrides.Offers);
        return Build(merged, Date);
    }

    private static IEnumerable<T> KeepUnlessOverridden<T>(IReadOnlyList<T> baseRecords, SectionRecords<T> overrides, Func<T, string> id)
    {
        var overrideIds = overrides.Records.Select(id).ToHashSet(StringComparer.Ordinal);
        return baseRecords.Where(r => !overrideIds.Contains(id(r)));
    }

    /// <summary>Adds records as <c>section[0]</c>, <c>[1]</c>, ... of <paramref name="file"/>.</summary>
    private static void AddAll<T>(SectionRecords<T> into, IEnumerable<T> records, string file, string section)
    {
        var index = 0;
        foreach (var record in records)
        {
            into.Add(record, file, section, index++);
        }
    }

    /// <summary>The parts of a base offer's validity not covered by override offers with the same key.</summary>
    private static IEnumerable<PriceOffer> TrimAround(PriceOffer offer, IReadOnlyList<PriceOffer> overrides)
    {
        var pieces = new List<PriceOffer> { offer };
        foreach (var user in overrides.Where(u => SameKey(offer, u)))
        {
            var next = new List<PriceOffer>();
            foreach (var piece in pieces)
            {
                if (!piece.Overlaps(user))
                {
                    next.Add(piece);
                    continue;
                }
                if (user.EffectiveFrom is { } userFrom && (piece.EffectiveFrom is null || piece.EffectiveFrom.Value < userFrom))
                {
                    next.Add(piece with { ValidTo = userFrom.PlusDays(-1) });
                }
                if (user.ValidTo is { } userTo && (piece.ValidTo is null || piece.ValidTo.Value > userTo))
                {
                    var after = userTo.PlusDays(1);
                    next.Add(piece with { Id = piece.Id + "/from-" + CloudEconomics.Serialization.IsoDate.Format(after), ValidFrom = after });
                }
            }
            pieces = next;
        }
        return pieces;
    }

    internal static bool SameKey(PriceOffer a, PriceOffer b)
        => string.Equals(a.InstanceId, b.InstanceId, StringComparison.Ordinal) && string.Equals(a.AcceleratorId, b.AcceleratorId, StringComparison.Ordinal)
           && string.Equals(a.Region, b.Region, StringComparison.Ordinal) && Equals(a.Option, b.Option) && a.Currency == b.Currency;

    /// <summary>The same catalog with only the offers valid on <paramref name="date"/> (both bounds inclusive, open bounds match).</summary>
    /// <param name="date">The date.</param>
    /// <returns>A catalog whose <see cref="Date"/> is <paramref name="date"/>.</returns>
    public CloudCatalog AsOf(LocalDate date)
    {
        Provider[] providers = [.. Providers];
        Accelerator[] accelerators = [.. Accelerators];
        InstanceType[] instances = [.. Instances];
        var offers = Offers.Where(o => o.IsValidOn(date)).ToArray();
        return new(providers, accelerators, instances, offers, new RecordsById(providers, accelerators, instances, offers), date);
    }

    /// <summary>The provider with an id, or null.</summary>
    /// <param name="id">The id, such as <c>"aws"</c>.</param>
    /// <returns>The provider, or null.</returns>
    public Provider? FindProvider(string id) => id is null ? null : providersById.GetValueOrDefault(id);

    /// <summary>The accelerator with an id, or null.</summary>
    /// <param name="id">The id, such as <c>"aws-trainium2"</c>.</param>
    /// <returns>The accelerator, or null.</returns>
    public Accelerator? FindAccelerator(string id) => id is null ? null : acceleratorsById.GetValueOrDefault(id);

    /// <summary>
    /// The instance type with an id (<c>"aws-p5.48xlarge"</c>), or a unique name or display name (<c>"p5.48xlarge"</c>,
    /// <c>"ND H100 v5"</c>; case-insensitive), or null.
    /// </summary>
    /// <param name="idOrName">The id or name.</param>
    /// <returns>The instance type, or null.</returns>
    public InstanceType? FindInstance(string idOrName)
        => idOrName is null ? null : instancesById.GetValueOrDefault(idOrName) ?? instancesByName.GetValueOrDefault(idOrName);

    /// <summary>The instance type with an id or unique name.</summary>
    /// <param name="idOrName">The id or name.</param>
    /// <returns>The instance type.</returns>
    /// <exception cref="KeyNotFoundException">No instance has that id or name.</exception>
    public InstanceType GetInstance(string idOrName)
        => FindInstance(idOrName) ?? throw new KeyNotFoundException($"No instance type has the id or name '{idOrName}'.");

    /// <summary>The offer with an id, or null.</summary>
    /// <param name="id">The offer id.</param>
    /// <returns>The offer, or null.</returns>
    public PriceOffer? FindOffer(string id) => id is null ? null : offersById.GetValueOrDefault(id);

    /// <summary>The offers for an instance type (all dates, unless this catalog comes from <see cref="AsOf"/>).</summary>
    /// <param name="instance">The instance type.</param>
    /// <returns>The offers, possibly empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instance"/> is null.</exception>
    public IReadOnlyList<PriceOffer> OffersFor(InstanceType instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OffersByTarget.TryGetValue(instance.Id, out var offers) ? offers : [];
    }

    /// <summary>The offers for an instance type by id or name.</summary>
    /// <param name="instanceIdOrName">The id or name.</param>
    /// <returns>The offers, possibly empty.</returns>
    /// <exception cref="KeyNotFoundException">No instance has that id or name.</exception>
    public IReadOnlyList<PriceOffer> OffersFor(string instanceIdOrName) => OffersFor(GetInstance(instanceIdOrName));

    /// <summary>Offers for an instance type under one kind of purchase option, optionally in one region.</summary>
    /// <param name="instance">The instance type.</param>
    /// <param name="kind">The purchase option kind.</param>
    /// <param name="region">A region id, or null for any.</param>
    /// <returns>The matching offers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instance"/> is null.</exception>
    public IReadOnlyList<PriceOffer> OffersFor(InstanceType instance, PurchaseOptionKind kind, string? region = null)
        => OffersFor(instance).Where(o => o.Option.Kind == kind && (region is null || o.Region == region)).ToArray();

    /// <summary>Single-accelerator offers (priced per chip-hour without an instance) for an accelerator.</summary>
    /// <param name="accelerator">The accelerator.</param>
    /// <returns>The offers, possibly empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accelerator"/> is null.</exception>
    public IReadOnlyList<PriceOffer> OffersFor(Accelerator accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return OffersByTarget.TryGetValue(accelerator.Id, out var offers) ? offers.Where(o => o.AcceleratorId is not null).ToArray() : [];
    }

    /// <summary>Instance types matching every filter given (a null filter matches all).</summary>
    /// <param name="provider">Provider id, such as <c>"aws"</c>.</param>
    /// <param name="acceleratorId">Accelerator id, such as <c>"aws-trainium2"</c>.</param>
    /// <param name="region">Region id: the instance must have an offer there.</param>
    /// <param name="option">Purchase option kind: the instance must have an offer of that kind (in <paramref name="region"/> if given).</param>
    /// <returns>The instances in catalog order.</returns>
    public IReadOnlyList<InstanceType> FindInstances(string? provider = null, string? acceleratorId = null, string? region = null, PurchaseOptionKind? option = null)
        => Instances.Where(i => (provider is null || i.Provider == provider) && (acceleratorId is null || i.AcceleratorId == acceleratorId)
                                && (region is null && option is null || OffersFor(i).Any(o => (region is null || o.Region == region) && (option is null || o.Option.Kind == option))))
            .ToArray();

    /// <summary>Providers whose competitive positioning names an architecture kind (the seed article's "Chip Architecture" row).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The providers.</returns>
    public IReadOnlyList<Provider> ProvidersBuilding(AcceleratorKind kind) => Providers.Where(p => p.Positioning?.ArchitectureKind == kind).ToArray();

    /// <summary>The positioning whose families include an accelerator family (such as <c>"Trainium"</c>), or null.</summary>
    /// <param name="family">The family, case-insensitive.</param>
    /// <returns>The positioning, or null.</returns>
    public CompetitivePositioning? PositioningOfFamily(string family)
        => Providers.Select(p => p.Positioning).FirstOrDefault(p => p is not null && p.Families.Contains(family, StringComparer.OrdinalIgnoreCase));

    /// <summary>A metric for one of this catalog's offers, with the provenance of every input; null when an input is unknown.</summary>
    /// <param name="offer">The offer (its instance or accelerator must be in this catalog).</param>
    /// <param name="metric">The metric.</param>
    /// <param name="precision">The precision for <see cref="CatalogMetric.PricePerDensePetaflopHour"/>.</param>
    /// <returns>The value, or null when an input (compute, memory, count) is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offer"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The offer's instance or accelerator is not in this catalog.</exception>
    public MetricValue? Metric(PriceOffer offer, CatalogMetric metric, NumericPrecision precision = NumericPrecision.Bf16)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var (instance, accelerator) = Resolve(offer);
        return CatalogMetrics.TryCompute(offer, instance, accelerator, metric, precision, out var value, out _) ? value : null;
    }

    private (InstanceType? Instance, Accelerator Accelerator) Resolve(PriceOffer offer)
    {
        if (offer.InstanceId is { } instanceId)
        {
            var instance = instancesById.GetValueOrDefault(instanceId) ?? throw new KeyNotFoundException($"Offer '{offer.Id}' prices instance '{instanceId}', which is not in this catalog.");
            return (instance, instance.Accelerator!);
        }
        return (null, acceleratorsById.GetValueOrDefault(offer.AcceleratorId ?? "") ?? throw new KeyNotFoundException($"Offer '{offer.Id}' prices accelerator '{offer.AcceleratorId}', which is not in this catalog."));
    }

    /// <summary>
    /// Ranks the instances' offers by a metric, cheapest first. Rank a catalog from <see cref="AsOf"/> so that each
    /// instance has one price per region and option; a full catalog ranks every dated offer.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="options">Precision, purchase option, currency, provider and region filters; defaults: BF16, on-demand, USD.</param>
    /// <returns>The ranking, with the instances that could not be ranked and why.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public CatalogRanking Rank(CatalogMetric metric, RankingOptions? options = null)
    {
        options ??= new RankingOptions();
        var unit = CatalogMetrics.UnitOf(metric, options.Precision);
        var candidates = new List<(InstanceType Instance, PriceOffer Offer)>();
        var unranked = new List<UnrankedOffer>();
        var keys = new List<double>();
        foreach (var instance in Instances)
        {
            if (options.Provider is not null && instance.Provider != options.Provider)
            {
                continue;
            }
            var matched = false;
            foreach (var offer in OffersFor(instance))
            {
                if ((options.Option is { } kind && offer.Option.Kind != kind) || (options.Region is not null && offer.Region != options.Region) || offer.Currency != options.Currency)
                {
                    continue;
                }
                matched = true;
                var count = CatalogMetrics.AcceleratorsPerBillingUnit(offer, instance);
                var denominator = count is { } c ? CatalogMetrics.Denominator(metric, c, instance.Accelerator!, options.Precision) : double.NaN;
                if (double.IsNaN(denominator) || denominator <= 0)
                {
                    CatalogMetrics.TryCompute(offer, instance, instance.Accelerator!, metric, options.Precision, out _, out var reason);
                    unranked.Add(new UnrankedOffer(instance, offer, reason ?? "an input is unknown"));
                    continue;
                }
                candidates.Add((instance, offer));
                keys.Add((double)offer.Price.PerHour.Amount / denominator);
            }
            if (!matched)
            {
                unranked.Add(new UnrankedOffer(instance, null, "no " + (options.Option is { } k ? new PurchaseOption { Kind = k } + " " : "") + options.Currency.Code + " price known"
                    + (options.Region is null ? "" : " in " + options.Region) + (Date is { } d ? " on " + CloudEconomics.Serialization.IsoDate.Format(d) : "")));
            }
        }
        var order = Enumerable.Range(0, keys.Count).ToArray();
        var keyArray = keys.ToArray();
        Array.Sort(keyArray, order);
        var ranked = new RankedOffer[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var (instance, offer) = candidates[order[i]];
            var denominator = CatalogMetrics.Denominator(metric, CatalogMetrics.AcceleratorsPerBillingUnit(offer, instance)!.Value, instance.Accelerator!, options.Precision);
            ranked[i] = new RankedOffer(i + 1, instance, offer, new Money(offer.Price.PerHour.Amount / (decimal)denominator, options.Currency));
        }
        return new CatalogRanking(metric, unit, Array.AsReadOnly(ranked), unranked.AsReadOnly());
    }

    /// <summary>Writes this catalog as one JSON document in the file format (indented UTF-8).</summary>
    /// <param name="utf8Json">The stream to write to; not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("$schema", "./catalog.schema.json");
        writer.WriteNumber("formatVersion", FormatVersion);
        writer.WritePropertyName("providers");
        JsonSerializer.Serialize(writer, Providers, CatalogReader.Options);
        writer.WritePropertyName("accelerators");
        JsonSerializer.Serialize(writer, Accelerators, CatalogReader.Options);
        writer.WritePropertyName("instances");
        JsonSerializer.Serialize(writer, Instances, CatalogReader.Options);
        writer.WritePropertyName("offers");
        JsonSerializer.Serialize(writer, Offers, CatalogReader.Options);
        writer.WriteEndObject();
    }

    /// <summary>This catalog as one JSON document in the file format.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        WriteJson(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Counts, such as <c>"CloudCatalog: 3 providers, 21 accelerators, 19 instances, 40 offers"</c>.</summary>
    /// <returns>Invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"CloudCatalog{(Date is { } d ? " as of " + CloudEconomics.Serialization.IsoDate.Format(d) : "")}: {Providers.Count} providers, {Accelerators.Count} accelerators, {Instances.Count} instances, {Offers.Count} offers");

    /// <summary>Reads the embedded seeds into a new catalog (what <see cref="Default"/> does once); internal for benchmarks.</summary>
    internal static CloudCatalog LoadEmbedded()
    {
        var assembly = typeof(CloudCatalog).Assembly;
        var parts = new CatalogParts();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && n != SchemaResource).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = "seeds/catalog/" + name[ResourcePrefix.Length..];
            CatalogReader.ReadStream(stream, file, parts);
        }
        return Build(parts, null);
    }

    private static string ReadSchema()
    {
        using var stream = typeof(CloudCatalog).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException("The catalog JSON schema is not embedded in this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The positions of a group's offers by effective date (open start first), equal dates in their given order: a stable
    /// insertion sort in place (groups hold a handful of offers), not LINQ's OrderBy, whose sorter over a NodaTime key the
    /// JIT would compile in every new process.
    /// </summary>
    private static void SortByEffectiveDate(List<int> group, SectionRecords<PriceOffer> offers)
    {
        for (var i = 1; i < group.Count; i++)
        {
            var item = group[i];
            var date = offers[item].EffectiveFrom ?? LocalDate.MinIsoValue;
            var j = i - 1;
            while (j >= 0 && (offers[group[j]].EffectiveFrom ?? LocalDate.MinIsoValue) > date)
            {
                group[j + 1] = group[j];
                j--;
            }
            group[j + 1] = item;
        }
    }

    /// <summary>Cross-record checks, then the catalog; throws with every problem (including earlier ones).</summary>
    private static CloudCatalog Build(CatalogParts parts, LocalDate? date)
    {
        var problems = parts.Problems;
        var byId = new RecordsById(parts, problems);
        var instances = parts.Instances;
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            if (!byId.Accelerators.ContainsKey(instance.AcceleratorId))
            {
                problems.Add(new DataLoadProblem(instances.FileOf(i), instances.PathOf(i) + ".acceleratorId", instance.Id, "UnknownAccelerator", $"Instance '{instance.Id}' names accelerator '{instance.AcceleratorId}', which the catalog does not have."));
            }
            if (!byId.Providers.ContainsKey(instance.Provider))
            {
                problems.Add(new DataLoadProblem(instances.FileOf(i), instances.PathOf(i) + ".provider", instance.Id, "UnknownProvider", $"Instance '{instance.Id}' names provider '{instance.Provider}', which the catalog does not have."));
            }
        }
        var offers = parts.Offers;
        for (var i = 0; i < offers.Count; i++)
        {
            var offer = offers[i];
            if (offer.InstanceId is { } instanceId && !byId.Instances.ContainsKey(instanceId))
            {
                problems.Add(new DataLoadProblem(offers.FileOf(i), offers.PathOf(i) + ".instanceId", offer.Id, "UnknownInstance", $"Offer '{offer.Id}' prices instance '{instanceId}', which the catalog does not have."));
            }
            if (offer.AcceleratorId is { } acceleratorId && !byId.Accelerators.ContainsKey(acceleratorId))
            {
                problems.Add(new DataLoadProblem(offers.FileOf(i), offers.PathOf(i) + ".acceleratorId", offer.Id, "UnknownAccelerator", $"Offer '{offer.Id}' prices accelerator '{acceleratorId}', which the catalog does not have."));
            }
        }
        CheckOverlaps(offers, problems);
        if (problems.Count > 0)
        {
            throw new DataLoadException(problems);
        }
        return new CloudCatalog([.. parts.Providers.Records], [.. parts.Accelerators.Records], [.. instances.Records], [.. offers.Records], byId, date);
    }

    /// <summary>
    /// Offers with the same key (<see cref="SameKey"/>) whose validity overlaps: each group of offers with one key by
    /// effective date, every later member that overlaps an earlier one reported against it; groups in the order their
    /// first member comes. Groups are chains of positions: an open-addressing table of positions holds each key's latest
    /// member and <c>next</c> the member after each offer, so the check allocates three arrays, not an entry or a list
    /// per key.
    /// </summary>
    private static void CheckOverlaps(SectionRecords<PriceOffer> offers, List<DataLoadProblem> problems)
    {
        var mask = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, offers.Count * 2)) - 1;
        var latest = new int[mask + 1]; // position of a key's latest member + 1; 0: an empty slot
        var next = new int[offers.Count]; // position of the next member + 1; 0: none
        var first = new bool[offers.Count];
        var shared = false;
        for (var i = 0; i < offers.Count; i++)
        {
            var offer = offers[i];
            for (var slot = KeyHash(offer) & mask; ; slot = (slot + 1) & mask)
            {
                var member = latest[slot] - 1;
                if (member < 0)
                {
                    first[i] = true;
                }
                else if (SameKey(offers[member], offer))
                {
                    next[member] = i + 1;
                    shared = true;
                }
                else
                {
                    continue;
                }
                latest[slot] = i + 1;
                break;
            }
        }
        if (!shared)
        {
            return;
        }
        var group = new List<int>();
        for (var i = 0; i < offers.Count; i++)
        {
            if (!first[i] || next[i] == 0)
            {
                continue;
            }
            group.Clear();
            for (var k = i + 1; k != 0; k = next[k - 1])
            {
                group.Add(k - 1);
            }
            SortByEffectiveDate(group, offers);
            for (var a = 0; a < group.Count; a++)
            {
                for (var b = a + 1; b < group.Count; b++)
                {
                    var (earlier, later) = (offers[group[a]], offers[group[b]]);
                    if (earlier.Overlaps(later))
                    {
                        problems.Add(new DataLoadProblem(offers.FileOf(group[b]), offers.PathOf(group[b]), later.Id, "OverlappingOffers",
                            $"Offer '{later.Id}' and offer '{earlier.Id}' price '{later.TargetId}' in {later.Region} ({later.Option}, {later.Currency}) on overlapping dates; at most one may apply on any day."));
                    }
                }
            }
        }
    }

    /// <summary>
    /// A hash of what an offer prices, for the overlap check: target, region, purchase option (kind, term, tier) and
    /// currency; offers with the same key (<see cref="SameKey"/>, record equality of the purchase option) give equal
    /// hashes. Within one process only (string hashes are randomized per process).
    /// </summary>
    private static int KeyHash(PriceOffer offer)
    {
        unchecked
        {
            var option = offer.Option;
            var hash = Hash(offer.InstanceId);
            hash = (hash * 31) + Hash(offer.AcceleratorId);
            hash = (hash * 31) + Hash(offer.Region);
            hash = (hash * 31) + (option is null ? -1 : (int)option.Kind);
            hash = (hash * 31) + (option?.TermMonths ?? -1);
            hash = (hash * 31) + Hash(option?.Tier);
            hash = (hash * 31) + Hash(offer.Currency.Code);
            return hash ^ (hash >>> 15);
        }

        static int Hash(string? text) => text is null ? 0 : StringComparer.Ordinal.GetHashCode(text);
    }

    /// <summary>
    /// The records of each section by id, each dictionary sized once: the duplicate-id check (first record kept, every
    /// later one a problem), the reference checks of <see cref="Build"/>, and the catalog's look-ups.
    /// </summary>
    private sealed class RecordsById
    {
        /// <summary>From records read or made, with a problem for every repeated id.</summary>
        internal RecordsById(CatalogParts parts, List<DataLoadProblem> problems)
        {
            Providers = Index(parts.Providers, p => p.Id, "providers", problems);
            Accelerators = Index(parts.Accelerators, a => a.Id, "accelerators", problems);
            Instances = Index(parts.Instances, i => i.Id, "instances", problems);
            Offers = Index(parts.Offers, o => o.Id, "offers", problems);
        }

        /// <summary>From a catalog's own records (ids already unique), such as a subset of its offers.</summary>
        internal RecordsById(Provider[] providers, Accelerator[] accelerators, InstanceType[] instances, PriceOffer[] offers)
        {
            Providers = Index(providers, p => p.Id);
            Accelerators = Index(accelerators, a => a.Id);
            Instances = Index(instances, i => i.Id);
            Offers = Index(offers, o => o.Id);
        }

        internal Dictionary<string, Provider> Providers { get; }

        internal Dictionary<string, Accelerator> Accelerators { get; }

        internal Dictionary<string, InstanceType> Instances { get; }

        internal Dictionary<string, PriceOffer> Offers { get; }

        private static Dictionary<string, T> Index<T>(T[] records, Func<T, string> id)
        {
            var byId = new Dictionary<string, T>(records.Length, StringComparer.Ordinal);
            foreach (var record in records)
            {
                byId.Add(id(record), record);
            }
            return byId;
        }

        private static Dictionary<string, T> Index<T>(SectionRecords<T> records, Func<T, string> id, string section, List<DataLoadProblem> problems)
        {
            var byId = new Dictionary<string, T>(records.Count, StringComparer.Ordinal);
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var key = id(record);
                if (!byId.TryAdd(key, record))
                {
                    var first = 0;
                    while (!string.Equals(id(records[first]), key, StringComparison.Ordinal))
                    {
                        first++;
                    }
                    problems.Add(new DataLoadProblem(records.FileOf(i), records.PathOf(i) + ".id", key, "DuplicateId",
                        $"Id '{key}' is used twice in {section} (first at {records.FileOf(first)} {records.PathOf(first)}); ids must be unique."));
                }
            }
            return byId;
        }
    }
}
