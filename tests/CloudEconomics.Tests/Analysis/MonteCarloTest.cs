
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

public class MonteCarloTest
{
    /// <summary>y = 2X + 3Y + 1 with X ~ N(1, 2), Y ~ N(-1, 1) independent: y ~ N(2 - 3 + 1, sqrt(4 x 4 + 9 x 1)) = N(0, 5).</summary>
    private static ScenarioModel LinearNormal(bool withBatch = false, double correlation = 0)
    {
        var b = new ScenarioModelBuilder("linear", "USD");
        var x = b.Input("x", "u", 1, -3, 5, Distribution.Normal(1, 2));
        var y = b.Input("y", "u", -1, -3, 1, Distribution.Normal(-1, 1));
        if (correlation != 0) b.Correlate(x, y, correlation);
        ScenarioBatchFunction? batch = withBatch
            ? (batch, output) =>
            {
                var xs = batch[x];
                var ys = batch[y];
                for (int i = 0; i < output.Length; i++) output[i] = 2 * xs[i] + 3 * ys[i] + 1;
            }
            : null;
        return b.Build(v => 2 * v[x] + 3 * v[y] + 1, batch);
    }

    [Fact]
    public void LinearModel_MatchesExactNormal()
    {
        // Exact: mean 0, sd 5, P5 = -1.6448536269514722 x 5, P95 = +8.224..., P(y <= 0) = 0.5.
        // Tolerances at n = 400,000: mean 5 x 5/sqrt(n) = 0.04; sd: 5 x 5/sqrt(2n) = 0.028;
        // quantile SE = sqrt(p(1-p)/n)/pdf(q): 0.0125 at the median, 0.023 at P5/P95 (x5 allowed).
        var below = OutputCondition.AtMost(0);
        var r = LinearNormal().Simulate(new SimulationOptions { Draws = 400_000, Seed = 11, Conditions = [below] }, TestContext.Current.CancellationToken);
        r.Mean.Should().BeApproximately(0, 0.04);
        r.StandardDeviation.Should().BeApproximately(5, 0.028);
        r.StandardError.Should().BeApproximately(5 / Math.Sqrt(400_000), 1e-4);
        r.P50.Should().BeApproximately(0, 0.0625);
        r.P5.Should().BeApproximately(-8.224268134757361, 0.12);
        r.P95.Should().BeApproximately(8.224268134757361, 0.12);
        r.P10.Should().BeApproximately(-6.407757827723, 0.1);  // z(0.9) = 1.2815515655446004
        r.P90.Should().BeApproximately(6.407757827723, 0.1);
        r.Probability(below).Should().BeApproximately(0.5, 5 * 0.5 / Math.Sqrt(400_000));
        r.Conditions[0].StandardError.Should().BeApproximately(0.5 / Math.Sqrt(400_000), 1e-6);
    }

    [Fact]
    public void CorrelatedNormals_SumHasCopulaVariance()
    {
        // With correlation rho between X ~ N(1,2) and Y ~ N(-1,1): Var(2X + 3Y) = 16 + 9 + 2 x 2 x 3 x 2 x 1 x rho = 25 + 24 rho.
        // rho = 0.5 -> variance 37, sd 6.0828; tolerance 5 x sd / sqrt(2n).
        var r = LinearNormal(correlation: 0.5).Simulate(new SimulationOptions { Draws = 200_000, Seed = 5 }, TestContext.Current.CancellationToken);
        r.StandardDeviation.Should().BeApproximately(Math.Sqrt(37), 5 * Math.Sqrt(37) / Math.Sqrt(400_000));
        r.Mean.Should().BeApproximately(0, 5 * Math.Sqrt(37) / Math.Sqrt(200_000));
    }

    [Fact]
    public void CorrelatedNonNormal_RankCorrelationFollowsCopula()
    {
        // Uniform marginals through a Gaussian copula with rho: Spearman correlation = (6/pi) asin(rho/2) (Pearson 1907 / Kruskal 1958).
        // For Uniform(0,1) marginals Pearson = Spearman, and Var(U+V) = 1/6 + 2 cov = 1/6 (1 + rS). rho = 0.8 -> rS = 0.78611.
        var b = new ScenarioModelBuilder("copula", "u");
        var u = b.Input("u", "u", 0.5, 0, 1, Distribution.Uniform(0, 1));
        var v = b.Input("v", "u", 0.5, 0, 1, Distribution.Uniform(0, 1));
        var model = b.Correlate(u, v, 0.8).Build(s => s[u] + s[v]);
        var r = model.Simulate(new SimulationOptions { Draws = 200_000, Seed = 3 }, TestContext.Current.CancellationToken);
        double rs = 6 / Math.PI * Math.Asin(0.4);
        (r.StandardDeviation * r.StandardDeviation).Should().BeApproximately((1 + rs) / 6, 0.003);
        r.Mean.Should().BeApproximately(1, 0.005);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 0.5)]
    public void SameSeed_OneThreadVersusAllCores_BitForBit(bool withBatch, double correlation)
    {
        var model = LinearNormal(withBatch, correlation);
        var one = model.Simulate(new SimulationOptions { Draws = 50_001, Seed = 99, MaxDegreeOfParallelism = 1, KeepSamples = true }, TestContext.Current.CancellationToken);
        var all = model.Simulate(new SimulationOptions { Draws = 50_001, Seed = 99, MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount), KeepSamples = true }, TestContext.Current.CancellationToken);
        one.Samples.ToArray().Should().Equal(all.Samples.ToArray());
        Bits(one.Mean).Should().Be(Bits(all.Mean));
        Bits(one.StandardDeviation).Should().Be(Bits(all.StandardDeviation));
        new[] { one.P5, one.P10, one.P50, one.P90, one.P95 }.Select(p => Bits(p!.Value)).Should().Equal(new[] { all.P5, all.P10, all.P50, all.P90, all.P95 }.Select(p => Bits(p!.Value)));
        one.Histogram.Counts.Should().Equal(all.Histogram.Counts);
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentDraws()
    {
        var model = LinearNormal();
        var a = model.Simulate(new SimulationOptions { Draws = 1000, Seed = 1 }, TestContext.Current.CancellationToken);
        var b = model.Simulate(new SimulationOptions { Draws = 1000, Seed = 2 }, TestContext.Current.CancellationToken);
        a.Mean.Should().NotBe(b.Mean);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.6)]
    public void PerDrawMode_EqualsColumnMode_BitForBit(double correlation)
    {
        // Same random numbers in the same order, same arithmetic: the reference scalar loop and the column sampler agree exactly.
        var model = LinearNormal(false, correlation);
        var scalar = model.Simulate(new SimulationOptions { Draws = 20_000, Seed = 4, Evaluation = SimulationEvaluation.PerDraw, KeepSamples = true }, TestContext.Current.CancellationToken);
        var column = model.Simulate(new SimulationOptions { Draws = 20_000, Seed = 4, KeepSamples = true }, TestContext.Current.CancellationToken);
        scalar.Samples.ToArray().Should().Equal(column.Samples.ToArray());
    }

    [Fact]
    public void AllFamilies_PerDrawEqualsVectorisedSampling_BitForBit()
    {
        var b = new ScenarioModelBuilder("mix", "u");
        var inputs = new[]
        {
            b.Input("n", "u", 0, Distribution.Normal(0, 1)),
            b.Input("l", "u", 1, Distribution.LogNormal(0, 0.5)),
            b.Input("t", "u", 2, Distribution.Triangular(0, 2, 10)),
            b.Input("p", "u", 3, Distribution.Pert(0, 3, 10)),
            b.Input("u", "u", 0.5, Distribution.Uniform(0, 1)),
            b.Input("d", "u", 2, 1, 5, Distribution.Discrete([1, 2, 5], [0.2, 0.5, 0.3])),
            b.Input("e", "u", 3, 1, 10, Distribution.Empirical([1, 2, 3, 4, 10])),
        };
        var model = b.Build(v =>
        {
            double s = 0;
            for (int i = 0; i < v.Count; i++) s = s * 1.0000001 + v[i];
            return s;
        });
        var scalar = model.Simulate(new SimulationOptions { Draws = 5_000, Seed = 8, Evaluation = SimulationEvaluation.PerDraw, KeepSamples = true }, TestContext.Current.CancellationToken);
        var column = model.Simulate(new SimulationOptions { Draws = 5_000, Seed = 8, KeepSamples = true }, TestContext.Current.CancellationToken);
        scalar.Samples.ToArray().Should().Equal(column.Samples.ToArray());
        inputs.Should().HaveCount(7);
    }

    [Fact]
    public void BatchFunction_AgreesWithScalarFunction()
    {
        var model = LinearNormal(withBatch: true);
        var batch = model.Simulate(new SimulationOptions { Draws = 10_000, Seed = 6, Evaluation = SimulationEvaluation.Vectorized, KeepSamples = true }, TestContext.Current.CancellationToken);
        var scalar = model.Simulate(new SimulationOptions { Draws = 10_000, Seed = 6, Evaluation = SimulationEvaluation.PerDraw, KeepSamples = true }, TestContext.Current.CancellationToken);
        batch.Samples.ToArray().Should().Equal(scalar.Samples.ToArray());
    }

    [Fact]
    public void Percentiles_MatchPercentileIncOnSortedSamples()
    {
        // Excel PERCENTILE.INC: rank h = (n - 1) p, value = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]) on sorted x.
        var r = LinearNormal().Simulate(new SimulationOptions { Draws = 12_345, Seed = 21, KeepSamples = true }, TestContext.Current.CancellationToken);
        var sorted = r.Samples.ToArray();
        Array.Sort(sorted);
        double Inc(double p)
        {
            double h = (sorted.Length - 1) * p;
            int lo = (int)Math.Floor(h);
            return sorted[lo] + (h - lo) * (sorted[Math.Min(lo + 1, sorted.Length - 1)] - sorted[lo]);
        }
        r.P5.Should().Be(Inc(0.05));
        r.P10.Should().Be(Inc(0.10));
        r.P50.Should().Be(Inc(0.50));
        r.P90.Should().Be(Inc(0.90));
        r.P95.Should().Be(Inc(0.95));
        r.Minimum.Should().Be(sorted[0]);
        r.Maximum.Should().Be(sorted[^1]);
        r.Mean.Should().BeApproximately(sorted.Average(), 1e-12);
    }

    [Fact]
    public void Histogram_CountsEveryDraw()
    {
        var r = LinearNormal().Simulate(new SimulationOptions { Draws = 10_000, HistogramBins = 25 }, TestContext.Current.CancellationToken);
        r.Histogram.Counts.Should().HaveCount(25);
        r.Histogram.Counts.Sum().Should().Be(10_000);
        r.Histogram.Minimum.Should().Be(r.Minimum);
        r.Histogram.LowerEdge(25).Should().BeApproximately(r.Maximum, 1e-9);
        r.Histogram.ToString().Should().Contain("#");
    }

    [Fact]
    public void Convergence_StandardErrorShrinksLikeOneOverRootN()
    {
        var r = LinearNormal().Simulate(new SimulationOptions { Draws = 4096 * 64, Seed = 2 }, TestContext.Current.CancellationToken);
        r.Convergence.Select(c => c.Draws).Should().Equal(4096L, 8192, 16384, 32768, 65536, 131072, 262144);
        // SE ~ 5/sqrt(n): quadrupling the draws halves it.
        (r.Convergence[2].StandardError / r.Convergence[4].StandardError).Should().BeApproximately(2, 0.1);
        r.Convergence[^1].Mean.Should().Be(r.Mean);
    }

    [Fact]
    public void ConstantOutput_PercentilesAndHistogramAreTheConstant()
    {
        var b = new ScenarioModelBuilder("constant", "u");
        b.Input("x", "u", 0.5, 0, 1, Distribution.Uniform(0, 1));
        var r = b.Build(_ => 42).Simulate(new SimulationOptions { Draws = 100 }, TestContext.Current.CancellationToken);
        r.P5.Should().Be(42);
        r.P95.Should().Be(42);
        r.StandardDeviation.Should().Be(0);
        r.Histogram.Counts[0].Should().Be(100);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-5)]
    [InlineData(MonteCarlo.MaxDraws + 1)]
    public void Draws_OutsideCap_Throws(int draws)
    {
        var act = () => new SimulationOptions { Draws = draws };
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "Draws"
            && e.Message.Contains("Draws must be between 2 and 50,000,000"));
    }

    [Fact]
    public void BadOptions_Throw()
    {
        var threads = () => new SimulationOptions { MaxDegreeOfParallelism = 0 };
        threads.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "MaxDegreeOfParallelism");
        var bins = () => new SimulationOptions { HistogramBins = 0 };
        bins.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "HistogramBins" && e.Message.Contains("between 1 and 10,000"));
    }

    [Fact]
    public void NoUncertainInput_Throws()
    {
        var b = new ScenarioModelBuilder("fixed", "u");
        b.Input("x", "u", 1, 0, 2);
        var act = () => b.Build(v => v[0]).Simulate(null, TestContext.Current.CancellationToken);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "model" && e.Message.Contains("no input with a distribution"));
    }

    [Fact]
    public void VectorizedWithoutBatch_Throws()
    {
        var act = () => LinearNormal().Simulate(new SimulationOptions { Evaluation = SimulationEvaluation.Vectorized }, TestContext.Current.CancellationToken);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "options" && e.Message.Contains("no batch function"));
    }

    [Fact]
    public void NonFiniteOutput_ThrowsNamingDrawAndInputs()
    {
        var b = new ScenarioModelBuilder("log", "u");
        var x = b.Input("x", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var model = b.Build(v => Math.Log(v[x]));
        var act = () => model.Simulate(new SimulationOptions { Draws = 1000 }, TestContext.Current.CancellationToken);
        act.Should().Throw<ScenarioEvaluationException>().Where(e => e.Message.Contains("Model 'log' returned NaN") && e.Message.Contains("at draw") && e.Message.Contains("x = -"));
    }

    [Fact]
    public void ThrowingModel_IsWrapped()
    {
        var b = new ScenarioModelBuilder("boom", "u");
        b.Input("x", "u", 0, -1, 1, Distribution.Normal(0, 1));
        var model = b.Build(_ => throw new InvalidOperationException("no data"));
        var act = () => model.Simulate(new SimulationOptions { Draws = 100 }, TestContext.Current.CancellationToken);
        act.Should().Throw<ScenarioEvaluationException>().Where(e => e.Message.Contains("no data") && e.InnerException is InvalidOperationException);
    }

    [Fact]
    public void Cancellation_Stops()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var act = () => LinearNormal().Simulate(new SimulationOptions { Draws = 100_000 }, cts.Token);
        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void ToString_IsInvariantSummary()
    {
        var below = OutputCondition.AtMost(0);
        var r = LinearNormal().Simulate(new SimulationOptions { Draws = 10_000, Conditions = [below] }, TestContext.Current.CancellationToken);
        string text = Helpers.TestHelper.InCulture("de-DE", () => r.ToString());
        text.Should().Contain("10,000 draws").And.Contain("P(output <= 0) = 0.");
        text.Split('\n')[2].Should().StartWith("P5 -").And.NotContain(","); // percentiles with invariant decimal points
    }

    private static long Bits(double d) => BitConverter.DoubleToInt64Bits(d);
}

public class OutputConditionTest
{
    [Fact]
    public void Factories_TestAsNamed()
    {
        OutputCondition.AtMost(3).Predicate(3).Should().BeTrue();
        OutputCondition.LessThan(3).Predicate(3).Should().BeFalse();
        OutputCondition.AtLeast(3).Predicate(3).Should().BeTrue();
        OutputCondition.GreaterThan(3).Predicate(3).Should().BeFalse();
        OutputCondition.Between(1, 2).Predicate(1.5).Should().BeTrue();
        OutputCondition.Custom("even", y => y % 2 == 0).Predicate(4).Should().BeTrue();
        OutputCondition.AtMost(2.5).Name.Should().Be("<= 2.5");
    }

    [Fact]
    public void Between_Reversed_Throws()
    {
        var act = () => OutputCondition.Between(2, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "high" && e.Message.Contains("must not be below low"));
    }

    [Fact]
    public void AtMost_NaN_Throws()
    {
        var act = () => OutputCondition.AtMost(double.NaN);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "threshold");
    }
}
