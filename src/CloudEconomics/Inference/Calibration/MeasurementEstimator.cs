using System.Globalization;
using CloudEconomics.Catalog;

namespace CloudEconomics.Inference;

/// <summary>
/// The roofline estimate of a measurement's setting: the deployment (catalog accelerator, chips, parallelism), the
/// model at the measured precision recipe, the workload (offline: the memory-limited maximum batch; concurrency: the
/// stated requests in flight per replica). Inputs are built and validated once; each estimate then only varies the
/// efficiency factors.
/// </summary>
internal sealed class MeasurementEstimator
{
    /// <summary>A batch far above what memory holds: the roofline lowers it to the memory-limited maximum.</summary>
    internal const int OfflineBatch = 1 << 20;

    private MeasurementEstimator(ThroughputMeasurement measurement, ModelProfile model, Workload workload, InferenceDeployment deployment, AcceleratorSpec spec)
    {
        Measurement = measurement;
        Model = model;
        Workload = workload;
        Deployment = deployment;
        Spec = spec;
    }

    public ThroughputMeasurement Measurement { get; }

    public ModelProfile Model { get; }

    public Workload Workload { get; }

    public InferenceDeployment Deployment { get; }

    public AcceleratorSpec Spec { get; }

    public double Measured => Measurement.OutputThroughput.TokensPerSecond;

    public ModelClass Class => Model.IsMixtureOfExperts ? ModelClass.MixtureOfExperts : ModelClass.Dense;

    /// <summary>Builds the inputs, or says why the measurement cannot be estimated.</summary>
    public static MeasurementEstimator? TryCreate(ThroughputMeasurement m, ModelLibrary models, CloudCatalog catalog, EfficiencyFactors baseline, out string? reason)
    {
        if (!models.TryGet(m.Model, out var profile))
        {
            reason = $"model '{m.Model}' is not in the model library";
            return null;
        }
        if (catalog.FindAccelerator(m.Accelerator) is not { } accelerator)
        {
            reason = $"accelerator '{m.Accelerator}' is not in the catalog";
            return null;
        }
        if (!accelerator.TryToAcceleratorSpec(out var spec, out var specReason))
        {
            reason = specReason;
            return null;
        }
        var model = CalibrationRecipes.ApplyPrecision(profile, m);
        var deployment = CalibrationRecipes.Deployment(spec, m);
        int perReplica = m.Mode == MeasurementMode.Offline && m.Concurrency is null
            ? OfflineBatch
            : Math.Max(1, (int)Math.Ceiling((double)(m.Concurrency ?? 1) / m.Replicas));
        var workload = new Workload { PromptTokens = m.PromptTokens, OutputTokens = m.OutputTokens, BatchSize = perReplica };
        var estimator = new MeasurementEstimator(m, model, workload, deployment, spec);
        try
        {
            if (!Roofline.TryEstimate(model, workload, deployment, out var estimate, baseline))
            {
                reason = estimate.Fit.Reason ?? "the model does not fit";
                return null;
            }
        }
        catch (ArgumentException e)
        {
            reason = e.Message;
            return null;
        }
        reason = null;
        return estimator;
    }

    /// <summary>Estimated output tokens/s of the whole measured deployment, or null when the model does not fit.</summary>
    public double? Estimate(EfficiencyFactors efficiency)
        => Roofline.TryEstimateValidated(Model, Workload, Deployment, out var estimate, efficiency) && estimate.OutputThroughput.TokensPerSecond is > 0 and var tps && double.IsFinite(tps)
            ? tps
            : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Measurement.Id} on {Deployment}");
}
