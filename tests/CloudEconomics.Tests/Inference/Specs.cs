using CloudEconomics.Inference;

namespace CloudEconomics.Tests.Inference;

/// <summary>Hand-built accelerator specs for tests, figures from /work/shared/reference/catalog-sources.json (as of 2026-11-29).</summary>
internal static class Specs
{
    // nvidia-h100-sxm: BF16 989.4 / FP8 1,978.9 TFLOPS dense, 80 GB (decimal), 3.35 TB/s, NVLink 900 GB/s, 700 W.
    public static AcceleratorSpec H100 { get; } = AcceleratorSpec.FromDataSheet(
        "NVIDIA H100 SXM5 80GB",
        new Dictionary<NumericPrecision, double> { [NumericPrecision.Bf16] = 989.4, [NumericPrecision.Fp8] = 1978.9 },
        80, BytePrefix.Decimal, 3.35, interconnectGigabytesPerSecond: 900, watts: 700, source: "catalog-sources.json nvidia-h100-sxm");

    // aws-trainium2: BF16 667 / FP8 1,299 TFLOPS dense, 96 GiB per Neuron docs (binary), 2.9 TB/s, 1,280 GB/s NeuronLink, 500 W (low confidence).
    public static AcceleratorSpec Trainium2 { get; } = AcceleratorSpec.FromDataSheet(
        "AWS Trainium2",
        new Dictionary<NumericPrecision, double> { [NumericPrecision.Bf16] = 667, [NumericPrecision.Fp8] = 1299 },
        96, BytePrefix.Binary, 2.9, interconnectGigabytesPerSecond: 1280, watts: 500, source: "catalog-sources.json aws-trainium2");

    public static ModelProfile Llama70B => ModelLibrary.Default["llama-3.1-70b"];
}
