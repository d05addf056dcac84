using CloudEconomics.Inference;
using CloudEconomics.Tests.Finance;

namespace CloudEconomics.Tests.Inference.Calibration;

/// <summary>
/// The leave-one-publisher-out figures of README.md ("How good is the estimate?") and benchmarks/README.md, recomputed
/// from the seed measurements and held under the bounds those documents state.
/// </summary>
public class CalibrationValidationTest
{
    private static readonly Lazy<CalibrationValidation> Validation = new(() => ThroughputCalibration.ValidateLeaveOnePublisherOut(ThroughputMeasurements.Default));

    [Fact]
    public void AllRows_HeldOutByPublisher_StayUnderTheDocumentedBound()
    {
        if (MutationRun.IsOn)
        {
            // Fits the whole seed set (431 rows, Nelder-Mead per family): 30 to 60 s plain, about 20 times that in Stryker's
            // instrumented build, for every mutant it reaches. Plain runs and CI check it; the smaller fits of
            // ThroughputCalibrationTest cover the calibration code under mutation.
            Assert.Skip("CLOUDECONOMICS_MUTATION_RUN=1 (mutation testing): whole-seed-set calibration fit not run per mutant.");
        }
        // README: 431 rows, 4 publishers; after calibration median 50.1%, P90 194.3% (before 57.6%, 349.8%).
        // Documented bound: median at most 55%, P90 at most 200%, and both better than the uncalibrated defaults.
        var all = Validation.Value.All;
        all.Publishers.Should().HaveCountGreaterThanOrEqualTo(4);
        all.After.Count.Should().BeGreaterThanOrEqualTo(400);
        all.After.Median.Should().BeLessThanOrEqualTo(0.55);
        all.After.P90.Should().BeLessThanOrEqualTo(2.0);
        all.After.Median.Should().BeLessThan(all.Before.Median);
        all.After.P90.Should().BeLessThan(all.Before.P90);
    }

    [Theory]
    // family, documented bound on the held-out median and P90 (README: Blackwell 14.2% / 37.8%, AWS Neuron 8.6% / 25.1%)
    [InlineData("nvidia-blackwell", 0.16, 0.40)]
    [InlineData("aws-neuron", 0.10, 0.30)]
    public void Family_HeldOut_StaysUnderTheDocumentedBound(string family, double median, double p90)
    {
        if (MutationRun.IsOn)
        {
            // Fits the whole seed set (431 rows, Nelder-Mead per family): 30 to 60 s plain, about 20 times that in Stryker's
            // instrumented build, for every mutant it reaches. Plain runs and CI check it; the smaller fits of
            // ThroughputCalibrationTest cover the calibration code under mutation.
            Assert.Skip("CLOUDECONOMICS_MUTATION_RUN=1 (mutation testing): whole-seed-set calibration fit not run per mutant.");
        }
        var row = Validation.Value.Families.Single(f => f.Family == family);
        row.After.Median.Should().BeLessThanOrEqualTo(median);
        row.After.P90.Should().BeLessThanOrEqualTo(p90);
    }
}
