using CloudEconomics.Inference;
using FluentValidation;
using FsCheck;
using FsCheck.Xunit;
using CloudEconomics.Catalog;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics.Tests.Inference;

public class RooflineTest
{
    private static readonly EfficiencyFactors Ideal = new() { Mfu = 1, Mbu = 1, InterconnectEfficiency = 1, UsableMemoryFraction = 1, AllReduceLatencySeconds = 0 };

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
            AttentionHeads = 1, KeyValueHeads = 1, HeadDimension = 1, MaxContextTokens = TokenCount.FromTokens(8192), WeightPrecision = NumericPrecision.Fp16, KvCachePrecision = NumericPrecision.Fp16,
        };
        var est = Roofline.Estimate(model, new Workload { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1) }, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 }, Ideal);

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
        // Hand calculation with the config's count: weights 70,553,706,496 x 2 = 141,107,412,992 B, 17,638,426,624 B per chip;
        // KV 80 x 2 x 8 heads x 128 x 2 B = 327,680 B/token, 8 KV heads on TP 8 = 1 head per chip: 40,960 B/token/chip
        // x context (128 + 2/2 = 129) = 5,283,840 B; per chip 17,643,710,464 B (x 8 = 141,149,683,712 B) / 3.35e12 = 5.266779 ms.
        // All-reduces (latency set to 0 here): 2 x 80 = 160 per step, each 2 x 7/8 x 8,192 x 2 B = 28,672 B per chip:
        // 4,587,520 B / (900 GB/s / 2 = 450 GB/s one way) = 10.1945 us, added: TPOT = 5.276974 ms.
        // Compute: 2 x 70,553,706,496 + 4 x 80 x 8192 x 129 = 141,445,578,752 FLOPs / (8 x 989.4e12) = 17.87 us: far below.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(128), OutputTokens = TokenCount.FromTokens(2) }, H100x8, Ideal);

        est.Decode.Bound.Should().Be(LimitingBound.MemoryBandwidth);
        est.Decode.MemoryBytes.Should().BeApproximately(141_149_683_712, 1);
        est.Decode.MemorySeconds.Should().BeApproximately(5.266779e-3, 1e-9);
        est.Decode.InterconnectSeconds.Should().BeApproximately(4_587_520 / 450e9, 1e-12);
        est.TimePerOutputToken.Milliseconds.Should().BeApproximately(5.276974, 1e-5);
        est.TimePerOutputToken.Milliseconds.Should().BeApproximately(5.22, 0.06);
        est.Decode.ComputeSeconds.Should().BeApproximately(141_445_578_752 / (8 * 989.4e12), 1e-12);
        (est.Decode.Flops / est.Decode.MemoryBytes).Should().BeLessThan(989.4 / 3.35); // intensity below the ridge point
    }

    [Fact]
    public void Decode_AllReduceLatency_AddsAlphaPerAllReduce()
    {
        // Alpha-beta: a 70B decode step on TP 8 has 2 x 80 = 160 all-reduces; at 10 us each that adds 1.6 ms to the
        // 5.276974 ms of the case above: 6.876974 ms.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(128), OutputTokens = TokenCount.FromTokens(2) }, H100x8, Ideal with { AllReduceLatencySeconds = 10e-6 });
        est.Decode.InterconnectSeconds.Should().BeApproximately(1.6e-3 + (4_587_520 / 450e9), 1e-12);
        est.TimePerOutputToken.Milliseconds.Should().BeApproximately(6.876974, 1e-5);
    }

    [Fact]
    public void Prefill_Llama70B2048TokensOn8H100_IsComputeBound()
    {
        // One request of 2,048 prompt tokens fills one chunk (min(8,192, batch 1 x 2,048)), so it reads the weights once.
        // FLOPs = 2 x 70,553,706,496 x 2,048 + 4 x 80 x 8,192 x 2,048 x (0 + 2,048 / 2) = 294,485,539,946,496;
        // compute = FLOPs / 8 / (989.4e12 x 0.5) = 74.41013 ms; memory per chip = 17,638,426,624 + 40,960 x 2,048
        // = 17,722,312,704 B / (3.35e12 x 0.7) = 7.557 ms: compute-bound.
        // All-reduces: 160 x 10 us = 1.6 ms + 160 x 28,672 x 2,048 = 9,395,240,960 B / (450e9 x 0.7) = 29.82616 ms.
        // TTFT = 74.41013 + 1.6 + 29.82616 = 105.83629 ms.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(2048), OutputTokens = TokenCount.FromTokens(256) }, H100x8, new EfficiencyFactors { Mfu = 0.5, Mbu = 0.7 });
        est.Prefill.Bound.Should().Be(LimitingBound.Compute);
        est.Prefill.Flops.Should().BeApproximately(294_485_539_946_496, 1e3);
        est.Prefill.ComputeSeconds.Should().BeApproximately(74.41013e-3, 1e-8);
        est.TimeToFirstToken.Milliseconds.Should().BeApproximately(105.83629, 1e-4);
    }

    [Fact]
    public void Prefill_ChunkSharesOneWeightReadAcrossRequests()
    {
        // Llama 3.1 8B on one H100, prompts of 512, batch 16: a chunk holds min(8,192, 16 x 512) = 8,192 tokens, so each
        // request pays 512 / 8,192 = 1/16 of one weight read: 8,030,261,248 x 2 / 16 = 1,003,782,656 B of weights, plus
        // its KV: 32 x 2 x 8 x 128 x 2 = 131,072 B/token x 512 = 67,108,864 B: 1,070,891,520 B in all.
        // One request alone (batch 1) reads all 16,060,522,496 B plus the same KV: 16,127,631,360 B.
        var model = ModelLibrary.Default["llama-3.1-8b"];
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 };
        var shared = Roofline.Estimate(model, new Workload { PromptTokens = TokenCount.FromTokens(512), OutputTokens = TokenCount.FromTokens(64), BatchSize = 16 }, dep, Ideal);
        var alone = Roofline.Estimate(model, new Workload { PromptTokens = TokenCount.FromTokens(512), OutputTokens = TokenCount.FromTokens(64), BatchSize = 1 }, dep, Ideal);
        shared.Prefill.MemoryBytes.Should().BeApproximately(1_070_891_520, 1);
        alone.Prefill.MemoryBytes.Should().BeApproximately(16_127_631_360, 1);
    }

    [Fact]
    public void KvCache_LimitsBatch_AtAverageLiveContext()
    {
        // Paged in-flight batching holds prompt + output / 2 = 2,000 + 250 = 2,250 tokens per sequence on average.
        // Usable per chip: 80 GB x 0.9 = 72e9; weights per chip 141,107,412,992 / 8 = 17,638,426,624; free 54,361,573,376 B;
        // KV per chip 40,960 B/token x 2,250 = 92,160,000 B per sequence; floor(589.86) = 589 (at the full 2,500-token
        // context it would be 530).
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 1000 }, H100x8);
        est.Fit.LiveContextTokens.Should().Be(TokenCount.FromTokens(2250));
        est.Fit.MaxSequencesPerReplica.Should().Be(589);
        est.EffectiveBatchSize.Should().Be(589);
        est.BatchLimitedByKvCache.Should().BeTrue();
    }

    [Fact]
    public void ModelTooLargeForMemory_ThrowsNamingModel()
    {
        // Llama 3.1 405B in BF16: 405,853,388,800 x 2 = 811.7 GB > 8 x 72 GB usable = 576 GB.
        var act = () => Roofline.Estimate(ModelLibrary.Default["llama-3.1-405b"], new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(100) }, H100x8);
        act.Should().Throw<ModelDoesNotFitException>()
            .Where(e => e.ParamName == "model" && e.Message.Contains("does not fit") && e.Message.Contains("811.7 GB"));
    }

    [Fact]
    public void ModelTooLarge_TryEstimateReturnsFalseWithReason()
    {
        Roofline.TryEstimate(ModelLibrary.Default["llama-3.1-405b"], new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(100) }, H100x8, out var est).Should().BeFalse();
        est.Fit.Fits.Should().BeFalse();
        est.Fit.Reason.Should().Contain("Raise the tensor- or pipeline-parallel degree");
    }

    [Fact]
    public void Fp8Weights_Fit405BOn8H100()
    {
        // 405.85e9 x 1 byte = 405.9 GB < 576 GB usable.
        var fp8 = ModelLibrary.Default["llama-3.1-405b"].WithPrecision(NumericPrecision.Fp8);
        var est = Roofline.Estimate(fp8, new Workload { PromptTokens = TokenCount.FromTokens(1000), OutputTokens = TokenCount.FromTokens(200), BatchSize = 16 }, H100x8);
        est.ComputePrecision.Should().Be(NumericPrecision.Fp8);
        est.Fit.Fits.Should().BeTrue();
    }

    [Fact]
    public void MixtureOfExperts_Mixtral_Batch4_ReadsExpectedExperts_44PercentLessThanTheOldBound()
    {
        // Mixtral 8x7B (config.json): routed 8 x 32 x 3 x 4096 x 14336 = 45,097,156,608; always active 46,702,792,704 - that
        // = 1,605,636,096. Top-2 of 8 at batch 4: 1 - (1 - 2/8)^4 = 1 - 0.31640625 = 0.68359375 of the experts;
        // routed read 45,097,156,608 x 175/256 = 30,828,134,400; total 32,433,770,496 params x 2 B = 64,867,540,992 B.
        // The old bound min(all 93,405,585,408 B, 4 x active) read all weights: 93,405,585,408 / 64,867,540,992 = 1.43994 (44% too much).
        var mixtral = ModelLibrary.Default["mixtral-8x7b"];
        mixtral.ExpectedRoutedFraction(4).Should().Be(0.68359375);
        mixtral.ExpectedWeightBytesRead(4).Should().BeApproximately(64_867_540_992, 1);
        (mixtral.WeightBytes / mixtral.ExpectedWeightBytesRead(4)).Should().BeApproximately(1.43994, 1e-5);
        // Batch 1 reads exactly the active weights: 12,879,925,248 x 2 = 25,759,850,496 B.
        mixtral.ExpectedWeightBytesRead(1).Should().BeApproximately(25_759_850_496, 1);

        // In the roofline (TP 2, ideal, no all-reduce latency): per chip 64,867,540,992 / 2 + 4 sequences x 1.5 tokens x
        // (131,072 B/token / 2 chips) = 32,433,770,496 + 393,216 = 32,434,163,712 B; x 2 chips = 64,868,327,424 B.
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 2, TensorParallelDegree = 2 };
        var est = Roofline.Estimate(mixtral, new Workload { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1), BatchSize = 4 }, dep, Ideal);
        est.Decode.MemoryBytes.Should().BeApproximately(64_868_327_424, 1);
    }

    [Fact]
    public void MixtureOfExperts_DeepSeekV3_Batch16_116PercentLessThanTheOldBound()
    {
        // DeepSeek-V3 (config.json): routed 58 x 256 x 3 x 7168 x 2048 = 653,908,770,816; always active
        // 671,026,434,048 - that = 17,117,663,232; active 37,552,312,320. Top-8 of 256 at batch 16:
        // 1 - (31/32)^16 = 1 - 0.6017103 = 0.3982897; read 17,117,663,232 + 653,908,770,816 x 0.3982897 = 277,562,789,143 params.
        // Old bound: min(671,026,434,048, 16 x 37,552,312,320 = 600,836,997,120) = 600,836,997,120: 2.16469x (116% too much).
        var ds = ModelLibrary.Default["deepseek-v3"];
        ds.ExpectedRoutedFraction(16).Should().BeApproximately(0.3982897, 1e-7);
        (ds.ExpectedWeightBytesRead(16) / ds.WeightPrecision.BytesPerElement()).Should().BeApproximately(277_562_789_143, 2);
        (600_836_997_120d / (ds.ExpectedWeightBytesRead(16) / ds.WeightPrecision.BytesPerElement())).Should().BeApproximately(2.16469, 1e-5);
    }

    [Fact]
    public void LatentAttention_ReplicatesKvCachePerRank_244SequencesOn8H200()
    {
        // Issue 12: DeepSeek-V3 on 8 x H200 (141 GB decimal as the catalog had it, 0.9 usable = 126.9e9 B per chip).
        // FP8 weights 671,026,434,048 B / 8 = 83,878,304,256 per chip; free 43,021,695,744 B per chip.
        // MLA caches 576 elements x 61 layers x 2 B = 70,272 B per token, on EVERY rank (one latent shared by all heads).
        // Live context 2,000 + 1,000 / 2 = 2,500 tokens: 175,680,000 B per sequence per chip; floor(244.89) = 244 sequences,
        // not the 8x larger 1,959 a cache split across the 8 ranks would give.
        var h200 = AcceleratorSpec.FromDataSheet("H200 (141 GB)", new Dictionary<NumericPrecision, double> { [NumericPrecision.Bf16] = 989.4, [NumericPrecision.Fp8] = 1978.9 },
            141, BytePrefix.Decimal, 4.8, interconnectGigabytesPerSecond: 900);
        var fit = Roofline.CheckFit(ModelLibrary.Default["deepseek-v3"], new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(1000) },
            new InferenceDeployment { Accelerator = h200, AcceleratorCount = 8, TensorParallelDegree = 8 });
        fit.KvCacheBytesPerTokenPerChip.Should().Be(70_272);
        fit.MaxSequencesPerReplica.Should().Be(244);
    }

    [Fact]
    public void GroupedQueryAttention_TpAboveKvHeads_ReplicatesHeads()
    {
        // Llama 3.1 8B has 8 KV heads. TP 4: 2 heads per chip, KV per chip = 131,072 x 2/8 = 32,768 B/token.
        // TP 16 (> 8 KV heads): each chip keeps 1 head (replicated 2x): 131,072 / 8 = 16,384 B/token, not 131,072 / 16 = 8,192.
        var model = ModelLibrary.Default["llama-3.1-8b"];
        Roofline.Heads(model, 4).KeyValueHeadsPerChip.Should().Be(2);
        var h16 = Roofline.Heads(model, 16);
        h16.KeyValueHeadsPerChip.Should().Be(1);
        h16.KvCacheReplication.Should().Be(2);
        var fit = Roofline.CheckFit(model, new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(100) }, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 16, TensorParallelDegree = 16 });
        fit.KvCacheBytesPerTokenPerChip.Should().Be(16_384);
    }

    [Fact]
    public void Layouts_Llama70BOnInf2_48xlarge_PadsTp12AndOffersTp8WithIdleChips()
    {
        // 64 heads on TP 12: ceil(64/12) = 6 per chip -> 72 padded heads (12.5% more attention). TP 8 divides 64 but leaves
        // 4 of 12 chips idle. Extra parameters of the padding: 80 layers x 128 x 8192 x 2 (Q and O) x 8 padded heads
        // = 1,342,177,280; plus KV replicas: 8 KV heads on 12 chips -> 1 per chip = 12 heads, 4 extra x 2 (K and V)
        // x 80 x 128 x 8192 = 671,088,640; 2,013,265,920 in all.
        var model = ModelLibrary.Default["llama-3.1-70b"];
        var tp12 = Roofline.Heads(model, 12);
        tp12.PaddedAttentionHeads.Should().Be(72);
        tp12.Padded.Should().BeTrue();
        tp12.ExtraParameters.Should().Be(2_013_265_920);
        tp12.Note.Should().Contain("padded to 72");

        var inf2 = CloudCatalog.Default.FindAccelerator("aws-inferentia2")!.ToAcceleratorSpec();
        var layouts = LayoutSearch.Search(model, new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 32 }, inf2, 12, 12);
        layouts.Single(l => l.TensorParallelDegree == 12 && l.Estimate is not null).Note.Should().Contain("padded to 72");
        var tp8 = layouts.Single(l => l.TensorParallelDegree == 8 && l.Estimate is not null);
        tp8.IdleChips.Should().Be(4);
        tp8.Note.Should().Contain("4 of 12 chips idle");
        layouts.Single(l => l.TensorParallelDegree == 5).Rejected.Should().Contain("divides neither");
        layouts.Should().Contain(l => l.TensorParallelDegree == 1 && l.Rejected != null && l.Rejected.Contains("does not fit"));
    }

    [Fact]
    public void PipelineParallelism_FitsWhatTensorParallelismCannot()
    {
        // Llama 3.1 405B BF16 = 811.7 GB does not fit 8 x 72 GB = 576 GB; on 16 chips TP 8 x PP 2 holds
        // 811,706,777,600 / 16 = 50.7 GB per chip.
        var model = ModelLibrary.Default["llama-3.1-405b"];
        var w = new Workload { PromptTokens = TokenCount.FromTokens(1000), OutputTokens = TokenCount.FromTokens(200), BatchSize = 32 };
        Roofline.TryEstimate(model, w, H100x8, out _).Should().BeFalse();
        var est = Roofline.Estimate(model, w, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 16, TensorParallelDegree = 8, PipelineParallelDegree = 2 });
        est.Fit.WeightBytesPerChip.Should().BeApproximately(811_706_777_600d / 16, 1);
        est.OutputThroughput.TokensPerSecond.Should().BePositive();
    }

    [Fact]
    public void PipelineParallelism_AddsMemoryNotSpeed_BubblesBelowPpMicroBatches()
    {
        // Llama 3.1 8B on 2 H100 as TP 1 x PP 2 (ideal, no all-reduce: TP 1). Weights 8,030,261,248 x 2 = 16,060,522,496 B,
        // 8,030,261,248 B per stage; KV per token per chip = 131,072 / 2 stages = 65,536 B; context 1 + 1/2 = 1.5.
        // Batch 1: one micro-batch; a stage reads 8,030,261,248 + 1.5 x 65,536 = 8,030,359,552 B = 2.397122 ms, and the
        // token waits for both stages (bubble x 2): 4.794245 ms, the same as one chip reading everything
        // ((16,060,522,496 + 196,608) / 3.35e12 = 4.794245 ms).
        // Batch 2: two micro-batches keep both stages busy; each stage reads its weights twice:
        // 2 x 8,030,261,248 + 2 x 1.5 x 65,536 = 16,060,719,104 B = 4.794245 ms per step of 2 tokens.
        var model = ModelLibrary.Default["llama-3.1-8b"];
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 2, TensorParallelDegree = 1, PipelineParallelDegree = 2 };
        var one = Roofline.Estimate(model, new Workload { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1), BatchSize = 1 }, dep, Ideal);
        var two = Roofline.Estimate(model, new Workload { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1), BatchSize = 2 }, dep, Ideal);
        one.Decode.Seconds.Should().BeApproximately(16_060_719_104 / 3.35e12, 1e-12);
        two.Decode.Seconds.Should().BeApproximately(16_060_719_104 / 3.35e12, 1e-12);
        two.Deployment.Replicas.Should().Be(1);
    }

    [Fact]
    public void WithPrecision_Fp8_IsW8A8WithFp8KvCache_WeightOnlyKeepsBf16Compute()
    {
        var fp8 = Specs.Llama70B.WithPrecision(NumericPrecision.Fp8);
        fp8.ActivationPrecision.Should().Be(NumericPrecision.Fp8);
        fp8.KvCachePrecision.Should().Be(NumericPrecision.Fp8);
        var est = Roofline.Estimate(fp8, new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(10) }, H100x8);
        est.ComputePrecision.Should().Be(NumericPrecision.Fp8);
        // KV per token halves: 80 x 2 x 8 x 128 x 1 B = 163,840 B.
        fp8.KvCacheBytesPerToken.Should().Be(163_840);

        var awq = Specs.Llama70B.WithPrecision(NumericPrecision.Int4, weightOnly: true);
        awq.ActivationPrecision.Should().Be(NumericPrecision.Bf16);
        awq.KvCachePrecision.Should().Be(NumericPrecision.Bf16);
        Roofline.Estimate(awq, new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(10) }, H100x8).ComputePrecision.Should().Be(NumericPrecision.Bf16);
        Specs.Llama70B.WithPrecision(NumericPrecision.Fp8, kvCache: NumericPrecision.Bf16).KvCachePrecision.Should().Be(NumericPrecision.Bf16);
    }

    [Fact]
    public void NotFitting_RatesThrowModelDoesNotFit_NeverNaN()
    {
        Roofline.TryEstimate(ModelLibrary.Default["llama-3.1-405b"], new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(100) }, H100x8, out var est).Should().BeFalse();
        var rates = new Func<object>[]
        {
            () => est.OutputThroughput, () => est.InputThroughput, () => est.TotalThroughput, () => est.DecodeThroughput,
            () => est.PrefillThroughput, () => est.RequestsPerSecond, () => est.CycleSeconds, () => est.PrefillTimeShare,
            () => est.TimeToFirstToken, () => est.TimePerOutputToken,
        };
        foreach (var rate in rates)
        {
            rate.Should().Throw<ModelDoesNotFitException>().Where(e => e.ParamName == "model" && e.Message.Contains("does not fit"));
        }
        est.ToString().Should().Contain("does not fit");
    }

    [Property(MaxTest = 100)]
    public bool Throughput_NeverRisesWhenMemoryShrinks(PositiveInt batch, PositiveInt prompt, PositiveInt output, byte shrink)
    {
        var model = ModelLibrary.Default["llama-3.1-8b"];
        var w = new Workload { PromptTokens = TokenCount.FromTokens(1 + prompt.Get % 8000), OutputTokens = TokenCount.FromTokens(1 + output.Get % 2000), BatchSize = 1 + batch.Get % 512 };
        var smaller = Specs.H100 with { MemoryCapacity = ByteSizes.Gigabytes(80 * (1 - (shrink / 512d)), BytePrefix.Decimal) };
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 };
        var big = Roofline.Estimate(model, w, dep);
        if (!Roofline.TryEstimate(model, w, dep with { Accelerator = smaller }, out var small))
        {
            return true;
        }
        return small.OutputThroughput.TokensPerSecond <= big.OutputThroughput.TokensPerSecond * (1 + 1e-12);
    }

    [Fact]
    public void Calibration_ReplacesDecodeAndSaysMeasured()
    {
        // Measured 2,000 output tokens/s at 16 sequences on one replica: step = 16 / 2,000 = 8 ms.
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(1000), OutputTokens = TokenCount.FromTokens(200), BatchSize = 32 }, H100x8);
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
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(1000), OutputTokens = TokenCount.FromTokens(200) }, H100x8);
        var cal = est.CalibrateWith(new MeasuredThroughput { DecodeThroughput = TokenRate.FromTokensPerSecond(50), BatchSize = 1, TimeToFirstToken = UnitsDuration.FromMilliseconds(120), Source = "bench" });
        cal.Prefill.Bound.Should().Be(LimitingBound.Measured);
        cal.TimeToFirstToken.Milliseconds.Should().BeApproximately(120, 1e-9);
    }

    [Fact]
    public void Calibration_ZeroThroughput_Throws()
    {
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(1000), OutputTokens = TokenCount.FromTokens(200) }, H100x8);
        var act = () => est.CalibrateWith(new MeasuredThroughput { DecodeThroughput = TokenRate.Zero, BatchSize = 1, Source = "x" });
        act.Should().Throw<ValidationException>().Where(e => e.Message.Contains("Measured decode throughput must be greater than zero"));
    }

    [Fact]
    public void ZeroPromptTokens_ThrowsNamingField()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(0), OutputTokens = TokenCount.FromTokens(10) }, H100x8);
        act.Should().Throw<ValidationException>().Where(e => e.Errors.Any(x => x.PropertyName == "PromptTokens") && e.Message.Contains("Prompt tokens must be"));
    }

    [Fact]
    public void NegativeOutputTokens_CannotBeWritten()
    {
        // A token count is never negative: the workload cannot even be built with -5 output tokens.
        var act = () => new Workload { PromptTokens = TokenCount.FromTokens(10), OutputTokens = TokenCount.FromTokens(-5) };
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "value" && e.Message.Contains("-5"));
    }

    [Fact]
    public void ZeroOutputTokens_ThrowsNamingField()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(10), OutputTokens = TokenCount.Zero }, H100x8);
        act.Should().Throw<ValidationException>().Where(e => e.Errors.Any(x => x.PropertyName == "OutputTokens" && x.ErrorMessage == "Output tokens must be at least 1; it was 0."));
    }

    [Fact]
    public void ContextLongerThanModel_ThrowsNamingWorkload()
    {
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 2, TensorParallelDegree = 2 };
        var act = () => Roofline.Estimate(ModelLibrary.Default["mixtral-8x7b"], new Workload { PromptTokens = TokenCount.FromTokens(40_000), OutputTokens = TokenCount.FromTokens(10) }, dep);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "workload" && e.Message.Contains("32,768"));
    }

    [Fact]
    public void TensorParallelDegreeNotDividingCount_Throws()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(10), OutputTokens = TokenCount.FromTokens(10) }, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = 3 });
        act.Should().Throw<ValidationException>().Where(e => e.Message.Contains("must divide the accelerator count"));
    }

    [Fact]
    public void MfuOutsideUnitInterval_Throws()
    {
        var act = () => Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(10), OutputTokens = TokenCount.FromTokens(10) }, H100x8, new EfficiencyFactors { Mfu = 1.2 });
        act.Should().Throw<ValidationException>().Where(e => e.Message.Contains("MFU must be greater than 0 and at most 1"));
    }

    [Fact]
    public void LatencyTargets_AreReported()
    {
        var w = new Workload { PromptTokens = TokenCount.FromTokens(1000), OutputTokens = TokenCount.FromTokens(200), BatchSize = 8, TimeToFirstTokenTarget = UnitsDuration.FromSeconds(10), TimePerOutputTokenTarget = UnitsDuration.FromMilliseconds(0.001) };
        var est = Roofline.Estimate(Specs.Llama70B, w, H100x8);
        est.MeetsTimeToFirstTokenTarget.Should().BeTrue();
        est.MeetsTimePerOutputTokenTarget.Should().BeFalse();
    }

    [Fact]
    public void Replicas_MultiplyThroughput()
    {
        var w = new Workload { PromptTokens = TokenCount.FromTokens(500), OutputTokens = TokenCount.FromTokens(100), BatchSize = 4 };
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
        var w = new Workload { PromptTokens = TokenCount.FromTokens(1 + prompt.Get % 8000), OutputTokens = TokenCount.FromTokens(1 + output.Get % 2000), BatchSize = 1 + batch.Get % 512 };
        var eff = new EfficiencyFactors { Mfu = (mfu + 1) / 256d, Mbu = (mbu + 1) / 256d };
        var dep = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = tp };
        var est = Roofline.Estimate(model, w, dep, eff);
        double perReplica = est.DecodeThroughput.TokensPerSecond / dep.Replicas;
        double b = est.EffectiveBatchSize;
        double computeBound = b * tp * Specs.H100.PeakAt(NumericPrecision.Bf16).FlopsPerSecond / est.Decode.Flops;
        double bandwidthBound = b * tp * Specs.H100.MemoryBandwidth.ToBytesPerSecond() / est.Decode.MemoryBytes;
        double prefillPerReplica = est.PrefillThroughput.TokensPerSecond / dep.Replicas;
        double prefillCompute = est.UncachedPromptTokens.Tokens * tp * Specs.H100.PeakAt(NumericPrecision.Bf16).FlopsPerSecond / est.Prefill.Flops;
        return perReplica <= computeBound * (1 + 1e-12) && perReplica <= bandwidthBound * (1 + 1e-12) && prefillPerReplica <= prefillCompute * (1 + 1e-12);
    }
}
