using CloudEconomics.Tests.Helpers;
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

/// <summary>
/// Moments against closed forms at a fixed seed. With n draws the sample mean has standard error sd/sqrt(n); the
/// sample variance has relative standard error sqrt((kurtosis - 1)/n). Every family here has kurtosis below 5
/// (normal 3, uniform 1.8, triangular 2.4, PERT below 3, this log-normal about 4.1, the discrete and empirical ones
/// below 3.2), so we allow 5 standard errors: |mean error| &lt;= 5 sd/sqrt(n), |variance error| &lt;= 5 x 2/sqrt(n) of the variance.
/// </summary>
public class DistributionTest
{
    private const int Draws = 200_000;

    public static TheoryData<string, Distribution, double, double> Families => new()
    {
        // name, distribution, closed-form mean, closed-form variance (derivations beside each)
        { "Normal", Distribution.Normal(10, 2), 10, 4 },                                  // mean mu, variance sd^2
        { "LogNormal", Distribution.LogNormal(0.5, 0.25), Math.Exp(0.5 + 0.03125),         // exp(mu + s^2/2)
            (Math.Exp(0.0625) - 1) * Math.Exp(1 + 0.0625) },                             // (e^{s^2} - 1) e^{2 mu + s^2}
        { "Triangular", Distribution.Triangular(0, 2, 10), 4, (0 + 100 + 4 - 0 - 0 - 20) / 18.0 }, // (a+b+c)/3; (a^2+b^2+c^2-ab-ac-bc)/18
        { "PERT", Distribution.Pert(0, 3, 10), 22.0 / 6, (22.0 / 6) * (10 - 22.0 / 6) / 7 },  // (a+4m+b)/6; (mu-a)(b-mu)/7
        { "Uniform", Distribution.Uniform(-1, 3), 1, 16.0 / 12 },                         // (a+b)/2; (b-a)^2/12
        { "Discrete", Distribution.Discrete([1, 2, 5], [0.2, 0.5, 0.3]), 2.7, 2.41 },    // 0.2+1+1.5; E[X^2] = 0.2+2+7.5 = 9.7, 9.7 - 2.7^2
        { "Empirical", Distribution.Empirical([1, 2, 3, 4, 10]), 4, 10 },                 // mean 20/5; (9+4+1+0+36)/5
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void ClosedFormMoments_AreReported(string family, Distribution distribution, double mean, double variance)
    {
        distribution.Family.Should().Be(family);
        distribution.Mean.Should().BeApproximately(mean, 1e-12 * Math.Max(1, Math.Abs(mean)));
        distribution.Variance.Should().BeApproximately(variance, 1e-12 * Math.Max(1, variance));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void SampledMoments_MatchClosedForms(string family, Distribution distribution, double mean, double variance)
    {
        var b = new ScenarioModelBuilder(family, "unit");
        var x = b.Input("x", "unit", distribution.InverseCdf(0.5), distribution);
        var model = b.Build(v => v[x]);
        var result = model.Simulate(new SimulationOptions { Draws = Draws, Seed = 2026 }, TestContext.Current.CancellationToken);
        double sd = Math.Sqrt(variance);
        result.Mean.Should().BeApproximately(mean, 5 * sd / Math.Sqrt(Draws), family);
        (result.StandardDeviation * result.StandardDeviation).Should().BeApproximately(variance, 5 * 2 / Math.Sqrt(Draws) * variance, family);
    }

    [Fact]
    public void Discrete_Frequencies_MatchProbabilities()
    {
        // Each frequency has standard error sqrt(p(1-p)/n) < 0.0012 at n = 200,000; allow 5 of them.
        var b = new ScenarioModelBuilder("discrete", "unit");
        var x = b.Input("x", "unit", 2, 1, 5, Distribution.Discrete([1, 2, 5], [0.2, 0.5, 0.3]));
        var model = b.Build(v => v[x]);
        var low = OutputCondition.AtMost(1);
        var two = OutputCondition.Between(2, 2);
        var result = model.Simulate(new SimulationOptions { Draws = Draws, Seed = 7, Conditions = [low, two] }, TestContext.Current.CancellationToken);
        result.Probability(low).Should().BeApproximately(0.2, 0.006);
        result.Probability(two).Should().BeApproximately(0.5, 0.006);
    }

    [Theory]
    [InlineData(0.5, 3.6754446796632414)] // F(mode) = 0.2 < 0.5, so 10 - sqrt(0.5 * 10 * 8) = 10 - sqrt(40)
    [InlineData(0.1, 1.4142135623730951)] // below F(mode): 0 + sqrt(0.1 * 10 * 2) = sqrt(2)
    public void Triangular_InverseCdf_ClosedForm(double p, double expected)
        => Distribution.Triangular(0, 2, 10).InverseCdf(p).Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void Normal_InverseCdf_IsMeanPlusSdTimesZ()
        // z(0.975) = 1.959963984540054 (standard normal table): 10 + 2 z
        => Distribution.Normal(10, 2).InverseCdf(0.975).Should().BeApproximately(13.919927969080108, 1e-12);

    [Fact]
    public void Pert_SymmetricMedian_IsMode()
        // Symmetric PERT (mode at the centre) is a symmetric beta, so its median is the mode.
        => Distribution.Pert(2, 5, 8).InverseCdf(0.5).Should().BeApproximately(5, 1e-12);

    [Fact]
    public void LogNormalFromMean_ReproducesMeanAndSd()
    {
        var d = Distribution.LogNormalFromMean(100, 30);
        d.Mean.Should().BeApproximately(100, 1e-9);
        d.StandardDeviation.Should().BeApproximately(30, 1e-9);
    }

    [Fact]
    public void Empirical_Quantile_ResamplesObservedValues()
    {
        // Quantile for u is the ceiling(u n)-th smallest: n = 5, u = 0.5 -> 3rd smallest = 3; u = 0.81 -> 5th = 10.
        var d = Distribution.Empirical([10, 1, 3, 2, 4]);
        d.InverseCdf(0.5).Should().Be(3);
        d.InverseCdf(0.81).Should().Be(10);
        d.InverseCdf(0.2).Should().Be(1);
    }

    [Fact]
    public void InverseCdf_ProbabilityOutsideOpenInterval_Throws()
    {
        var act = () => Distribution.Uniform(0, 1).InverseCdf(1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "probability" && e.Message.Contains("strictly between 0 and 1"));
    }

    [Fact]
    public void ToString_IsInvariant()
        => TestHelper.InCulture("de-DE", () => Distribution.Normal(0.5, 0.25).ToString()).Should().Be("Normal(mean 0.5, sd 0.25)");

    // Bad input: each message states the rule and the value; ParamName names the parameter.
    public static TheoryData<Func<Distribution>, string, string> BadParameters => new()
    {
        { () => Distribution.Normal(1, -0.5), "standardDeviation", "Normal standard deviation must be greater than zero; it was -0.5." },
        { () => Distribution.Normal(1, 0), "standardDeviation", "greater than zero; it was 0." },
        { () => Distribution.Normal(double.NaN, 1), "mean", "finite" },
        { () => Distribution.LogNormal(0, -1), "sigma", "LogNormal sigma (standard deviation of the logarithm) must be greater than zero; it was -1." },
        { () => Distribution.LogNormalFromMean(-5, 1), "mean", "greater than zero; it was -5." },
        { () => Distribution.Triangular(5, 3, 10), "minimum", "Triangular minimum must not exceed the mode; minimum was 5 and mode 3." },
        { () => Distribution.Triangular(0, 12, 10), "maximum", "Triangular maximum must not be below the mode; maximum was 10 and mode 12." },
        { () => Distribution.Triangular(2, 2, 2), "maximum", "must be greater than the minimum" },
        { () => Distribution.Pert(5, 3, 10), "minimum", "PERT minimum must not exceed the mode; minimum was 5 and mode 3." },
        { () => Distribution.Uniform(3, 1), "maximum", "Uniform maximum must be greater than the minimum; minimum was 3 and maximum 1." },
        { () => Distribution.Discrete([1, 2], [0.5, 0.6]), "probabilities", "Discrete probabilities must sum to 1; they sum to 1.1." },
        { () => Distribution.Discrete([1, 2], [1.5, -0.5]), "probabilities", "Discrete probability 1 must be a finite number not below zero; it was -0.5." },
        { () => Distribution.Discrete([1, 2, 3], [0.5, 0.5]), "probabilities", "there were 3 values and 2 probabilities" },
        { () => Distribution.Discrete([], []), "values", "at least one value" },
        { () => Distribution.Empirical([]), "samples", "at least one sample" },
        { () => Distribution.Empirical([1, double.PositiveInfinity]), "samples", "Empirical sample 1 must be a finite number" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void Factories_RejectBadParameters(Func<Distribution> create, string paramName, string message)
        => create.Should().Throw<ArgumentException>().Where(e => e.ParamName == paramName && e.Message.Contains(message));
}
