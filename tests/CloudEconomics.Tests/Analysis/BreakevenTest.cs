
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

public class BreakevenTest
{
    private static (ScenarioModel Model, ScenarioInput Price, ScenarioInput Tps, ScenarioInput U) TokenModel()
    {
        var b = new ScenarioModelBuilder("cost per million tokens", "USD per million tokens");
        var price = b.Input("price", "USD/h", 10, 5, 15);
        var tps = b.Input("throughput", "tokens/s", 2000, 1000, 3000);
        var u = b.Input("utilization", "fraction", 0.6, 0.1, 1.0);
        return (b.Build(v => v[price] / (v[tps] * 3600 * v[u]) * 1e6), price, tps, u);
    }

    [Fact]
    public void Utilization_ForTargetCost_SubstitutesBack()
    {
        // Closed form: u* = price / (tps x 3600 x target) x 1e6 = 10 / (2000 x 3600 x 2) x 1e6 = 0.69444...
        var (model, _, _, u) = TokenModel();
        var result = model.FindBreakeven(u, 2.0);
        result.IsFound.Should().BeTrue();
        result.Value.Should().BeApproximately(10.0 / (2000 * 3600 * 2.0) * 1e6, 1e-10);
        model.Evaluate(u, result.Value!.Value).Should().BeApproximately(2.0, 1e-9);
        result.OutputAtValue.Should().BeApproximately(2.0, 1e-9);
        model.TryFindBreakeven(u, 2.0, out double value).Should().BeTrue();
        value.Should().Be(result.Value);
    }

    [Fact]
    public void Target_OutsideReachableRange_SaysNoBreakeven()
    {
        // Cost at u in [0.1, 1]: from 10/(2000*3600)*1e6 = 1.389 (u = 1) up to 13.89 (u = 0.1); 0.5 is never reached.
        var (model, _, _, u) = TokenModel();
        var result = model.FindBreakeven(u, 0.5);
        result.IsFound.Should().BeFalse();
        result.MinimumOutput.Should().BeApproximately(1e7 / 7.2e6, 1e-9);
        result.MaximumOutput.Should().BeApproximately(1e8 / 7.2e6, 1e-9);
        result.ToString().Should().StartWith("no breakeven for utilization in [0.1, 1]");
        result.Value.Should().BeNull("no breakeven is a state of the result, never a number");
        result.OutputAtValue.Should().BeNull();
        model.TryFindBreakeven(u, 0.5, out _).Should().BeFalse();
    }

    [Fact]
    public void NonMonotone_ReturnsCrossingNearestLowEnd()
    {
        // y = (x - 1)(x - 3) has roots 1 and 3 in [0, 4]; the scan from 0 meets 1 first.
        var b = new ScenarioModelBuilder("parabola", "u");
        var x = b.Input("x", "u", 2, 0, 4);
        var model = b.Build(v => (v[x] - 1) * (v[x] - 3));
        model.FindBreakeven(x, 0).Value.Should().BeApproximately(1, 1e-10);
        model.FindBreakeven(x, 0, 2, 4).Value.Should().BeApproximately(3, 1e-10);
    }

    [Fact]
    public void Price_ForZeroNpv_SubstitutesBack()
    {
        // NPV at 1%/month of -capex + 36 monthly rentals of price x 730 h: zero when price = capex / (730 x annuity factor).
        var b = new ScenarioModelBuilder("npv", "USD");
        var price = b.Input("price", "USD/h", 2, 0.5, 10);
        var model = b.Build(v =>
        {
            double npv = -30_000;
            for (int t = 1; t <= 36; t++) npv += v[price] * 730 / Math.Pow(1.01, t);
            return npv;
        });
        var result = model.FindBreakeven(price, 0);
        double annuity = (1 - Math.Pow(1.01, -36)) / 0.01;
        result.Value.Should().BeApproximately(30_000 / (730 * annuity), 1e-9);
        model.Evaluate(price, result.Value!.Value).Should().BeApproximately(0, 1e-6);
    }

    [Fact]
    public void BadInterval_Throws()
    {
        var (model, _, _, u) = TokenModel();
        var act = () => model.FindBreakeven(u, 1, 0.5, 0.5);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "searchHigh" && e.Message.Contains("Input 'utilization'"));
    }
}
