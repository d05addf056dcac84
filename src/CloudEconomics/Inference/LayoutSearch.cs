using System.Globalization;
using FluentValidation;

namespace CloudEconomics.Inference;

/// <summary>One layout a search tried: its degrees, idle chips, and either the estimate or why it was rejected.</summary>
public sealed record LayoutCandidate
{
    /// <summary>Tensor-parallel degree.</summary>
    public required int TensorParallelDegree { get; init; }

    /// <summary>Pipeline-parallel degree.</summary>
    public required int PipelineParallelDegree { get; init; }

    /// <summary>Replicas the chips hold: floor(chips / (TP x PP)).</summary>
    public required int Replicas { get; init; }

    /// <summary>Chips paid for but left idle: chips - replicas x TP x PP.</summary>
    public required int IdleChips { get; init; }

    /// <summary>The estimate when the layout fits; null when rejected.</summary>
    public ThroughputEstimate? Estimate { get; init; }

    /// <summary>Why the layout was rejected; null when it was estimated.</summary>
    public string? Rejected { get; init; }

    /// <summary>What the result should say about the layout (padded heads, replicated KV heads, idle chips); null when nothing.</summary>
    public string? Note
    {
        get
        {
            string? heads = Estimate?.Heads?.Note;
            if (IdleChips == 0 || Estimate is null)
            {
                return heads;
            }
            string idle = string.Create(CultureInfo.InvariantCulture, $"{IdleChips} of {IdleChips + (Replicas * TensorParallelDegree * PipelineParallelDegree)} chips idle (TP {TensorParallelDegree} does not divide them)");
            return heads is null ? idle : heads + "; " + idle;
        }
    }
}

/// <summary>
/// The tensor- and pipeline-parallel layouts of a model on a number of chips: TP up to the scale-up domain, PP only for
/// what does not fit at PP 1, each rejected layout with its reason.
/// </summary>
/// <remarks>
/// <para>Tried: every TP from 1 to min(chips, scale-up domain) that divides the chip count or the attention heads (a TP
/// that divides neither would both pad heads and idle chips, and is rejected). A TP that does not divide the heads pads
/// them to a multiple of TP, as the Neuron SDK does (Llama 70B on an inf2.48xlarge at TP 12: 64 heads padded to 72,
/// 12.5% more attention work); a TP that does not divide the chips leaves chips idle (TP 8 + 4 idle on the same
/// instance). Both are estimated and the cheaper wins in a ranking; the result says which.</para>
/// <para>When a layout's weights or KV cache do not fit at PP 1, PP rises (2, 3, ...) while TP x PP fits in the chips.</para>
/// </remarks>
public static class LayoutSearch
{
    /// <summary>Searches the layouts.</summary>
    /// <param name="model">The model.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="accelerator">The chip.</param>
    /// <param name="chips">Chips available (an instance's count); at least 1.</param>
    /// <param name="scaleUpDomain">Largest TP group the fabric supports; null for all the chips.</param>
    /// <param name="efficiency">Efficiency factors; null for the calibrated factors (<see cref="CalibratedEfficiency.For(AcceleratorSpec, ModelProfile)"/>).</param>
    /// <returns>Every layout tried, fitting ones with their estimate, the rest with a reason; in TP then PP order.</returns>
    /// <exception cref="ValidationException">An input breaks its rules.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chips"/> or <paramref name="scaleUpDomain"/> is below 1.</exception>
    public static IReadOnlyList<LayoutCandidate> Search(ModelProfile model, Workload workload, AcceleratorSpec accelerator, int chips, int? scaleUpDomain = null, EfficiencyFactors? efficiency = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(accelerator);
        efficiency ??= DefaultEfficiency.For(accelerator, model);
        if (chips < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chips), chips, "Chips must be at least 1.");
        }
        if (scaleUpDomain is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(scaleUpDomain), scaleUpDomain, "Scale-up domain must be at least 1 when set.");
        }
        InferenceChecks.Require(model);
        InferenceChecks.Require(workload);
        InferenceChecks.Require(accelerator);
        InferenceChecks.Require(efficiency);
        var result = new List<LayoutCandidate>();
        SearchValidated(model, workload, accelerator, chips, scaleUpDomain, efficiency, result, includeRejected: true);
        return result;
    }

    /// <summary>The search for validated inputs; appends to <paramref name="into"/> (rejections only when asked).</summary>
    internal static void SearchValidated(ModelProfile model, Workload workload, AcceleratorSpec accelerator, int chips, int? scaleUpDomain, EfficiencyFactors efficiency, List<LayoutCandidate> into, bool includeRejected, int minTensorParallel = 1)
    {
        int domain = Math.Min(chips, scaleUpDomain ?? chips);
        double usablePerChip = accelerator.MemoryCapacity.ToBytes() * efficiency.UsableMemoryFraction;
        for (int tp = minTensorParallel; tp <= chips; tp++)
        {
            bool dividesChips = chips % tp == 0;
            bool dividesHeads = model.AttentionHeads % tp == 0;
            if (tp > domain)
            {
                if (includeRejected && dividesChips)
                {
                    into.Add(Reject(tp, 1, chips, string.Create(CultureInfo.InvariantCulture, $"TP {tp} exceeds the scale-up domain of {domain} chips")));
                }
                continue;
            }
            if (!dividesChips && !dividesHeads)
            {
                if (includeRejected)
                {
                    into.Add(Reject(tp, 1, chips, string.Create(CultureInfo.InvariantCulture, $"TP {tp} divides neither the {model.AttentionHeads} attention heads nor the {chips} chips (it would pad heads and idle chips)")));
                }
                continue;
            }
            // PP below the weights' own need cannot fit: start there (each stage's TP group must hold weights / PP).
            int ppStart = Math.Max(1, (int)Math.Min(int.MaxValue, Math.Ceiling(model.WeightBytes / (tp * usablePerChip))));
            if (ppStart > 1 && includeRejected)
            {
                into.Add(Reject(tp, 1, chips, string.Create(CultureInfo.InvariantCulture,
                    $"Model '{model.Name}' does not fit at TP {tp} x PP 1: {model.WeightBytes / 1e9:#,0.#} GB of weights need at least PP {ppStart} on {usablePerChip / 1e9:#,0.#} GB usable per chip")));
            }
            for (int pp = ppStart; tp * pp <= chips && pp <= ppStart + 3; pp++)
            {
                if (pp > model.Layers)
                {
                    break;
                }
                int replicas = chips / (tp * pp);
                var deployment = new InferenceDeployment { Accelerator = accelerator, AcceleratorCount = replicas * tp * pp, TensorParallelDegree = tp, PipelineParallelDegree = pp };
                if (Roofline.TryEstimateValidated(model, workload, deployment, out var estimate, efficiency))
                {
                    into.Add(new LayoutCandidate { TensorParallelDegree = tp, PipelineParallelDegree = pp, Replicas = replicas, IdleChips = chips - (replicas * tp * pp), Estimate = estimate });
                    break;
                }
                if (includeRejected)
                {
                    into.Add(Reject(tp, pp, chips, estimate.Fit.Reason ?? "does not fit"));
                }
            }
        }
    }

    private static LayoutCandidate Reject(int tp, int pp, int chips, string reason)
    {
        int replicas = chips / (tp * pp);
        return new LayoutCandidate { TensorParallelDegree = tp, PipelineParallelDegree = pp, Replicas = replicas, IdleChips = chips - (replicas * tp * pp), Rejected = reason };
    }
}
