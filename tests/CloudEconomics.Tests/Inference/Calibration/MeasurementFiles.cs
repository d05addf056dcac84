using System.Text;
using System.Text.Json.Nodes;

namespace CloudEconomics.Tests.Inference.Calibration;

/// <summary>
/// Measurement files built in memory for the calibration tests (tests/CloudEconomics.Inference.Tests) and the
/// <c>cloudecon calibrate</c> tests (Cli/CliCalibrateTest); linked into the Inference test project.
/// </summary>
internal static class MeasurementFiles
{
    /// <summary>A valid row in the agreed format (seeds/measurements format note), changed per test.</summary>
    internal static JsonObject Row(string id = "t-h200-70b-fp8") => new()
    {
        ["id"] = id,
        ["model"] = "llama-3.1-70b",
        ["accelerator"] = "nvidia-h200-sxm",
        ["chips"] = 2,
        ["tensorParallel"] = 2,
        ["pipelineParallel"] = 1,
        ["precision"] = "fp8",
        ["kvCachePrecision"] = "fp8",
        ["weightOnlyQuantization"] = false,
        ["engine"] = "TensorRT-LLM",
        ["engineVersion"] = "0.17.0",
        ["promptTokens"] = 128,
        ["outputTokens"] = 2048,
        ["mode"] = "offline",
        ["concurrency"] = null,
        ["outputTokensPerSecond"] = 12345.6,
        ["reported"] = new JsonObject { ["metric"] = "output tokens/s per GPU", ["value"] = 6172.8 },
        ["timeToFirstTokenMs"] = null,
        ["timePerOutputTokenMs"] = null,
        ["source"] = "https://example.org/perf",
        ["asOf"] = "2025-02-01",
        ["note"] = "per-GPU x 2 GPUs",
    };

    internal static Stream File(string publisher, params JsonObject[] rows)
    {
        var doc = new JsonObject { ["formatVersion"] = 1, ["publisher"] = publisher, ["measurements"] = new JsonArray(rows.Select(r => (JsonNode)r).ToArray()) };
        return new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString()));
    }
}
