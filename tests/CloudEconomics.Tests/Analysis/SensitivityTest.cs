
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

public class SensitivityTest
{
    private static (ScenarioModel Model, ScenarioInput A, ScenarioInput B, ScenarioInput C) Linear()
    {
        // y = 3a + 2b - 5c; partial derivatives 3, 2, -5. Ranges: a in [0, 2], b in [-1, 3], c in [0.5, 1.5] around bases 1, 1, 1.
        // Swings = |derivative| x range width: a 3 x 2 = 6, b 2 x 4 = 8, c 5 x 1 = 5. So the order is b, a, c.
        var builder = new ScenarioModelBuilder("linear", "USD");
        var a = builder.Input("a", "u", 1, 0, 2);
        var b = builder.Input("b", "u", 1, -1, 3);
        var c = builder.Input("c", "u", 1, 0.5, 1.5);
        builder.Constant("fixed", "u", 7);
        return (builder.Build(v => 3 * v[a] + 2 * v[b] - 5 * v[c]), a, b, c);
    }

    [Fact]
    public void Tornado_OrdersByKnownSwings()
    {
        var (model, a, b, c) = Linear();
        var tornado = model.Tornado();
        tornado.BaseOutput.Should().Be(0); // 3 + 2 - 5
        tornado.Bars.Select(x => x.Input).Should().Equal(b, a, c);
        tornado.Bars.Select(x => x.Swing).Should().Equal(8, 6, 5);
        var cBar = tornado.Bars[2];
        cBar.OutputAtLow.Should().Be(2.5);   // c = 0.5: 3 + 2 - 2.5
        cBar.OutputAtHigh.Should().Be(-2.5); // c = 1.5: 3 + 2 - 7.5
        cBar.MinimumOutput.Should().Be(-2.5);
        tornado.Bars.Should().NotContain(x => x.Input.Name == "fixed");
    }

    [Fact]
    public void Tornado_ToString_IsInvariantTable()
    {
        var (model, _, _, _) = Linear();
        string text = Helpers.TestHelper.InCulture("fr-FR", () => model.Tornado().ToString());
        text.Should().Contain("linear: base 0 USD").And.Contain("b").And.Contain("-1 -> 3").And.Contain("2.5 -> -2.5");
    }

    [Fact]
    public void TwoWay_MatchesFormulaAtEveryCell()
    {
        var (model, a, b, _) = Linear();
        var table = model.TwoWay(a, [0, 1, 2], b, [-1, 3]);
        for (int r = 0; r < 3; r++)
        {
            for (int col = 0; col < 2; col++)
            {
                table[r, col].Should().Be(3 * table.RowValues[r] + 2 * table.ColumnValues[col] - 5);
            }
        }
        var grid = model.TwoWay(a, b, steps: 3);
        grid.RowValues.Should().Equal(0, 1, 2);
        grid.ColumnValues.Should().Equal(-1, 1, 3);
    }

    [Fact]
    public void TwoWay_SameInputTwice_Throws()
    {
        var (model, a, _, _) = Linear();
        var act = () => model.TwoWay(a, [1], a, [1]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "columnInput" && e.Message.Contains("two different inputs"));
    }

    [Fact]
    public void TwoWay_EmptyValues_ThrowsNamingInput()
    {
        var (model, a, b, _) = Linear();
        var act = () => model.TwoWay(a, [], b, [1]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "rowValues" && e.Message.Contains("Input 'a'"));
    }

    [Fact]
    public void Elasticities_PowerLaw_AreExponents()
    {
        // y = a^2 b / c: elasticities 2, 1, -1. The central difference ((1+h)^k - (1-h)^k)/(2h) is exact for k = 1 and 2
        // and gives -1/(1 - h^2) = -1.0001 for k = -1 at h = 0.01.
        var builder = new ScenarioModelBuilder("power", "u");
        var a = builder.Input("a", "u", 2, 1, 3);
        var b = builder.Input("b", "u", 3, 1, 5);
        var c = builder.Input("c", "u", 4, 1, 5);
        var z = builder.Input("z", "u", 0, -1, 1);
        var model = builder.Build(v => v[a] * v[a] * v[b] / v[c] + v[z]);
        var e = model.Elasticities();
        e.Select(x => x.Input).Should().Equal(a, c, b, z);
        e[0].Value!.Value.Should().BeApproximately(2, 1e-12);
        e[1].Value!.Value.Should().BeApproximately(-1.0 / (1 - 1e-4), 1e-12);
        e[2].Value!.Value.Should().BeApproximately(1, 1e-12);
        e[3].IsDefined.Should().BeFalse(); // base value 0: undefined, not NaN
    }

    [Fact]
    public void Elasticities_BadStep_Throws()
    {
        var (model, _, _, _) = Linear();
        var act = () => model.Elasticities(0.8);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "relativeStep" && e.Message.Contains("at most 0.5; it was 0.8"));
    }
}
