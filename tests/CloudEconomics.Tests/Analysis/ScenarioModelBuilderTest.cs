
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

public class ScenarioModelBuilderTest
{
    [Fact]
    public void Build_ReadsInputsByHandlePositionAndName()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var a = b.Input("a", "USD/h", 2, 1, 3);
        var c = b.Constant("c", "h", 10);
        var model = b.Build(v => v[a] * v[1] + v["a"]);
        model.Evaluate().Should().Be(2 * 10 + 2);
        model.Evaluate(a, 3).Should().Be(33);
        model.Evaluate([1.0, 5.0]).Should().Be(6);
        model.GetInput("c").Should().BeSameAs(c);
        model.Inputs.Should().HaveCount(2);
    }

    [Fact]
    public void Input_RangeExcludingBase_ThrowsNamingInput()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var act = () => b.Input("utilization", "fraction", 0.95, 0.3, 0.9);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "baseValue"
            && e.Message.Contains("Input 'utilization': the range [0.3, 0.9] must contain the base value; it was 0.95."));
    }

    [Fact]
    public void Input_LowAboveHigh_ThrowsNamingInput()
    {
        var act = () => new ScenarioModelBuilder("m", "USD").Input("price", "USD/h", 5, 6, 4);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "low"
            && e.Message.Contains("Input 'price': low must not exceed high; low was 6 and high 4."));
    }

    [Fact]
    public void Input_NaNBase_ThrowsNamingInput()
    {
        var act = () => new ScenarioModelBuilder("m", "USD").Input("price", "USD/h", double.NaN, 1, 2);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "baseValue" && e.Message.Contains("Input 'price': baseValue must be a finite number"));
    }

    [Fact]
    public void Input_DuplicateName_Throws()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        b.Input("price", "USD/h", 1, 1, 1);
        var act = () => b.Input("price", "USD/h", 1, 1, 1);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "name" && e.Message.Contains("'price' is already an input"));
    }

    [Fact]
    public void Input_DistributionOnly_RangeIsP10ToP90()
    {
        // Uniform(0, 10): P10 = 1, P90 = 9.
        var b = new ScenarioModelBuilder("m", "USD");
        var x = b.Input("x", "u", 5, Distribution.Uniform(0, 10));
        x.Low.Should().BeApproximately(1, 1e-12);
        x.High.Should().BeApproximately(9, 1e-12);
        var act = () => b.Input("y", "u", 9.5, Distribution.Uniform(0, 10));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.Message.Contains("Input 'y'"));
    }

    [Fact]
    public void Correlate_NotPositiveSemiDefinite_ThrowsNamingInput()
    {
        // rho(a,b) = rho(a,c) = 0.9, rho(b,c) = -0.9: det = 1 - 3(0.81) - 2(0.9)(0.9)(0.9) < 0. Cholesky: l_bb = sqrt(1 - 0.81),
        // then the remaining variance of c is 1 - 0.81 - ((-0.9 - 0.81)/sqrt(0.19))^2 < 0, so the failure is at input 'c'.
        var b = new ScenarioModelBuilder("m", "USD");
        var a = b.Input("a", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var bb = b.Input("b", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var c = b.Input("c", "u", 0, -1, 1, Distribution.Normal(0, 1));
        b.Correlate(a, bb, 0.9).Correlate(a, c, 0.9).Correlate(bb, c, -0.9);
        var act = () => b.Build(v => v[a]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "correlation"
            && e.Message.Contains("positive semi-definite") && e.Message.Contains("at input 'c'"));
    }

    [Fact]
    public void Correlate_PerfectCorrelation_IsSemiDefiniteAndAccepted()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var a = b.Input("a", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var c = b.Input("c", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var model = b.Correlate(a, c, 1).Build(v => v[a] - v[c]);
        model.GetCorrelation(a, c).Should().Be(1);
        // Perfectly correlated standard normals are equal, so a - c is exactly zero in every draw.
        var result = model.Simulate(new SimulationOptions { Draws = 10_000 }, TestContext.Current.CancellationToken);
        result.Maximum.Should().Be(0);
        result.Minimum.Should().Be(0);
    }

    [Fact]
    public void CorrelationMatrix_NotSymmetric_ThrowsNamingPair()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var a = b.Input("price", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var c = b.Input("utilization", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var act = () => b.CorrelationMatrix([a, c], new double[,] { { 1, 0.5 }, { 0.4, 1 } });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "matrix"
            && e.Message.Contains("symmetric; between 'price' and 'utilization' it holds 0.5 and 0.4"));
    }

    [Fact]
    public void CorrelationMatrix_BadDiagonal_ThrowsNamingInput()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var a = b.Input("price", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var c = b.Input("utilization", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var act = () => b.CorrelationMatrix([a, c], new double[,] { { 1, 0.5 }, { 0.5, 0.9 } });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "matrix" && e.Message.Contains("diagonal must be 1; at input 'utilization' it was 0.9"));
    }

    [Fact]
    public void CorrelationMatrix_NotPsd_ThrowsAtBuildNamingInput()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var x = b.Input("x", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var y = b.Input("y", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var z = b.Input("z", "u", 0, -1, 1, Distribution.Normal(0, 1));
        b.CorrelationMatrix([x, y, z], new double[,] { { 1, 0.9, -0.9 }, { 0.9, 1, 0.9 }, { -0.9, 0.9, 1 } });
        var act = () => b.Build(v => v[x]);
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("at input 'z'"));
    }

    [Fact]
    public void Correlate_InputWithoutDistribution_ThrowsNamingInput()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var a = b.Input("a", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var c = b.Input("fixed", "u", 0, -1, 1);
        var act = () => b.Correlate(a, c, 0.5);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "second" && e.Message.Contains("Input 'fixed' has no distribution"));
    }

    [Fact]
    public void Correlate_OutOfRange_Throws()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        var a = b.Input("a", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var c = b.Input("c", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var act = () => b.Correlate(a, c, 1.5);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "correlation" && e.Message.Contains("between -1 and 1"));
    }

    [Fact]
    public void Build_NoInputs_FailsValidation()
    {
        var act = () => new ScenarioModelBuilder("m", "USD").Build(_ => 1);
        act.Should().Throw<FluentValidation.ValidationException>().Where(e => e.Message.Contains("at least one input"));
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        b.Input("a", "u", 1, 1, 1);
        b.Build(v => v[0]);
        var act = () => b.Build(v => v[0]);
        act.Should().Throw<InvalidOperationException>().Where(e => e.Message.Contains("already been built"));
    }

    [Fact]
    public void Evaluate_NaNOutput_ThrowsWithInputs()
    {
        var b = new ScenarioModelBuilder("ratio", "x");
        var a = b.Input("a", "u", 0, -1, 1);
        var model = b.Build(v => 0 / v[a]);
        var act = () => model.Evaluate();
        act.Should().Throw<ScenarioEvaluationException>().Where(e => e.Message.Contains("Model 'ratio' returned NaN") && e.Message.Contains("a = 0"));
    }

    [Fact]
    public void Evaluate_InputOfAnotherModel_Throws()
    {
        var b1 = new ScenarioModelBuilder("one", "x");
        var a = b1.Input("a", "u", 1, 0, 2);
        var b2 = new ScenarioModelBuilder("two", "x");
        b2.Input("a", "u", 1, 0, 2);
        var model = b2.Build(v => v[0]);
        var act = () => model.Evaluate(a, 1);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "input" && e.Message.Contains("does not belong to model 'two'"));
    }
}

public class ScenarioModelValidatorTest
{
    [Fact]
    public void ValidModel_HasNoErrors()
    {
        var b = new ScenarioModelBuilder("m", "USD");
        b.Input("a", "u", 1, 0, 2);
        var model = b.Build(v => v[0]);
        new ScenarioModelValidator().Validate(model).IsValid.Should().BeTrue();
    }
}
