using System.Globalization;
using NodaTime;
using UnitsNet;

namespace CloudEconomics.Catalog.Import;

/// <summary>Collects the mapped rows of a price file: one instance per type, one offer per instance, region and option (the lowest price of the rows that repeat it, such as AWS availability zones).</summary>
internal sealed class ImportBuilder
{
    private readonly ImportSettings settings;
    private readonly AcceleratorNameMap map;
    private readonly string asOf;
    private readonly Dictionary<string, InstanceType> instances = new(StringComparer.Ordinal);
    private readonly List<string> instanceOrder = [];
    private readonly Dictionary<string, OfferRows> offers = new(StringComparer.Ordinal);
    private readonly List<string> offerOrder = [];
    private readonly SortedSet<string> regions = new(StringComparer.Ordinal);
    private readonly List<UnmappedRow> unmapped = [];
    private readonly HashSet<string> reportedKeys = new(StringComparer.Ordinal);

    internal ImportBuilder(ImportSettings settings)
    {
        this.settings = settings;
        map = settings.Map ?? AcceleratorNameMap.Default;
        asOf = CloudEconomics.Serialization.IsoDate.Format(settings.AsOf);
    }

    internal string ProviderId => settings.Provider;

    internal long RowsRead { get; set; }

    /// <summary>The rule for a row, or null after reporting it (an unknown name, or a known name with no catalog accelerator).</summary>
    internal AcceleratorNameRule? Resolve(long line, string instanceType, string? acceleratorName, bool reportUnknown = true)
    {
        var rule = map.Find(settings.Provider, acceleratorName, instanceType);
        var key = acceleratorName is null ? instanceType : $"{instanceType} ({acceleratorName})";
        if (rule is null)
        {
            if (reportUnknown)
            {
                Report(line, key, acceleratorName is null
                    ? $"no rule of the accelerator-name table matches instance type '{instanceType}'"
                    : $"no catalog accelerator is mapped to the name '{acceleratorName}'");
            }
            return null;
        }
        if (rule.Accelerator is null)
        {
            Report(line, key, "the catalog has no accelerator for it" + (rule.Note is null ? "" : ": " + rule.Note));
            return null;
        }
        return rule;
    }

    /// <summary>Reports a row once per key (a file repeats an instance for every region and zone).</summary>
    internal void Report(long line, string key, string reason)
    {
        if (reportedKeys.Add(key + "\n" + reason))
        {
            unmapped.Add(new UnmappedRow(line, key, reason));
        }
    }

    internal static string InstanceId(string provider, string instanceType)
    {
        var name = instanceType.StartsWith("Standard_", StringComparison.OrdinalIgnoreCase) ? instanceType["Standard_".Length..] : instanceType;
        return provider + "-" + string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-'));
    }

    private static readonly Provenance NotInFile = new() { Note = "not in the imported price file" };

    private Provenance Evidence(string? note = null) => Provenance.Of(settings.Source, settings.AsOf, settings.Confidence, note);

    /// <summary>The instance id, adding the instance on first sight.</summary>
    internal string AddInstance(string instanceType, string acceleratorId, int count, int? vcpus, double? memoryGiB, string? countNote = null)
    {
        var id = InstanceId(settings.Provider, instanceType);
        if (!instances.ContainsKey(id))
        {
            instances[id] = new InstanceType
            {
                Id = id,
                Provider = settings.Provider,
                Name = instanceType,
                AcceleratorId = acceleratorId,
                AcceleratorCount = new Figure<int>(count, Evidence(countNote)),
                Vcpus = vcpus is { } v ? new Figure<int>(v, Evidence()) : new Figure<int>(null, NotInFile),
                Memory = memoryGiB is { } m ? new Figure<Information>(Information.FromGibibytes((decimal)m), Evidence()) : new Figure<Information>(null, NotInFile),
                NetworkBandwidth = new Figure<BitRate>(null, NotInFile),
                ScaleOutFabric = new TextFigure(null, NotInFile),
            };
            instanceOrder.Add(id);
        }
        return id;
    }

    /// <summary>Adds a price row for an instance, region and option; a repeated key keeps the lowest price and counts the rows.</summary>
    internal void AddOffer(string instanceId, string region, PurchaseOption option, decimal hourly, Currency currency, decimal? upfront, string? note, string rowKind = "row")
    {
        regions.Add(region);
        var key = string.Join('|', instanceId, region, OptionSlug(option), currency.Code);
        if (offers.TryGetValue(key, out var rows))
        {
            rows.Add(hourly, upfront);
            return;
        }
        offers[key] = new OfferRows(instanceId, region, option, currency, hourly, upfront, note, rowKind);
        offerOrder.Add(key);
    }

    /// <summary>A region as it may appear in an id: characters other than letters, digits and . _ : - become '-' ("East Coast (NY2)" -> "East-Coast--NY2-").</summary>
    private static string IdPart(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-' ? c : '-'));

    internal static string OptionSlug(PurchaseOption option)
    {
        var slug = option.Kind switch
        {
            PurchaseOptionKind.OnDemand => "onDemand",
            PurchaseOptionKind.Spot => "spot",
            PurchaseOptionKind.Reserved => "reserved",
            PurchaseOptionKind.SavingsPlan => "savingsPlan",
            PurchaseOptionKind.CommittedUse => "committedUse",
            _ => option.Kind.ToString(),
        };
        if (option.TermMonths is { } months)
        {
            slug += "-" + months.ToString(CultureInfo.InvariantCulture) + "m";
        }
        if (option.Payment is { } payment)
        {
            slug += "-" + payment switch { PaymentOption.NoUpfront => "noUpfront", PaymentOption.PartialUpfront => "partialUpfront", _ => "allUpfront" };
        }
        return slug;
    }

    internal CatalogImportResult Build()
    {
        var provider = new Provider
        {
            Id = settings.Provider,
            Name = settings.ProviderName ?? settings.Provider,
            Regions = regions.Select(r => new Region { Id = r }).ToArray(),
        };
        var offerList = offerOrder.Select(k => offers[k]).Select(rows =>
        {
            var note = rows.Note;
            if (rows.Count > 1)
            {
                var spread = rows.Min == rows.Max ? "all the same price" : string.Create(CultureInfo.InvariantCulture, $"{rows.Min}..{rows.Max}");
                note = (note is null ? "" : note + "; ") + string.Create(CultureInfo.InvariantCulture, $"lowest of {rows.Count} {rows.RowKind}s in the region ({spread})");
            }
            return new PriceOffer
            {
                Id = $"{rows.InstanceId}/{OptionSlug(rows.Option)}/{IdPart(rows.Region)}/{asOf}",
                InstanceId = rows.InstanceId,
                Region = rows.Region,
                Option = rows.Option,
                HourlyPrice = new Figure<PricePerHour>(new PricePerHour(new Money(rows.Min, rows.Currency)), Evidence(note)),
                Upfront = rows.Upfront is { } u ? new Figure<Money>(new Money(u, rows.Currency), Evidence()) : null,
                ValidFrom = settings.AsOf,
            };
        }).ToArray();
        return new CatalogImportResult(provider, instanceOrder.Select(i => instances[i]).ToArray(), offerList, unmapped.ToArray(), RowsRead);
    }

    private sealed class OfferRows(string instanceId, string region, PurchaseOption option, Currency currency, decimal hourly, decimal? upfront, string? note, string rowKind)
    {
        public string InstanceId { get; } = instanceId;
        public string Region { get; } = region;
        public PurchaseOption Option { get; } = option;
        public Currency Currency { get; } = currency;
        public string? Note { get; } = note;
        public string RowKind { get; } = rowKind;
        public decimal Min { get; private set; } = hourly;
        public decimal Max { get; private set; } = hourly;
        public decimal? Upfront { get; private set; } = upfront;
        public int Count { get; private set; } = 1;

        public void Add(decimal hourly, decimal? upfront)
        {
            Count++;
            if (hourly < Min)
            {
                Min = hourly;
                Upfront = upfront;
            }
            Max = Math.Max(Max, hourly);
        }
    }
}
