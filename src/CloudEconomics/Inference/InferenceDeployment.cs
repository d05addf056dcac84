using System.Globalization;
using FluentValidation;

namespace CloudEconomics.Inference;

/// <summary>
/// How a model is laid out on hardware: <see cref="AcceleratorCount"/> chips of one <see cref="AcceleratorSpec"/>,
/// split into replicas of <see cref="TensorParallelDegree"/> chips each (replicas = count / degree).
/// </summary>
public sealed record InferenceDeployment
{
    /// <summary>The chip.</summary>
    public required AcceleratorSpec Accelerator { get; init; }

    /// <summary>Chips in the deployment (for example 8 for one p5.48xlarge); at least 1.</summary>
    public required int AcceleratorCount { get; init; }

    /// <summary>Chips that hold one copy of the model and split every layer (tensor parallelism); divides <see cref="AcceleratorCount"/>.</summary>
    public int TensorParallelDegree { get; init; } = 1;

    /// <summary>Independent model copies: <see cref="AcceleratorCount"/> / <see cref="TensorParallelDegree"/>.</summary>
    public int Replicas => AcceleratorCount / TensorParallelDegree;

    /// <summary>Invariant text such as <c>"8 x NVIDIA H100 (TP 8, 1 replica)"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{AcceleratorCount} x {Accelerator.Name} (TP {TensorParallelDegree}, {Replicas} replica{(Replicas == 1 ? "" : "s")})");
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
    }
}

/// <summary>
/// How close to the hardware's peaks the software gets: explicit inputs of the roofline, never hidden constants.
/// </summary>
/// <remarks>
/// Defaults (assumptions, change them for your stack): <see cref="Mfu"/> 0.5, <see cref="Mbu"/> 0.7,
/// <see cref="InterconnectEfficiency"/> 0.7, <see cref="UsableMemoryFraction"/> 0.9 (vLLM's default
/// <c>gpu_memory_utilization</c>), activations exchanged in BF16. Published serving benchmarks typically reach
/// 40-60% MFU in prefill and 60-80% MBU in decode; pass measured values when you have them, or calibrate with a
/// measured throughput (<see cref="ThroughputEstimate.CalibrateWith"/>).
/// </remarks>
public sealed record EfficiencyFactors
{
    /// <summary>The defaults listed in the remarks.</summary>
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

    /// <summary>Invariant text such as <c>"MFU 50%, MBU 70%"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"MFU {Mfu:0.##%}, MBU {Mbu:0.##%}, link {InterconnectEfficiency:0.##%}, usable memory {UsableMemoryFraction:0.##%}");
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
    }

    private static bool InUnit(double v) => double.IsFinite(v) && v > 0 && v <= 1;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
