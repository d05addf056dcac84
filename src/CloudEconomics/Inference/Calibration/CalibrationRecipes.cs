namespace CloudEconomics.Inference;

/// <summary>
/// How a measurement's recipe maps onto the roofline's inputs. The single place to adapt when the physics gains
/// pipeline parallelism, weight-only quantisation or an explicit KV precision.
/// </summary>
internal static class CalibrationRecipes
{
    /// <summary>The model at the measured precision: weights (and activations) at <see cref="ThroughputMeasurement.Precision"/>, the stated KV precision when given.</summary>
    public static ModelProfile ApplyPrecision(ModelProfile model, ThroughputMeasurement m)
        => model.WithPrecision(m.Precision, m.KvCachePrecision);

    /// <summary>
    /// The measured deployment. Until the roofline models pipeline parallelism, a replica of TP x PP chips is
    /// estimated as tensor parallelism over the same chips (same memory and bandwidth, all-reduce cost differs).
    /// </summary>
    public static InferenceDeployment Deployment(AcceleratorSpec spec, ThroughputMeasurement m)
        => new() { Accelerator = spec, AcceleratorCount = m.Chips, TensorParallelDegree = m.TensorParallel * m.PipelineParallel };
}
