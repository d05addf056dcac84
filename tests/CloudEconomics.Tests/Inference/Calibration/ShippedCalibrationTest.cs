using CloudEconomics.Catalog;
using CloudEconomics.Inference;

namespace CloudEconomics.Tests.Inference.Calibration;

/// <summary>The shipped calibration (seeds/calibration/efficiency.json) against a fresh fit of the seed measurements, so it cannot go stale silently.</summary>
public class ShippedCalibrationTest
{
    private static readonly Lazy<EfficiencyCalibration> Fresh = new(() => ThroughputCalibration.Fit(ThroughputMeasurements.Default));

    [Fact]
    public void ShippedFile_MatchesAFreshFitOfTheSeedMeasurements()
    {
        // Regenerate with: dotnet run --project src/CloudEconomics.Cli -- calibrate --write-shipped seeds/calibration/efficiency.json
        var shipped = EfficiencyCalibration.Default;
        var fresh = Fresh.Value;
        shipped.Rows.Should().Be(fresh.Rows, "the shipped file must be regenerated when seeds/measurements change");
        shipped.Publishers.Should().Equal(fresh.Publishers);
        shipped.MeasuredAccelerators.Should().Equal(fresh.MeasuredAccelerators);
        shipped.ClassFits.Should().HaveSameCount(fresh.ClassFits);
        foreach (var (s, f) in shipped.Families.Append(shipped.Global).Concat(shipped.ClassFits).Zip(fresh.Families.Append(fresh.Global).Concat(fresh.ClassFits)))
        {
            s.Family.Should().Be(f.Family);
            s.ModelClass.Should().Be(f.ModelClass);
            s.Fitted.Should().Be(f.Fitted, s.Family);
            s.Rows.Should().Be(f.Rows, s.Family);
            s.Factors.Mfu.Should().BeApproximately(f.Factors.Mfu, 0.005, s.Family);
            s.Factors.Mbu.Should().BeApproximately(f.Factors.Mbu, 0.005, s.Family);
            s.Factors.InterconnectEfficiency.Should().BeApproximately(f.Factors.InterconnectEfficiency, 0.005, s.Family);
            s.Factors.StepOverheadSeconds.Should().BeApproximately(f.Factors.StepOverheadSeconds, 1e-5, s.Family);
            s.Factors.AllReduceLatencySeconds.Should().BeApproximately(f.Factors.AllReduceLatencySeconds, 1e-6, s.Family);
            if (f.ErrorAfter is { } e)
            {
                s.ErrorAfter!.Median.Should().BeApproximately(e.Median, 0.005, s.Family);
                s.ErrorAfter.P90.Should().BeApproximately(e.P90, 0.005, s.Family);
            }
        }
    }

    [Fact]
    public void ShippedFile_CalibrationImprovesTheInSampleFit()
    {
        var global = EfficiencyCalibration.Default.Global;
        global.ErrorAfter!.Median.Should().BeLessThan(global.ErrorBefore!.Median);
        global.ErrorAfter.P90.Should().BeLessThan(global.ErrorBefore.P90);
    }

    [Fact]
    public void CalibratedEfficiency_ForCatalogAndHandEnteredSpecs()
    {
        var h200 = CloudCatalog.Default.FindAccelerator("nvidia-h200-sxm")!.ToAcceleratorSpec();
        var hopper = EfficiencyCalibration.Default.Families.Single(f => f.Family == "nvidia-hopper");
        CalibratedEfficiency.Describe(h200).Basis.Should().Be(CalibrationBasis.MeasuredAccelerator);
        CalibratedEfficiency.For(h200).Should().Be(hopper.Factors);
        var custom = h200 with { Name = "My lab chip" };
        CalibratedEfficiency.Describe(custom).Basis.Should().Be(CalibrationBasis.Extrapolated);
        var llama = ModelLibrary.Default["llama-3.1-70b"];
        var hopperDense = EfficiencyCalibration.Default.ClassFits.Single(f => f.Family == "nvidia-hopper" && f.ModelClass == ModelClass.Dense);
        hopperDense.Fitted.Should().BeTrue();
        CalibratedEfficiency.For(h200, llama).Should().Be(hopperDense.Factors);
        var tpu = CloudCatalog.Default.FindAccelerator("google-tpu-v6e")!.ToAcceleratorSpec();
        var globalDense = EfficiencyCalibration.Default.ClassFits.Single(f => f.Family == "global" && f.ModelClass == ModelClass.Dense);
        CalibratedEfficiency.Describe(tpu, llama).Should().Be(new CalibratedFactors("google-tpu-v6e", "global", globalDense.Factors, CalibrationBasis.Extrapolated, globalDense.ErrorAfter, ModelClass.Dense));
        CalibratedEfficiency.For(custom).Should().Be(EfficiencyCalibration.Default.Global.Factors);
    }
}
