using System.Globalization;
using NodaTime;

namespace CloudEconomics.Catalog;

/// <summary>What kind of record an audited figure belongs to.</summary>
public enum CatalogRecordKind
{
    /// <summary>A price offer (its hourly price).</summary>
    Price = 0,
    /// <summary>An instance type (accelerator count, vCPUs, memory, network bandwidth).</summary>
    Instance = 1,
    /// <summary>An accelerator (memory, bandwidth, TDP, scale-up domain and bandwidth, peak dense compute).</summary>
    Accelerator = 2,
}

/// <summary>A figure the audit flags: old, second-hand, an estimate or undated.</summary>
/// <param name="Kind">The kind of record.</param>
/// <param name="Record">The record's id (offer, instance or accelerator id).</param>
/// <param name="Figure">The figure: the purchase option for a price, otherwise the field name (<c>memoryBandwidth</c>, <c>peakDense.bf16</c>).</param>
/// <param name="Value">The value as text, culture-independent (<c>55.04 USD/h</c>, <c>80 GiB</c>).</param>
/// <param name="Confidence">The confidence tier of its evidence; null when unsourced.</param>
/// <param name="AsOf">The as-of date of its evidence; null when undated.</param>
/// <param name="AgeDays">Days from the as-of date to the audit date; null when undated.</param>
/// <param name="Flags">Why it is flagged, in words: <c>stale (400 days old)</c>, <c>undated</c>, <c>secondary source</c>, <c>estimate</c>.</param>
/// <param name="Source">The source of its evidence.</param>
public sealed record CatalogAuditFinding(
    CatalogRecordKind Kind, string Record, string Figure, string Value, Confidence? Confidence, LocalDate? AsOf, int? AgeDays, IReadOnlyList<string> Flags, string? Source);

/// <summary>The counts of a <see cref="CatalogAudit"/>. A figure can carry several flags, so the flag counts can sum to more than <see cref="Flagged"/>.</summary>
/// <param name="Figures">Known figures examined (prices of offers not expired on the date, and known spec figures).</param>
/// <param name="Flagged">Figures with at least one flag.</param>
/// <param name="Stale">Figures older than the stale limit.</param>
/// <param name="Secondary">Figures from a secondary source.</param>
/// <param name="Estimated">Figures that are estimates.</param>
/// <param name="Undated">Figures whose evidence has no date.</param>
public sealed record CatalogAuditSummary(int Figures, int Flagged, int Stale, int Secondary, int Estimated, int Undated);

/// <summary>
/// The audit of a catalog: every known figure whose evidence is old, second-hand, an estimate or undated, so that one
/// sees what to refresh. Prices come first, then spec figures; within each, the oldest first (undated before all),
/// then by record id.
/// </summary>
/// <param name="Date">The audit date ages are measured to.</param>
/// <param name="StaleAfterDays">A figure older than this many days on <paramref name="Date"/> is stale.</param>
/// <param name="Summary">The counts.</param>
/// <param name="Findings">The flagged figures, in order.</param>
public sealed record CatalogAudit(LocalDate Date, int StaleAfterDays, CatalogAuditSummary Summary, IReadOnlyList<CatalogAuditFinding> Findings)
{
    /// <summary>Audits a catalog on a date.</summary>
    /// <param name="catalog">The catalog (a full one: offers that ended before <paramref name="date"/> are skipped).</param>
    /// <param name="date">The audit date.</param>
    /// <param name="staleAfterDays">Age in days above which a figure is stale; greater than zero.</param>
    /// <returns>The audit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="staleAfterDays"/> is zero or negative.</exception>
    public static CatalogAudit Run(CloudCatalog catalog, LocalDate date, int staleAfterDays)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (staleAfterDays <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(staleAfterDays), staleAfterDays, "staleAfterDays must be a positive number of days.");
        }
        var figures = new List<(CatalogRecordKind Kind, string Record, string Figure, string Value, Provenance Provenance)>();
        foreach (var offer in catalog.Offers.Where(o => o.ValidTo is null || o.ValidTo.Value >= date))
        {
            figures.Add((CatalogRecordKind.Price, offer.Id, offer.Option.ToString(),
                offer.Price.PerHour.Amount.ToString("0.####", CultureInfo.InvariantCulture) + " " + offer.Currency.Code + "/h", offer.Provenance));
        }
        foreach (var instance in catalog.Instances)
        {
            Add(figures, CatalogRecordKind.Instance, instance.Id, "acceleratorCount", instance.AcceleratorCount.Value, instance.AcceleratorCount.Provenance);
            Add(figures, CatalogRecordKind.Instance, instance.Id, "vcpus", instance.Vcpus.Value, instance.Vcpus.Provenance);
            Add(figures, CatalogRecordKind.Instance, instance.Id, "memory", instance.Memory.Value, instance.Memory.Provenance);
            Add(figures, CatalogRecordKind.Instance, instance.Id, "networkBandwidth", instance.NetworkBandwidth.Value, instance.NetworkBandwidth.Provenance);
        }
        foreach (var accelerator in catalog.Accelerators)
        {
            Add(figures, CatalogRecordKind.Accelerator, accelerator.Id, "memoryCapacity", accelerator.MemoryCapacityFigure.Value, accelerator.MemoryCapacityFigure.Provenance);
            Add(figures, CatalogRecordKind.Accelerator, accelerator.Id, "memoryBandwidth", accelerator.MemoryBandwidthFigure.Value, accelerator.MemoryBandwidthFigure.Provenance);
            Add(figures, CatalogRecordKind.Accelerator, accelerator.Id, "thermalDesignPower", accelerator.ThermalDesignPowerFigure.Value, accelerator.ThermalDesignPowerFigure.Provenance);
            Add(figures, CatalogRecordKind.Accelerator, accelerator.Id, "scaleUpDomain", accelerator.ScaleUpDomain.Value, accelerator.ScaleUpDomain.Provenance);
            Add(figures, CatalogRecordKind.Accelerator, accelerator.Id, "scaleUpBandwidth", accelerator.ScaleUpBandwidth.Value, accelerator.ScaleUpBandwidth.Provenance);
            foreach (var (precision, figure) in accelerator.PeakDenseCompute)
            {
                Add(figures, CatalogRecordKind.Accelerator, accelerator.Id, "peakDense." + precision.ToString().ToLowerInvariant(), figure.Value, figure.Provenance);
            }
        }
        var findings = new List<CatalogAuditFinding>();
        int stale = 0, secondary = 0, estimated = 0, undated = 0;
        foreach (var (kind, record, name, value, provenance) in figures)
        {
            var flags = new List<string>();
            var asOf = provenance.AsOf;
            int? age = asOf is { } d ? Period.Between(d, date, PeriodUnits.Days).Days : null;
            if (age is { } a && a > staleAfterDays)
            {
                flags.Add(string.Create(CultureInfo.InvariantCulture, $"stale ({a} days old)"));
                stale++;
            }
            if (asOf is null)
            {
                flags.Add("undated");
                undated++;
            }
            if (provenance.Confidence == Confidence.Secondary)
            {
                flags.Add("secondary source");
                secondary++;
            }
            if (provenance.Confidence == Confidence.Estimate)
            {
                flags.Add("estimate");
                estimated++;
            }
            if (flags.Count > 0)
            {
                findings.Add(new CatalogAuditFinding(kind, record, name, value, provenance.Confidence, provenance.AsOf, age, flags, provenance.Source));
            }
        }
        var ordered = findings.OrderBy(f => f.Kind == CatalogRecordKind.Price ? 0 : 1).ThenByDescending(f => f.AgeDays ?? int.MaxValue)
            .ThenBy(f => f.Record, StringComparer.Ordinal).ToList();
        return new CatalogAudit(date, staleAfterDays, new CatalogAuditSummary(figures.Count, findings.Count, stale, secondary, estimated, undated), ordered);
    }

    private static void Add<T>(List<(CatalogRecordKind, string, string, string, Provenance)> figures, CatalogRecordKind kind, string record, string name, T? value, Provenance provenance)
        where T : struct
    {
        if (value is { } v)
        {
            figures.Add((kind, record, name, v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v.ToString() ?? "", provenance));
        }
    }
}
