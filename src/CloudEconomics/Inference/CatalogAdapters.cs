using System.Globalization;
using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Inference;

/// <summary>An offer the catalog holds but the inference calculators cannot use, and why.</summary>
/// <param name="OfferId">The catalog offer id.</param>
/// <param name="Reason">Why it was skipped (a missing figure is named).</param>
public sealed record SkippedOffer(string OfferId, string Reason);

/// <summary>
/// Adapters from the catalog (<see cref="CloudCatalog"/>, <see cref="Accelerator"/>, <see cref="PriceOffer"/>) to the
/// inference inputs (<see cref="AcceleratorSpec"/>, <see cref="InferenceOffer"/>), keeping every figure's provenance.
/// </summary>
public static class CatalogAdapters
{
    /// <summary>The roofline figures of a catalog accelerator (its scale-up bandwidth halved: the catalog's figure counts both directions).</summary>
    /// <param name="accelerator">The catalog accelerator.</param>
    /// <returns>The spec; the source lists each figure's provenance.</returns>
    /// <exception cref="ArgumentException">Memory capacity, memory bandwidth or every dense peak is unknown (names the missing figures; parameter <c>accelerator</c>).</exception>
    public static AcceleratorSpec ToAcceleratorSpec(this Accelerator accelerator)
        => TryToAcceleratorSpec(accelerator, out var spec, out var reason) ? spec : throw new ArgumentException(reason, nameof(accelerator));

    /// <summary>Tries to build the roofline figures of a catalog accelerator.</summary>
    /// <param name="accelerator">The catalog accelerator.</param>
    /// <param name="spec">The spec when every needed figure is known.</param>
    /// <param name="reason">Which figures are unknown, otherwise.</param>
    /// <returns>Whether the spec could be built.</returns>
    public static bool TryToAcceleratorSpec(this Accelerator accelerator, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AcceleratorSpec? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        var peaks = accelerator.PeakDenseCompute.Where(kv => kv.Value.Value is { FlopsPerSecond: > 0 }).ToDictionary(kv => kv.Key, kv => kv.Value.Value!.Value);
        var missing = new List<string>();
        if (accelerator.MemoryCapacity is null)
        {
            missing.Add("memory capacity");
        }
        if (accelerator.MemoryBandwidth is null)
        {
            missing.Add("memory bandwidth");
        }
        if (peaks.Count == 0)
        {
            missing.Add("dense peak compute");
        }
        if (missing.Count > 0)
        {
            spec = null;
            reason = $"Accelerator '{accelerator.Id}' must have {string.Join(", ", missing)} for the roofline; the catalog has them as unknown.";
            return false;
        }
        string peakSources = string.Join("; ", accelerator.PeakDenseCompute.Where(kv => peaks.ContainsKey(kv.Key)).Select(kv => $"{kv.Key}: {kv.Value.Provenance}"));
        spec = new AcceleratorSpec
        {
            Name = accelerator.Name,
            PeakDenseCompute = peaks,
            MemoryCapacity = accelerator.MemoryCapacity!.Value,
            MemoryBandwidth = accelerator.MemoryBandwidth!.Value,
            // The catalog holds the vendor's per-chip scale-up figure, both directions summed (NVLink 4: 18 links x 50 GB/s
            // = 900 GB/s; Infinity Fabric, ICI and NeuronLink are quoted the same way); an all-reduce sends one way: half.
            InterconnectBandwidth = accelerator.ScaleUpBandwidth.Value is { } link && link.BitsPerSecond > 0 ? link / 2m : null,
            Power = accelerator.ThermalDesignPower is { } p && p.Watts > 0 ? p : null,
            Source = $"catalog accelerator '{accelerator.Id}': memory {accelerator.MemoryCapacityFigure.Provenance}; bandwidth {accelerator.MemoryBandwidthFigure.Provenance}; peaks {peakSources}; power {accelerator.ThermalDesignPowerFigure.Provenance}",
        };
        reason = null;
        return true;
    }

    /// <summary>One catalog offer as an inference offer: the instance's chip and chip count, the hourly price for the whole instance.</summary>
    /// <param name="catalog">The catalog that holds the offer's instance and accelerator.</param>
    /// <param name="offer">The offer.</param>
    /// <returns>The inference offer.</returns>
    /// <exception cref="ArgumentException">The offer has no price, its instance or accelerator is missing, or a roofline figure is unknown (parameter <c>offer</c>).</exception>
    public static InferenceOffer ToInferenceOffer(this CloudCatalog catalog, PriceOffer offer)
        => TryToInferenceOffer(catalog, offer, out var result, out var reason) ? result : throw new ArgumentException(reason, nameof(offer));

    /// <summary>Tries to adapt one catalog offer.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="offer">The offer.</param>
    /// <param name="result">The inference offer when it can be built.</param>
    /// <param name="reason">Why not, otherwise.</param>
    /// <returns>Whether it could be built.</returns>
    public static bool TryToInferenceOffer(this CloudCatalog catalog, PriceOffer offer, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InferenceOffer? result, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(offer);
        result = null;
        if (offer.HourlyPrice.Value is not { } price || price.PerHour.Amount <= 0)
        {
            reason = $"Offer '{offer.Id}' has no positive hourly price.";
            return false;
        }
        InstanceType? instance = offer.InstanceId is null ? null : catalog.FindInstance(offer.InstanceId);
        string? acceleratorId = instance?.AcceleratorId ?? offer.AcceleratorId;
        var accelerator = instance?.Accelerator ?? (acceleratorId is null ? null : catalog.FindAccelerator(acceleratorId));
        if (accelerator is null)
        {
            reason = $"Offer '{offer.Id}' must name an instance or accelerator the catalog holds; '{offer.TargetId}' was not found.";
            return false;
        }
        int count = instance is null ? 1 : instance.Accelerators ?? 0;
        if (count < 1)
        {
            reason = $"Instance '{instance!.Id}' must state its accelerator count; it is unknown.";
            return false;
        }
        if (!accelerator.TryToAcceleratorSpec(out var spec, out reason))
        {
            return false;
        }
        bool perChip = instance is null || instance.Billing == BillingUnit.PerAccelerator;
        var instancePrice = perChip && count > 1 ? price * count : price; // per-chip billing of a multi-chip instance: whole-instance price
        var provider = instance?.Provider ?? accelerator.Vendor;
        if (!ProviderId.TryFromName(provider, out var providerId))
        {
            reason = $"Offer '{offer.Id}' must name a provider (its instance's provider or its accelerator's vendor); '{provider}' holds no letter or digit.";
            return false;
        }
        result = new InferenceOffer
        {
            Id = offer.Id,
            Provider = providerId,
            ProviderName = catalog.FindProvider(provider)?.Name ?? provider,
            InstanceType = instance?.Name ?? accelerator.Name,
            Accelerator = spec,
            AcceleratorCount = count,
            ScaleUpDomain = accelerator.ScaleUpDomain.Value,
            Price = instancePrice,
            PricedPerChip = perChip && count == 1,
            PurchaseOption = offer.Option,
            Region = offer.Region,
            PriceSource = offer.Provenance.Source,
            PriceAsOf = offer.Provenance.AsOf ?? offer.ValidFrom,
        };
        return true;
    }

    /// <summary>
    /// Every catalog offer valid on a date (or every offer when no date is given) that the inference calculators can use,
    /// in one currency, plus the offers skipped and why.
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="asOf">Only offers valid on this date; null for all.</param>
    /// <param name="currency">Only offers in this currency; null for US dollars.</param>
    /// <param name="skipped">Offers skipped, with reasons.</param>
    /// <returns>The usable offers.</returns>
    public static IReadOnlyList<InferenceOffer> ToInferenceOffers(this CloudCatalog catalog, LocalDate? asOf, Currency? currency, out IReadOnlyList<SkippedOffer> skipped)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var source = asOf is { } d ? catalog.AsOf(d) : catalog;
        var want = currency ?? Currency.Usd;
        var result = new List<InferenceOffer>();
        var skips = new List<SkippedOffer>();
        foreach (var offer in source.Offers)
        {
            if (offer.HourlyPrice.Value is { } p && p.Currency != want)
            {
                skips.Add(new SkippedOffer(offer.Id, string.Create(CultureInfo.InvariantCulture, $"priced in {p.Currency.Code}, not {want.Code}")));
                continue;
            }
            if (source.TryToInferenceOffer(offer, out var o, out var reason))
            {
                result.Add(o);
            }
            else
            {
                skips.Add(new SkippedOffer(offer.Id, reason));
            }
        }
        skipped = skips;
        return result;
    }
}
