using System.Globalization;
using FluentValidation;

namespace CloudEconomics.Inference;

/// <summary>
/// How a model is laid out on hardware: <see cref="AcceleratorCount"/> chips of one <see cref="AcceleratorSpec"/>,
/// split into replicas of <see cref="TensorParallelDegree"/> x <see cref="PipelineParallelDegree"/> chips each
/// (replicas = count / (TP x PP)).
/// </summary>
public sealed record InferenceDeployment
{
    /// <summary>The chip.</summary>
    public required AcceleratorSpec Accelerator { get; init; }

    /// <summary>Chips in the deployment (for example 8 for one p5.48xlarge); at least 1.</summary>
    public required int AcceleratorCount { get; init; }

    /// <summary>Chips that hold one copy of the model and split every layer (tensor parallelism); divides <see cref="AcceleratorCount"/>.</summary>
    public int TensorParallelDegree { get; init; } = 1;

    /// <summary>
    /// Pipeline stages per replica, each holding layers / PP of the model on its own TP group; at least 1. Pipeline
    /// parallelism adds memory, not speed: every stage still reads its weights once per micro-batch.
    /// </summary>
    public int PipelineParallelDegree { get; init; } = 1;

    /// <summary>Chips per replica: <see cref="TensorParallelDegree"/> x <see cref="PipelineParallelDegree"/>.</summary>
    public int ChipsPerReplica => TensorParallelDegree * PipelineParallelDegree;

    /// <summary>Independent model copies: <see cref="AcceleratorCount"/> / (TP x PP).</summary>
    public int Replicas => AcceleratorCount / ChipsPerReplica;

    /// <summary>Invariant text such as <c>"8 x NVIDIA H100 (TP 8, 1 replica)"</c> (PP shown when above 1).</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{AcceleratorCount} x {Accelerator.Name} (TP {TensorParallelDegree}{(PipelineParallelDegree > 1 ? $", PP {PipelineParallelDegree}" : "")}, {Replicas} replica{(Replicas == 1 ? "" : "s")})");
}

/// <summary>Rules for an <see cref="InferenceDeployment"/>.</summary>
public sealed class InferenceDeploymentValidator : AbstractValidator<InferenceDeployment>
{
    /// <summary>The shared instance.</summary>
    public static InferenceDeploymentValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public InferenceDeploymentValidator()
    {
        RuleFor(d => d.Accelerator).NotNull().SetValidator(AcceleratorSpecValidator.Instance);
        RuleFor(d => d.AcceleratorCount).GreaterThanOrEqualTo(1)
            .WithMessage(d => $"Accelerator count must be at least 1; it was {d.AcceleratorCount}.");
        RuleFor(d => d.TensorParallelDegree).GreaterThanOrEqualTo(1)
            .WithMessage(d => $"Tensor-parallel degree must be at least 1; it was {d.TensorParallelDegree}.");
        RuleFor(d => d.TensorParallelDegree).Must((d, tp) => tp >= 1 && d.AcceleratorCount >= 1 && d.AcceleratorCount % tp == 0)
            .WithMessage(d => $"Tensor-parallel degree must divide the accelerator count; {d.AcceleratorCount} is not a multiple of {d.TensorParallelDegree}.");
        RuleFor(d => d.PipelineParallelDegree).GreaterThanOrEqualTo(1)
            .WithMessage(d => $"Pipeline-parallel degree must be at least 1; it was {d.PipelineParallelDegree}.");
        RuleFor(d => d.PipelineParallelDegree).Must((d, pp) => pp < 1 || d.TensorParallelDegree < 1 || d.AcceleratorCount % ((long)d.TensorParallelDegree * pp) == 0)
            .WithMessage(d => $"Tensor-parallel x pipeline-parallel degree must divide the accelerator count; {d.AcceleratorCount} is not a multiple of {d.TensorParallelDegree} x {d.PipelineParallelDegree}.");
    }
}

/// <summary>
/// How close to the hardware's peaks the software gets: explicit inputs of the roofline, never hidden constants.
/// </summary>
/// <remarks>
/// <para>Calculators that are given no factors (<c>Roofline.TryEstimate</c>, <c>OfferRanking.Rank</c>,
/// <c>LayoutSearch.Search</c>) use the calibrated factors shipped in <c>seeds/calibration/efficiency.json</c> for the
/// accelerator's family, fitted to published measurements (<see cref="ThroughputCalibration"/>; the README gives their
/// error). The values of a new instance and of <see cref="Default"/> are the uncalibrated baseline below.</para>
/// Baseline (assumptions, change them for your stack): <see cref="Mfu"/> 0.5, <see cref="Mbu"/> 0.7,
/// <see cref="InterconnectEfficiency"/> 0.7, <see cref="UsableMemoryFraction"/> 0.9 (vLLM's default
/// <c>gpu_memory_utilization</c>), activations exchanged in BF16, <see cref="AllReduceLatencySeconds"/> 10 us,
/// <see cref="StepOverheadSeconds"/> 0, <see cref="PrefillChunkTokens"/> 8,192. Published serving benchmarks typically
/// reach 40-60% MFU in prefill and 60-80% MBU in decode; pass measured values when you have them, fit them to
/// measurements, or calibrate one estimate with a measured throughput (<see cref="ThroughputEstimate.CalibrateWith"/>).
/// </remarks>
public sealed record EfficiencyFactors
{
    /// <summary>The uncalibrated baseline listed in the remarks (not the calibrated factors calculators use when given none).</summary>
    public static EfficiencyFactors Default { get; } = new();

    /// <summary>Model FLOPs utilisation: achieved / peak dense compute, in (0, 1].</summary>
    public double Mfu { get; init; } = 0.5;

    /// <summary>Model bandwidth utilisation: achieved / peak memory bandwidth, in (0, 1].</summary>
    public double Mbu { get; init; } = 0.7;

    /// <summary>Achieved / quoted interconnect bandwidth for tensor-parallel all-reduces, in (0, 1].</summary>
    public double InterconnectEfficiency { get; init; } = 0.7;

    /// <summary>Fraction of each chip's memory available for weights and KV cache (the rest is runtime and activations), in (0, 1].</summary>
    public double UsableMemoryFraction { get; init; } = 0.9;

    /// <summary>Precision of activations exchanged between tensor-parallel chips.</summary>
    public NumericPrecision ActivationPrecision { get; init; } = NumericPrecision.Bf16;

    /// <summary>
    /// Alpha of the alpha-beta all-reduce cost: the fixed latency of one tensor-parallel all-reduce, seconds; at least 0
    /// and finite. Default 10 us: vLLM's custom all-reduce on 8 x H100 takes 0.0101 ms for a 512-byte message
    /// (github.com/sgl-project/sglang/pull/2904, 2025-01-15, table "vllm", TP 8); NCCL's ring is slower for small messages.
    /// </summary>
    public double AllReduceLatencySeconds { get; init; } = 10e-6;

    /// <summary>
    /// Fixed time added to every forward pass (scheduling, kernel launches, sampling), seconds; at least 0 and finite.
    /// Default 0: no sourced figure; a calibration fits it.
    /// </summary>
    public double StepOverheadSeconds { get; init; }

    /// <summary>
    /// Tokens one prefill forward pass processes (chunked prefill / in-flight batching token budget): one weight read is
    /// shared by the prompt tokens of every request in the chunk; at least 1. Default 8,192, TensorRT-LLM's default
    /// <c>max_num_tokens</c> (github:NVIDIA/TensorRT-LLM/tensorrt_llm/builder.py@008b2b8d23af95e4e19fa6f354f9c5f6349b2bfc,
    /// <c>BuildConfig.max_num_tokens: int = 8192</c>).
    /// </summary>
    public TokenCount PrefillChunkTokens { get; init; } = TokenCount.FromTokens(8192);

    /// <summary>Invariant text such as <c>"MFU 50%, MBU 70%"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"MFU {Mfu:0.##%}, MBU {Mbu:0.##%}, link {InterconnectEfficiency:0.##%}, usable memory {UsableMemoryFraction:0.##%}, all-reduce latency {AllReduceLatencySeconds * 1e6:0.##} us, step overhead {StepOverheadSeconds * 1e3:0.###} ms, prefill chunk {PrefillChunkTokens.Tokens:#,0} tokens");
}

/// <summary>Rules for <see cref="EfficiencyFactors"/>.</summary>
public sealed class EfficiencyFactorsValidator : AbstractValidator<EfficiencyFactors>
{
    /// <summary>The shared instance.</summary>
    public static EfficiencyFactorsValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public EfficiencyFactorsValidator()
    {
        RuleFor(e => e.Mfu).Must(InUnit).WithMessage(e => $"MFU must be greater than 0 and at most 1; it was {F(e.Mfu)}.");
        RuleFor(e => e.Mbu).Must(InUnit).WithMessage(e => $"MBU must be greater than 0 and at most 1; it was {F(e.Mbu)}.");
        RuleFor(e => e.InterconnectEfficiency).Must(InUnit).WithMessage(e => $"Interconnect efficiency must be greater than 0 and at most 1; it was {F(e.InterconnectEfficiency)}.");
        RuleFor(e => e.UsableMemoryFraction).Must(InUnit).WithMessage(e => $"Usable memory fraction must be greater than 0 and at most 1; it was {F(e.UsableMemoryFraction)}.");
        RuleFor(e => e.ActivationPrecision).IsInEnum().WithMessage("Activation precision must be a defined NumericPrecision value.");
        RuleFor(e => e.AllReduceLatencySeconds).Must(v => double.IsFinite(v) && v >= 0)
            .WithMessage(e => $"All-reduce latency must be a finite number of seconds of at least 0; it was {F(e.AllReduceLatencySeconds)}.");
        RuleFor(e => e.StepOverheadSeconds).Must(v => double.IsFinite(v) && v >= 0)
            .WithMessage(e => $"Step overhead must be a finite number of seconds of at least 0; it was {F(e.StepOverheadSeconds)}.");
        RuleFor(e => e.PrefillChunkTokens).Must(t => t.Tokens >= 1)
            .WithMessage(e => $"Prefill chunk must be at least 1 token; it was {F(e.PrefillChunkTokens.Tokens)}.");
    }

    private static bool InUnit(double v) => double.IsFinite(v) && v > 0 && v <= 1;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
