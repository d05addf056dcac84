using System.Globalization;
using CloudEconomics.Capital;
using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using NodaTime;
using CloudEconomics.Analysis;
using CloudEconomics.Data;

namespace CloudEconomics.Reports;

/// <summary>Inputs of the seed report that are choices, not data. Every default is stated in the report's assumptions.</summary>
public sealed record SeedReportOptions
{
    /// <summary>
    /// The report's default inference workload: 2,000 prompt and 500 output tokens per request, 64 sequences per replica,
    /// 60% of paid hours busy. An illustrative chat workload, not data; the <c>token-cost</c> and <c>tco</c> commands
    /// take their defaults from it.
    /// </summary>
    // Declared before Default, whose instance initialiser reads it (static initialisers run in textual order).
    public static Workload DefaultWorkload { get; } = new() { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 };

    /// <summary>The default options.</summary>
    public static SeedReportOptions Default { get; } = new();

    /// <summary>
    /// The inference workload for the custom-silicon vs GPU comparison (default <see cref="DefaultWorkload"/>); the
    /// scenario's token-cost utilisation replaces <see cref="Workload.Utilization"/> when it is set.
    /// </summary>
    public Workload Workload { get; init; } = DefaultWorkload;

    /// <summary>Efficiency factors of the roofline (MFU, MBU, ...); when null, each chip's calibrated factors (<see cref="CalibratedEfficiency"/>).</summary>
    public EfficiencyFactors? Efficiency { get; init; }

    /// <summary>How commitments are amortised: 8,760 hours a year unless stated.</summary>
    public HoursPerYearConvention HoursPerYear { get; init; } = HoursPerYearConvention.Calendar8760;
}

/// <summary>The custom-silicon vs GPU part of the seed report: cost per million tokens from the inference model.</summary>
/// <param name="ModelId">The model preset id.</param>
/// <param name="Basis">Which offers were compared, such as "AWS on-demand, us-east-1".</param>
/// <param name="CustomSilicon">The cheapest custom-silicon offer (instance, option, price, blended cost per million tokens); null when not computed.</param>
/// <param name="Gpu">The cheapest H100/H200 offer; null when not computed.</param>
/// <param name="Ratio">Custom silicon / GPU blended cost per million tokens; null when not computed.</param>
/// <param name="ArticleClaimRatio">The article's claim as a ratio: "about 40% cheaper" is 0.6.</param>
/// <param name="Sensitivity">The ratio with one custom-side factor moved (MFU, MBU, utilisation, price).</param>
/// <param name="Assumptions">Every assumption behind the ratio, with sources.</param>
/// <param name="NotComputed">Why the comparison could not be made, when it could not.</param>
public sealed record TokenCostSection(
    string ModelId,
    string Basis,
    TokenCostLine? CustomSilicon,
    TokenCostLine? Gpu,
    decimal? Ratio,
    decimal ArticleClaimRatio,
    IReadOnlyList<RatioSensitivity> Sensitivity,
    IReadOnlyList<string> Assumptions,
    string? NotComputed)
{
    /// <summary>Low end of the ratio implied by the calibration's error (see <see cref="CustomSiliconComparison.RatioLow"/>); null without calibration.</summary>
    public decimal? RatioLow { get; init; }

    /// <summary>High end of the ratio implied by the calibration's error; null without calibration.</summary>
    public decimal? RatioHigh { get; init; }

    /// <summary>What backs the custom-silicon side's throughput: measurements of the chip, of its family, or extrapolation; null when factors were given.</summary>
    public string? CustomSiliconBasis { get; init; }

    /// <summary>What backs the GPU side's throughput; null when factors were given.</summary>
    public string? GpuBasis { get; init; }

    /// <summary>
    /// The article's "about 40% cheaper" checked on the calibrated basis: whether the claim's ratio lies inside the
    /// calibration's range, below it or above it; null without a range.
    /// </summary>
    public string? ClaimCheck => Ratio is null || RatioLow is not { } lo || RatioHigh is not { } hi
        ? null
        : ArticleClaimRatio < lo
            ? string.Create(CultureInfo.InvariantCulture, $"the claim (ratio {ArticleClaimRatio:0.00}) is below the calibrated range {lo:0.000}-{hi:0.000}: not supported at these prices")
            : ArticleClaimRatio > hi
                ? string.Create(CultureInfo.InvariantCulture, $"the claim (ratio {ArticleClaimRatio:0.00}) is above the calibrated range {lo:0.000}-{hi:0.000}: custom silicon comes out even cheaper than claimed")
                : string.Create(CultureInfo.InvariantCulture, $"the claim (ratio {ArticleClaimRatio:0.00}) is inside the calibrated range {lo:0.000}-{hi:0.000}: consistent with the measurements' spread");
}

/// <summary>One offer's cost per million tokens in the comparison.</summary>
/// <param name="Instance">The instance type.</param>
/// <param name="Accelerators">Accelerator name and count.</param>
/// <param name="Option">The purchase option.</param>
/// <param name="Region">The price's region.</param>
/// <param name="PricePerHour">The offer's price per billing unit.</param>
/// <param name="Blended">Blended price per million tokens at the workload's input/output mix.</param>
/// <param name="Output">Price per million output tokens.</param>
/// <param name="DecodeBound">What limits decode (memory bandwidth, compute, ...).</param>
public sealed record TokenCostLine(string Instance, string Accelerators, string Option, string? Region, PricePerHour PricePerHour, PricePerMillionTokens Blended, PricePerMillionTokens Output, string DecodeBound);

/// <summary>Reserve or not: the breakeven utilisation of a Trainium commitment against on-demand.</summary>
/// <param name="Instance">The instance type.</param>
/// <param name="OnDemand">The on-demand price (null when the catalog has none).</param>
/// <param name="OnDemandSource">Confidence and as-of of the on-demand price.</param>
/// <param name="Commitment">The commitment's effective hourly price (upfront amortised).</param>
/// <param name="CommitmentKind">The kind of commitment (capacity block, reserved, ...).</param>
/// <param name="CommitmentRegion">The commitment price's region.</param>
/// <param name="CommitmentSource">Confidence and as-of of the commitment price.</param>
/// <param name="BreakevenUtilization">Commitment / on-demand: above this share of hours used, the commitment is cheaper; null when not computed.</param>
/// <param name="ExpectedUtilization">The scenario's expected utilisation, when set.</param>
/// <param name="Verdict">The answer in one sentence.</param>
public sealed record CommitmentCheck(
    string Instance,
    PricePerHour? OnDemand,
    string? OnDemandSource,
    PricePerHour? Commitment,
    string? CommitmentKind,
    string? CommitmentRegion,
    string? CommitmentSource,
    double? BreakevenUtilization,
    double? ExpectedUtilization,
    string Verdict);

/// <summary>
/// The seed scenario report: the capital story (growth, capex vs free cash flow, backlog, the article's loose figures),
/// custom silicon vs GPU cost per million tokens from the inference model, and the reserve-or-not answer for Trainium
/// capacity from the commitment breakeven. Computed from a <see cref="ScenarioFile"/> and the catalog; every figure
/// keeps its source or its formula.
/// </summary>
public sealed record SeedReport
{
    /// <summary>The scenario id.</summary>
    public required string ScenarioId { get; init; }

    /// <summary>The scenario title.</summary>
    public required string Title { get; init; }

    /// <summary>The date whose prices the token-cost and commitment parts use.</summary>
    public required LocalDate PriceAsOf { get; init; }

    /// <summary>The capital part.</summary>
    public required CapitalReport Capital { get; init; }

    /// <summary>Custom silicon vs GPU.</summary>
    public required TokenCostSection TokenCost { get; init; }

    /// <summary>Reserve or not, for each Trainium instance the catalog prices (the scenario's commitment instance first).</summary>
    public required IReadOnlyList<CommitmentCheck> Reserve { get; init; }

    /// <summary>Computes the report.</summary>
    /// <param name="scenario">The scenario (see <see cref="ScenarioFile.Default"/>).</param>
    /// <param name="priceAsOf">The price date; the scenario's assumptions' date, then its as-of date, when null.</param>
    /// <param name="options">Choices that are not data; <see cref="SeedReportOptions.Default"/> when null.</param>
    /// <param name="catalog">The catalog; <see cref="CloudCatalog.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    public static SeedReport Compute(ScenarioFile scenario, LocalDate? priceAsOf = null, SeedReportOptions? options = null, CloudCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= SeedReportOptions.Default;
        catalog ??= CloudCatalog.Default;
        var assumptions = scenario.Assumptions;
        var date = priceAsOf ?? assumptions?.Catalog?.PriceAsOf ?? assumptions?.AsOf ?? scenario.AsOf;
        var dated = catalog.AsOf(date);
        return new SeedReport
        {
            ScenarioId = scenario.Id,
            Title = scenario.Title,
            PriceAsOf = date,
            Capital = CapitalReport.Compute(scenario),
            TokenCost = ComputeTokenCost(scenario, dated, date, options),
            Reserve = ComputeReserve(scenario, dated, options),
        };
    }

    private static TokenCostSection ComputeTokenCost(ScenarioFile scenario, CloudCatalog catalog, LocalDate date, SeedReportOptions options)
    {
        var tokenAssumptions = scenario.Assumptions?.TokenCost;
        var modelId = tokenAssumptions?.ModelId ?? "llama-3.1-70b";
        var region = tokenAssumptions?.Region ?? "us-east-1";
        var basis = $"AWS on-demand offers valid on {Serialization.IsoDate.Format(date)} in {region} (vendor prices, like for like)";
        const decimal claim = 0.6m; // "reduced inference costs by approximately 40%" (seed article)
        var workload = options.Workload;
        if (tokenAssumptions?.Utilization?.Value is { } u)
        {
            workload = workload with { Utilization = (double)u.Amount };
        }
        if (!ModelLibrary.Default.TryGet(modelId, out var model))
        {
            return new TokenCostSection(modelId, basis, null, null, null, claim, [], [], $"model '{modelId}' is not in the model library");
        }
        var offers = catalog.ToInferenceOffers(date, Currency.Usd, out _)
            .Where(o => o.Provider == ProviderId.Aws && o.PurchaseOption.Kind == PurchaseOptionKind.OnDemand && o.Region == region)
            .ToList();
        try
        {
            var comparison = CustomSiliconComparison.Compare(model, workload, offers, options.Efficiency);
            return new TokenCostSection(modelId, basis, Line(comparison.CustomSilicon), Line(comparison.Gpu), comparison.Ratio, claim, comparison.Sensitivity, comparison.Assumptions, null)
            {
                RatioLow = comparison.RatioLow,
                RatioHigh = comparison.RatioHigh,
                CustomSiliconBasis = comparison.CustomSiliconCalibration is { } cc ? CustomSiliconComparison.Basis(cc) : null,
                GpuBasis = comparison.GpuCalibration is { } gc ? CustomSiliconComparison.Basis(gc) : null,
            };
        }
        catch (InvalidOperationException e)
        {
            return new TokenCostSection(modelId, basis, null, null, null, claim, [], [], e.Message);
        }
    }

    private static TokenCostLine Line(RankedInferenceOffer ranked) => new(
        ranked.Offer.InstanceType,
        $"{ranked.Offer.AcceleratorCount} x {ranked.Offer.Accelerator.Name}",
        ranked.Offer.PurchaseOption.ToString(),
        ranked.Offer.Region,
        ranked.Offer.Price,
        ranked.Cost!.Blended,
        ranked.Cost.Output,
        ranked.Estimate!.Decode.Bound.ToString());

    private static List<CommitmentCheck> ComputeReserve(ScenarioFile scenario, CloudCatalog catalog, SeedReportOptions options)
    {
        var catalogAssumptions = scenario.Assumptions?.Catalog;
        double? expected = catalogAssumptions?.ExpectedUtilization?.Value is { } e ? (double)e.Amount : null;
        var region = catalogAssumptions?.Region ?? "us-east-1";
        var trainium = catalog.Instances.Where(i => i.Accelerator?.Family.Contains("Trainium", StringComparison.OrdinalIgnoreCase) == true).Select(i => i.Name).ToList();
        var names = new List<string>();
        if (catalogAssumptions?.CommitmentInstance is { } first)
        {
            names.Add(first);
        }
        names.AddRange(trainium.Where(n => !names.Contains(n, StringComparer.OrdinalIgnoreCase)));
        var checks = new List<CommitmentCheck>();
        foreach (var name in names)
        {
            var instance = catalog.FindInstance(name);
            if (instance is null)
            {
                checks.Add(new CommitmentCheck(name, null, null, null, null, null, null, null, expected, $"{name} is not in the catalog: no answer."));
                continue;
            }
            var onDemand = catalog.OffersFor(instance, PurchaseOptionKind.OnDemand, region).FirstOrDefault()
                ?? catalog.OffersFor(instance, PurchaseOptionKind.OnDemand).FirstOrDefault();
            var commitments = catalog.OffersFor(instance).Where(o => o.Option.IsCommitment && o.Currency == Currency.Usd).ToList();
            if (commitments.Count == 0)
            {
                checks.Add(new CommitmentCheck(name, onDemand?.Price, onDemand is null ? null : Short(onDemand.Provenance), null, null, null, null, null, expected,
                    $"No commitment price for {name} is sourced (no reserved, savings-plan or capacity-block price in the data): no answer."));
                continue;
            }
            foreach (var commitment in commitments)
            {
                var effective = CommitmentEconomics.EffectiveHourlyRate(commitment, options.HoursPerYear);
                var kind = commitment.Option.Kind.ToString();
                if (onDemand is null)
                {
                    checks.Add(new CommitmentCheck(name, null, null, effective, kind, commitment.Region, Short(commitment.Provenance), null, expected,
                        $"{name} has no on-demand price in the data ({kind} only, {effective}): the breakeven cannot be computed; compare against the alternative you would otherwise buy."));
                    continue;
                }
                var breakeven = CommitmentEconomics.Breakeven(onDemand.Price, effective);
                var verdict = expected is { } x
                    ? (x >= breakeven.Utilization
                        ? $"Reserve: the expected {Percent(x)} of hours used is above the {Percent(breakeven.Utilization)} breakeven."
                        : $"Stay on demand: the expected {Percent(x)} of hours used is below the {Percent(breakeven.Utilization)} breakeven.")
                    : breakeven.IsAttainable
                        ? $"Reserve if you will use more than {Percent(breakeven.Utilization)} of the committed hours; below that, on demand is cheaper."
                        : "Never: the commitment costs more per hour than on demand.";
                checks.Add(new CommitmentCheck(name, onDemand.Price, Short(onDemand.Provenance), effective, kind, commitment.Region, Short(commitment.Provenance),
                    breakeven.Utilization, expected, verdict));
            }
        }
        return checks;
    }

    /// <summary>A ratio as an invariant percentage with one decimal: 0.4433 is "44.3%".</summary>
    private static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Short(Provenance provenance)
    {
        var tier = provenance.Confidence switch
        {
            Confidence.Vendor => "vendor",
            Confidence.CuratedDataset => "curated dataset",
            Confidence.Secondary => "secondary",
            Confidence.Estimate => "ESTIMATE",
            _ => "unsourced",
        };
        return $"{tier}, as of {provenance.AsOfText}";
    }
}
