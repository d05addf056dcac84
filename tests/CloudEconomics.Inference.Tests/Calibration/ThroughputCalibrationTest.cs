using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using NodaTime;

namespace CloudEconomics.Tests.Inference.Calibration;

public class ThroughputCalibrationTest
{
    /// <summary>
    /// A synthetic measurement: the roofline's output throughput at KNOWN factors, times <paramref name="scale"/>. A fit must
    /// recover the known factors (the expected values are the inputs, not the code's output).
    /// </summary>
    internal static ThroughputMeasurement Synthetic(string id, string publisher, string accelerator, string model, NumericPrecision precision, int chips, int tp,
        int prompt, int output, EfficiencyFactors truth, double scale = 1, int? concurrency = null)
    {
        var m = new ThroughputMeasurement
        {
            Id = id, Publisher = publisher, Model = model, Accelerator = accelerator, Chips = chips, TensorParallel = tp, PipelineParallel = 1,
            Precision = precision, KvCachePrecision = precision, Engine = "synthetic", PromptTokens = TokenCount.FromTokens(prompt), OutputTokens = TokenCount.FromTokens(output),
            Mode = concurrency is null ? MeasurementMode.Offline : MeasurementMode.Concurrency, Concurrency = concurrency,
            OutputThroughput = TokenRate.FromTokensPerSecond(1), ReportedMetric = "synthetic", ReportedValue = 1, Source = "test", AsOf = new LocalDate(2025, 1, 1),
        };
        var spec = CloudCatalog.Default.FindAccelerator(accelerator)!.ToAcceleratorSpec();
        var profile = ModelLibrary.Default[model].WithPrecision(precision, precision);
        int batch = concurrency is null ? 1 << 20 : (int)Math.Ceiling(concurrency.Value / (double)(chips / tp));
        var estimate = Roofline.Estimate(profile, new Workload { PromptTokens = TokenCount.FromTokens(prompt), OutputTokens = TokenCount.FromTokens(output), BatchSize = batch },
            new InferenceDeployment { Accelerator = spec, AcceleratorCount = chips, TensorParallelDegree = tp }, truth);
        return m with { OutputThroughput = TokenRate.FromTokensPerSecond(estimate.OutputThroughput.TokensPerSecond * scale) };
    }

    internal static IEnumerable<ThroughputMeasurement> Grid(string publisher, string accelerator, EfficiencyFactors truth, string prefix, double scale = 1)
    {
        int i = 0;
        foreach (var (model, chips, tp) in new[] { ("llama-3.1-8b", 1, 1), ("llama-3.1-70b", 4, 4), ("llama-3.1-70b", 8, 8) })
        {
            foreach (var (prompt, output) in new[] { (128, 2048), (2048, 128), (1000, 1000), (20000, 2000) })
            {
                yield return Synthetic($"{prefix}-{i++}", publisher, accelerator, model, NumericPrecision.Fp8, chips, tp, prompt, output, truth, scale);
            }
            yield return Synthetic($"{prefix}-{i++}", publisher, accelerator, model, NumericPrecision.Fp8, chips, tp, 512, 512, truth, scale, concurrency: 4);
        }
    }

    private static readonly CalibrationOptions NoPrior = new() { PriorWeight = 0 };

    [Fact]
    public void Fit_SyntheticAtKnownFactors_RecoversThem()
    {
        // Rows generated at MFU 0.4, MBU 0.6 (link 0.7 = default) on H200: the loss is zero there, so the fit must return 0.4 and 0.6.
        var truth = EfficiencyFactors.Default with { Mfu = 0.4, Mbu = 0.6 };
        var calibration = ThroughputCalibration.Fit(Grid("A", "nvidia-h200-sxm", truth, "h"), NoPrior);
        var hopper = calibration.Families.Single(f => f.Family == "nvidia-hopper");
        hopper.Fitted.Should().BeTrue();
        hopper.Rows.Should().Be(15);
        hopper.Factors.Mbu.Should().BeApproximately(0.6, 0.003);
        hopper.Factors.Mfu.Should().BeApproximately(0.4, 0.01);
        hopper.ErrorAfter!.Median.Should().BeLessThan(0.005);
        hopper.ErrorBefore!.Median.Should().BeGreaterThan(0.05, "the defaults (MFU 0.5, MBU 0.7) are off the truth");
    }

    [Fact]
    public void Fit_TwoFamilies_GetTheirOwnFactors()
    {
        var hopperTruth = EfficiencyFactors.Default with { Mfu = 0.45, Mbu = 0.8 };
        var amdTruth = EfficiencyFactors.Default with { Mfu = 0.3, Mbu = 0.5 };
        var rows = Grid("A", "nvidia-h100-sxm", hopperTruth, "h").Concat(Grid("B", "amd-mi300x", amdTruth, "a"));
        var calibration = ThroughputCalibration.Fit(rows, NoPrior);
        calibration.Families.Single(f => f.Family == "nvidia-hopper").Factors.Mbu.Should().BeApproximately(0.8, 0.005);
        calibration.Families.Single(f => f.Family == "amd-cdna3").Factors.Mbu.Should().BeApproximately(0.5, 0.005);
        calibration.Families.Single(f => f.Family == "amd-cdna3").Factors.Mfu.Should().BeApproximately(0.3, 0.01);
        calibration.For("nvidia-h100-sxm").Basis.Should().Be(CalibrationBasis.MeasuredAccelerator);
        calibration.For("nvidia-h200-sxm").Basis.Should().Be(CalibrationBasis.MeasuredFamily);
        var tpu = calibration.For("google-tpu-v6e");
        tpu.Basis.Should().Be(CalibrationBasis.Extrapolated);
        tpu.Family.Should().Be("global");
        tpu.Factors.Should().Be(calibration.Global.Factors);
    }

    [Fact]
    public void Fit_RobustToOneOutlier()
    {
        // 15 exact rows at MBU 0.6 and one row measured 3x lower (log error ln 3 = 1.1, far beyond the Huber threshold 0.1).
        // Least squares would shift every log estimate by about 1.1 / 16 = 7% (MBU near 0.6 x 1.07 = 0.64); the Huber loss caps
        // the outlier's pull at 0.1 / 16 per row, so the fit stays within 0.02 of 0.6 and the good rows keep a median error under 2%.
        var truth = EfficiencyFactors.Default with { Mfu = 0.4, Mbu = 0.6 };
        var rows = Grid("A", "nvidia-h200-sxm", truth, "h").Append(Synthetic("outlier", "A", "nvidia-h200-sxm", "llama-3.1-8b", NumericPrecision.Fp8, 1, 1, 300, 300, truth, 1 / 3d));
        var hopper = ThroughputCalibration.Fit(rows, NoPrior).Families.Single(f => f.Family == "nvidia-hopper");
        hopper.Factors.Mbu.Should().BeApproximately(0.6, 0.02);
        hopper.ErrorAfter!.Median.Should().BeLessThan(0.02);
    }

    [Fact]
    public void Fit_TooFewRows_FamilyUsesGlobal()
    {
        var truth = EfficiencyFactors.Default with { Mbu = 0.6 };
        var rows = Grid("A", "nvidia-h200-sxm", truth, "h").Concat(Grid("B", "amd-mi300x", truth, "a").Take(2));
        var calibration = ThroughputCalibration.Fit(rows);
        var amd = calibration.Families.Single(f => f.Family == "amd-cdna3");
        amd.Fitted.Should().BeFalse();
        amd.Rows.Should().Be(2);
        amd.Factors.Should().Be(calibration.Global.Factors);
        calibration.For("amd-mi300x").Basis.Should().Be(CalibrationBasis.Extrapolated);
    }

    [Fact]
    public void Fit_NothingEstimable_Throws()
    {
        FluentActions.Invoking(() => ThroughputCalibration.Fit([]))
            .Should().Throw<ArgumentException>().WithMessage("At least one measurement must be estimable to fit; none were given.*").WithParameterName("measurements");
    }

    [Fact]
    public void CalibrationError_HandComputedPercentiles()
    {
        // Ratios 0.8, 1.1, 1.3, 0.95, 1.0: errors sorted 0, 0.05, 0.1, 0.2, 0.3 -> median 0.1; P90 at rank 0.9 x 4 = 3.6:
        // 0.2 + 0.6 x 0.1 = 0.26. Ratios sorted 0.8, 0.95, 1, 1.1, 1.3: P10 at rank 0.4: 0.8 + 0.4 x 0.15 = 0.86; P90: 1.1 + 0.6 x 0.2 = 1.22.
        var e = CalibrationError.FromRatios([0.8, 1.1, 1.3, 0.95, 1.0])!;
        e.Count.Should().Be(5);
        e.Median.Should().BeApproximately(0.1, 1e-12);
        e.P90.Should().BeApproximately(0.26, 1e-12);
        e.RatioP10.Should().BeApproximately(0.86, 1e-12);
        e.RatioP50.Should().Be(1.0);
        e.RatioP90.Should().BeApproximately(1.22, 1e-12);
        CalibrationError.FromRatios([]).Should().BeNull();
        FluentActions.Invoking(() => CalibrationError.FromRatios([double.NaN])).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void LeaveOnePublisherOut_ConsistentPublishers_AfterErrorNearZero()
    {
        // Two publishers measuring the same hardware at the same true factors: fitting on one predicts the other exactly,
        // while the defaults miss by the factor gap.
        var truth = EfficiencyFactors.Default with { Mfu = 0.4, Mbu = 0.6 };
        var rows = Grid("A", "nvidia-h200-sxm", truth, "a").Concat(Grid("B", "nvidia-h100-sxm", truth, "b"));
        var v = ThroughputCalibration.ValidateLeaveOnePublisherOut(rows, NoPrior);
        v.Families.Should().ContainSingle().Which.Family.Should().Be("nvidia-hopper");
        v.All.Before.Count.Should().Be(30);
        v.All.After.Median.Should().BeLessThan(0.01);
        v.All.Before.Median.Should().BeGreaterThan(0.05);
    }

    [Fact]
    public void ShippedFormat_RoundTrips()
    {
        var truth = EfficiencyFactors.Default with { Mfu = 0.4, Mbu = 0.6 };
        var calibration = ThroughputCalibration.Fit(Grid("A", "nvidia-h200-sxm", truth, "h"), NoPrior);
        string json = calibration.ToJson(new LocalDate(2026, 12, 5), "synthetic");
        var loaded = EfficiencyCalibration.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "x.json");
        loaded.FitDate.Should().Be(new LocalDate(2026, 12, 5));
        loaded.For("nvidia-h200-sxm").Factors.Mbu.Should().Be(Math.Round(calibration.For("nvidia-h200-sxm").Factors.Mbu, 4));
        loaded.ToJson(new LocalDate(2026, 12, 5), "synthetic").Should().Be(json);
    }
}
