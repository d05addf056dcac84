using System.Globalization;
using System.Text;

namespace CloudEconomics.Catalog;

/// <summary>What to rank and which offers take part.</summary>
public sealed record RankingOptions
{
    /// <summary>Precision for <see cref="CatalogMetric.PricePerDensePetaflopHour"/>; BF16 by default.</summary>
    public NumericPrecision Precision { get; init; } = NumericPrecision.Bf16;

    /// <summary>Only offers of this purchase option kind; on-demand by default; null for all.</summary>
    public PurchaseOptionKind? Option { get; init; } = PurchaseOptionKind.OnDemand;

    /// <summary>Only offers in this currency; USD by default.</summary>
    public Currency Currency { get; init; } = Currency.Usd;

    /// <summary>Only instances of this provider id; null for all.</summary>
    public string? Provider { get; init; }

    /// <summary>Only offers in this region id; null for all.</summary>
    public string? Region { get; init; }
}

/// <summary>One ranked offer: 1 is the cheapest per unit.</summary>
/// <param name="Rank">1-based rank (ties share the order of the catalog).</param>
/// <param name="Instance">The instance type.</param>
/// <param name="Offer">The offer.</param>
/// <param name="Value">The metric value in the ranking's currency.</param>
public sealed record RankedOffer(int Rank, InstanceType Instance, PriceOffer Offer, Money Value);

/// <summary>An instance left out of a ranking, and why (an unknown input, or no matching offer).</summary>
/// <param name="Instance">The instance type.</param>
/// <param name="Offer">The offer, or null when the instance has no matching offer.</param>
/// <param name="Reason">Why it was not ranked.</param>
public sealed record UnrankedOffer(InstanceType Instance, PriceOffer? Offer, string Reason);

/// <summary>Instances ranked by a metric, cheapest first, with those that could not be ranked and why.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Unit">The unit of every value, such as <c>"dense BF16 PFLOP/s-h"</c>.</param>
/// <param name="Ranked">Ranked offers, cheapest first.</param>
/// <param name="Unranked">Instances left out, with the reason.</param>
public sealed record CatalogRanking(CatalogMetric Metric, string Unit, IReadOnlyList<RankedOffer> Ranked, IReadOnlyList<UnrankedOffer> Unranked)
{
    /// <summary>A plain-text table (invariant culture): rank, instance, accelerator, region, option, value, confidence of the price.</summary>
    /// <param name="decimals">Decimals of the value column.</param>
    /// <returns>The table, then one line per unranked instance.</returns>
    public string ToTable(int decimals = 2)
    {
        var text = new StringBuilder();
        var format = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        var currency = Ranked.Count > 0 ? Ranked[0].Value.Currency.Code : "USD";
        text.AppendLine(CultureInfo.InvariantCulture, $"| # | instance | accelerator | region | option | {currency}/h | {currency} per {Unit} | price source |");
        text.AppendLine("|---|---|---|---|---|---:|---:|---|");
        foreach (var r in Ranked)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Rank} | {r.Instance.Name} | {r.Instance.Accelerator?.Name ?? r.Instance.AcceleratorId} x{CatalogMetrics.AcceleratorsPerBillingUnit(r.Offer, r.Instance)} | {r.Offer.Region} | {r.Offer.Option} | {r.Offer.Price.PerHour.Amount.ToString("0.####", CultureInfo.InvariantCulture)} | {r.Value.Amount.ToString(format, CultureInfo.InvariantCulture)} | {ConfidenceText(r.Offer.Provenance.Confidence)}, as of {r.Offer.Provenance.AsOfText} |");
        }
        foreach (var u in Unranked)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"not ranked: {u.Instance.Name}: {u.Reason}");
        }
        return text.ToString();
    }

    private static string ConfidenceText(Confidence? confidence) => confidence switch
    {
        Confidence.Vendor => "vendor",
        Confidence.CuratedDataset => "curated dataset",
        Confidence.Secondary => "secondary",
        Confidence.Estimate => "ESTIMATE",
        _ => "unknown",
    };
}
