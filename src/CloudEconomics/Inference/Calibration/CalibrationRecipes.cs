namespace CloudEconomics.Inference;

/// <summary>
/// How a measurement's recipe maps onto the roofline's inputs (precision recipe, KV precision, parallelism).
/// </summary>
internal static class CalibrationRecipes
{
    /// <summary>The model at the measured precision: weights (and activations) at <see cref="ThroughputMeasurement.Precision"/>, the stated KV precision when given.</summary>
    public static ModelProfile ApplyPrecision(ModelProfile model, ThroughputMeasurement m)
        => model.WithPrecision(m.Precision, m.KvCachePrecision, m.WeightOnlyQuantization);

    /// <summary>The measured deployment: the chips, tensor and pipeline parallelism.</summary>
    public static InferenceDeployment Deployment(AcceleratorSpec spec, ThroughputMeasurement m)
        => new() { Accelerator = spec, AcceleratorCount = m.Chips, TensorParallelDegree = m.TensorParallel, PipelineParallelDegree = m.PipelineParallel };
}
