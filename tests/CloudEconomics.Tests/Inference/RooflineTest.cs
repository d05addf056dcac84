using CloudEconomics.Inference;
using FluentValidation;
using FsCheck;
using FsCheck.Xunit;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics.Tests.Inference;

public class RooflineTest
{
    private static readonly EfficiencyFactors Ideal = new() { Mfu = 1, Mbu = 1, InterconnectEfficiency = 1, UsableMemoryFraction = 1 };

    private static InferenceDeployment H100x8 => new() { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = 8 };

    [Fact]
    public void Decode_35BFp16OnOneH100_MatchesPublishedWorkedExample()
    {
        // Published worked example: https://barilon.com/blog/why-is-llm-decoding-memory-bound
        // "35B dense model using FP16 on a single H100 SXM ... 35 billion x 2 bytes = 70 GB ... 3.35 TB/s ...
        //  Time = 70 GB / 3.35 TB/s = 0.0209 s = 20.9 ms ... ~48 tokens/second".
        // Our model: one layer, one 1-wide head, so the KV cache adds 1 x 2 x 1 x 2 bytes = 4 bytes per token, read over an
        // average context of 1 + 1/2 = 1.5 tokens = 6 bytes: (70e9 + 6) / 3.35e12 = 20.8955 ms; 1 / 20.8955 ms = 47.857 tokens/s.
        var model = new ModelProfile
        {
            Id = "dense-35b", Name = "Dense 35B", TotalParameters = 35e9, ActiveParameters = 35e9, Layers = 1, HiddenSize = 1,
            AttentionHeads = 1, KeyValueHeads = 1, HeadDimension = 1, MaxContextTokens = 8192, WeightPrecision = NumericPrecision.Fp16, KvCachePrecision = NumericPrecision.Fp16,
        };
        var est = Roofline.Estimate(model, new Workload { PromptTokens = 1, OutputTokens = 1 }, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 }, Ideal);

        est.Decode.Bound.Should().Be(LimitingBound.MemoryBandwidth);
        est.TimePerOutputToken.Milliseconds.Should().BeApproximately(20.8955, 1e-4);
        est.TimePerOutputToken.Milliseconds.Should().BeApproximately(20.9, 0.05);           // the article's rounded figure
        est.DecodeThroughput.TokensPerSecond.Should().BeApproximately(47.857, 1e-3);
        est.DecodeThroughput.TokensPerSecond.Should().BeApproximately(48, 0.5);               // "~48 tokens/second"
        est.ComputePrecision.Should().Be(NumericPrecision.Bf16);                               // no FP16 figure: falls back to BF16
    }

    [Fact]
    public void Decode_Llama70BOn8H100_IsMemoryBoundAtAbout140GBPerStep()
    {
        // Published arithmetic: https://learnai.larconnectado.com/localsites/ailandscape/deep-dive/hardware/memory-bandwidth
        // "70B ... FP16 = 140 GB ... ~1 FLOP/byte ... H100 ridge point 989 TFLOPS / 3.35 TB/s = 295 FLOPs/byte -> memory-bound".
        // On 8 x H100 (TP 8) that is 140 GB / (8 x 3.35 TB/s = 26.8 TB/s) = 5.22 ms per step.
        // Hand calculation with the seed's exact count: weights 70,562,938,880 x 2 = 141,125,877,760 B;
        // KV 80 layers x 2 x 8 heads x 128 x 2 B = 327,680 B/token x context (128 + 2/2 = 129) = 42,270,720 B;
        // total 141,168,148,480 B / 26.8e12 B/s = 5.26747 ms (0.9% above the article's 140 GB round figure).
        // Compute: 2 x 70.56e9 + 4 x 80 x 8192 x 129 = 141,464,047,616 FLOPs / (8 x 989.4e12) = 17.9 us: far below.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 128, OutputTokens = 2 }, H100x8, Ideal);

        est.Decode.Bound.Should().Be(LimitingBound.MemoryBandwidth);
        est.Decode.MemoryBytes.Should().BeApproximately(141_168_148_480, 1);
        est.TimePerOutputToken.Milliseconds.Should().BeApproximately(5.26747, 1e-5);
        est.TimePerOutputToken.Milliseconds.Should().BeApproximately(5.22, 0.06);
        est.Decode.ComputeSeconds.Should().BeApproximately(141_464_047_616 / (8 * 989.4e12), 1e-12);
        (est.Decode.Flops / est.Decode.MemoryBytes).Should().BeLessThan(989.4 / 3.35); // intensity below the ridge point
    }

    [Fact]
    public void Prefill_Llama70B2048TokensOn8H100_IsComputeBound()
    {
        // Hand calculation: FLOPs = 2 x 70,562,938,880 x 2,048 + 4 x 80 x 8,192 x 2,048 x (0 + 2,048 / 2)
        //   = 289,025,797,652,480 + 5,497,558,138,880 = 294,523,355,791,360;
        // time = FLOPs / (8 x 989.4e12 x MFU 0.5) = 294,523,355,791,360 / 3.9576e15 = 74.4197 ms;
        // memory time = (141,125,877,760 + 327,680 x 2,048) / (26.8e12 x MBU 0.7) = 7.558 ms: compute-bound.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 2048, OutputTokens = 256 }, H100x8, new EfficiencyFactors { Mfu = 0.5, Mbu = 0.7 });
        est.Prefill.Bound.Should().Be(LimitingBound.Compute);
        est.Prefill.Flops.Should().BeApproximately(294_523_355_791_360, 1e3);
        est.TimeToFirstToken.Milliseconds.Should().BeApproximately(74.4197, 1e-3);
    }

    [Fact]
    public void KvCache_LimitsBatch()
    {
        // Usable: 8 x 80 GB x 0.9 = 576 GB; free after weights = 576e9 - 141,125,877,760 = 434,874,122,240 B;
        // per sequence (2,000 + 500) x 327,680 B = 819,200,000 B; floor(434,874,122,240 / 819,200,000) = floor(530.85) = 530.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 2000, OutputTokens = 500, BatchSize = 1000 }, H100x8);
        est.Fit.MaxSequencesPerReplica.Should().Be(530);
        est.EffectiveBatchSize.Should().Be(530);
        est.BatchLimitedByKvCache.Should().BeTrue();
    }

    [Fact]
    public void ModelTooLargeForMemory_ThrowsNamingModel()
    {
        // Llama 3.1 405B in BF16: 405,853,388,800 x 2 = 811.7 GB > 8 x 72 GB usable = 576 GB.
        var act = () => Roofline.Estimate(ModelLibrary.Default["llama-3.1-405b"], new Workload { PromptTokens = 100, OutputTokens = 100 }, H100x8);
        act.Should().Throw<ModelDoesNotFitException>()
            .Where(e => e.ParamName == "model" && e.Message.Contains("does not fit") && e.Message.Contains("811.7 GB"));
    }

    [Fact]
    public void ModelTooLarge_TryEstimateReturnsFalseWithReason()
    {
        Roofline.TryEstimate(ModelLibrary.Default["llama-3.1-405b"], new Workload { PromptTokens = 100, OutputTokens = 100 }, H100x8, out var est).Should().BeFalse();
        est.Fit.Fits.Should().BeFalse();
        est.Fit.Reason.Should().Contain("Raise the tensor-parallel degree");
    }

    [Fact]
    public void Fp8Weights_Fit405BOn8H100()
    {
        // 405.85e9 x 1 byte = 405.9 GB < 576 GB usable.
        var fp8 = ModelLibrary.Default["llama-3.1-405b"].WithPrecision(NumericPrecision.Fp8);
        var est = Roofline.Estimate(fp8, new Workload { PromptTokens = 1000, OutputTokens = 200, BatchSize = 16 }, H100x8);
        est.ComputePrecision.Should().Be(NumericPrecision.Fp8);
        est.Fit.Fits.Should().BeTrue();
    }

    [Fact]
    public void MixtureOfExperts_ReadsActiveWeightsAtBatchOne_AllWeightsAtLargeBatch()
    {
        // Mixtral 8x7B BF16: active 12.9e9 x 2 = 25.8 GB per token; total 46.7e9 x 2 = 93.4 GB.
        // Batch 1 reads 25.8 GB of weights; batch 64 reads min(93.4, 64 x 25.8) = 93.4 GB.
        var mixtral = ModelLibrary.Default["mixtral-8x7b"];
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 2, TensorParallelDegree = 2 };
        var one = Roofline.Estimate(mixtral, new Workload { PromptTokens = 1, OutputTokens = 1 }, dep, Ideal);
        var many = Roofline.Estimate(mixtral, new Workload { PromptTokens = 1, OutputTokens = 1, BatchSize = 64 }, dep, Ideal);
        // KV: 32 x 2 x 8 x 128 x 2 = 131,072 B/token x 1.5 tokens x batch.
        one.Decode.MemoryBytes.Should().BeApproximately(25.8e9 + 131_072 * 1.5, 1);
        many.Decode.MemoryBytes.Should().BeApproximately(93.4e9 + 64 * 131_072 * 1.5, 1);
    }

    [Fact]
    public void Calibration_ReplacesDecodeAndSaysMeasured()
    {
        // Measured 2,000 output tokens/s at 16 sequences on one replica: step = 16 / 2,000 = 8 ms.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 1000, OutputTokens = 200, BatchSize = 32 }, H100x8);
        var cal = est.CalibrateWith(new MeasuredThroughput { DecodeThroughput = TokenRate.FromTokensPerSecond(2000), BatchSize = 16, Source = "in-house vLLM run" });
        est.Source.Should().Be(ThroughputSource.RooflineEstimate);
        cal.Source.Should().Be(ThroughputSource.Measured);
        cal.Decode.Bound.Should().Be(LimitingBound.Measured);
        cal.Prefill.Bound.Should().Be(est.Prefill.Bound);
        cal.TimePerOutputToken.Milliseconds.Should().BeApproximately(8, 1e-9);
        cal.DecodeThroughput.TokensPerSecond.Should().BeApproximately(2000, 1e-9);
        cal.MeasurementSource.Should().Be("in-house vLLM run");
        TokenCost.ForEstimate(PricePerHour.Usd(55.04m), cal).Source.Should().Be(ThroughputSource.Measured);
    }

    [Fact]
    public void Calibration_WithTtft_ReplacesPrefill()
    {
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 1000, OutputTokens = 200 }, H100x8);
        var cal = est.CalibrateWith(new MeasuredThroughput { DecodeThroughput = TokenRate.FromTokensPerSecond(50), BatchSize = 1, TimeToFirstToken = UnitsDuration.FromMilliseconds(120), Source = "bench" });
        cal.Prefill.Bound.Should().Be(LimitingBound.Measured);
        cal.TimeToFirstToken.Milliseconds.Should().BeApproximately(120, 1e-9);
    }

    [Fact]
    public void Calibration_ZeroThroughput_Throws()
    {
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 1000, OutputTokens = 200 }, H100x8);
        var act = () => est.CalibrateWith(new MeasuredThroughput { DecodeThroughput = TokenRate.Zero, BatchSize = 1, Source = "x" });
        act.Should().Throw<ValidationException>().Where(e => e.Message.Contains("Measured decode throughput must be greater than zero"));
    }

    [Fact]
    public void ZeroPromptTokens_ThrowsNamingField()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 0, OutputTokens = 10 }, H100x8);
        act.Should().Throw<ValidationException>().Where(e => e.Errors.Any(x => x.PropertyName == "PromptTokens") && e.Message.Contains("Prompt tokens must be"));
    }

    [Fact]
    public void NegativeOutputTokens_ThrowsNamingField()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 10, OutputTokens = -5 }, H100x8);
        act.Should().Throw<ValidationException>().Where(e => e.Errors.Any(x => x.PropertyName == "OutputTokens"));
    }

    [Fact]
    public void ContextLongerThanModel_ThrowsNamingWorkload()
    {
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 2, TensorParallelDegree = 2 };
        var act = () => Roofline.Estimate(ModelLibrary.Default["mixtral-8x7b"], new Workload { PromptTokens = 40_000, OutputTokens = 10 }, dep);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "workload" && e.Message.Contains("32,768"));
    }

    [Fact]
    public void TensorParallelDegreeNotDividingCount_Throws()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 10, OutputTokens = 10 }, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = 3 });
        act.Should().Throw<ValidationException>().Where(e => e.Message.Contains("must divide the accelerator count"));
    }

    [Fact]
    public void MfuOutsideUnitInterval_Throws()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = 10, OutputTokens = 10 }, H100x8, new EfficiencyFactors { Mfu = 1.2 });
        act.Should().Throw<ValidationException>().Where(e => e.Message.Contains("MFU must be greater than 0 and at most 1"));
    }

    [Fact]
    public void LatencyTargets_AreReported()
    {
        var w = new Workload { PromptTokens = 1000, OutputTokens = 200, BatchSize = 8, TimeToFirstTokenTarget = UnitsDuration.FromSeconds(10), TimePerOutputTokenTarget = UnitsDuration.FromMilliseconds(0.001) };
        var est = Roofline.Estimate(Specs.Llama70B, w, H100x8);
        est.MeetsTimeToFirstTokenTarget.Should().BeTrue();
        est.MeetsTimePerOutputTokenTarget.Should().BeFalse();
    }

    [Fact]
    public void Replicas_MultiplyThroughput()
    {
        var w = new Workload { PromptTokens = 500, OutputTokens = 100, BatchSize = 4 };
        var model = ModelLibrary.Default["llama-3.1-8b"];
        var one = Roofline.Estimate(model, w, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 });
        var eight = Roofline.Estimate(model, w, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8 });
        eight.Deployment.Replicas.Should().Be(8);
        eight.OutputThroughput.TokensPerSecond.Should().BeApproximately(8 * one.OutputThroughput.TokensPerSecond, 1e-6);
    }

    [Property(MaxTest = 200)]
    public bool DecodeThroughput_NeverExceedsComputeOrBandwidthBound(PositiveInt batch, PositiveInt prompt, PositiveInt output, byte tpIndex, byte mfu, byte mbu)
    {
        int tp = new[] { 1, 2, 4, 8 }[tpIndex % 4];
        var model = ModelLibrary.Default["llama-3.1-8b"];
        var w = new Workload { PromptTokens = 1 + prompt.Get % 8000, OutputTokens = 1 + output.Get % 2000, BatchSize = 1 + batch.Get % 512 };
        var eff = new EfficiencyFactors { Mfu = (mfu + 1) / 256d, Mbu = (mbu + 1) / 256d };
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = tp };
        var est = Roofline.Estimate(model, w, dep, eff);
        double perReplica = est.DecodeThroughput.TokensPerSecond / dep.Replicas;
        double b = est.EffectiveBatchSize;
        double computeBound = b * tp * Specs.H100.PeakAt(NumericPrecision.Bf16).FlopsPerSecond / est.Decode.Flops;
        double bandwidthBound = b * tp * Specs.H100.MemoryBandwidth.ToBytesPerSecond() / est.Decode.MemoryBytes;
        double prefillPerReplica = est.PrefillThroughput.TokensPerSecond / dep.Replicas;
        double prefillCompute = est.UncachedPromptTokens * tp * Specs.H100.PeakAt(NumericPrecision.Bf16).FlopsPerSecond / est.Prefill.Flops;
        return perReplica <= computeBound * (1 + 1e-12) && perReplica <= bandwidthBound * (1 + 1e-12) && prefillPerReplica <= prefillCompute * (1 + 1e-12);
    }
}
