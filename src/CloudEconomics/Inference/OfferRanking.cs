using System.Globalization;
using CloudEconomics.Catalog;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Inference;

/// <summary>
/// A priced way to buy accelerators for inference: an instance (or a chip-hour) with its chip, chip count, hourly price
/// and the provenance of the price. Built by hand or adapted from the catalog.
/// </summary>
public sealed record InferenceOffer
{
    /// <summary>Stable identifier, such as <c>"aws-p5.48xlarge/on-demand"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The provider's catalog id, such as <see cref="ProviderId.Aws"/>.</summary>
    public required ProviderId Provider { get; init; }

    /// <summary>The provider's display name, such as <c>"Amazon Web Services"</c>; null shows the id.</summary>
    public string? ProviderName { get; init; }

    /// <summary>Instance type or SKU, such as <c>"p5.48xlarge"</c>.</summary>
    public required string InstanceType { get; init; }

    /// <summary>The chip.</summary>
    public required AcceleratorSpec Accelerator { get; init; }

    /// <summary>Chips per instance; at least 1.</summary>
    public required int AcceleratorCount { get; init; }

    /// <summary>Largest tensor-parallel group the chip's scale-up fabric supports (NVLink domain 8 for HGX); null means the whole instance.</summary>
    public int? ScaleUpDomain { get; init; }

    /// <summary>Price per instance-hour (per chip-hour when <see cref="PricedPerChip"/>).</summary>
    public required PricePerHour Price { get; init; }

    /// <summary>
    /// Whether the offer sells single chips by the chip-hour (Cloud TPU) so that a slice of any power-of-two size up to
    /// the scale-up domain (at most 256) can be bought at <see cref="Price"/> x chips; the ranking then picks the cheapest slice.
    /// </summary>
    public bool PricedPerChip { get; init; }

    /// <summary>How the price is bought (the catalog's purchase option: kind, and term and payment where relevant), such as
    /// <see cref="PurchaseOption.OnDemand"/>; it prints as <c>"on-demand"</c> or <c>"reserved 3y partial upfront"</c>.</summary>
    public required PurchaseOption PurchaseOption { get; init; }

    /// <summary>Region, when stated.</summary>
    public string? Region { get; init; }

    /// <summary>Where the price comes from.</summary>
    public string? PriceSource { get; init; }

    /// <summary>The date the price applies to.</summary>
    public LocalDate? PriceAsOf { get; init; }

    /// <summary>The display name, or the id when no name is given.</summary>
    internal string ProviderLabel => ProviderName ?? Provider.ToString();

    /// <summary>Invariant text such as <c>"AWS p5.48xlarge (8 x NVIDIA H100) on-demand 55.04 USD/h"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{ProviderLabel} {InstanceType} ({AcceleratorCount} x {Accelerator.Name}) {PurchaseOption} {Price}");
}

/// <summary>Rules for an <see cref="InferenceOffer"/>.</summary>
public sealed class InferenceOfferValidator : AbstractValidator<InferenceOffer>
{
    /// <summary>The shared instance.</summary>
    public static InferenceOfferValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public InferenceOfferValidator()
    {
        RuleFor(o => o.Id).NotEmpty().WithMessage("Offer id must not be empty.");
        RuleFor(o => o.Provider).Must(p => p.Value is not null).WithMessage("Offer provider must be set (a catalog provider id such as \"aws\").");
        RuleFor(o => o.PurchaseOption).NotNull().WithMessage("Offer purchase option must be set.");
        RuleFor(o => o.Accelerator).NotNull().SetValidator(AcceleratorSpecValidator.Instance);
        RuleFor(o => o.AcceleratorCount).GreaterThanOrEqualTo(1).WithMessage(o => $"Accelerator count must be at least 1; it was {o.AcceleratorCount}.");
        RuleFor(o => o.ScaleUpDomain).Must(d => d is null || d >= 1).WithMessage(o => $"Scale-up domain must be at least 1 when set; it was {o.ScaleUpDomain}.");
        RuleFor(o => o.Price).Must(p => p.PerHour.Amount > 0).WithMessage(o => $"Offer price must be greater than zero; it was {o.Price}.");
    }
}

/// <summary>One offer's result in a ranking: the best tensor-parallel layout, its prices, energy and bounds, or why it cannot serve the model.</summary>
public sealed record RankedInferenceOffer
{
    /// <summary>1-based rank by blended price (offers that cannot serve the model have no rank).</summary>
    public int? Rank { get; init; }

    /// <summary>The offer.</summary>
    public required InferenceOffer Offer { get; init; }

    /// <summary>The estimate of the cheapest layout that fits; null when none fits.</summary>
    public ThroughputEstimate? Estimate { get; init; }

    /// <summary>Chips of the offer the chosen layout leaves idle (paid for, unused); 0 when every chip serves.</summary>
    public int IdleChips { get; init; }

    /// <summary>What the chosen layout's result should say (padded heads, replicated KV heads, idle chips); null when nothing.</summary>
    public string? LayoutNote { get; init; }

    /// <summary>Prices per million tokens; null when the model does not fit.</summary>
    public TokenCostBreakdown? Cost { get; init; }

    /// <summary>Energy per token at the chip's power; null when the power is unknown or the model does not fit.</summary>
    public EnergyPerToken? Energy { get; init; }

    /// <summary>Why the offer cannot serve the model; null when it can.</summary>
    public string? Excluded { get; init; }

    /// <summary>Where every input comes from: model, chip, price (source and date), efficiency factors.</summary>
    public required string Provenance { get; init; }
}

/// <summary>
/// Ranks offers for a model and workload by blended price per million tokens. For each instance offer the layouts of
/// <see cref="LayoutSearch"/> on its chips are tried (TP within the scale-up domain, padded heads or idle chips when TP
/// divides only one of them, PP for what does not fit); for an offer priced per chip the same on every power-of-two
/// slice up to the scale-up domain (at most <see cref="MaxPerChipSlice"/>); the cheapest layout that fits (and meets the
/// workload's latency targets, when some layout meets them) is kept, and <see cref="RankedInferenceOffer.LayoutNote"/>
/// says when it pads heads or idles chips.
/// </summary>
public static class OfferRanking
{
    /// <summary>Ranks offers.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="offers">The offers; all prices in one currency.</param>
    /// <param name="efficiency">Efficiency factors; null for each offer's calibrated factors (<see cref="CalibratedEfficiency.For(AcceleratorSpec, ModelProfile)"/>).</param>
    /// <param name="efficiencyFor">Optional per-offer efficiency (for example a lower MFU for one chip); overrides <paramref name="efficiency"/>.</param>
    /// <returns>Ranked offers first (cheapest first), then the offers that cannot serve the model.</returns>
    /// <exception cref="ValidationException">An input breaks its rules.</exception>
    /// <exception cref="ArgumentException">The offers' currencies differ (parameter <c>offers</c>).</exception>
    public static IReadOnlyList<RankedInferenceOffer> Rank(ModelProfile model, Workload workload, IEnumerable<InferenceOffer> offers, EfficiencyFactors? efficiency = null, Func<InferenceOffer, EfficiencyFactors>? efficiencyFor = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(offers);
        InferenceChecks.Require(model);
        InferenceChecks.Require(workload);
        var list = offers.ToList();
        Currency? currency = null;
        foreach (var o in list)
        {
            InferenceChecks.Require(o);
            currency ??= o.Price.Currency;
            if (o.Price.Currency != currency)
            {
                throw new ArgumentException($"All offers must be priced in one currency: offer '{o.Id}' is in {o.Price.Currency.Code}, others in {currency.Value.Code}. Convert first.", nameof(offers));
            }
        }

        var ranked = new List<RankedInferenceOffer>();
        var excluded = new List<RankedInferenceOffer>();
        foreach (var offer in list)
        {
            var eff = efficiencyFor?.Invoke(offer) ?? efficiency ?? DefaultEfficiency.For(offer.Accelerator, model);
            InferenceChecks.Require(eff);
            var result = EvaluateValidated(model, workload, offer, eff);
            (result.Cost is null ? excluded : ranked).Add(result);
        }
        var ordered = ranked
            .OrderBy(r => r.Cost!.Blended.PerMillionTokens.Amount)
            .ThenBy(r => r.Offer.Id, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .Concat(excluded.OrderBy(r => r.Offer.Id, StringComparer.Ordinal))
            .ToList();
        return ordered;
    }

    /// <summary>Evaluates one offer: the cheapest fitting tensor-parallel layout.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="offer">The offer.</param>
    /// <param name="efficiency">Efficiency factors.</param>
    /// <returns>The result (unranked).</returns>
    /// <exception cref="ValidationException">An input breaks its rules.</exception>
    public static RankedInferenceOffer Evaluate(ModelProfile model, Workload workload, InferenceOffer offer, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(efficiency);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(workload);
        InferenceChecks.Require(offer);
        InferenceChecks.Require(model);
        InferenceChecks.Require(workload);
        InferenceChecks.Require(efficiency);
        return EvaluateValidated(model, workload, offer, efficiency);
    }

    private static RankedInferenceOffer EvaluateValidated(ModelProfile model, Workload workload, InferenceOffer offer, EfficiencyFactors efficiency)
    {
        string provenance = Provenance(model, offer, efficiency);
        if (workload.TokensPerRequest > model.MaxContextTokens)
        {
            return new RankedInferenceOffer { Offer = offer, Excluded = "request longer than the model's context", Provenance = provenance };
        }
        ThroughputEstimate? best = null;
        TokenCostBreakdown? bestCost = null;
        bool bestMeets = false;
        string? lastReason = null;
        try
        {
            _ = Roofline.ChooseComputePrecision(model, offer.Accelerator);
        }
        catch (ArgumentException e)
        {
            return new RankedInferenceOffer { Offer = offer, Excluded = e.Message, Provenance = provenance };
        }
        // Rejected layouts are listed (with their reasons) only when no layout fits: the common path formats no text.
        var candidates = new List<LayoutCandidate>();
        Search(model, workload, offer, efficiency, candidates, includeRejected: false);
        if (candidates.Count == 0)
        {
            Search(model, workload, offer, efficiency, candidates, includeRejected: true);
        }
        LayoutCandidate? bestCandidate = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Estimate is not { } est)
            {
                // Keep the memory reason of the widest layout tried (a layout rule such as "exceeds the domain" says less).
                if (lastReason is null || candidate.Rejected!.Contains("does not fit", StringComparison.Ordinal) || !lastReason.Contains("does not fit", StringComparison.Ordinal))
                {
                    lastReason = candidate.Rejected;
                }
                continue;
            }
            int paidChips = est.Deployment.AcceleratorCount + candidate.IdleChips;
            var price = offer.PricedPerChip ? offer.Price * paidChips : offer.Price;
            var cost = TokenCost.ForEstimate(price, est);
            bool meets = est.MeetsTimeToFirstTokenTarget != false && est.MeetsTimePerOutputTokenTarget != false;
            bool better = best is null
                || (meets && !bestMeets)
                || (meets == bestMeets && cost.Blended.PerMillionTokens.Amount < bestCost!.Blended.PerMillionTokens.Amount);
            if (better)
            {
                best = est;
                bestCost = cost;
                bestMeets = meets;
                bestCandidate = candidate;
            }
        }
        if (best is null)
        {
            return new RankedInferenceOffer { Offer = offer, Excluded = lastReason ?? "no tensor-parallel layout fits", Provenance = provenance };
        }
        EnergyPerToken? energy = offer.Accelerator.Power is null ? null : EnergyPerToken.ForEstimate(best);
        return new RankedInferenceOffer { Offer = offer, Estimate = best, Cost = bestCost, Energy = energy, Provenance = provenance, LayoutNote = bestCandidate?.Note, IdleChips = bestCandidate?.IdleChips ?? 0 };
    }

    private static void Search(ModelProfile model, Workload workload, InferenceOffer offer, EfficiencyFactors efficiency, List<LayoutCandidate> candidates, bool includeRejected)
    {
        if (offer.PricedPerChip)
        {
            int limit = Math.Min(MaxPerChipSlice, offer.ScaleUpDomain ?? MaxPerChipSlice);
            for (int n = 1; n <= limit; n *= 2)
            {
                // TP above half the slice only: a smaller TP on this slice is replicas of a smaller slice, tried already.
                LayoutSearch.SearchValidated(model, workload, offer.Accelerator, n, n, efficiency, candidates, includeRejected, minTensorParallel: (n / 2) + 1);
            }
        }
        else
        {
            LayoutSearch.SearchValidated(model, workload, offer.Accelerator, offer.AcceleratorCount, offer.ScaleUpDomain, efficiency, candidates, includeRejected);
        }
    }

    /// <summary>Maximum slice size tried for offers priced per chip.</summary>
    public const int MaxPerChipSlice = 256;

    private static string Provenance(ModelProfile model, InferenceOffer offer, EfficiencyFactors efficiency)
        => string.Create(CultureInfo.InvariantCulture,
            $"model: {model.Id} ({model.Provenance.Source ?? "entered by hand"}); chip: {offer.Accelerator.Name} ({offer.Accelerator.Source ?? "entered by hand"}); price: {PriceProvenance(offer)}; efficiency: {efficiency}");

    internal static string PriceProvenance(InferenceOffer offer)
        => string.Create(CultureInfo.InvariantCulture,
            $"{offer.Price} {offer.PurchaseOption}{(offer.Region is null ? "" : " " + offer.Region)} ({offer.PriceSource ?? "entered by hand"}{(offer.PriceAsOf is { } d ? ", as of " + CloudEconomics.Serialization.IsoDate.Format(d) : "")})");

    /// <summary>Formats a ranking as a Markdown table (rank, offer, chips, TP, batch, bounds, prices, J/token).</summary>
    /// <param name="ranking">The ranking.</param>
    /// <returns>The table, invariant culture.</returns>
    public static string ToMarkdown(IEnumerable<RankedInferenceOffer> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| # | offer | price/h | chips x TP | batch | prefill / decode bound | input $/1M | output $/1M | blended $/1M | J/token |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in ranking)
        {
            if (r.Cost is null || r.Estimate is null)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| - | {r.Offer.ProviderLabel} {r.Offer.InstanceType} {r.Offer.PurchaseOption} | {r.Offer.Price.PerHour.Amount:0.####} | {r.Offer.AcceleratorCount} x {r.Offer.Accelerator.Name} | - | does not fit | - | - | - | - |"));
                continue;
            }
            var e = r.Estimate;
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Rank} | {r.Offer.ProviderLabel} {r.Offer.InstanceType} {r.Offer.PurchaseOption} | {(r.Offer.PricedPerChip ? r.Offer.Price * (e.Deployment.AcceleratorCount + r.IdleChips) : r.Offer.Price).PerHour.Amount:0.####} | {e.Deployment.AcceleratorCount} x {r.Offer.Accelerator.Name}, TP {e.Deployment.TensorParallelDegree}{(e.Deployment.PipelineParallelDegree > 1 ? $" x PP {e.Deployment.PipelineParallelDegree}" : "")} | {e.EffectiveBatchSize} | {e.Prefill.Bound} / {e.Decode.Bound} | {r.Cost.EffectiveInput.PerMillionTokens.Amount:0.0000} | {r.Cost.Output.PerMillionTokens.Amount:0.0000} | {r.Cost.Blended.PerMillionTokens.Amount:0.0000} | {(r.Energy is { } en ? en.JoulesPerToken.ToString("0.000", CultureInfo.InvariantCulture) : "unknown")} |"));
        }
        return sb.ToString();
    }
}
