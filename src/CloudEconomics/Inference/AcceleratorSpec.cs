using System.Globalization;
using FluentValidation;
using UnitsNet;

namespace CloudEconomics.Inference;

/// <summary>
/// The hardware figures the roofline needs for one accelerator (chip), entered by hand or adapted from a catalog:
/// peak dense compute per precision, memory capacity and bandwidth, interconnect (scale-up) bandwidth and power.
/// </summary>
/// <remarks>
/// Peak figures must be dense (without structured sparsity): NVIDIA's headline H100 FP8 3,958 TFLOPS is sparse, the
/// dense figure is 1,979. Memory capacity and bandwidth carry their byte prefix through UnitsNet (build them with
/// <see cref="ByteSizes"/>). The interconnect bandwidth is ONE-WAY per chip: what one chip can send for tensor-parallel
/// all-reduces. Vendors quote both directions summed (NVLink 4 on H100: 900 GB/s = 450 GB/s each way); the catalog
/// adapter and <see cref="FromDataSheet"/> halve such figures.
/// </remarks>
public sealed record AcceleratorSpec
{
    /// <summary>Display name, such as <c>"NVIDIA H100 SXM5 80GB"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Peak dense compute per precision, FLOP/s (or OP/s for integer formats).</summary>
    public required IReadOnlyDictionary<NumericPrecision, ComputeRate> PeakDenseCompute { get; init; }

    /// <summary>High-bandwidth memory per chip.</summary>
    public required Information MemoryCapacity { get; init; }

    /// <summary>Memory bandwidth per chip.</summary>
    public required BitRate MemoryBandwidth { get; init; }

    /// <summary>Scale-up interconnect bandwidth per chip, one way (NVLink, NeuronLink, ICI: half the vendor's
    /// bidirectional figure); null when unknown (tensor parallelism then cannot be checked for communication).</summary>
    public BitRate? InterconnectBandwidth { get; init; }

    /// <summary>Power per chip (TDP); null when unknown (energy per token then cannot be computed).</summary>
    public UnitsNet.Power? Power { get; init; }

    /// <summary>Where the figures come from; null when entered by hand.</summary>
    public string? Source { get; init; }

    /// <summary>Peak dense compute at a precision.</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>The peak.</returns>
    /// <exception cref="ArgumentException">The spec has no figure for <paramref name="precision"/> (the message lists those it has).</exception>
    public ComputeRate PeakAt(NumericPrecision precision)
        => TryGetPeak(precision, out var rate)
            ? rate
            : throw new ArgumentException($"Accelerator '{Name}' has no peak dense compute for {precision}; it has {string.Join(", ", PeakDenseCompute.Keys)}.", nameof(precision));

    /// <summary>Looks up the peak dense compute at a precision.</summary>
    /// <param name="precision">The precision.</param>
    /// <param name="rate">The peak when present.</param>
    /// <returns>Whether a positive figure is present.</returns>
    public bool TryGetPeak(NumericPrecision precision, out ComputeRate rate)
        => PeakDenseCompute.TryGetValue(precision, out rate) && rate.FlopsPerSecond > 0;

    /// <summary>A spec from the figures data sheets print: TFLOPS (dense) per precision, GB and TB/s with their prefix.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="denseTeraflops">Dense TFLOPS per precision; at least one.</param>
    /// <param name="memoryGigabytes">Memory per chip, GB or GiB per <paramref name="memoryPrefix"/>.</param>
    /// <param name="memoryPrefix">Whether the memory figure is decimal (GB) or binary (GiB).</param>
    /// <param name="bandwidthTerabytesPerSecond">Memory bandwidth in TB/s (decimal).</param>
    /// <param name="interconnectGigabytesPerSecond">Interconnect GB/s (decimal) per chip as the data sheet prints it; null when unknown.</param>
    /// <param name="watts">Power per chip in W; null when unknown.</param>
    /// <param name="source">Where the figures come from.</param>
    /// <param name="interconnectIsBidirectional">Whether <paramref name="interconnectGigabytesPerSecond"/> sums both
    /// directions (true, the default, as NVIDIA, AMD, Google and AWS quote it): the spec then holds half of it.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A figure is negative or not finite.</exception>
    public static AcceleratorSpec FromDataSheet(
        string name,
        IReadOnlyDictionary<NumericPrecision, double> denseTeraflops,
        double memoryGigabytes,
        BytePrefix memoryPrefix,
        double bandwidthTerabytesPerSecond,
        double? interconnectGigabytesPerSecond = null,
        double? watts = null,
        string? source = null,
        bool interconnectIsBidirectional = true)
    {
        ArgumentNullException.ThrowIfNull(denseTeraflops);
        return new AcceleratorSpec
        {
            Name = name,
            PeakDenseCompute = denseTeraflops.ToDictionary(kv => kv.Key, kv => ComputeRate.FromTeraflops(kv.Value)),
            MemoryCapacity = ByteSizes.Gigabytes(memoryGigabytes, memoryPrefix),
            MemoryBandwidth = ByteSizes.TerabytesPerSecond(bandwidthTerabytesPerSecond, BytePrefix.Decimal),
            InterconnectBandwidth = interconnectGigabytesPerSecond is { } ic ? ByteSizes.GigabytesPerSecond(interconnectIsBidirectional ? ic / 2 : ic, BytePrefix.Decimal) : null,
            Power = watts is { } w ? UnitsNet.Power.FromWatts((decimal)Utility.Preconditions.CheckNonNegative(w, nameof(watts))) : null,
            Source = source,
        };
    }

    /// <summary>Invariant text such as <c>"NVIDIA H100 (80 GB, 3.35 TB/s)"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Name} ({MemoryCapacity.ToBytes() / 1e9:0.#} GB, {MemoryBandwidth.ToBytesPerSecond() / 1e12:0.###} TB/s)");
}

/// <summary>Rules for an <see cref="AcceleratorSpec"/>.</summary>
public sealed class AcceleratorSpecValidator : AbstractValidator<AcceleratorSpec>
{
    /// <summary>The shared instance.</summary>
    public static AcceleratorSpecValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public AcceleratorSpecValidator()
    {
        RuleFor(a => a.Name).NotEmpty().WithMessage("Accelerator name must not be empty.");
        RuleFor(a => a.PeakDenseCompute).NotNull().Must(d => d is not null && d.Values.Any(r => r.FlopsPerSecond > 0))
            .WithMessage("Peak dense compute must list at least one precision with a figure greater than zero.");
        RuleFor(a => a.MemoryCapacity).Must(m => m.ToBytes() > 0)
            .WithMessage(a => $"Memory capacity must be greater than zero; it was {a.MemoryCapacity.ToBytes().ToString("R", CultureInfo.InvariantCulture)} bytes.");
        RuleFor(a => a.MemoryBandwidth).Must(b => b.ToBytesPerSecond() > 0)
            .WithMessage(a => $"Memory bandwidth must be greater than zero; it was {a.MemoryBandwidth.ToBytesPerSecond().ToString("R", CultureInfo.InvariantCulture)} bytes/s.");
        RuleFor(a => a.InterconnectBandwidth).Must(b => b is null || b.Value.ToBytesPerSecond() > 0)
            .WithMessage("Interconnect bandwidth must be greater than zero when known (use null for unknown).");
        RuleFor(a => a.Power).Must(p => p is null || p.Value.Watts > 0)
            .WithMessage("Power must be greater than zero watts when known (use null for unknown).");
    }
}
