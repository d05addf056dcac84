using System.Globalization;
using FluentValidation;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics.Inference;

/// <summary>What limits a phase of inference.</summary>
public enum LimitingBound
{
    /// <summary>Arithmetic: FLOPs / (peak x MFU) is the longest time.</summary>
    Compute = 0,
    /// <summary>Memory traffic: bytes / (bandwidth x MBU) is the longest time.</summary>
    MemoryBandwidth = 1,
    /// <summary>Tensor-parallel all-reduces: bytes / (link bandwidth x efficiency) is the longest time.</summary>
    Interconnect = 2,
    /// <summary>A measured figure replaced the estimate (see <see cref="ThroughputEstimate.CalibrateWith"/>).</summary>
    Measured = 3,
}

/// <summary>Where a throughput figure comes from.</summary>
public enum ThroughputSource
{
    /// <summary>Estimated from hardware specifications by <see cref="Roofline"/>.</summary>
    RooflineEstimate = 0,
    /// <summary>Measured on real hardware and supplied through <see cref="ThroughputEstimate.CalibrateWith"/>.</summary>
    Measured = 1,
}

/// <summary>The roofline of one phase (prefill of one request, or one decode step of the batch) on one replica.</summary>
public sealed record PhaseRoofline
{
    /// <summary>Operations of the phase, FLOPs.</summary>
    public required double Flops { get; init; }

    /// <summary>Bytes read from and written to memory across the replica's chips.</summary>
    public required double MemoryBytes { get; init; }

    /// <summary>Bytes each chip sends in tensor-parallel all-reduces (0 without tensor parallelism).</summary>
    public required double InterconnectBytesPerChip { get; init; }

    /// <summary>FLOPs / (replica peak x MFU), seconds.</summary>
    public required double ComputeSeconds { get; init; }

    /// <summary>Bytes / (replica bandwidth x MBU), seconds.</summary>
    public required double MemorySeconds { get; init; }

    /// <summary>Interconnect bytes / (link bandwidth x efficiency), seconds; 0 when not evaluated.</summary>
    public required double InterconnectSeconds { get; init; }

    /// <summary>The phase time: the largest of the three, or a measured time after calibration, seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>The bound that sets <see cref="Seconds"/>.</summary>
    public required LimitingBound Bound { get; init; }
}

/// <summary>Whether a model fits a deployment, and how many sequences the KV cache leaves room for.</summary>
public sealed record MemoryFit
{
    /// <summary>Weight bytes each chip holds: weight bytes / tensor-parallel degree.</summary>
    public required double WeightBytesPerChip { get; init; }

    /// <summary>Usable bytes per chip: capacity x usable fraction.</summary>
    public required double UsableBytesPerChip { get; init; }

    /// <summary>KV-cache bytes one sequence needs at full context (prompt + output).</summary>
    public required double KvCacheBytesPerSequence { get; init; }

    /// <summary>Sequences per replica the memory left after weights can hold (0 when the weights do not fit).</summary>
    public required int MaxSequencesPerReplica { get; init; }

    /// <summary>Whether the weights and at least one sequence's KV cache fit.</summary>
    public bool Fits => MaxSequencesPerReplica >= 1;

    /// <summary>Why it does not fit, or null.</summary>
    public string? Reason { get; init; }
}

/// <summary>Thrown when a model's weights (or one sequence's KV cache) do not fit the deployment's memory. Names the parameter <c>model</c>.</summary>
public sealed class ModelDoesNotFitException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fit">The failed fit check.</param>
    public ModelDoesNotFitException(MemoryFit fit)
        : base(fit?.Reason ?? "The model does not fit.", "model") => Fit = fit!;

    /// <summary>The failed fit check.</summary>
    public MemoryFit Fit { get; }
}

/// <summary>
/// Throughput and latency of a model on a deployment: roofline-estimated or calibrated from a measurement. Per-deployment
/// rates are the per-replica rates times the replica count.
/// </summary>
public sealed record ThroughputEstimate
{
    /// <summary>The model.</summary>
    public required ModelProfile Model { get; init; }

    /// <summary>The workload.</summary>
    public required Workload Workload { get; init; }

    /// <summary>The deployment.</summary>
    public required InferenceDeployment Deployment { get; init; }

    /// <summary>The efficiency factors used.</summary>
    public required EfficiencyFactors Efficiency { get; init; }

    /// <summary>The precision whose peak compute was used (the weight precision, or BF16 when the chip has no figure for it).</summary>
    public required NumericPrecision ComputePrecision { get; init; }

    /// <summary>Memory fit and KV-cache capacity.</summary>
    public required MemoryFit Fit { get; init; }

    /// <summary>Sequences decoded together per replica: the workload's batch, lowered to the KV-cache capacity, or the measured batch.</summary>
    public required int EffectiveBatchSize { get; init; }

    /// <summary>Whether the KV cache lowered the batch below the workload's.</summary>
    public bool BatchLimitedByKvCache => EffectiveBatchSize < Workload.BatchSize && Source == ThroughputSource.RooflineEstimate;

    /// <summary>Whether tensor-parallel communication was evaluated (false when the chip's interconnect bandwidth is unknown and TP &gt; 1).</summary>
    public required bool InterconnectEvaluated { get; init; }

    /// <summary>Prefill of one request on one replica.</summary>
    public required PhaseRoofline Prefill { get; init; }

    /// <summary>One decode step of the batch on one replica.</summary>
    public required PhaseRoofline Decode { get; init; }

    /// <summary>Estimated or measured.</summary>
    public required ThroughputSource Source { get; init; }

    /// <summary>Where a measurement came from, when <see cref="Source"/> is <see cref="ThroughputSource.Measured"/>.</summary>
    public string? MeasurementSource { get; init; }

    /// <summary>Time to first token: the prefill time of one request (no queueing).</summary>
    public UnitsDuration TimeToFirstToken => UnitsDuration.FromSeconds(Prefill.Seconds);

    /// <summary>Time per output token: one decode step.</summary>
    public UnitsDuration TimePerOutputToken => UnitsDuration.FromSeconds(Decode.Seconds);

    /// <summary>Prefill throughput of the deployment: uncached prompt tokens / prefill time x replicas.</summary>
    public TokenRate PrefillThroughput => TokenRate.FromTokensPerSecond(UncachedPromptTokens / Prefill.Seconds * Deployment.Replicas);

    /// <summary>Decode throughput of the deployment while decoding: batch / step time x replicas.</summary>
    public TokenRate DecodeThroughput => TokenRate.FromTokensPerSecond(EffectiveBatchSize / Decode.Seconds * Deployment.Replicas);

    /// <summary>Seconds a replica needs per batch of requests: batch x prefill time + output tokens x decode step time.</summary>
    public double CycleSeconds => EffectiveBatchSize * Prefill.Seconds + Workload.OutputTokens * Decode.Seconds;

    /// <summary>Completed requests per second of the deployment at full load: batch / cycle x replicas.</summary>
    public double RequestsPerSecond => EffectiveBatchSize / CycleSeconds * Deployment.Replicas;

    /// <summary>Prompt tokens served per second (cached ones included) at full load.</summary>
    public TokenRate InputThroughput => TokenRate.FromTokensPerSecond(RequestsPerSecond * Workload.PromptTokens);

    /// <summary>Output tokens generated per second at full load.</summary>
    public TokenRate OutputThroughput => TokenRate.FromTokensPerSecond(RequestsPerSecond * Workload.OutputTokens);

    /// <summary>Prompt plus output tokens per second at full load.</summary>
    public TokenRate TotalThroughput => TokenRate.FromTokensPerSecond(RequestsPerSecond * Workload.TokensPerRequest);

    /// <summary>Share of replica time spent in prefill: batch x prefill time / cycle.</summary>
    public double PrefillTimeShare => EffectiveBatchSize * Prefill.Seconds / CycleSeconds;

    /// <summary>Uncached prompt tokens per request: prompt x (1 - prefix-cache hit rate).</summary>
    public double UncachedPromptTokens => Workload.PromptTokens * (1 - Workload.PrefixCacheHitRate);

    /// <summary>Whether the time to first token meets the workload's target; null without a target.</summary>
    public bool? MeetsTimeToFirstTokenTarget => Workload.TimeToFirstTokenTarget is { } t ? Prefill.Seconds <= t.Seconds : null;

    /// <summary>Whether the time per output token meets the workload's target; null without a target.</summary>
    public bool? MeetsTimePerOutputTokenTarget => Workload.TimePerOutputTokenTarget is { } t ? Decode.Seconds <= t.Seconds : null;

    /// <summary>
    /// Replaces the decode estimate (and the prefill estimate when a measured time to first token is given) with a
    /// measurement. The result says <see cref="ThroughputSource.Measured"/> and the bounds say <see cref="LimitingBound.Measured"/>.
    /// </summary>
    /// <param name="measured">The measurement.</param>
    /// <returns>The calibrated estimate.</returns>
    /// <exception cref="ArgumentException">The measurement is invalid (names the property).</exception>
    public ThroughputEstimate CalibrateWith(MeasuredThroughput measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        MeasuredThroughputValidator.Instance.ValidateAndThrow(measured);
        double perReplica = measured.DecodeThroughput.TokensPerSecond / Deployment.Replicas;
        double step = measured.BatchSize / perReplica;
        var decode = Decode with { Seconds = step, Bound = LimitingBound.Measured };
        var prefill = measured.TimeToFirstToken is { } ttft
            ? Prefill with { Seconds = ttft.Seconds, Bound = LimitingBound.Measured }
            : Prefill;
        return this with
        {
            Decode = decode,
            Prefill = prefill,
            EffectiveBatchSize = measured.BatchSize,
            Source = ThroughputSource.Measured,
            MeasurementSource = measured.Source,
        };
    }

    /// <summary>Invariant one-line summary.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"{Model.Name} on {Deployment}: batch {EffectiveBatchSize}, TTFT {Prefill.Seconds * 1e3:0.##} ms ({Prefill.Bound}), TPOT {Decode.Seconds * 1e3:0.##} ms ({Decode.Bound}), {OutputThroughput.TokensPerSecond:#,0} output tokens/s [{Source}]");
}

/// <summary>A measured decode throughput of a whole deployment at a batch size per replica, optionally with a measured time to first token.</summary>
public sealed record MeasuredThroughput
{
    /// <summary>Output tokens per second of the whole deployment while decoding.</summary>
    public required TokenRate DecodeThroughput { get; init; }

    /// <summary>Sequences per replica during the measurement; at least 1.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Measured time to first token; null keeps the estimate.</summary>
    public UnitsDuration? TimeToFirstToken { get; init; }

    /// <summary>Where the measurement comes from (benchmark, date, software version).</summary>
    public required string Source { get; init; }
}

/// <summary>Rules for a <see cref="MeasuredThroughput"/>.</summary>
public sealed class MeasuredThroughputValidator : AbstractValidator<MeasuredThroughput>
{
    /// <summary>The shared instance.</summary>
    public static MeasuredThroughputValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public MeasuredThroughputValidator()
    {
        RuleFor(m => m.DecodeThroughput).Must(r => r.TokensPerSecond > 0)
            .WithMessage(m => $"Measured decode throughput must be greater than zero tokens/s; it was {m.DecodeThroughput}.");
        RuleFor(m => m.BatchSize).GreaterThanOrEqualTo(1).WithMessage(m => $"Measured batch size must be at least 1; it was {m.BatchSize}.");
        RuleFor(m => m.TimeToFirstToken).Must(t => t is null || (double.IsFinite(t.Value.Seconds) && t.Value.Seconds > 0))
            .WithMessage("Measured time to first token must be positive when set.");
        RuleFor(m => m.Source).NotEmpty().WithMessage("A measurement must say where it comes from.");
    }
}

/// <summary>
/// Roofline estimates of LLM inference: prefill is usually compute-bound, decode usually memory-bound; each phase
/// takes max(FLOPs / (peak x MFU), bytes / (bandwidth x MBU), all-reduce bytes / (link x efficiency)).
/// </summary>
/// <remarks>
/// <para>Per replica of t tensor-parallel chips, batch B, prompt P (hit rate h: Pn = P(1-h) new tokens, Pc = Ph cached),
/// output O, average decode context C = P + O/2, active parameters A, weight bytes W, KV bytes per token k, layers L,
/// attention width a = heads x head dimension, hidden size d, activation bytes e:</para>
/// <list type="bullet">
/// <item>prefill FLOPs = 2 A Pn + 4 L a Pn (Pc + Pn/2) (matmuls plus causal attention scores and values);
/// bytes = W + k (Pc + Pn).</item>
/// <item>decode FLOPs per step = 2 A B + 4 L a B C; bytes = weights read + B k C, where a dense model reads W and a
/// mixture of experts reads min(W, active bytes x B) (every expert is touched once the batch is large enough).</item>
/// <item>all-reduce bytes per chip = L x 2 x 2(t-1)/t x tokens x d x e (two ring all-reduces per layer, Megatron-style).</item>
/// <item>memory: W / t per chip must fit capacity x usable fraction; the rest holds KV cache for
/// floor((t x usable - W) / (k (P + O))) sequences.</item>
/// </list>
/// <para>The arithmetic follows the usual back-of-envelope method (for example kipply's "Transformer Inference
/// Arithmetic", 2022, and the llm-analysis README); results are bounds under the stated efficiencies, not benchmarks.</para>
/// </remarks>
public static class Roofline
{
    /// <summary>Checks whether a model's weights and one sequence's KV cache fit a deployment.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload (its prompt + output length sizes the KV cache).</param>
    /// <param name="deployment">The deployment.</param>
    /// <param name="efficiency">Efficiency factors (for the usable memory fraction); null for defaults.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ValidationException">An input breaks its validator's rules.</exception>
    public static MemoryFit CheckFit(ModelProfile model, Workload workload, InferenceDeployment deployment, EfficiencyFactors? efficiency = null)
    {
        efficiency ??= EfficiencyFactors.Default;
        Validate(model, workload, deployment, efficiency);
        return Fit(model, workload, deployment, efficiency);
    }

    /// <summary>Estimates throughput and latency.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="deployment">The deployment.</param>
    /// <param name="efficiency">Efficiency factors; null for <see cref="EfficiencyFactors.Default"/>.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ValidationException">An input breaks its validator's rules.</exception>
    /// <exception cref="ModelDoesNotFitException">The weights, or one sequence's KV cache, do not fit the memory (parameter <c>model</c>).</exception>
    /// <exception cref="ArgumentException">The request is longer than the model's context (parameter <c>workload</c>), or the chip has no usable peak compute (parameter <c>deployment</c>).</exception>
    public static ThroughputEstimate Estimate(ModelProfile model, Workload workload, InferenceDeployment deployment, EfficiencyFactors? efficiency = null)
        => TryEstimate(model, workload, deployment, out var estimate, efficiency) ? estimate : throw new ModelDoesNotFitException(estimate.Fit);

    /// <summary>Estimates throughput and latency, returning false (with the fit in <paramref name="estimate"/>.Fit only) when the model does not fit.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="deployment">The deployment.</param>
    /// <param name="estimate">The estimate; when the model does not fit, a placeholder whose <see cref="ThroughputEstimate.Fit"/> says why and whose phases are zero.</param>
    /// <param name="efficiency">Efficiency factors; null for defaults.</param>
    /// <returns>Whether the model fits.</returns>
    /// <exception cref="ValidationException">An input breaks its validator's rules.</exception>
    /// <exception cref="ArgumentException">The request is longer than the model's context, or the chip has no usable peak compute.</exception>
    public static bool TryEstimate(ModelProfile model, Workload workload, InferenceDeployment deployment, out ThroughputEstimate estimate, EfficiencyFactors? efficiency = null)
    {
        efficiency ??= EfficiencyFactors.Default;
        Validate(model, workload, deployment, efficiency);
        return TryEstimateValidated(model, workload, deployment, out estimate, efficiency);
    }

    /// <summary>The estimate for inputs the caller has validated (the ranking validates once per model, workload and offer).</summary>
    internal static bool TryEstimateValidated(ModelProfile model, Workload workload, InferenceDeployment deployment, out ThroughputEstimate estimate, EfficiencyFactors efficiency)
    {
        var precision = ChooseComputePrecision(model, deployment.Accelerator);
        var fit = Fit(model, workload, deployment, efficiency);
        if (!fit.Fits)
        {
            var none = new PhaseRoofline { Flops = 0, MemoryBytes = 0, InterconnectBytesPerChip = 0, ComputeSeconds = 0, MemorySeconds = 0, InterconnectSeconds = 0, Seconds = 0, Bound = LimitingBound.MemoryBandwidth };
            estimate = new ThroughputEstimate
            {
                Model = model, Workload = workload, Deployment = deployment, Efficiency = efficiency, ComputePrecision = precision,
                Fit = fit, EffectiveBatchSize = 0, InterconnectEvaluated = false, Prefill = none, Decode = none, Source = ThroughputSource.RooflineEstimate,
            };
            return false;
        }

        var chip = deployment.Accelerator;
        int t = deployment.TensorParallelDegree;
        double peak = chip.PeakAt(precision).FlopsPerSecond * t * efficiency.Mfu;
        double bandwidth = chip.MemoryBandwidth.ToBytesPerSecond() * t * efficiency.Mbu;
        bool linkKnown = chip.InterconnectBandwidth is not null;
        double link = linkKnown ? chip.InterconnectBandwidth!.Value.ToBytesPerSecond() * efficiency.InterconnectEfficiency : 0;
        bool interconnectEvaluated = t == 1 || linkKnown;

        int batch = Math.Min(workload.BatchSize, fit.MaxSequencesPerReplica);
        double k = model.KvCacheBytesPerToken;
        double attention = 4d * model.Layers * model.AttentionWidth;
        double pn = workload.PromptTokens * (1 - workload.PrefixCacheHitRate);
        double pc = workload.PromptTokens - pn;
        double allReducePerToken = t == 1 ? 0 : model.Layers * 2d * 2d * (t - 1) / t * model.HiddenSize * efficiency.ActivationPrecision.BytesPerElement();

        var prefill = Phase(
            flops: 2d * model.ActiveParameters * pn + attention * pn * (pc + pn / 2d),
            bytes: WeightsRead(model, pn) + k * (pc + pn),
            commBytes: allReducePerToken * pn,
            peak, bandwidth, link, interconnectEvaluated && t > 1);

        double context = workload.PromptTokens + workload.OutputTokens / 2d;
        var decode = Phase(
            flops: 2d * model.ActiveParameters * batch + attention * batch * context,
            bytes: WeightsRead(model, batch) + batch * k * context,
            commBytes: allReducePerToken * batch,
            peak, bandwidth, link, interconnectEvaluated && t > 1);

        estimate = new ThroughputEstimate
        {
            Model = model, Workload = workload, Deployment = deployment, Efficiency = efficiency, ComputePrecision = precision,
            Fit = fit, EffectiveBatchSize = batch, InterconnectEvaluated = interconnectEvaluated,
            Prefill = prefill, Decode = decode, Source = ThroughputSource.RooflineEstimate,
        };
        return true;
    }

    private static PhaseRoofline Phase(double flops, double bytes, double commBytes, double peak, double bandwidth, double link, bool evaluateLink)
    {
        double tc = flops / peak;
        double tm = bytes / bandwidth;
        double tx = evaluateLink ? commBytes / link : 0;
        var bound = LimitingBound.Compute;
        double max = tc;
        if (tm > max)
        {
            max = tm;
            bound = LimitingBound.MemoryBandwidth;
        }
        if (tx > max)
        {
            max = tx;
            bound = LimitingBound.Interconnect;
        }
        return new PhaseRoofline
        {
            Flops = flops, MemoryBytes = bytes, InterconnectBytesPerChip = evaluateLink ? commBytes : 0,
            ComputeSeconds = tc, MemorySeconds = tm, InterconnectSeconds = tx, Seconds = max, Bound = bound,
        };
    }

    private static double WeightsRead(ModelProfile model, double tokens)
        => model.IsMixtureOfExperts ? Math.Min(model.WeightBytes, model.ActiveWeightBytes * Math.Max(1d, tokens)) : model.WeightBytes;

    internal static NumericPrecision ChooseComputePrecision(ModelProfile model, AcceleratorSpec chip)
    {
        if (chip.TryGetPeak(model.WeightPrecision, out _))
        {
            return model.WeightPrecision;
        }
        foreach (var fallback in new[] { NumericPrecision.Bf16, NumericPrecision.Fp16 })
        {
            if (chip.TryGetPeak(fallback, out _))
            {
                return fallback;
            }
        }
        throw new ArgumentException(
            $"Accelerator '{chip.Name}' must have a peak dense compute for {model.WeightPrecision}, BF16 or FP16; it has {string.Join(", ", chip.PeakDenseCompute.Keys)}.",
            "deployment");
    }

    private static MemoryFit Fit(ModelProfile model, Workload workload, InferenceDeployment deployment, EfficiencyFactors efficiency)
    {
        int t = deployment.TensorParallelDegree;
        double usablePerChip = deployment.Accelerator.MemoryCapacity.ToBytes() * efficiency.UsableMemoryFraction;
        double weightsPerChip = model.WeightBytes / t;
        double kvPerSequence = model.KvCacheBytesPerToken * workload.TokensPerRequest;
        double free = usablePerChip * t - model.WeightBytes;
        int maxSequences = free <= 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Floor(free / kvPerSequence));
        string? reason = null;
        if (free <= 0)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"Model '{model.Name}' does not fit: its {model.WeightPrecision} weights need {model.WeightBytes / 1e9:#,0.#} GB, {weightsPerChip / 1e9:#,0.#} GB per chip at tensor-parallel degree {t}, but each {deployment.Accelerator.Name} has {usablePerChip / 1e9:#,0.#} GB usable ({efficiency.UsableMemoryFraction:0.##%} of {deployment.Accelerator.MemoryCapacity.ToBytes() / 1e9:#,0.#} GB). Raise the tensor-parallel degree, use chips with more memory or a lower weight precision.");
        }
        else if (maxSequences < 1)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"Model '{model.Name}' does not fit: after {model.WeightBytes / 1e9:#,0.#} GB of weights, {free / 1e9:#,0.###} GB remain per replica, less than the {kvPerSequence / 1e9:#,0.###} GB of KV cache one {workload.TokensPerRequest:#,0}-token sequence needs.");
        }
        return new MemoryFit
        {
            WeightBytesPerChip = weightsPerChip, UsableBytesPerChip = usablePerChip, KvCacheBytesPerSequence = kvPerSequence,
            MaxSequencesPerReplica = maxSequences, Reason = reason,
        };
    }

    private static void Validate(ModelProfile model, Workload workload, InferenceDeployment deployment, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(efficiency);
        ModelProfileValidator.Instance.ValidateAndThrow(model);
        WorkloadValidator.Instance.ValidateAndThrow(workload);
        InferenceDeploymentValidator.Instance.ValidateAndThrow(deployment);
        EfficiencyFactorsValidator.Instance.ValidateAndThrow(efficiency);
        if (workload.TokensPerRequest > model.MaxContextTokens)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Prompt plus output tokens must not exceed the model's maximum context of {model.MaxContextTokens:#,0}; it was {workload.TokensPerRequest:#,0.#}."),
                nameof(workload));
        }
    }
}
