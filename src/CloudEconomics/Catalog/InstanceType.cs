using System.Text.Json.Serialization;
using UnitsNet;

namespace CloudEconomics.Catalog;

/// <summary>What one unit of an offer buys.</summary>
public enum BillingUnit
{
    /// <summary>A whole instance (VM) per hour, with all its accelerators.</summary>
    PerInstance = 0,
    /// <summary>One accelerator (chip) per hour, as Cloud TPU is priced.</summary>
    PerAccelerator = 1,
}

/// <summary>
/// A rentable instance type (or a per-chip product such as a Cloud TPU chip-hour): provider, name, accelerator and
/// count, host vCPUs and memory, network bandwidth and scale-out fabric, each figure with its provenance.
/// </summary>
public sealed record InstanceType
{
    /// <summary>Catalog id, such as <c>"aws-p5.48xlarge"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Provider id (<see cref="Provider.Id"/>).</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's name for it, such as <c>"p5.48xlarge"</c> or <c>"Standard_ND96isr_H100_v5"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Another name people use, such as <c>"ND H100 v5"</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Id of the accelerator (<see cref="Catalog.Accelerator.Id"/>).</summary>
    public required string AcceleratorId { get; init; }

    /// <summary>Whether offers price the whole instance or one accelerator.</summary>
    public BillingUnit Billing { get; init; } = BillingUnit.PerInstance;

    /// <summary>Accelerators per instance (1 for a per-chip product).</summary>
    public required Figure<int> AcceleratorCount { get; init; }

    /// <summary>Host vCPUs.</summary>
    public Figure<int> Vcpus { get; init; } = Figure<int>.Unknown;

    /// <summary>Host memory (GiB as AWS and GCP state it).</summary>
    public Figure<Information> Memory { get; init; } = Figure<Information>.Unknown;

    /// <summary>Network bandwidth of the instance (for small AWS sizes the baseline, not the "up to" figure).</summary>
    public Figure<BitRate> NetworkBandwidth { get; init; } = Figure<BitRate>.Unknown;

    /// <summary>The scale-out fabric, such as EFA or InfiniBand, as the source words it.</summary>
    public TextFigure ScaleOutFabric { get; init; } = TextFigure.Unknown;

    /// <summary>The accelerator, resolved by the catalog that holds this instance; null on an instance built by hand.</summary>
    [JsonIgnore]
    public Accelerator? Accelerator { get; init; }

    /// <summary>Accelerators per instance, or null when unknown.</summary>
    [JsonIgnore]
    public int? Accelerators => AcceleratorCount.Value;

    /// <summary>The name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
