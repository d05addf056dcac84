using FluentValidation;

namespace CloudEconomics.Inference;

/// <summary>
/// Plain checks of the inference inputs, one per public validator (<see cref="ModelProfileValidator"/>,
/// <see cref="WorkloadValidator"/>, <see cref="AcceleratorSpecValidator"/>, <see cref="InferenceOfferValidator"/>,
/// <see cref="InferenceDeploymentValidator"/>, <see cref="EfficiencyFactorsValidator"/>): each is the conjunction of its
/// validator's rules, written as plain code. The calculators call <c>Require</c>: a valid input costs a few comparisons,
/// and the FluentValidation validator (whose construction compiles expression trees, tens of milliseconds each in a fresh
/// process) is built only when a check fails, so that the exception carries the validator's messages. A test holds the
/// checks to the validators on the standard models and on mutated inputs (never looser, never stricter).
/// </summary>
internal static class InferenceChecks
{
    internal static void Require(ModelProfile model)
    {
        if (model is null || !IsValid(model))
        {
            ModelProfileValidator.Instance.ValidateAndThrow(model!);
        }
    }

    internal static void Require(Workload workload)
    {
        if (workload is null || !IsValid(workload))
        {
            WorkloadValidator.Instance.ValidateAndThrow(workload!);
        }
    }

    internal static void Require(AcceleratorSpec accelerator)
    {
        if (accelerator is null || !IsValid(accelerator))
        {
            AcceleratorSpecValidator.Instance.ValidateAndThrow(accelerator!);
        }
    }

    internal static void Require(InferenceOffer offer)
    {
        if (offer is null || !IsValid(offer))
        {
            InferenceOfferValidator.Instance.ValidateAndThrow(offer!);
        }
    }

    internal static void Require(InferenceDeployment deployment)
    {
        if (deployment is null || !IsValid(deployment))
        {
            InferenceDeploymentValidator.Instance.ValidateAndThrow(deployment!);
        }
    }

    internal static void Require(EfficiencyFactors efficiency)
    {
        if (efficiency is null || !IsValid(efficiency))
        {
            EfficiencyFactorsValidator.Instance.ValidateAndThrow(efficiency!);
        }
    }

    internal static bool IsValid(ModelProfile m)
    {
        if (IsBlank(m.Id) || IsBlank(m.Name)
            || !(double.IsFinite(m.TotalParameters) && m.TotalParameters > 0)
            || !(double.IsFinite(m.ActiveParameters) && m.ActiveParameters > 0)
            || !(m.ActiveParameters <= m.TotalParameters)
            || m.Layers <= 0 || m.HiddenSize <= 0 || m.AttentionHeads <= 0 || m.KeyValueHeads <= 0
            || m.KeyValueHeads > m.AttentionHeads || m.HeadDimension <= 0
            || !(m.KvCacheElementsPerTokenPerLayerOverride is null || m.KvCacheElementsPerTokenPerLayerOverride > 0)
            || m.ExpertCount < 0)
        {
            return false;
        }
        var k = m.ExpertsPerToken;
        if (!(m.ExpertCount == 0 ? k == 0 : k >= 1 && k <= m.ExpertCount))
        {
            return false;
        }
        var r = m.RoutedExpertParameters;
        if (!(double.IsFinite(r) && (m.ExpertCount == 0 ? r == 0 : r > 0 && r < m.TotalParameters)))
        {
            return false;
        }
        var s = m.SharedExpertParameters;
        if (!(double.IsFinite(s) && s >= 0 && s <= m.TotalParameters - m.RoutedExpertParameters))
        {
            return false;
        }
        var a = m.ActiveParameters;
        if (!(m.ExpertCount > 0 || a == m.TotalParameters))
        {
            return false;
        }
        if (!(m.ExpertCount == 0 || m.ExpertsPerToken < 1 || m.ExpertsPerToken > m.ExpertCount
              || Math.Abs(a - (m.TotalParameters - (m.RoutedExpertParameters * (1d - ((double)m.ExpertsPerToken / m.ExpertCount))))) <= 0.02 * a))
        {
            return false;
        }
        return IsDefined(m.ActivationPrecision) && IsDefined(m.WeightPrecision) && IsDefined(m.KvCachePrecision) && m.MaxContextTokens.Tokens > 0;
    }

    internal static bool IsValid(Workload w)
        => w.PromptTokens.Tokens >= 1 && w.OutputTokens.Tokens >= 1
           && w.BatchSize >= 1
           && double.IsFinite(w.PrefixCacheHitRate) && w.PrefixCacheHitRate >= 0 && w.PrefixCacheHitRate < 1
           && double.IsFinite(w.Utilization) && w.Utilization > 0 && w.Utilization <= 1
           && (w.TimeToFirstTokenTarget is null || (double.IsFinite(w.TimeToFirstTokenTarget.Value.Seconds) && w.TimeToFirstTokenTarget.Value.Seconds > 0))
           && (w.TimePerOutputTokenTarget is null || (double.IsFinite(w.TimePerOutputTokenTarget.Value.Seconds) && w.TimePerOutputTokenTarget.Value.Seconds > 0));

    internal static bool IsValid(AcceleratorSpec a)
    {
        if (IsBlank(a.Name) || a.PeakDenseCompute is null)
        {
            return false;
        }
        var anyPositive = false;
        foreach (var rate in a.PeakDenseCompute.Values)
        {
            if (rate.FlopsPerSecond > 0)
            {
                anyPositive = true;
                break;
            }
        }
        return anyPositive
               && a.MemoryCapacity.ToBytes() > 0
               && a.MemoryBandwidth.ToBytesPerSecond() > 0
               && (a.InterconnectBandwidth is null || a.InterconnectBandwidth.Value.ToBytesPerSecond() > 0)
               && (a.Power is null || a.Power.Value.Watts > 0);
    }

    internal static bool IsValid(InferenceOffer o)
        => !IsBlank(o.Id) && o.Provider.Value is not null && o.PurchaseOption is not null && o.Accelerator is not null && IsValid(o.Accelerator)
           && o.AcceleratorCount >= 1
           && (o.ScaleUpDomain is null || o.ScaleUpDomain >= 1)
           && o.Price.PerHour.Amount > 0;

    internal static bool IsValid(InferenceDeployment d)
        => d.Accelerator is not null && IsValid(d.Accelerator)
           && d.AcceleratorCount >= 1 && d.TensorParallelDegree >= 1
           && d.AcceleratorCount % d.TensorParallelDegree == 0
           && d.PipelineParallelDegree >= 1
           && d.AcceleratorCount % ((long)d.TensorParallelDegree * d.PipelineParallelDegree) == 0;

    internal static bool IsValid(EfficiencyFactors e)
        => InUnit(e.Mfu) && InUnit(e.Mbu) && InUnit(e.InterconnectEfficiency) && InUnit(e.UsableMemoryFraction)
           && IsDefined(e.ActivationPrecision)
           && double.IsFinite(e.AllReduceLatencySeconds) && e.AllReduceLatencySeconds >= 0
           && double.IsFinite(e.StepOverheadSeconds) && e.StepOverheadSeconds >= 0
           && e.PrefillChunkTokens.Tokens >= 1;

    private static bool InUnit(double v) => double.IsFinite(v) && v > 0 && v <= 1;

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    // FluentValidation's IsInEnum for a non-flags enum: a defined value.
    private static bool IsDefined(NumericPrecision p) => Enum.IsDefined(p);
}
