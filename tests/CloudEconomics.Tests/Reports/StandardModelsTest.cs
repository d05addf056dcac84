using CloudEconomics.Capital;
using CloudEconomics.Power;
using CloudEconomics.Analysis;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Tests.Reports;

public class StandardModelsTest
{
    [Fact]
    public void TokenRatio_AtBase_EqualsTheSeedReportRatio()
    {
        // Independent path: SeedReport.Compute ranks the same AWS on-demand offers through CustomSiliconComparison.
        var report = SeedReport.Compute(ScenarioFile.Default);
        var model = StandardModels.TokenRatio().Model;
        model.Evaluate().Should().BeApproximately((double)report.TokenCost.Ratio!.Value, 1e-9);
    }

    [Fact]
    public void TokenRatio_PriceAndUtilisation_AreExactlyProportional()
    {
        // Blended cost = price / (tokens per hour x utilisation), so the ratio scales with the custom price and the GPU
        // utilisation and inversely with the GPU price and custom utilisation: doubling the custom price doubles it,
        // halving the GPU price doubles it.
        var model = StandardModels.TokenRatio().Model;
        var baseRatio = model.Evaluate();
        var customPrice = model.GetInput("custom price");
        var gpuUtil = model.GetInput("GPU utilisation");
        model.Evaluate(customPrice, customPrice.BaseValue * 1.2).Should().BeApproximately(baseRatio * 1.2, 1e-9);
        model.Evaluate(gpuUtil, 0.72).Should().BeApproximately(baseRatio * 0.72 / 0.6, 1e-9);
    }

    [Fact]
    public void TokenRatio_TornadoIsSortedBySwing_AndPriceSwingIsPlusMinus20Percent()
    {
        var model = StandardModels.TokenRatio().Model;
        var tornado = model.Tornado();
        tornado.Bars.Select(b => b.Swing).Should().BeInDescendingOrder();
        // custom price +-20% moves the ratio by +-20% of base: swing = 0.4 x base.
        tornado.Bars.Single(b => b.Input.Name == "custom price").Swing.Should().BeApproximately(0.4 * tornado.BaseOutput, 1e-9);
    }

    [Fact]
    public void ClusterPayback_NoDecline_MatchesHandComputation()
    {
        // Hand computation with decline 0 (constant monthly flows):
        // revenue / month = 8 GPUs x 730 h x 0.5 x 3 USD = 8,760
        // energy / GPU-hour at u = 0.5: (100 W idle + 0.5 x (700 - 100) W) x PUE = 400 W x PUE; PUE from the reference data
        // energy / month = 8 x 730 x 0.4 kWh x PUE x 0.1 USD/kWh = 233.6 x PUE
        // maintenance / month = 250,000 x 0.03 / 12 = 625
        // payback = 250,000 / (8,760 - 233.6 x PUE - 625) months (constant flows: exact, no interpolation error).
        double pue = (double)PowerReferenceData.Default.PueById(StandardModels.PueRecordId).Pue.Value!.Value;
        double expected = 250_000 / (8_760 - 233.6 * pue - 625);
        var model = StandardModels.ClusterPayback().Model;
        var values = model.BaseValues();
        values[model.GetInput("capex").Index] = 250_000;
        values[model.GetInput("rental price").Index] = 3;
        values[model.GetInput("utilisation").Index] = 0.5;
        values[model.GetInput("power price").Index] = 0.1;
        values[model.GetInput("price decline").Index] = 0;
        model.Evaluate(values).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void ClusterPayback_NeverPaysBack_GivesTheHorizon()
    {
        // At 0.5 USD per GPU-hour and utilisation 0.3 revenue (8 x 730 x 0.3 x 0.5 = 876 a month) barely covers
        // maintenance (625) and energy, so 250,000 is not recovered in 120 months.
        var model = StandardModels.ClusterPayback().Model;
        var values = model.BaseValues();
        values[model.GetInput("rental price").Index] = 0.5;
        values[model.GetInput("utilisation").Index] = 0.3;
        model.Evaluate(values).Should().Be(StandardModels.ClusterPaybackHorizonMonths);
    }

    [Fact]
    public void ClusterPayback_RentalBaseIsP5OnDemandPerGpu_AndBreakevenSubstitutesBack()
    {
        var model = StandardModels.ClusterPayback().Model;
        // AWS Pricing API: p5.48xlarge on-demand 55.04 USD/h from 2025-06-23, 8 H100s -> 6.88 USD per GPU-hour.
        model.GetInput("rental price").BaseValue.Should().BeApproximately(6.88, 1e-12);
        var utilisation = model.GetInput("utilisation");
        var result = model.FindBreakeven(utilisation, 14);
        result.IsFound.Should().BeTrue();
        model.Evaluate(utilisation, result.Value!.Value).Should().BeApproximately(14, 1e-6);
    }

    [Fact]
    public void ClusterPayback_Simulation_IsReproducibleWithASeed()
    {
        var model = StandardModels.ClusterPayback().Model;
        var options = new SimulationOptions { Draws = 20_000, Seed = 2026, Conditions = [OutputCondition.AtMost(60)] };
        var a = model.Simulate(options, TestContext.Current.CancellationToken);
        var b = model.Simulate(options, TestContext.Current.CancellationToken);
        a.Mean.Should().Be(b.Mean);
        a.Conditions[0].Probability.Should().Be(b.Conditions[0].Probability);
        a.P50.Should().BeInRange(model.Inputs.Min(_ => 0d), StandardModels.ClusterPaybackHorizonMonths);
    }

    [Fact]
    public void Create_UnknownName_ThrowsNamingIt()
    {
        var act = () => StandardModels.Create("npv-of-everything");
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "name").WithMessage("*token-ratio*cluster-payback*'npv-of-everything'*");
    }

    [Fact]
    public void Create_ByName_IsCaseInsensitive()
    {
        StandardModels.Create("Token-Ratio").Name.Should().Be(StandardModels.TokenRatioName);
        StandardModels.Create(StandardModels.ClusterPaybackName).Model.OutputUnit.Should().Be("months");
    }
}
