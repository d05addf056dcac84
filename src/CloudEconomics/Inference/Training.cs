using System.Globalization;
using CloudEconomics.Utility;
using FluentValidation;
using UnitsNet;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics.Inference;

/// <summary>A training run: parameters trained, tokens seen, and whether activations are recomputed.</summary>
/// <remarks>
/// Training FLOPs = 6 x N x D (forward 2ND + backward 4ND; Kaplan et al. 2020, "Scaling Laws for Neural Language
/// Models", and Hoffmann et al. 2022), or 8 x N x D with full activation recomputation (one extra forward pass).
/// For a mixture of experts use the active parameters as N.
/// </remarks>
public sealed record TrainingRun
{
    /// <summary>Parameters trained per token (active parameters for a mixture of experts), N.</summary>
    public required double Parameters { get; init; }

    /// <summary>Training tokens, D; greater than zero.</summary>
    public required TokenCount Tokens { get; init; }

    /// <summary>Whether activations are recomputed in the backward pass (8ND instead of 6ND).</summary>
    public bool ActivationRecomputation { get; init; }

    /// <summary>FLOPs of the run: 6ND, or 8ND with recomputation.</summary>
    public double TotalFlops => (ActivationRecomputation ? 8d : 6d) * Parameters * Tokens.Tokens;

    /// <summary>Invariant text such as <c>"70B params x 15T tokens = 6.3e24 FLOPs"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Parameters / 1e9:0.##}B params x {Tokens.Tokens / 1e12:0.##}T tokens = {TotalFlops:0.##e0} FLOPs{(ActivationRecomputation ? " (with recomputation)" : "")}");
}

/// <summary>Rules for a <see cref="TrainingRun"/>.</summary>
public sealed class TrainingRunValidator : AbstractValidator<TrainingRun>
{
    /// <summary>The shared instance.</summary>
    public static TrainingRunValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public TrainingRunValidator()
    {
        RuleFor(r => r.Parameters).Must(v => double.IsFinite(v) && v > 0)
            .WithMessage(r => $"Parameters must be a finite number greater than zero; it was {r.Parameters.ToString("R", CultureInfo.InvariantCulture)}.");
        RuleFor(r => r.Tokens).Must(v => v.Tokens > 0)
            .WithMessage(r => $"Training tokens must be greater than zero; it was {r.Tokens.Tokens.ToString("R", CultureInfo.InvariantCulture)}.");
    }
}

/// <summary>Time, chip-hours, cost and energy of a training run on a cluster.</summary>
public sealed record TrainingEstimate
{
    /// <summary>The run.</summary>
    public required TrainingRun Run { get; init; }

    /// <summary>The chip.</summary>
    public required AcceleratorSpec Accelerator { get; init; }

    /// <summary>Precision of the peak used.</summary>
    public required NumericPrecision Precision { get; init; }

    /// <summary>Model FLOPs utilisation assumed.</summary>
    public required double Mfu { get; init; }

    /// <summary>Chips in the cluster.</summary>
    public required int Chips { get; init; }

    /// <summary>Chip-hours: FLOPs / (peak x MFU) / 3,600.</summary>
    public required double ChipHours { get; init; }

    /// <summary>Wall-clock time: chip-hours / chips (perfect scaling across chips).</summary>
    public UnitsDuration TimeToTrain => UnitsDuration.FromHours(ChipHours / Chips);

    /// <summary>Cost at the price per chip-hour; null when no price was given.</summary>
    public Money? Cost { get; init; }

    /// <summary>Energy: chip power x chip-hours x PUE; null when the chip's power is unknown.</summary>
    public Energy? Energy { get; init; }

    /// <summary>Invariant one-line summary.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"{Run}: {ChipHours:#,0} chip-hours, {TimeToTrain.Days:#,0.#} days on {Chips:#,0} x {Accelerator.Name} at MFU {Mfu:0.##%}{(Cost is { } c ? ", cost " + c.ToString("#,0", CultureInfo.InvariantCulture) : "")}{(Energy is { } e ? string.Create(CultureInfo.InvariantCulture, $", {e.MegawattHours:#,0} MWh") : "")}");
}

/// <summary>
/// Training economics: chip-hours = FLOPs / (peak x MFU), time to train on a cluster, cluster size for a deadline,
/// cost at a price per chip-hour and energy at the chip's power.
/// </summary>
/// <remarks>
/// Default MFU 0.4: Meta reports 38-43% BF16 MFU for Llama 3 405B pre-training on 8,192-16,384 H100s ("The Llama 3 Herd of
/// Models", 2024, Table 4). Time to train assumes perfect scaling across chips (MFU carries every inefficiency).
/// </remarks>
public static class TrainingEconomics
{
    /// <summary>Default model FLOPs utilisation for training (see remarks of <see cref="TrainingEconomics"/>).</summary>
    public const double DefaultMfu = 0.4;

    /// <summary>Estimates a run on a cluster.</summary>
    /// <param name="run">The run.</param>
    /// <param name="accelerator">The chip.</param>
    /// <param name="chips">Chips in the cluster; at least 1.</param>
    /// <param name="precision">Precision whose dense peak is used (BF16 by default).</param>
    /// <param name="mfu">Model FLOPs utilisation, in (0, 1].</param>
    /// <param name="pricePerChipHour">Price per chip-hour (an offer's instance price / chips per instance); null for no cost.</param>
    /// <param name="powerUsageEffectiveness">Facility PUE, at least 1.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ValidationException">The run breaks its rules.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number breaks its rule (names the parameter).</exception>
    /// <exception cref="ArgumentException">The chip has no figure for <paramref name="precision"/>.</exception>
    public static TrainingEstimate Estimate(TrainingRun run, AcceleratorSpec accelerator, int chips, NumericPrecision precision = NumericPrecision.Bf16, double mfu = DefaultMfu, PricePerHour? pricePerChipHour = null, double powerUsageEffectiveness = 1)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(accelerator);
        TrainingRunValidator.Instance.ValidateAndThrow(run);
        if (chips < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chips), chips, $"Chips must be at least 1; it was {chips}.");
        }
        Preconditions.CheckUnitIntervalExclusiveZero(mfu, nameof(mfu));
        Preconditions.CheckFinite(powerUsageEffectiveness, nameof(powerUsageEffectiveness));
        if (powerUsageEffectiveness < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(powerUsageEffectiveness), powerUsageEffectiveness, string.Create(CultureInfo.InvariantCulture, $"PUE must be at least 1; it was {powerUsageEffectiveness:R}."));
        }
        double chipHours = ChipHours(run, accelerator, precision, mfu);
        Money? cost = pricePerChipHour is { } p ? p.PerHour * (decimal)chipHours : null;
        // The Power module's curve at full utilisation (a training chip is busy all the time): W_max, no host overhead.
        Energy? energy = accelerator.Power is { } w
            ? UnitsNet.Energy.FromKilowattHours((double)new Power.AcceleratorFleet { Count = 1, MaxPower = w, IdlePower = w }.ItPowerPerAccelerator(1d).Kilowatts * chipHours * powerUsageEffectiveness)
            : null;
        return new TrainingEstimate
        {
            Run = run, Accelerator = accelerator, Precision = precision, Mfu = mfu, Chips = chips,
            ChipHours = chipHours, Cost = cost, Energy = energy,
        };
    }

    /// <summary>Chip-hours of a run: FLOPs / (peak x MFU) / 3,600.</summary>
    /// <param name="run">The run.</param>
    /// <param name="accelerator">The chip.</param>
    /// <param name="precision">Precision whose dense peak is used.</param>
    /// <param name="mfu">Model FLOPs utilisation, in (0, 1].</param>
    /// <returns>Chip-hours.</returns>
    /// <exception cref="ValidationException">The run breaks its rules.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mfu"/> is outside (0, 1].</exception>
    /// <exception cref="ArgumentException">The chip has no figure for <paramref name="precision"/>.</exception>
    public static double ChipHours(TrainingRun run, AcceleratorSpec accelerator, NumericPrecision precision = NumericPrecision.Bf16, double mfu = DefaultMfu)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(accelerator);
        TrainingRunValidator.Instance.ValidateAndThrow(run);
        Preconditions.CheckUnitIntervalExclusiveZero(mfu, nameof(mfu));
        return run.TotalFlops / (accelerator.PeakAt(precision).FlopsPerSecond * mfu) / 3600d;
    }

    /// <summary>The smallest cluster that finishes a run by a deadline: ceiling(chip-hours / deadline hours).</summary>
    /// <param name="run">The run.</param>
    /// <param name="accelerator">The chip.</param>
    /// <param name="deadline">Wall-clock time available; positive.</param>
    /// <param name="precision">Precision whose dense peak is used.</param>
    /// <param name="mfu">Model FLOPs utilisation, in (0, 1].</param>
    /// <returns>Chips needed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deadline is not positive, or the cluster would exceed int.MaxValue chips.</exception>
    /// <exception cref="ArgumentException">The chip has no figure for <paramref name="precision"/>.</exception>
    public static int ChipsForDeadline(TrainingRun run, AcceleratorSpec accelerator, UnitsDuration deadline, NumericPrecision precision = NumericPrecision.Bf16, double mfu = DefaultMfu)
    {
        double hours = deadline.Hours;
        if (!double.IsFinite(hours) || hours <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deadline), hours, string.Create(CultureInfo.InvariantCulture, $"Deadline must be positive and finite; it was {hours:R} h."));
        }
        double chips = Math.Ceiling(ChipHours(run, accelerator, precision, mfu) / hours);
        if (chips > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(deadline), hours, string.Create(CultureInfo.InvariantCulture, $"Deadline is too short: it would need {chips:0.##e0} chips."));
        }
        return (int)chips;
    }
}

/// <summary>A cluster sized in the seed article's terms: chips, instances, nodes and scale-out bandwidth.</summary>
public sealed record ClusterPlan
{
    /// <summary>The largest UltraCluster the seed article describes: up to 100,000 Trainium chips connected with EFA.</summary>
    public const int UltraClusterMaxChips = 100_000;

    /// <summary>Chips requested.</summary>
    public required int Chips { get; init; }

    /// <summary>Chips per instance (16 for trn2.48xlarge, 8 for p5.48xlarge).</summary>
    public required int ChipsPerInstance { get; init; }

    /// <summary>Instances per network node (1 when each instance has its own EFA attachment).</summary>
    public required int InstancesPerNode { get; init; }

    /// <summary>Instances: ceiling(chips / chips per instance).</summary>
    public int Instances => (int)Math.Ceiling((double)Chips / ChipsPerInstance);

    /// <summary>Nodes: ceiling(instances / instances per node).</summary>
    public int Nodes => (int)Math.Ceiling((double)Instances / InstancesPerNode);

    /// <summary>Chips bought but idle because instances come whole: instances x chips per instance - chips.</summary>
    public int StrandedChips => Instances * ChipsPerInstance - Chips;

    /// <summary>Scale-out (EFA) bandwidth per node.</summary>
    public required BitRate ScaleOutBandwidthPerNode { get; init; }

    /// <summary>Scale-out bandwidth of all nodes: nodes x per-node bandwidth.</summary>
    public BitRate AggregateScaleOutBandwidth => BitRate.FromBitsPerSecond(ScaleOutBandwidthPerNode.BitsPerSecond * Nodes);

    /// <summary>Scale-out bandwidth per chip: per-node bandwidth / chips per node.</summary>
    public BitRate ScaleOutBandwidthPerChip => BitRate.FromBitsPerSecond(ScaleOutBandwidthPerNode.BitsPerSecond / (ChipsPerInstance * InstancesPerNode));

    /// <summary>
    /// Sizes a cluster. The default per-node bandwidth is the seed article's "EFA with 800 Gbps bandwidth per node" for
    /// Trn2-class UltraClusters (AWS's trn2.48xlarge page lists 3.2 Tbps of EFAv3 per instance: pass that to model it).
    /// </summary>
    /// <param name="chips">Chips wanted; 1 to <paramref name="maxChips"/>.</param>
    /// <param name="chipsPerInstance">Chips per instance; at least 1.</param>
    /// <param name="scaleOutBandwidthPerNode">EFA bandwidth per node; null for 800 Gbps.</param>
    /// <param name="instancesPerNode">Instances per node; at least 1.</param>
    /// <param name="maxChips">Largest cluster allowed (default <see cref="UltraClusterMaxChips"/>).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range (names the parameter).</exception>
    public static ClusterPlan For(int chips, int chipsPerInstance, BitRate? scaleOutBandwidthPerNode = null, int instancesPerNode = 1, int maxChips = UltraClusterMaxChips)
    {
        if (maxChips < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxChips), maxChips, $"Maximum chips must be at least 1; it was {maxChips}.");
        }
        if (chips < 1 || chips > maxChips)
        {
            throw new ArgumentOutOfRangeException(nameof(chips), chips, string.Create(CultureInfo.InvariantCulture, $"Chips must be between 1 and {maxChips:#,0} (the cluster limit); it was {chips:#,0}."));
        }
        if (chipsPerInstance < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chipsPerInstance), chipsPerInstance, $"Chips per instance must be at least 1; it was {chipsPerInstance}.");
        }
        if (instancesPerNode < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(instancesPerNode), instancesPerNode, $"Instances per node must be at least 1; it was {instancesPerNode}.");
        }
        var bandwidth = scaleOutBandwidthPerNode ?? BitRate.FromGigabitsPerSecond(800);
        if (!(bandwidth.BitsPerSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(scaleOutBandwidthPerNode), bandwidth, "Scale-out bandwidth per node must be greater than zero.");
        }
        return new ClusterPlan { Chips = chips, ChipsPerInstance = chipsPerInstance, InstancesPerNode = instancesPerNode, ScaleOutBandwidthPerNode = bandwidth };
    }

    /// <summary>Invariant text such as <c>"100,000 chips = 6,250 instances = 6,250 nodes x 800 Gbps"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Chips:#,0} chips = {Instances:#,0} instances = {Nodes:#,0} nodes x {(double)ScaleOutBandwidthPerNode.GigabitsPerSecond:#,0} Gbps ({(double)AggregateScaleOutBandwidth.TerabitsPerSecond:#,0.#} Tbps aggregate)");
}
