
using CloudEconomics.Analysis;
using CloudEconomics.Reports;

namespace CloudEconomics.Tests.Analysis;

/// <summary>"No breakeven" and "never paid back" are explicit results, not numbers.</summary>
public class NotReachedResultsTest
{
    [Fact]
    public void Breakeven_NotFound_HasNoOutputAtValue()
    {
        // Output 2x for x in [0, 1] stays in [0, 2]: a target of 5 is never reached, so there is no output at a value.
        var b = new ScenarioModelBuilder("double", "u");
        var x = b.Input("x", "u", 0.5, 0, 1);
        var result = b.Build(v => 2 * v[x]).FindBreakeven(x, 5);
        result.IsFound.Should().BeFalse();
        result.OutputAtValue.Should().BeNull();
        result.MaximumOutput.Should().BeApproximately(2, 1e-12);
    }

    [Fact]
    public void MonteCarlo_ReportsTheShareNotReached()
    {
        // x ~ Uniform(0, 1); the output is x, or the cap 100 ("not reached") when x >= 0.7: P(not reached) = 1 - 0.7 = 0.3.
        // With 100,000 draws the standard error is sqrt(0.3 x 0.7 / 100,000) = 0.00145, so 0.3 +/- 0.01 is over 6 standard errors.
        var b = new ScenarioModelBuilder("capped", "months");
        var x = b.Input("x", "u", 0.5, Distribution.Uniform(0, 1));
        var model = b.Build(v => v[x] >= 0.7 ? 100 : v[x], new NotReachedOutput(100, "not reached within the horizon"));
        model.IsReached(0.5).Should().BeTrue();
        model.IsReached(100).Should().BeFalse();
        var result = model.Simulate(new SimulationOptions { Draws = 100_000, Seed = 7 }, TestContext.Current.CancellationToken);
        result.ProbabilityNotReached!.Value.Should().BeApproximately(0.3, 0.01);
        result.NotReached!.Meaning.Should().Be("not reached within the horizon");
        result.ToString().Should().Contain("P(not reached within the horizon) = 0.");
    }

    [Fact]
    public void Percentiles_AtTheNotReachedOutput_HaveNoValue()
    {
        // x ~ Uniform(0, 1); output x, or the cap 100 when x >= 0.7 (30% of draws). By hand: P5, P10 and P50 of the output
        // are the Uniform quantiles 0.05, 0.10 and 0.50 (all below 0.7, so reached; +/- 0.01 is over 6 standard errors at
        // 100,000 draws); P90 and P95 fall in the top 30%, i.e. on the cap: "not reached", not 100. So does the maximum.
        var b = new ScenarioModelBuilder("capped", "months");
        var x = b.Input("x", "u", 0.5, Distribution.Uniform(0, 1));
        var model = b.Build(v => v[x] >= 0.7 ? 100 : v[x], new NotReachedOutput(100, "not reached within the horizon"));
        var result = model.Simulate(new SimulationOptions { Draws = 100_000, Seed = 7 }, TestContext.Current.CancellationToken);
        result.Percentiles.Select(p => p.Probability).Should().Equal(0.05, 0.10, 0.50, 0.90, 0.95);
        result.Percentile(0.05).Value!.Value.Should().BeApproximately(0.05, 0.01);
        result.Percentile(0.10).Value!.Value.Should().BeApproximately(0.10, 0.01);
        result.Percentile(0.50).Value!.Value.Should().BeApproximately(0.50, 0.01);
        result.Percentile(0.90).IsReached.Should().BeFalse();
        result.Percentile(0.90).Value.Should().BeNull();
        result.Percentile(0.95).Value.Should().BeNull();
        result.P95.Should().BeNull("the 95th percentile falls on the cap of 100, which means \"not reached\"");
        result.IsReached(result.Maximum).Should().BeFalse();
        result.IsReached(result.Minimum).Should().BeTrue();
        result.ToString().Should().Contain("P95 not reached within the horizon");
        FluentActions.Invoking(() => result.Percentile(0.25)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("probability");
    }

    [Fact]
    public void ModelWithoutCap_HasNoShareNotReached()
    {
        var b = new ScenarioModelBuilder("plain", "u");
        var x = b.Input("x", "u", 0.5, Distribution.Uniform(0, 1));
        var model = b.Build(v => v[x]);
        model.NotReached.Should().BeNull();
        var result = model.Simulate(new SimulationOptions { Draws = 1_000 }, TestContext.Current.CancellationToken);
        result.ProbabilityNotReached.Should().BeNull();
        result.Percentiles.Should().OnlyContain(p => p.IsReached);
        result.Percentile(0.95).Value.Should().Be(result.P95);
    }

    [Fact]
    public void ClusterPayback_DeclaresItsHorizonAsNotReached()
    {
        // A server renting at the lowest price and utilisation pays back after more than ten years, if ever: the model
        // returns its 120-month horizon, which it declares as "not paid back within 120 months".
        var model = StandardModels.Create(StandardModels.ClusterPaybackName).Model;
        model.NotReached!.Value.Should().Be(StandardModels.ClusterPaybackHorizonMonths);
        model.NotReached.Meaning.Should().Be("not paid back within 120 months");
    }
}
