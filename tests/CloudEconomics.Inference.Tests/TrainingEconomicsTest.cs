using CloudEconomics.Inference;
using UnitsNet;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics.Tests.Inference;

public class TrainingEconomicsTest
{
    [Fact]
    public void Llama3_405B_FlopsMatchPublishedFigure()
    {
        // "The Llama 3 Herd of Models" (2024): 405B parameters trained on 15.6T tokens with 3.8 x 10^25 FLOPs.
        // 6 x 405e9 x 15.6e12 = 3.7908e25.
        var run = new TrainingRun { Parameters = 405e9, Tokens = TokenCount.FromTokens(15.6e12) };
        run.TotalFlops.Should().BeApproximately(3.7908e25, 1e21);
        (run.TotalFlops / 3.8e25).Should().BeApproximately(1, 0.01);
        (run with { ActivationRecomputation = true }).TotalFlops.Should().BeApproximately(8 * 405e9 * 15.6e12, 1e21);
    }

    [Fact]
    public void Estimate_ChipHoursTimeCostEnergy_HandCalculation()
    {
        // 6 x 70e9 x 1e12 = 4.2e23 FLOPs; H100 BF16 989.4e12 x MFU 0.4 = 395.76e12 FLOP/s;
        // chip-hours = 4.2e23 / 395.76e12 / 3,600 = 1,061,249,242 s / 3,600 = 294,791.46; on 1,024 chips: 287.88 h;
        // cost at 6.88 USD/chip-hour = 2,028,165.2 USD; energy 0.7 kW x 294,791.46 h = 206,354.0 kWh.
        var run = new TrainingRun { Parameters = 70e9, Tokens = TokenCount.FromTokens(1e12) };
        var est = TrainingEconomics.Estimate(run, Specs.H100, 1024, mfu: 0.4, pricePerChipHour: PricePerHour.Usd(6.88m));
        est.ChipHours.Should().BeApproximately(294_791.46, 0.01);
        est.TimeToTrain.Hours.Should().BeApproximately(287.882, 1e-3);
        ((double)est.Cost!.Value.Amount).Should().BeApproximately(2_028_165.2, 0.1);
        est.Energy!.Value.KilowattHours.Should().BeApproximately(206_354.0, 0.05);
    }

    [Fact]
    public void ChipsForDeadline_RoundsUp()
    {
        // 294,791.46 chip-hours in 30 days (720 h): 409.43 -> 410 chips.
        var run = new TrainingRun { Parameters = 70e9, Tokens = TokenCount.FromTokens(1e12) };
        TrainingEconomics.ChipsForDeadline(run, Specs.H100, UnitsDuration.FromDays(30), mfu: 0.4).Should().Be(410);
    }

    [Fact]
    public void Estimate_ZeroTokens_Throws()
    {
        var act = () => TrainingEconomics.Estimate(new TrainingRun { Parameters = 1e9, Tokens = TokenCount.FromTokens(0) }, Specs.H100, 8);
        act.Should().Throw<FluentValidation.ValidationException>().Where(e => e.Message.Contains("Training tokens must be"));
    }

    [Fact]
    public void Estimate_MfuAboveOne_Throws()
    {
        var act = () => TrainingEconomics.Estimate(new TrainingRun { Parameters = 1e9, Tokens = TokenCount.FromTokens(1e9) }, Specs.H100, 8, mfu: 1.5);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "mfu");
    }

    [Fact]
    public void ClusterPlan_UltraClusterOfTrn2()
    {
        // Seed article: up to 100,000 Trainium chips, EFA 800 Gbps per node. trn2.48xlarge has 16 chips:
        // 100,000 / 16 = 6,250 instances = 6,250 nodes; aggregate 6,250 x 800 Gbps = 5,000 Tbps; 50 Gbps per chip.
        var plan = ClusterPlan.For(100_000, 16);
        plan.Instances.Should().Be(6250);
        plan.Nodes.Should().Be(6250);
        ((double)plan.AggregateScaleOutBandwidth.TerabitsPerSecond).Should().BeApproximately(5000, 1e-9);
        ((double)plan.ScaleOutBandwidthPerChip.GigabitsPerSecond).Should().BeApproximately(50, 1e-9);
        plan.StrandedChips.Should().Be(0);
    }

    [Fact]
    public void ClusterPlan_PartialInstance_StrandsChips()
    {
        // 1,000 chips / 16 = 62.5 -> 63 instances = 1,008 chips, 8 stranded.
        var plan = ClusterPlan.For(1000, 16);
        plan.Instances.Should().Be(63);
        plan.StrandedChips.Should().Be(8);
    }

    [Fact]
    public void ClusterPlan_BeyondUltraCluster_Throws()
    {
        var act = () => ClusterPlan.For(100_001, 16);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "chips" && e.Message.Contains("100,000"));
    }
}
