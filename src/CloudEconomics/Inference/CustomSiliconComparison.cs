using System.Globalization;
using FluentValidation;

namespace CloudEconomics.Inference;

/// <summary>One row of the sensitivity of the custom-silicon / GPU ratio: a factor moved on the custom-silicon side only.</summary>
public sealed record RatioSensitivity
{
    /// <summary>What was moved: <c>"MFU"</c>, <c>"MBU"</c>, <c>"utilization"</c> or <c>"price"</c>.</summary>
    public required string Factor { get; init; }

    /// <summary>Multiplier applied for the low case (for example 0.8).</summary>
    public required double LowMultiplier { get; init; }

    /// <summary>Multiplier applied for the high case (for example 1.2, capped so fractions stay at most 1).</summary>
    public required double HighMultiplier { get; init; }

    /// <summary>The ratio in the low case; null when no custom-silicon offer can serve the model in that case.</summary>
    public required decimal? RatioAtLow { get; init; }

    /// <summary>The ratio in the high case; null when no custom-silicon offer can serve the model in that case.</summary>
    public required decimal? RatioAtHigh { get; init; }
}

/// <summary>
/// The named comparison "custom silicon vs GPU": the cheapest custom-silicon offer (Trainium/Inferentia by default) against
/// the cheapest GPU offer (H100/H200 by default) for one model and workload, at the offers' prices, with the ratio, the
/// assumptions that produce it, and a sensitivity to MFU, MBU, utilisation and price.
/// </summary>
/// <remarks>
/// Ratio = blended price per million tokens of the best custom-silicon offer / that of the best GPU offer; below 1 means
/// custom silicon is cheaper (0.6 would match the seed article's "about 40% lower inference cost"). The sensitivity moves one
/// factor on the custom-silicon side only (both sides moved together would leave price and utilisation ratios unchanged)
/// and re-ranks the custom offers at each setting.
/// </remarks>
public sealed record CustomSiliconComparison
{
    /// <summary>The comparison's name.</summary>
    public const string Name = "custom silicon vs GPU";

    /// <summary>The model.</summary>
    public required ModelProfile Model { get; init; }

    /// <summary>The workload.</summary>
    public required Workload Workload { get; init; }

    /// <summary>The cheapest custom-silicon offer.</summary>
    public required RankedInferenceOffer CustomSilicon { get; init; }

    /// <summary>The cheapest GPU offer.</summary>
    public required RankedInferenceOffer Gpu { get; init; }

    /// <summary>Blended price of <see cref="CustomSilicon"/> / blended price of <see cref="Gpu"/>.</summary>
    public required decimal Ratio { get; init; }

    /// <summary>Every custom-silicon offer considered, ranked.</summary>
    public required IReadOnlyList<RankedInferenceOffer> CustomSiliconOffers { get; init; }

    /// <summary>Every GPU offer considered, ranked.</summary>
    public required IReadOnlyList<RankedInferenceOffer> GpuOffers { get; init; }

    /// <summary>What backs the custom-silicon side's efficiency factors (measurements of the chip or its family, or the global fit) and the fit's error; null when the caller passed factors.</summary>
    public CalibratedFactors? CustomSiliconCalibration { get; init; }

    /// <summary>What backs the GPU side's efficiency factors, and the fit's error; null when the caller passed factors.</summary>
    public CalibratedFactors? GpuCalibration { get; init; }

    /// <summary>
    /// Low end of the ratio implied by the calibration's error: custom price x its fit's P10 of estimate/measured over
    /// GPU price x its fit's P90 (a true throughput of estimate / ratio); null without calibration error figures.
    /// </summary>
    public decimal? RatioLow { get; init; }

    /// <summary>High end of the ratio implied by the calibration's error (custom P90 over GPU P10); null without calibration error figures.</summary>
    public decimal? RatioHigh { get; init; }

    /// <summary>The sensitivity of the ratio.</summary>
    public required IReadOnlyList<RatioSensitivity> Sensitivity { get; init; }

    /// <summary>The assumptions, one per line.</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    /// <summary>Default classifier of custom silicon: the chip's name contains Trainium or Inferentia.</summary>
    /// <param name="offer">The offer.</param>
    /// <returns>Whether it is custom silicon.</returns>
    public static bool IsTrainiumOrInferentia(InferenceOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Accelerator.Name.Contains("Trainium", StringComparison.OrdinalIgnoreCase) || offer.Accelerator.Name.Contains("Inferentia", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Default classifier of the GPU side: the chip's name contains H100 or H200.</summary>
    /// <param name="offer">The offer.</param>
    /// <returns>Whether it is an H100/H200 offer.</returns>
    public static bool IsH100OrH200(InferenceOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Accelerator.Name.Contains("H100", StringComparison.OrdinalIgnoreCase) || offer.Accelerator.Name.Contains("H200", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs the comparison.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload (its utilisation applies to both sides).</param>
    /// <param name="offers">Offers of both kinds (others are ignored); one currency.</param>
    /// <param name="efficiency">Efficiency factors for both sides; null for the calibrated factors of each offer's chip and the model's class (<see cref="CalibratedEfficiency"/>), which also gives the ratio's range.</param>
    /// <param name="isCustomSilicon">Classifier of the custom side; null for <see cref="IsTrainiumOrInferentia"/>.</param>
    /// <param name="isGpu">Classifier of the GPU side; null for <see cref="IsH100OrH200"/>.</param>
    /// <param name="include">Which offers take part (for example one provider and one purchase option, for a like-for-like
    /// comparison); null for all.</param>
    /// <param name="sensitivityLow">Low multiplier of the sensitivity, in (0, 1).</param>
    /// <param name="sensitivityHigh">High multiplier of the sensitivity, above 1 (MFU, MBU and utilisation are capped at 1).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">No offer on one side can serve the model (parameter <c>offers</c>), or a multiplier is out of range.</exception>
    /// <exception cref="ValidationException">An input breaks its rules.</exception>
    public static CustomSiliconComparison Compare(
        ModelProfile model,
        Workload workload,
        IEnumerable<InferenceOffer> offers,
        EfficiencyFactors? efficiency = null,
        Func<InferenceOffer, bool>? isCustomSilicon = null,
        Func<InferenceOffer, bool>? isGpu = null,
        Func<InferenceOffer, bool>? include = null,
        double sensitivityLow = 0.8,
        double sensitivityHigh = 1.2)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(model);
        bool calibrated = efficiency is null;
        Func<InferenceOffer, EfficiencyFactors> baseFor = efficiency is { } given ? _ => given : o => CalibratedEfficiency.For(o.Accelerator, model);
        isCustomSilicon ??= IsTrainiumOrInferentia;
        isGpu ??= IsH100OrH200;
        if (!(sensitivityLow > 0 && sensitivityLow < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sensitivityLow), sensitivityLow, string.Create(CultureInfo.InvariantCulture, $"Low multiplier must be between 0 and 1 exclusive; it was {sensitivityLow:R}."));
        }
        if (!(sensitivityHigh > 1 && double.IsFinite(sensitivityHigh)))
        {
            throw new ArgumentOutOfRangeException(nameof(sensitivityHigh), sensitivityHigh, string.Create(CultureInfo.InvariantCulture, $"High multiplier must be finite and above 1; it was {sensitivityHigh:R}."));
        }
        var list = offers.Where(include ?? (_ => true)).ToList();
        var custom = list.Where(isCustomSilicon).ToList();
        var gpu = list.Where(o => isGpu(o) && !isCustomSilicon(o)).ToList();
        var customRanked = OfferRanking.Rank(model, workload, custom, null, baseFor);
        var gpuRanked = OfferRanking.Rank(model, workload, gpu, null, baseFor);
        var bestCustom = customRanked.FirstOrDefault(r => r.Cost is not null)
            ?? throw new ArgumentException($"Offers must include at least one custom-silicon offer that can serve {model.Name}; {custom.Count} custom-silicon offers were given and none fits.", nameof(offers));
        var bestGpu = gpuRanked.FirstOrDefault(r => r.Cost is not null)
            ?? throw new ArgumentException($"Offers must include at least one GPU offer that can serve {model.Name}; {gpu.Count} GPU offers were given and none fits.", nameof(offers));
        decimal customPrice = bestCustom.Cost!.Blended.PerMillionTokens.Amount;
        decimal gpuPrice = bestGpu.Cost!.Blended.PerMillionTokens.Amount;
        decimal ratio = customPrice / gpuPrice;
        var customCalibration = calibrated ? CalibratedEfficiency.Describe(bestCustom.Offer.Accelerator, model) : null;
        var gpuCalibration = calibrated ? CalibratedEfficiency.Describe(bestGpu.Offer.Accelerator, model) : null;
        decimal? ratioLow = null, ratioHigh = null;
        if (customCalibration?.Error is { } ce && gpuCalibration?.Error is { } ge)
        {
            ratioLow = customPrice * (decimal)ce.RatioP10 / (gpuPrice * (decimal)ge.RatioP90);
            ratioHigh = customPrice * (decimal)ce.RatioP90 / (gpuPrice * (decimal)ge.RatioP10);
        }

        decimal? RatioWith(Func<EfficiencyFactors, EfficiencyFactors> tweak, Workload w, decimal priceFactor)
        {
            var scaled = custom.Select(o => o with { Price = o.Price * priceFactor });
            var best = OfferRanking.Rank(model, w, scaled, null, o => tweak(baseFor(o))).FirstOrDefault(r => r.Cost is not null);
            return best is null ? null : best.Cost!.Blended.PerMillionTokens.Amount / gpuPrice;
        }

        static double Cap(double v) => Math.Min(1d, v);
        var customBase = baseFor(bestCustom.Offer);
        var rows = new List<RatioSensitivity>
        {
            new() { Factor = "custom-silicon MFU", LowMultiplier = sensitivityLow, HighMultiplier = Cap(customBase.Mfu * sensitivityHigh) / customBase.Mfu,
                RatioAtLow = RatioWith(e => e with { Mfu = e.Mfu * sensitivityLow }, workload, 1m),
                RatioAtHigh = RatioWith(e => e with { Mfu = Cap(e.Mfu * sensitivityHigh) }, workload, 1m) },
            new() { Factor = "custom-silicon MBU", LowMultiplier = sensitivityLow, HighMultiplier = Cap(customBase.Mbu * sensitivityHigh) / customBase.Mbu,
                RatioAtLow = RatioWith(e => e with { Mbu = e.Mbu * sensitivityLow }, workload, 1m),
                RatioAtHigh = RatioWith(e => e with { Mbu = Cap(e.Mbu * sensitivityHigh) }, workload, 1m) },
            new() { Factor = "custom-silicon utilization", LowMultiplier = sensitivityLow, HighMultiplier = Cap(workload.Utilization * sensitivityHigh) / workload.Utilization,
                RatioAtLow = RatioWith(e => e, workload with { Utilization = workload.Utilization * sensitivityLow }, 1m),
                RatioAtHigh = RatioWith(e => e, workload with { Utilization = Cap(workload.Utilization * sensitivityHigh) }, 1m) },
            new() { Factor = "custom-silicon price", LowMultiplier = sensitivityLow, HighMultiplier = sensitivityHigh,
                RatioAtLow = RatioWith(e => e, workload, (decimal)sensitivityLow),
                RatioAtHigh = RatioWith(e => e, workload, (decimal)sensitivityHigh) },
        };

        var assumptions = new List<string>
        {
            $"model: {model} ({model.Id}, sourced in seeds/models)",
            $"workload: {workload}",
            calibrated
                ? $"efficiency: calibrated to published measurements (seeds/calibration): custom silicon {Basis(customCalibration!)}; GPU {Basis(gpuCalibration!)}"
                : $"efficiency (both sides, given): {efficiency}",
            $"custom silicon: {bestCustom.Offer} -> {bestCustom.Estimate!.Deployment}, batch {bestCustom.Estimate.EffectiveBatchSize}, prefill {bestCustom.Estimate.Prefill.Bound}, decode {bestCustom.Estimate.Decode.Bound}",
            $"GPU: {bestGpu.Offer} -> {bestGpu.Estimate!.Deployment}, batch {bestGpu.Estimate.EffectiveBatchSize}, prefill {bestGpu.Estimate.Prefill.Bound}, decode {bestGpu.Estimate.Decode.Bound}",
            $"custom silicon price: {OfferRanking.PriceProvenance(bestCustom.Offer)}; chip figures: {bestCustom.Offer.Accelerator.Source ?? "entered by hand"}",
            $"GPU price: {OfferRanking.PriceProvenance(bestGpu.Offer)}; chip figures: {bestGpu.Offer.Accelerator.Source ?? "entered by hand"}",
            calibrated
                ? "throughput is a roofline estimate from data-sheet peaks (dense) with calibrated efficiency, not a benchmark; the ratio's range applies each side's fit P10-P90 of estimate/measured"
                : "throughput is a roofline estimate from data-sheet peaks (dense), not a benchmark",
            "sensitivity moves one factor on the custom-silicon side only; the GPU side stays at the base case",
        };

        return new CustomSiliconComparison
        {
            Model = model, Workload = workload, CustomSilicon = bestCustom, Gpu = bestGpu, Ratio = ratio,
            CustomSiliconOffers = customRanked, GpuOffers = gpuRanked, Sensitivity = rows, Assumptions = assumptions,
            CustomSiliconCalibration = customCalibration, GpuCalibration = gpuCalibration, RatioLow = ratioLow, RatioHigh = ratioHigh,
        };
    }

    /// <summary>"aws-neuron/Dense fit, backed by measurements of this chip (estimate/measured P10-P90 0.95-1.05)".</summary>
    internal static string Basis(CalibratedFactors c)
    {
        string fit = c.Family + (c.ModelClass == ModelClass.Any ? "" : "/" + c.ModelClass) + " fit";
        string basis = c.Basis switch
        {
            CalibrationBasis.MeasuredAccelerator => "backed by measurements of this chip",
            CalibrationBasis.MeasuredFamily => "backed by measurements of its family (not this chip)",
            _ => "extrapolated (no measurements of its family)",
        };
        string range = c.Error is { } e ? string.Create(CultureInfo.InvariantCulture, $" (estimate/measured P10-P90 {e.RatioP10:0.00}-{e.RatioP90:0.00})") : "";
        return $"{c.Accelerator}: {fit}, {basis}{range}";
    }

    /// <summary>A Markdown report: the ratio, both offers, the sensitivity table and the assumptions.</summary>
    /// <returns>The report, invariant culture.</returns>
    public string ToMarkdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"**{Name}** for {Model.Name}: ratio {Ratio:0.000}{(RatioLow is { } lo && RatioHigh is { } hi ? $" (calibration range {lo:0.000}-{hi:0.000})" : "")} (custom silicon {CustomSilicon.Cost!.Blended.PerMillionTokens.Amount:0.0000} vs GPU {Gpu.Cost!.Blended.PerMillionTokens.Amount:0.0000} {Gpu.Cost.Blended.Currency.Code} per million tokens; {(Ratio < 1 ? $"custom silicon {1 - Ratio:0.#%} cheaper" : $"custom silicon {Ratio - 1:0.#%} dearer")})"));
        sb.AppendLine();
        sb.AppendLine("| factor (custom side) | low | ratio at low | high | ratio at high |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var s in Sensitivity)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Factor} | x{s.LowMultiplier:0.##} | {Fmt(s.RatioAtLow)} | x{s.HighMultiplier:0.##} | {Fmt(s.RatioAtHigh)} |"));
        }
        sb.AppendLine();
        sb.AppendLine("Assumptions:");
        foreach (var a in Assumptions)
        {
            sb.AppendLine("- " + a);
        }
        return sb.ToString();
    }

    private static string Fmt(decimal? ratio) => ratio is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "no fit";
}
