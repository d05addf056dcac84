using System.Globalization;

namespace CloudEconomics.Catalog;

/// <summary>A price-performance metric of an offer.</summary>
public enum CatalogMetric
{
    /// <summary>The offer's hourly price per billing unit (instance-hour, or chip-hour for per-chip products).</summary>
    PricePerInstanceHour = 0,
    /// <summary>Price per accelerator-hour: hourly price / accelerators per billing unit.</summary>
    PricePerAcceleratorHour = 1,
    /// <summary>Price per dense PFLOP/s-hour at a precision: hourly price / (accelerators x dense peak in PFLOP/s, 10^15).</summary>
    PricePerDensePetaflopHour = 2,
    /// <summary>Price per GB-hour of accelerator memory: hourly price / (accelerators x memory in decimal GB, 10^9 bytes).</summary>
    PricePerMemoryGigabyteHour = 3,
    /// <summary>Price per TB/s-hour of memory bandwidth: hourly price / (accelerators x bandwidth in decimal TB/s, 10^12 bytes/s).</summary>
    PricePerMemoryBandwidthHour = 4,
}

/// <summary>A metric computed for an offer, with the provenance of every input it used.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Amount">Money per unit of <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit, such as <c>"dense BF16 PFLOP/s-h"</c> or <c>"accelerator-h"</c>.</param>
/// <param name="Provenance">A derived provenance: the formula, the offer's as-of, the weakest input confidence, and the inputs with their sources.</param>
public sealed record MetricValue(CatalogMetric Metric, Money Amount, string Unit, Provenance Provenance)
{
    /// <summary>Invariant text such as <c>"6.9533 USD per dense BF16 PFLOP/s-h"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Amount.Amount.ToString("0.####", CultureInfo.InvariantCulture) + " " + Amount.Currency.Code + " per " + Unit;
}

/// <summary>Price-performance metrics of offers: per accelerator-hour, per dense PFLOP-hour, per GB- and TB/s-hour of memory.</summary>
/// <remarks>
/// Compute is always the DENSE peak (sparse vendor headlines are never used). Memory and bandwidth are converted to
/// decimal units (GB = 10^9 bytes, TB/s = 10^12 bytes/s) whatever unit the source stated, so a GiB figure is not
/// silently read as GB. A metric whose input is unknown is not computed (never a made-up zero).
/// </remarks>
public static class CatalogMetrics
{
    /// <summary>The unit a metric is quoted per.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="precision">The precision (used by <see cref="CatalogMetric.PricePerDensePetaflopHour"/> only).</param>
    /// <returns>Text such as <c>"dense BF16 PFLOP/s-h"</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public static string UnitOf(CatalogMetric metric, NumericPrecision precision = NumericPrecision.Bf16) => metric switch
    {
        CatalogMetric.PricePerInstanceHour => "billing-unit-h",
        CatalogMetric.PricePerAcceleratorHour => "accelerator-h",
        CatalogMetric.PricePerDensePetaflopHour => "dense " + precision.ToString().ToUpperInvariant() + " PFLOP/s-h",
        CatalogMetric.PricePerMemoryGigabyteHour => "GB-h of accelerator memory",
        CatalogMetric.PricePerMemoryBandwidthHour => "TB/s-h of memory bandwidth",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Metric must be a defined CatalogMetric value."),
    };

    /// <summary>The accelerators one unit of the offer's price buys: the instance's count, or 1 for per-chip products and accelerator offers.</summary>
    /// <param name="offer">The offer.</param>
    /// <param name="instance">The instance it prices, or null for an accelerator offer.</param>
    /// <returns>The count, or null when the instance's count is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offer"/> is null.</exception>
    public static int? AcceleratorsPerBillingUnit(PriceOffer offer, InstanceType? instance)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return instance is null || instance.Billing == BillingUnit.PerAccelerator ? 1 : instance.AcceleratorCount.Value;
    }

    /// <summary>Price per accelerator-hour of an instance offer.</summary>
    /// <param name="offer">The offer.</param>
    /// <param name="instance">The instance it prices.</param>
    /// <returns>Hourly price / accelerators per billing unit.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The instance's accelerator count is unknown (<paramref name="instance"/>).</exception>
    public static PricePerHour PricePerAcceleratorHour(PriceOffer offer, InstanceType instance)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(instance);
        var count = AcceleratorsPerBillingUnit(offer, instance) ?? throw new ArgumentException($"Instance '{instance.Id}' has no known accelerator count.", nameof(instance));
        return offer.Price / count;
    }

    /// <summary>Computes a metric for an offer, or says why it cannot.</summary>
    /// <param name="offer">The offer.</param>
    /// <param name="instance">The instance it prices (null for an accelerator offer).</param>
    /// <param name="accelerator">The accelerator.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="precision">The precision for <see cref="CatalogMetric.PricePerDensePetaflopHour"/>.</param>
    /// <param name="value">The value, when computable.</param>
    /// <param name="reason">Why not, otherwise (an input is unknown).</param>
    /// <returns>Whether the metric could be computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offer"/> or <paramref name="accelerator"/> is null.</exception>
    public static bool TryCompute(PriceOffer offer, InstanceType? instance, Accelerator accelerator, CatalogMetric metric, NumericPrecision precision,
        out MetricValue? value, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(accelerator);
        value = null;
        var count = AcceleratorsPerBillingUnit(offer, instance);
        if (count is null)
        {
            reason = "accelerator count unknown";
            return false;
        }
        var inputs = new List<string> { Invariant($"price: offer '{offer.Id}' {offer.Price} [{offer.Provenance}]") };
        var confidence = offer.Provenance.Confidence ?? Confidence.Estimate;
        if (instance is not null && instance.Billing == BillingUnit.PerInstance)
        {
            inputs.Add(Invariant($"acceleratorCount of '{instance.Id}': {count} [{instance.AcceleratorCount.Provenance}]"));
            confidence = Weakest(confidence, instance.AcceleratorCount.Provenance.Confidence);
        }
        double perChip;
        string description;
        switch (metric)
        {
            case CatalogMetric.PricePerInstanceHour:
                perChip = double.NaN;
                description = "hourly price";
                break;
            case CatalogMetric.PricePerAcceleratorHour:
                perChip = 1;
                description = Invariant($"hourly price / {count} accelerators");
                break;
            case CatalogMetric.PricePerDensePetaflopHour:
                var compute = accelerator.PeakDenseFigure(precision);
                if (compute.Value is not { } rate)
                {
                    reason = $"dense {precision.ToString().ToUpperInvariant()} peak of '{accelerator.Id}' unknown" + (compute.Provenance.Note is { } n ? $" ({n})" : "");
                    return false;
                }
                perChip = rate.Petaflops;
                inputs.Add(Invariant($"peakDense.{precision.ToString().ToLowerInvariant()} of '{accelerator.Id}': {rate} [{compute.Provenance}]"));
                confidence = Weakest(confidence, compute.Provenance.Confidence);
                description = Invariant($"hourly price / ({count} x {rate.Petaflops:0.######} dense PFLOP/s)");
                break;
            case CatalogMetric.PricePerMemoryGigabyteHour:
                if (accelerator.MemoryCapacity is not { } capacity)
                {
                    reason = $"memory capacity of '{accelerator.Id}' unknown";
                    return false;
                }
                perChip = capacity.ToBytes() / 1e9;
                inputs.Add(Invariant($"memoryCapacity of '{accelerator.Id}': {capacity} [{accelerator.MemoryCapacityFigure.Provenance}]"));
                confidence = Weakest(confidence, accelerator.MemoryCapacityFigure.Provenance.Confidence);
                description = Invariant($"hourly price / ({count} x {perChip:0.###} GB)");
                break;
            case CatalogMetric.PricePerMemoryBandwidthHour:
                if (accelerator.MemoryBandwidth is not { } bandwidth)
                {
                    reason = $"memory bandwidth of '{accelerator.Id}' unknown";
                    return false;
                }
                perChip = bandwidth.ToBytesPerSecond() / 1e12;
                inputs.Add(Invariant($"memoryBandwidth of '{accelerator.Id}': {bandwidth} [{accelerator.MemoryBandwidthFigure.Provenance}]"));
                confidence = Weakest(confidence, accelerator.MemoryBandwidthFigure.Provenance.Confidence);
                description = Invariant($"hourly price / ({count} x {perChip:0.####} TB/s)");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(metric), metric, "Metric must be a defined CatalogMetric value.");
        }
        var price = offer.Price.PerHour;
        var amount = double.IsNaN(perChip) ? price.Amount : price.Amount / (decimal)(count.Value * perChip);
        value = new MetricValue(metric, new Money(amount, price.Currency), UnitOf(metric, precision),
            Provenance.Derived(description, offer.Provenance.AsOf, confidence, inputs));
        reason = null;
        return true;
    }

    /// <summary>The denominator of a metric in plain doubles (kernel tier), or NaN when an input is unknown.</summary>
    internal static double Denominator(CatalogMetric metric, int count, Accelerator accelerator, NumericPrecision precision) => metric switch
    {
        CatalogMetric.PricePerInstanceHour => 1,
        CatalogMetric.PricePerAcceleratorHour => count,
        CatalogMetric.PricePerDensePetaflopHour => accelerator.PeakDense(precision) is { } r ? count * r.Petaflops : double.NaN,
        CatalogMetric.PricePerMemoryGigabyteHour => accelerator.MemoryCapacity is { } c ? count * c.ToBytes() / 1e9 : double.NaN,
        CatalogMetric.PricePerMemoryBandwidthHour => accelerator.MemoryBandwidth is { } b ? count * b.ToBytesPerSecond() / 1e12 : double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Metric must be a defined CatalogMetric value."),
    };

    private static Confidence Weakest(Confidence a, Confidence? b) => b is { } c && c > a ? c : b is null ? Confidence.Estimate : a;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
