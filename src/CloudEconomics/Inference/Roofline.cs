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

/// <summary>
/// The roofline of one phase on one replica: the prefill share of one request (its prompt tokens inside shared chunks), or
/// one decode step of the batch. Times are per replica and include pipeline bubbles.
/// </summary>
public sealed record PhaseRoofline
{
    /// <summary>Operations of the phase on the replica, FLOPs (padded heads included).</summary>
    public required double Flops { get; init; }

    /// <summary>Bytes read from and written to memory across the replica's chips (replicated KV-cache reads included).</summary>
    public required double MemoryBytes { get; init; }

    /// <summary>Bytes each chip sends in tensor-parallel all-reduces (0 without tensor parallelism); null when the
    /// interconnect was not evaluated (tensor parallelism on a chip whose link bandwidth is unknown).</summary>
    public required double? InterconnectBytesPerChip { get; init; }

    /// <summary>FLOPs per chip / (chip peak x MFU), seconds.</summary>
    public required double ComputeSeconds { get; init; }

    /// <summary>Bytes per chip / (chip bandwidth x MBU), seconds.</summary>
    public required double MemorySeconds { get; init; }

    /// <summary>All-reduces x latency + bytes per chip / (one-way link bandwidth x efficiency), seconds (0 without tensor
    /// parallelism); null when the interconnect was not evaluated (its link bandwidth is unknown), never a made-up 0.</summary>
    public required double? InterconnectSeconds { get; init; }

    /// <summary>Fixed per-forward-pass overhead (<see cref="EfficiencyFactors.StepOverheadSeconds"/> per pass), seconds.</summary>
    public double OverheadSeconds { get; init; }

    /// <summary>
    /// The phase time: max(compute, memory) + interconnect + overhead (an all-reduce waits for the layer it reduces),
    /// or a measured time after calibration, seconds.
    /// </summary>
    public required double Seconds { get; init; }

    /// <summary>The largest of the compute, memory and interconnect terms.</summary>
    public required LimitingBound Bound { get; init; }
}

/// <summary>Whether a model fits a deployment, and how many sequences the paged KV cache leaves room for.</summary>
public sealed record MemoryFit
{
    /// <summary>Weight bytes each chip holds: (weights + padded heads) / (TP x PP).</summary>
    public required double WeightBytesPerChip { get; init; }

    /// <summary>Usable bytes per chip: capacity x usable fraction.</summary>
    public required double UsableBytesPerChip { get; init; }

    /// <summary>KV-cache bytes one sequence needs at full context (prompt + output) across the replica's chips, replicas of heads included.</summary>
    public required double KvCacheBytesPerSequence { get; init; }

    /// <summary>
    /// KV-cache bytes one token of context takes on each chip: bytes per token / PP, split across the TP group only up
    /// to the KV-head count (x ceil(KV heads / TP) / KV heads), and not split at all for latent attention.
    /// </summary>
    public double KvCacheBytesPerTokenPerChip { get; init; }

    /// <summary>Average context a sequence holds while it decodes under paged in-flight batching: prompt + output / 2, tokens.</summary>
    public TokenCount LiveContextTokens { get; init; }

    /// <summary>Sequences per replica the memory left after weights can hold at the average live context (0 when the model does not fit).</summary>
    public required int MaxSequencesPerReplica { get; init; }

    /// <summary>Whether the weights and at least one sequence's KV cache at full context fit.</summary>
    public bool Fits => MaxSequencesPerReplica >= 1;

    /// <summary>Why it does not fit, or null (formatted when first read: the hot path of a ranking never pays for it).</summary>
    public string? Reason
    {
        get => reason ??= ReasonFactory?.Invoke();
        init => reason = value;
    }

    private string? reason;

    internal Func<string>? ReasonFactory { get; init; }
}

/// <summary>Thrown when a model's weights (or one sequence's KV cache) do not fit the deployment's memory, or when a rate is asked of an estimate that does not fit. Names the parameter <c>model</c>.</summary>
public sealed class ModelDoesNotFitException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fit">The failed fit check.</param>
    public ModelDoesNotFitException(MemoryFit fit)
        : base(fit?.Reason ?? "The model does not fit.", "model") => Fit = fit!;

    /// <summary>The failed fit check.</summary>
    public MemoryFit Fit { get; }
}

/// <summary>How a tensor-parallel degree splits a model's heads, and what that costs.</summary>
public sealed record HeadLayout
{
    /// <summary>Query heads after padding to a multiple of TP (equal to the model's when TP divides them).</summary>
    public required int PaddedAttentionHeads { get; init; }

    /// <summary>KV heads each chip holds: ceil(KV heads / TP) (1 when TP exceeds the KV heads: replicas); all of them for latent attention.</summary>
    public required int KeyValueHeadsPerChip { get; init; }

    /// <summary>How many chips hold the same KV head (TP / KV heads when TP exceeds them; TP for latent attention; 1 otherwise).</summary>
    public required int KvCacheReplication { get; init; }

    /// <summary>Whether query heads were padded because TP does not divide them.</summary>
    public bool Padded { get; init; }

    /// <summary>Extra weight parameters the padded and replicated heads add (query and output projections of padded heads, K/V projections of replicated heads).</summary>
    public required double ExtraParameters { get; init; }

    /// <summary>The tensor-parallel degree.</summary>
    public required int TensorParallelDegree { get; init; }

    /// <summary>The model's query heads.</summary>
    public required int AttentionHeads { get; init; }

    /// <summary>The model's KV heads.</summary>
    public required int KeyValueHeads { get; init; }

    /// <summary>Whether the model caches one latent for all heads (then nothing splits by KV head).</summary>
    public bool LatentAttention { get; init; }

    /// <summary>A sentence for the result (padding, KV replicas), or null when the heads divide evenly.</summary>
    public string? Note
        => Padded
            ? string.Create(CultureInfo.InvariantCulture, $"{AttentionHeads} attention heads do not divide by TP {TensorParallelDegree}: padded to {PaddedAttentionHeads} ({(double)PaddedAttentionHeads / AttentionHeads - 1:0.#%} more attention work), as the Neuron SDK pads; vLLM would refuse this TP")
            : !LatentAttention && KeyValueHeadsPerChip * TensorParallelDegree != KeyValueHeads
                ? string.Create(CultureInfo.InvariantCulture, $"{KeyValueHeads} KV heads on TP {TensorParallelDegree}: each chip keeps {KeyValueHeadsPerChip} (replicated {KvCacheReplication}x)")
                : null;
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

    /// <summary>The precision whose peak compute was used (the model's activation precision, or the next wider one the chip states).</summary>
    public required NumericPrecision ComputePrecision { get; init; }

    /// <summary>Memory fit and KV-cache capacity.</summary>
    public required MemoryFit Fit { get; init; }

    /// <summary>Sequences decoded together per replica: the workload's batch, lowered to the KV-cache capacity, or the measured batch.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit: there is no batch.</exception>
    public required int EffectiveBatchSize { get => Fit.Fits ? field : throw new ModelDoesNotFitException(Fit); init; }

    /// <summary>Whether the KV cache lowered the batch below the workload's.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public bool BatchLimitedByKvCache => EffectiveBatchSize < Workload.BatchSize && Source == ThroughputSource.RooflineEstimate;

    /// <summary>Whether tensor-parallel communication was evaluated (false when the chip's interconnect bandwidth is unknown and TP &gt; 1).</summary>
    public required bool InterconnectEvaluated { get; init; }

    /// <summary>Prefill share of one request on one replica (its prompt tokens inside shared chunks).</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit: there is no phase to time.</exception>
    public required PhaseRoofline Prefill { get => Fit.Fits ? field : throw new ModelDoesNotFitException(Fit); init; }

    /// <summary>One decode step of the batch on one replica.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit: there is no phase to time.</exception>
    public required PhaseRoofline Decode { get => Fit.Fits ? field : throw new ModelDoesNotFitException(Fit); init; }

    /// <summary>Estimated or measured.</summary>
    public required ThroughputSource Source { get; init; }

    /// <summary>Where a measurement came from, when <see cref="Source"/> is <see cref="ThroughputSource.Measured"/>.</summary>
    public string? MeasurementSource { get; init; }

    /// <summary>How the heads split across the tensor-parallel group (padding, KV replication).</summary>
    public HeadLayout? Heads { get; init; }

    /// <summary>Time to first token, seconds, without queueing: the prompt's chunks through every pipeline stage.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit: there is no first token.</exception>
    public double TimeToFirstTokenSeconds { get => Fit.Fits ? field : throw new ModelDoesNotFitException(Fit); init; }

    private void RequireFit()
    {
        if (!Fit.Fits)
        {
            throw new ModelDoesNotFitException(Fit);
        }
    }

    private bool Fits()
    {
        RequireFit();
        return true;
    }

    /// <summary>Time to first token (see <see cref="TimeToFirstTokenSeconds"/>; the measured one after calibration).</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit: there is no rate.</exception>
    public UnitsDuration TimeToFirstToken => Fits() ? UnitsDuration.FromSeconds(Prefill.Bound == LimitingBound.Measured ? Prefill.Seconds : TimeToFirstTokenSeconds) : default;

    /// <summary>Time per output token: one decode step.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public UnitsDuration TimePerOutputToken => Fits() ? UnitsDuration.FromSeconds(Decode.Seconds) : default;

    /// <summary>Prefill throughput of the deployment: uncached prompt tokens / prefill share x replicas.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public TokenRate PrefillThroughput => Fits() ? TokenRate.FromTokensPerSecond(UncachedPromptTokens.Tokens / Prefill.Seconds * Deployment.Replicas) : default;

    /// <summary>Decode throughput of the deployment while decoding: batch / step time x replicas.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public TokenRate DecodeThroughput => Fits() ? TokenRate.FromTokensPerSecond(EffectiveBatchSize / Decode.Seconds * Deployment.Replicas) : default;

    /// <summary>Seconds a replica needs per batch of requests: batch x prefill share + output tokens x decode step time.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public double CycleSeconds => Fits() ? (EffectiveBatchSize * Prefill.Seconds) + (Workload.OutputTokens.Tokens * Decode.Seconds) : default;

    /// <summary>Completed requests per second of the deployment at full load: batch / cycle x replicas.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public double RequestsPerSecond => EffectiveBatchSize / CycleSeconds * Deployment.Replicas;

    /// <summary>Prompt tokens served per second (cached ones included) at full load.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public TokenRate InputThroughput => TokenRate.FromTokensPerSecond(RequestsPerSecond * Workload.PromptTokens.Tokens);

    /// <summary>Output tokens generated per second at full load.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public TokenRate OutputThroughput => TokenRate.FromTokensPerSecond(RequestsPerSecond * Workload.OutputTokens.Tokens);

    /// <summary>Prompt plus output tokens per second at full load.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public TokenRate TotalThroughput => TokenRate.FromTokensPerSecond(RequestsPerSecond * Workload.TokensPerRequest.Tokens);

    /// <summary>Share of replica time spent in prefill: batch x prefill share / cycle.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit.</exception>
    public double PrefillTimeShare => EffectiveBatchSize * Prefill.Seconds / CycleSeconds;

    /// <summary>Uncached prompt tokens per request: prompt x (1 - prefix-cache hit rate).</summary>
    public TokenCount UncachedPromptTokens => Workload.PromptTokens * (1 - Workload.PrefixCacheHitRate);

    /// <summary>Whether the time to first token meets the workload's target; null without a target.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit and a target is set.</exception>
    public bool? MeetsTimeToFirstTokenTarget => Workload.TimeToFirstTokenTarget is { } t ? TimeToFirstToken.Seconds <= t.Seconds : null;

    /// <summary>Whether the time per output token meets the workload's target; null without a target.</summary>
    /// <exception cref="ModelDoesNotFitException">The model does not fit and a target is set.</exception>
    public bool? MeetsTimePerOutputTokenTarget => Workload.TimePerOutputTokenTarget is { } t ? TimePerOutputToken.Seconds <= t.Seconds : null;

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
        RequireFit();
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
        => !Fit.Fits
            ? $"{Model.Name} on {Deployment}: does not fit ({Fit.Reason})"
            : string.Create(CultureInfo.InvariantCulture,
            $"{Model.Name} on {Deployment}: batch {EffectiveBatchSize}, TTFT {TimeToFirstToken.Seconds * 1e3:0.##} ms ({Prefill.Bound}), TPOT {Decode.Seconds * 1e3:0.##} ms ({Decode.Bound}), {OutputThroughput.TokensPerSecond:#,0} output tokens/s [{Source}]");
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
/// Roofline estimates of LLM inference under paged in-flight batching: prefill is usually compute-bound, decode usually
/// memory-bound; each forward pass takes max(FLOPs / (peak x MFU), bytes / (bandwidth x MBU)) + all-reduce time + overhead.
/// </summary>
/// <remarks>
/// <para>Per replica of TP t x PP p chips, batch B, prompt P (hit rate h: Pn = P(1-h) new tokens, Pc = Ph cached),
/// output O, live context C = P + O/2, active parameters A, KV bytes per token k, layers L, attention width a (padded
/// heads x head dimension), hidden size d, all-reduce element bytes e, prefill chunk T = min(chunk, B x Pn):</para>
/// <list type="bullet">
/// <item>Weights read by a pass of n tokens: dense part + routed experts x (1 - (1 - k/E)^n) (<see cref="ModelProfile.ExpectedWeightBytesRead(TokenCount)"/>);
/// a dense model reads all weights.</item>
/// <item>Prefill share of one request (its tokens inside shared chunks of T): FLOPs = 2 A Pn + 4 L a Pn (Pc + Pn/2);
/// bytes = weights read by a T-token pass x Pn / T + KV (Pc + Pn); time to first token = ceil(Pn / T) + p - 1 chunk-stage times.</item>
/// <item>Decode step: m = min(p, B) micro-batches; FLOPs = 2 A B + 4 L a B C; bytes per chip = m x weights read by a B/m-token pass / (t p)
/// + B C x KV bytes per token per chip; step = stage time x p / m (bubbles when B &lt; p).</item>
/// <item>KV per token per chip = k / p x ceil(KV heads / t) / KV heads (split only up to the KV-head count: above it each
/// chip keeps a replica of one head, as vLLM does), or k / p for latent attention (one latent shared by every head: replicated on every rank).</item>
/// <item>All-reduce (alpha-beta, ring): per pass 2 L / p all-reduces per micro-batch, each costing the latency alpha plus
/// 2 (t-1)/t x tokens x d x e bytes per chip over the one-way link bandwidth x efficiency; it is added to the pass time,
/// not overlapped.</item>
/// <item>Memory: (weights + padded heads) / (t p) per chip must fit capacity x usable fraction; the rest holds
/// floor(free / (KV per token per chip x C)) sequences (paged in-flight batching holds the average live context), and
/// one sequence at full context P + O must fit.</item>
/// </list>
/// <para>The arithmetic follows the usual back-of-envelope method (kipply's "Transformer Inference Arithmetic", 2022;
/// the llm-analysis README); results are bounds under the stated efficiencies, not benchmarks.</para>
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
        return Fit(model, workload, deployment, efficiency, Heads(model, deployment.TensorParallelDegree));
    }

    /// <summary>How a tensor-parallel degree splits a model's heads (padding and KV replication), as vLLM and the Neuron SDK lay them out.</summary>
    /// <param name="model">The model.</param>
    /// <param name="tensorParallelDegree">TP; at least 1.</param>
    /// <returns>The head layout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tensorParallelDegree"/> is below 1.</exception>
    /// <remarks>
    /// Query heads that TP does not divide are padded up to the next multiple of TP (the Neuron SDK pads: neuronx-distributed
    /// <c>parallel_layers/pad.py</c> <c>get_number_of_extra_heads</c>; vLLM instead refuses such a TP, "Total number of
    /// attention heads must be divisible by tensor parallel size", vllm/model_executor/models/llama.py). KV heads are split
    /// while TP divides them and replicated when TP exceeds them (vLLM llama.py: <c>num_kv_heads = max(1, total // tp)</c>).
    /// </remarks>
    public static HeadLayout Heads(ModelProfile model, int tensorParallelDegree)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (tensorParallelDegree < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tensorParallelDegree), tensorParallelDegree, "Tensor-parallel degree must be at least 1.");
        }
        int t = tensorParallelDegree;
        int heads = model.AttentionHeads;
        int padded = (heads + t - 1) / t * t;
        int kvPerChip = model.LatentAttention ? model.KeyValueHeads : (model.KeyValueHeads + t - 1) / t;
        int replication = model.LatentAttention ? t : Math.Max(1, kvPerChip * t / model.KeyValueHeads);
        // Padded query heads add their query and output projections; KV replicas beyond the model's own add K and V projections.
        double extra = (double)model.Layers * model.HeadDimension * model.HiddenSize
            * ((2d * (padded - heads)) + (model.LatentAttention ? 0 : 2d * Math.Max(0, (kvPerChip * t) - model.KeyValueHeads)));
        return new HeadLayout
        {
            PaddedAttentionHeads = padded, KeyValueHeadsPerChip = kvPerChip, KvCacheReplication = replication,
            Padded = padded != heads, ExtraParameters = extra, TensorParallelDegree = t, AttentionHeads = heads,
            KeyValueHeads = model.KeyValueHeads, LatentAttention = model.LatentAttention,
        };
    }

    /// <summary>Estimates throughput and latency.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="deployment">The deployment.</param>
    /// <param name="efficiency">Efficiency factors; null for the calibrated factors of the chip and model class (<see cref="CalibratedEfficiency.For(AcceleratorSpec, ModelProfile)"/>).</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ValidationException">An input breaks its validator's rules.</exception>
    /// <exception cref="ModelDoesNotFitException">The weights, or one sequence's KV cache, do not fit the memory (parameter <c>model</c>).</exception>
    /// <exception cref="ArgumentException">The request is longer than the model's context (parameter <c>workload</c>), or the chip has no usable peak compute (parameter <c>deployment</c>).</exception>
    public static ThroughputEstimate Estimate(ModelProfile model, Workload workload, InferenceDeployment deployment, EfficiencyFactors? efficiency = null)
        => TryEstimate(model, workload, deployment, out var estimate, efficiency) ? estimate : throw new ModelDoesNotFitException(estimate.Fit);

    /// <summary>Estimates throughput and latency, returning false when the model does not fit.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="deployment">The deployment.</param>
    /// <param name="estimate">The estimate; when the model does not fit, one whose <see cref="ThroughputEstimate.Fit"/> says why and
    /// whose rate properties throw <see cref="ModelDoesNotFitException"/>.</param>
    /// <param name="efficiency">Efficiency factors; null for the calibrated factors (<see cref="CalibratedEfficiency"/>).</param>
    /// <returns>Whether the model fits.</returns>
    /// <exception cref="ValidationException">An input breaks its validator's rules.</exception>
    /// <exception cref="ArgumentException">The request is longer than the model's context, or the chip has no usable peak compute.</exception>
    public static bool TryEstimate(ModelProfile model, Workload workload, InferenceDeployment deployment, out ThroughputEstimate estimate, EfficiencyFactors? efficiency = null)
    {
        efficiency ??= DefaultEfficiency.For(deployment, model);
        Validate(model, workload, deployment, efficiency);
        return TryEstimateValidated(model, workload, deployment, out estimate, efficiency);
    }

    /// <summary>The estimate for inputs the caller has validated (the ranking and the calibration validate once).</summary>
    internal static bool TryEstimateValidated(ModelProfile model, Workload workload, InferenceDeployment deployment, out ThroughputEstimate estimate, EfficiencyFactors efficiency)
    {
        var precision = ChooseComputePrecision(model, deployment.Accelerator);
        var heads = Heads(model, deployment.TensorParallelDegree);
        var fit = Fit(model, workload, deployment, efficiency, heads);
        if (!fit.Fits)
        {
            // No phase exists when the model does not fit: the estimate's phases and batch throw ModelDoesNotFitException
            // on access (this placeholder is never observable).
            var none = new PhaseRoofline { Flops = 0, MemoryBytes = 0, InterconnectBytesPerChip = null, ComputeSeconds = 0, MemorySeconds = 0, InterconnectSeconds = null, Seconds = 0, Bound = LimitingBound.MemoryBandwidth };
            estimate = new ThroughputEstimate
            {
                Model = model, Workload = workload, Deployment = deployment, Efficiency = efficiency, ComputePrecision = precision,
                Fit = fit, EffectiveBatchSize = 0, InterconnectEvaluated = false, Prefill = none, Decode = none, Source = ThroughputSource.RooflineEstimate,
                Heads = heads,
            };
            return false;
        }

        var chip = deployment.Accelerator;
        int t = deployment.TensorParallelDegree;
        int p = deployment.PipelineParallelDegree;
        double peak = chip.PeakAt(precision).FlopsPerSecond * efficiency.Mfu;               // per chip
        double bandwidth = chip.MemoryBandwidth.ToBytesPerSecond() * efficiency.Mbu;          // per chip
        bool linkKnown = chip.InterconnectBandwidth is not null;
        double link = linkKnown ? chip.InterconnectBandwidth!.Value.ToBytesPerSecond() * efficiency.InterconnectEfficiency : 0;
        bool evaluateLink = t > 1 && linkKnown;
        bool interconnectEvaluated = t == 1 || linkKnown;

        int batch = Math.Min(workload.BatchSize, fit.MaxSequencesPerReplica);
        double bytesPerWeight = model.WeightPrecision.BytesPerElement();
        double extraWeightBytes = heads.ExtraParameters * bytesPerWeight;
        double kvPerChip = fit.KvCacheBytesPerTokenPerChip;
        double attention = 4d * model.Layers * heads.PaddedAttentionHeads * model.HeadDimension;
        double activeFlopsPerToken = 2d * (model.ActiveParameters + heads.ExtraParameters);
        double pn = workload.PromptTokens.Tokens * (1 - workload.PrefixCacheHitRate);
        double pc = workload.PromptTokens.Tokens - pn;
        double allReducesPerPass = 2d * model.Layers / p;
        double allReduceBytesPerToken = t == 1 ? 0 : 2d * (t - 1) / t * model.HiddenSize * efficiency.ActivationPrecision.BytesPerElement();
        double chips = (double)t * p;

        // Prefill: this request's Pn tokens ride in chunks of T tokens that share one weight read per stage.
        double chunk = Math.Max(1d, Math.Min(efficiency.PrefillChunkTokens.Tokens, batch * pn));
        double share = pn / chunk; // this request's share of one chunk pass
        double prefillFlops = (activeFlopsPerToken * pn) + (attention * pn * (pc + (pn / 2d)));
        double prefillWeightBytes = (model.ExpectedWeightBytesRead(chunk) + extraWeightBytes) * share;
        double prefillBytesPerChip = (prefillWeightBytes / chips) + (kvPerChip * (pc + pn));
        var prefill = Phase(
            flopsPerChip: prefillFlops / chips, bytesPerChip: prefillBytesPerChip,
            allReduces: allReducesPerPass * share, commBytesPerChip: allReducesPerPass * allReduceBytesPerToken * pn,
            passes: share, peak, bandwidth, link, evaluateLink, interconnectEvaluated, efficiency,
            totalFlops: prefillFlops, totalBytes: prefillBytesPerChip * chips, stretch: 1d);
        // Time to first token: ceil(Pn / T) chunk passes, then the pipeline's p - 1 further stages.
        double chunkStage = prefill.Seconds / share;
        double ttft = (Math.Ceiling(pn / chunk) + p - 1) * chunkStage;

        // Decode: m micro-batches of B/m sequences through p stages.
        int micro = Math.Min(p, batch);
        double perMicro = (double)batch / micro;
        double context = workload.PromptTokens.Tokens + (workload.OutputTokens.Tokens / 2d);
        double decodeFlops = (activeFlopsPerToken * batch) + (attention * batch * context);
        double decodeBytesPerChip = (micro * (model.ExpectedWeightBytesRead(perMicro) + extraWeightBytes) / chips) + (batch * context * kvPerChip);
        var decode = Phase(
            flopsPerChip: decodeFlops / chips, bytesPerChip: decodeBytesPerChip,
            allReduces: allReducesPerPass * micro, commBytesPerChip: allReducesPerPass * allReduceBytesPerToken * batch,
            passes: micro, peak, bandwidth, link, evaluateLink, interconnectEvaluated, efficiency,
            totalFlops: decodeFlops, totalBytes: decodeBytesPerChip * chips, stretch: (double)p / micro);

        estimate = new ThroughputEstimate
        {
            Model = model, Workload = workload, Deployment = deployment, Efficiency = efficiency, ComputePrecision = precision,
            Fit = fit, EffectiveBatchSize = batch, InterconnectEvaluated = interconnectEvaluated,
            Prefill = prefill, Decode = decode, Source = ThroughputSource.RooflineEstimate, Heads = heads, TimeToFirstTokenSeconds = ttft,
        };
        return true;
    }

    private static PhaseRoofline Phase(
        double flopsPerChip, double bytesPerChip, double allReduces, double commBytesPerChip, double passes,
        double peak, double bandwidth, double link, bool evaluateLink, bool interconnectEvaluated, EfficiencyFactors efficiency,
        double totalFlops, double totalBytes, double stretch)
    {
        double tc = flopsPerChip / peak * stretch;
        double tm = bytesPerChip / bandwidth * stretch;
        double tx = evaluateLink ? ((allReduces * efficiency.AllReduceLatencySeconds) + (commBytesPerChip / link)) * stretch : 0;
        bool unknownLink = !evaluateLink && !interconnectEvaluated;
        double overhead = efficiency.StepOverheadSeconds * passes * stretch;
        var bound = tm >= tc ? LimitingBound.MemoryBandwidth : LimitingBound.Compute;
        double top = Math.Max(tc, tm);
        if (tx > top)
        {
            bound = LimitingBound.Interconnect;
        }
        return new PhaseRoofline
        {
            Flops = totalFlops, MemoryBytes = totalBytes, InterconnectBytesPerChip = unknownLink ? null : evaluateLink ? commBytesPerChip : 0,
            ComputeSeconds = tc, MemorySeconds = tm, InterconnectSeconds = unknownLink ? null : tx, OverheadSeconds = overhead,
            Seconds = top + tx + overhead, Bound = bound,
        };
    }

    internal static NumericPrecision ChooseComputePrecision(ModelProfile model, AcceleratorSpec chip)
    {
        var wanted = model.ActivationPrecision;
        if (chip.TryGetPeak(wanted, out _))
        {
            return wanted;
        }
        if (wanted.BytesPerElement() < 1d && chip.TryGetPeak(NumericPrecision.Fp8, out _))
        {
            return NumericPrecision.Fp8;
        }
        if (chip.TryGetPeak(NumericPrecision.Bf16, out _))
        {
            return NumericPrecision.Bf16;
        }
        if (chip.TryGetPeak(NumericPrecision.Fp16, out _))
        {
            return NumericPrecision.Fp16;
        }
        throw new ArgumentException(
            $"Accelerator '{chip.Name}' must have a peak dense compute for {wanted}, BF16 or FP16; it has {string.Join(", ", chip.PeakDenseCompute.Keys)}.",
            "deployment");
    }

    private static MemoryFit Fit(ModelProfile model, Workload workload, InferenceDeployment deployment, EfficiencyFactors efficiency, HeadLayout heads)
    {
        int t = deployment.TensorParallelDegree;
        int p = deployment.PipelineParallelDegree;
        double chips = (double)t * p;
        double capacity = deployment.Accelerator.MemoryCapacity.ToBytes();
        double usablePerChip = capacity * efficiency.UsableMemoryFraction;
        double weightBytes = model.WeightBytes + (heads.ExtraParameters * model.WeightPrecision.BytesPerElement());
        double weightsPerChip = weightBytes / chips;
        double kvShare = model.LatentAttention ? 1d : (double)heads.KeyValueHeadsPerChip / model.KeyValueHeads;
        double kvPerTokenPerChip = model.KvCacheBytesPerToken * kvShare / p;
        double live = workload.PromptTokens.Tokens + (workload.OutputTokens.Tokens / 2d);
        double free = usablePerChip - weightsPerChip;
        bool fullFits = free >= kvPerTokenPerChip * workload.TokensPerRequest.Tokens;
        int maxSequences = free <= 0 || !fullFits ? 0 : (int)Math.Min(int.MaxValue, Math.Max(1d, Math.Floor(free / (kvPerTokenPerChip * live))));
        Func<string>? reason = null;
        if (free <= 0)
        {
            reason = () => string.Create(CultureInfo.InvariantCulture,
                $"Model '{model.Name}' does not fit: its {model.WeightPrecision} weights need {weightBytes / 1e9:#,0.#} GB, {weightsPerChip / 1e9:#,0.#} GB per chip at TP {t} x PP {p}, but each {deployment.Accelerator.Name} has {usablePerChip / 1e9:#,0.#} GB usable ({efficiency.UsableMemoryFraction:0.##%} of {capacity / 1e9:#,0.#} GB). Raise the tensor- or pipeline-parallel degree, use chips with more memory or a lower weight precision.");
        }
        else if (!fullFits)
        {
            reason = () => string.Create(CultureInfo.InvariantCulture,
                $"Model '{model.Name}' does not fit: after {weightsPerChip / 1e9:#,0.#} GB of weights per chip, {free / 1e9:#,0.###} GB remain per chip, less than the {kvPerTokenPerChip * workload.TokensPerRequest.Tokens / 1e9:#,0.###} GB of KV cache one {workload.TokensPerRequest.Tokens:#,0}-token sequence needs on each chip.");
        }
        return new MemoryFit
        {
            WeightBytesPerChip = weightsPerChip, UsableBytesPerChip = usablePerChip,
            KvCacheBytesPerSequence = kvPerTokenPerChip * chips * workload.TokensPerRequest.Tokens,
            KvCacheBytesPerTokenPerChip = kvPerTokenPerChip, LiveContextTokens = TokenCount.FromTokens(live),
            MaxSequencesPerReplica = maxSequences, ReasonFactory = reason,
        };
    }

    private static void Validate(ModelProfile model, Workload workload, InferenceDeployment deployment, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(efficiency);
        InferenceChecks.Require(model);
        InferenceChecks.Require(workload);
        InferenceChecks.Require(deployment);
        InferenceChecks.Require(efficiency);
        if (workload.TokensPerRequest > model.MaxContextTokens)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Prompt plus output tokens must not exceed the model's maximum context of {model.MaxContextTokens.Tokens:#,0}; it was {workload.TokensPerRequest.Tokens:#,0.#}."),
                nameof(workload));
        }
    }
}
