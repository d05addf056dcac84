using System.Text.Json.Serialization;
using UnitsNet;

namespace CloudEconomics.Catalog;

/// <summary>The architecture kind of an accelerator.</summary>
public enum AcceleratorKind
{
    /// <summary>A general-purpose GPU (NVIDIA, AMD).</summary>
    Gpu = 0,
    /// <summary>A custom ASIC other than a TPU (Trainium, Inferentia, Maia).</summary>
    Asic = 1,
    /// <summary>A Google Tensor Processing Unit (an ASIC, kept apart because providers and the seed article name it apart).</summary>
    Tpu = 2,
}

/// <summary>
/// An AI accelerator chip and its sourced specifications. Every figure carries its provenance; an unknown figure is
/// null, never guessed.
/// </summary>
/// <remarks>
/// <para>Units: memory capacity is a UnitsNet <see cref="Information"/> held in the unit the source states (GB =
/// 10^9 bytes or GiB = 2^30 bytes, never mixed up); bandwidths are <see cref="BitRate"/> (TB/s, GB/s or GiB/s as
/// stated); compute is <see cref="ComputeRate"/> per chip; power is <see cref="Power"/>.</para>
/// <para>Peak compute is DENSE (no structured sparsity) in <see cref="PeakDenseCompute"/>; vendor headline figures
/// with 2:4 sparsity live apart in <see cref="PeakSparseCompute"/> and are never used by the metrics.</para>
/// </remarks>
public sealed record Accelerator
{
    /// <summary>Catalog id, such as <c>"aws-trainium2"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, such as <c>"AWS Trainium2"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Chip vendor, such as <c>"AWS"</c>, <c>"NVIDIA"</c>, <c>"Google"</c>.</summary>
    public required string Vendor { get; init; }

    /// <summary>Product family or architecture: <c>"Trainium"</c>, <c>"TPU"</c>, <c>"Hopper"</c>, <c>"Instinct"</c>.</summary>
    public required string Family { get; init; }

    /// <summary>Generation within the family: <c>"2"</c>, <c>"v5p"</c>, <c>"H100"</c>.</summary>
    public required string Generation { get; init; }

    /// <summary>GPU, ASIC or TPU.</summary>
    public required AcceleratorKind Kind { get; init; }

    /// <summary>Process node as the source words it (<c>"TSMC 4N"</c>); often unknown.</summary>
    public TextFigure ProcessNode { get; init; } = TextFigure.Unknown;

    /// <summary>Year of launch (release or general availability, see the note).</summary>
    public Figure<int> LaunchYear { get; init; } = Figure<int>.Unknown;

    /// <summary>On-package memory (HBM, or DRAM for Inferentia 1) per chip, in the unit the source states.</summary>
    [JsonPropertyName("memoryCapacity")]
    public Figure<Information> MemoryCapacityFigure { get; init; } = Figure<Information>.Unknown;

    /// <summary>Memory bandwidth per chip.</summary>
    [JsonPropertyName("memoryBandwidth")]
    public Figure<BitRate> MemoryBandwidthFigure { get; init; } = Figure<BitRate>.Unknown;

    /// <summary>Peak dense compute per chip by precision (no structured sparsity). A missing precision is unknown or unsupported.</summary>
    [JsonPropertyName("peakDense")]
    [JsonConverter(typeof(Serialization.PrecisionMapJsonConverter))]
    public IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> PeakDenseCompute { get; init; } = new Dictionary<NumericPrecision, Figure<ComputeRate>>();

    /// <summary>Peak compute per chip with structured (2:4) sparsity, by precision: vendor headline figures, kept apart.</summary>
    [JsonPropertyName("peakSparse")]
    [JsonConverter(typeof(Serialization.PrecisionMapJsonConverter))]
    public IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> PeakSparseCompute { get; init; } = new Dictionary<NumericPrecision, Figure<ComputeRate>>();

    /// <summary>Thermal design power per chip (see the note: some figures are measured maxima or provisioned power).</summary>
    [JsonPropertyName("thermalDesignPower")]
    public Figure<UnitsNet.Power> ThermalDesignPowerFigure { get; init; } = Figure<UnitsNet.Power>.Unknown;

    /// <summary>Scale-up interconnect bandwidth per chip (NVLink, NeuronLink, ICI, Infinity Fabric), vendor definition (often bidirectional aggregate).</summary>
    public Figure<BitRate> ScaleUpBandwidth { get; init; } = Figure<BitRate>.Unknown;

    /// <summary>Largest scale-up domain in chips (NVLink domain, UltraServer, TPU pod).</summary>
    public Figure<int> ScaleUpDomain { get; init; } = Figure<int>.Unknown;

    /// <summary>Memory capacity per chip, or null when unknown.</summary>
    [JsonIgnore]
    public Information? MemoryCapacity => MemoryCapacityFigure.Value;

    /// <summary>Memory bandwidth per chip, or null when unknown.</summary>
    [JsonIgnore]
    public BitRate? MemoryBandwidth => MemoryBandwidthFigure.Value;

    /// <summary>Thermal design power per chip, or null when unknown.</summary>
    [JsonIgnore]
    public UnitsNet.Power? ThermalDesignPower => ThermalDesignPowerFigure.Value;

    /// <summary>Peak dense compute per chip at a precision, or null when unknown or unsupported.</summary>
    /// <param name="precision">The numeric precision.</param>
    /// <returns>The dense rate in FLOP/s, or null.</returns>
    public ComputeRate? PeakDense(NumericPrecision precision)
        => PeakDenseCompute.TryGetValue(precision, out var figure) ? figure.Value : null;

    /// <summary>The figure (value and provenance) behind <see cref="PeakDense"/>; unknown when the catalog has none.</summary>
    /// <param name="precision">The numeric precision.</param>
    /// <returns>The figure.</returns>
    public Figure<ComputeRate> PeakDenseFigure(NumericPrecision precision)
        => PeakDenseCompute.TryGetValue(precision, out var figure) ? figure : Figure<ComputeRate>.Unknown;

    /// <summary>Peak compute with structured sparsity at a precision, or null. Never used for price-performance metrics.</summary>
    /// <param name="precision">The numeric precision.</param>
    /// <returns>The sparse rate, or null.</returns>
    public ComputeRate? PeakSparse(NumericPrecision precision)
        => PeakSparseCompute.TryGetValue(precision, out var figure) ? figure.Value : null;

    /// <summary>The name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
