using System.Globalization;
using NodaTime;

namespace CloudEconomics.Inference;

/// <summary>How a throughput measurement loaded its deployment.</summary>
public enum MeasurementMode
{
    /// <summary>Maximum throughput: the engine picked the batch (the estimate uses the memory-limited maximum batch).</summary>
    Offline = 0,
    /// <summary>A stated number of requests in flight (<see cref="ThroughputMeasurement.Concurrency"/>).</summary>
    Concurrency = 1,
}

/// <summary>
/// One published measurement of output throughput: a model served on a deployment of one accelerator type, with the
/// serving engine, the request shape and the source. The format is that of <c>seeds/measurements/*.json</c>.
/// </summary>
/// <remarks>
/// <see cref="OutputThroughput"/> is the OUTPUT tokens per second of the whole measured deployment (all
/// <see cref="Chips"/>), after the conversion shown by <see cref="ReportedMetric"/>, <see cref="ReportedValue"/> and
/// <see cref="Note"/>. Build values with <see cref="ThroughputMeasurements.Load(System.IO.Stream, string, ModelLibrary?, CloudEconomics.Catalog.CloudCatalog?)"/>,
/// which checks every rule, or by hand for tests and what-ifs.
/// </remarks>
public sealed record ThroughputMeasurement
{
    /// <summary>Unique id, lowercase letters, digits, dots and hyphens.</summary>
    public required string Id { get; init; }

    /// <summary>Who published the numbers (one publisher per file), such as <c>"NVIDIA"</c>.</summary>
    public required string Publisher { get; init; }

    /// <summary>The <see cref="ModelLibrary"/> id of the model, such as <c>"llama-3.1-70b"</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The catalog accelerator id, such as <c>"nvidia-h200-sxm"</c>.</summary>
    public required string Accelerator { get; init; }

    /// <summary>Accelerators used by the measured deployment (all replicas); at least 1.</summary>
    public required int Chips { get; init; }

    /// <summary>Tensor-parallel degree per replica; at least 1.</summary>
    public required int TensorParallel { get; init; }

    /// <summary>Pipeline-parallel degree per replica; at least 1. <see cref="Chips"/> is a multiple of tensor x pipeline parallelism.</summary>
    public required int PipelineParallel { get; init; }

    /// <summary>The recipe's weight and activation precision (W8A8 is FP8, NVFP4 is FP4), or the weight precision when <see cref="WeightOnlyQuantization"/>.</summary>
    public required NumericPrecision Precision { get; init; }

    /// <summary>KV-cache precision; null when the source does not say.</summary>
    public NumericPrecision? KvCachePrecision { get; init; }

    /// <summary>Whether the recipe quantises weights only (activations stay BF16), such as W4A16.</summary>
    public bool WeightOnlyQuantization { get; init; }

    /// <summary>Serving engine, such as <c>"TensorRT-LLM"</c> or <c>"vLLM"</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>Engine version; null when unknown.</summary>
    public string? EngineVersion { get; init; }

    /// <summary>Input sequence length; at least 1 token.</summary>
    public required TokenCount PromptTokens { get; init; }

    /// <summary>Output sequence length; at least 1 token.</summary>
    public required TokenCount OutputTokens { get; init; }

    /// <summary>Offline (engine picks the batch) or a stated concurrency.</summary>
    public required MeasurementMode Mode { get; init; }

    /// <summary>Requests in flight across the deployment (required in <see cref="MeasurementMode.Concurrency"/> mode), or the fixed batch when the source states one; null otherwise.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Output tokens per second of the whole measured deployment; greater than zero.</summary>
    public required TokenRate OutputThroughput { get; init; }

    /// <summary>The metric as the source printed it, such as <c>"output tokens/s per GPU"</c>.</summary>
    public required string ReportedMetric { get; init; }

    /// <summary>The value as the source printed it, in <see cref="ReportedMetric"/>.</summary>
    public required double ReportedValue { get; init; }

    /// <summary>Time to first token, milliseconds, where given; otherwise null.</summary>
    public double? TimeToFirstTokenMilliseconds { get; init; }

    /// <summary>Time per output token, milliseconds, where given; otherwise null.</summary>
    public double? TimePerOutputTokenMilliseconds { get; init; }

    /// <summary>Where the figure comes from: a URL or a repository path at a commit.</summary>
    public required string Source { get; init; }

    /// <summary>Date of the publication or commit.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>How the row was converted, anything unusual; null when nothing to say.</summary>
    public string? Note { get; init; }

    /// <summary>Chips of one replica: tensor x pipeline parallelism.</summary>
    public int ChipsPerReplica => TensorParallel * PipelineParallel;

    /// <summary>Independent replicas: chips / (tensor x pipeline parallelism).</summary>
    public int Replicas => Chips / ChipsPerReplica;

    /// <summary>Invariant one-line summary.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"{Id}: {Model} {Precision} on {Chips} x {Accelerator} (TP {TensorParallel}, PP {PipelineParallel}), {PromptTokens.Tokens}/{OutputTokens.Tokens} tokens, {Mode}{(Concurrency is { } c ? $" {c}" : "")}: {OutputThroughput.TokensPerSecond:#,0.#} output tokens/s ({Publisher}, {Engine})");
}
