using CloudEconomics.Inference;
using UnitsNet;

namespace CloudEconomics.Tests.Inference;

public class EnergyPerTokenTest
{
    [Fact]
    public void From_EightH100AtTdp_HandCalculation()
    {
        // 8 x 700 W = 5,600 W at 10,000 tokens/s, utilisation 1: 5,600 / 10,000 = 0.56 J/token;
        // x 1e6 tokens / 3.6e6 J per kWh = 0.155556 kWh per million tokens; at 100 USD/MWh = 0.1 USD/kWh: 0.0155556 USD.
        var e = EnergyPerToken.From(UnitsNet.Power.FromWatts(5600), TokenRate.FromTokensPerSecond(10_000));
        e.JoulesPerToken.Should().BeApproximately(0.56, 1e-12);
        e.KilowattHoursPerMillionTokens.Should().BeApproximately(0.1555556, 1e-7);
        ((double)e.CostAt(PricePerEnergy.UsdPerMegawattHour(100m)).PerMillionTokens.Amount).Should().BeApproximately(0.0155556, 1e-7);
    }

    [Fact]
    public void From_HalfUtilizationAndPue_Scales()
    {
        // 0.56 J/token / 0.5 utilisation x 1.2 PUE = 1.344 J/token.
        EnergyPerToken.From(UnitsNet.Power.FromWatts(5600), TokenRate.FromTokensPerSecond(10_000), 0.5, 1.2).JoulesPerToken.Should().BeApproximately(1.344, 1e-12);
    }

    [Fact]
    public void From_ZeroThroughput_Throws()
    {
        var act = () => EnergyPerToken.From(UnitsNet.Power.FromWatts(700), TokenRate.Zero);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "throughput");
    }

    [Fact]
    public void ForEstimate_UnknownPower_Throws()
    {
        var chip = Specs.H100 with { Power = null };
        var est = Roofline.Estimate(Specs.Llama70B, new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(100) }, new InferenceDeployment { Accelerator = chip, AcceleratorCount = 8, TensorParallelDegree = 8 });
        var act = () => EnergyPerToken.ForEstimate(est);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "estimate" && e.Message.Contains("must state its power"));
    }

    [Fact]
    public void ToString_IsInvariant()
        => Helpers.TestHelper.InCulture("de-DE", () => EnergyPerToken.FromJoulesPerToken(1234.5).ToString()).Should().Be("1,234.5 J/token");

    [Fact]
    public void ForEstimate_UsesThePowerModuleCurve_IdleDrawHostOverheadAndPue()
    {
        // One H100 (700 W) at utilisation 0.5, idle at 100/700 of max, host overhead 1.5, PUE 1.2:
        // average IT draw = 1.5 x (100 + 0.5 x (700 - 100)) = 1.5 x 400 = 600 W (AcceleratorFleet.ItPower);
        // J/token = 600 x 1.2 / (total throughput x 0.5). The TDP x time of the old model would have been 700 x 1.2 / (r x 0.5).
        var est = Roofline.Estimate(ModelLibrary.Default["llama-3.1-8b"], new Workload { PromptTokens = TokenCount.FromTokens(500), OutputTokens = TokenCount.FromTokens(100), BatchSize = 8, Utilization = 0.5 },
            new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 });
        double r = est.TotalThroughput.TokensPerSecond;
        var e = EnergyPerToken.ForEstimate(est, powerUsageEffectiveness: 1.2, idlePowerFraction: 100d / 700d, serverOverheadFactor: 1.5);
        e.JoulesPerToken.Should().BeApproximately(600 * 1.2 / (r * 0.5), 1e-9);
        // Unknown idle draw: the chip draws its full 700 W while idle too (conservative): 700 x 1.2 / (r x 0.5).
        EnergyPerToken.ForEstimate(est, 1.2).JoulesPerToken.Should().BeApproximately(700 * 1.2 / (r * 0.5), 1e-9);
    }

    [Fact]
    public void ForEstimate_IdleFractionAboveOne_Throws()
    {
        var est = Roofline.Estimate(ModelLibrary.Default["llama-3.1-8b"], new Workload { PromptTokens = TokenCount.FromTokens(500), OutputTokens = TokenCount.FromTokens(100) }, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 });
        var act = () => EnergyPerToken.ForEstimate(est, idlePowerFraction: 1.5);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "idlePowerFraction" && x.Message.Contains("between 0 and 1"));
    }
}
