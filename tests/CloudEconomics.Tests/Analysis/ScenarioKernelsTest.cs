using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

/// <summary>Kernels against straightforward scalar references written here, and against published worked examples.</summary>
public class ScenarioKernelsTest
{
    private static double[] Positive(System.Random rng, int n, double lo, double hi)
        => Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * rng.NextDouble()).ToArray();

    private static bool Close(double a, double b, double rel = 1e-12) => Math.Abs(a - b) <= rel * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Fact]
    public void Npv_ExcelDocumentationExample()
    {
        // Excel NPV documentation, example 1: NPV(10%, -10,000, 3,000, 4,200, 6,800) = 1,188.44 (to the cent).
        double[] flows = [-10_000, 3_000, 4_200, 6_800]; // one scenario: period-major = the flows themselves
        var dest = new double[1];
        ScenarioKernels.Npv([0.10], flows, 4, dest);
        dest[0].Should().BeApproximately(1188.44, 0.005);
    }

    [Property(MaxTest = 50)]
    public bool Npv_AgreesWithPowBasedScalar(int seed, byte length)
    {
        var rng = new System.Random(seed);
        int n = length, periods = 1 + rng.Next(120);
        var rates = Positive(rng, n, -0.05, 0.05);
        var flows = Positive(rng, n * periods, -1000, 1000);
        var dest = new double[n];
        ScenarioKernels.Npv(rates, flows, periods, dest);
        for (int s = 0; s < n; s++)
        {
            double npv = 0, scale = 0;
            for (int t = 0; t < periods; t++)
            {
                npv += flows[t * n + s] / Math.Pow(1 + rates[s], t + 1);
                scale += Math.Abs(flows[t * n + s]) / Math.Pow(1 + rates[s], t + 1);
            }
            if (Math.Abs(dest[s] - npv) > 1e-12 * scale * periods) return false;
        }
        return true;
    }

    [Fact]
    public void Payback_WorkedExample()
    {
        // Flows -100, 30, 40, 50: cumulative -100, -70, -30, +20. Recovered during period 3: 2 + 30/50 = 2.6 periods.
        // Second scenario -100, 10, 10, 10 never recovers: reached = false, value = horizon 3.
        // Third scenario +5 first: recovered at time 0.
        double[] flows = [-100, -100, 5, 30, 10, 1, 40, 10, 1, 50, 10, 1];
        var periods = new double[3];
        var reached = new bool[3];
        ScenarioKernels.Payback(flows, 4, periods, reached).Should().Be(2);
        periods.Should().Equal(2.6, 3, 0);
        reached.Should().Equal(true, false, true);
    }

    [Fact]
    public void Payback_DipAfterRecovery_UsesLastRecovery()
    {
        // -100, 150, -100, 100: cumulative -100, +50, -50, +50. Last negative at period 2, recovered in period 3:
        // 2 + 50/100 = 2.5 (the CashFlowSchedule.Payback definition: after which it never falls below zero again).
        var dest = new double[1];
        var reached = new bool[1];
        ScenarioKernels.Payback([-100, 150, -100, 100], 4, dest, reached);
        dest[0].Should().Be(2.5);
        reached[0].Should().BeTrue();
    }

    [Property(MaxTest = 50)]
    public bool Payback_AgreesWithScalar(int seed, byte length)
    {
        var rng = new System.Random(seed);
        int n = length, periods = 1 + rng.Next(121);
        var flows = new double[n * periods];
        for (int s = 0; s < n; s++)
        {
            flows[s] = -rng.Next(1, 10_000);
            for (int t = 1; t < periods; t++) flows[t * n + s] = rng.Next(-200, 400);
        }
        var dest = new double[n];
        var reached = new bool[n];
        int count = ScenarioKernels.Payback(flows, periods, dest, reached);
        int expectedCount = 0;
        for (int s = 0; s < n; s++)
        {
            // Reference: find the last negative cumulative, then interpolate in the next period.
            var cumulative = new double[periods];
            double c = 0;
            int lastNegative = -1;
            for (int t = 0; t < periods; t++)
            {
                c += flows[t * n + s];
                cumulative[t] = c;
                if (c < 0) lastNegative = t;
            }
            bool paid = lastNegative < periods - 1;
            double result = !paid ? periods - 1 : lastNegative < 0 ? 0 : lastNegative + -cumulative[lastNegative] / flows[(lastNegative + 1) * n + s];
            if (paid) expectedCount++;
            if (paid != reached[s] || !Close(result, dest[s])) return false;
        }
        return count == expectedCount;
    }

    [Fact]
    public void LengthMismatch_ThrowsNamingSpan()
    {
        var act = () => ScenarioKernels.Npv(new double[3], new double[5], 2, new double[3]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "flows" && e.Message.Contains("must have 6 elements"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Npv_RateOfMinusOne_ThrowsNamingScenario(int count)
    {
        // 1 / (1 + -1) is a division by zero (Excel's #DIV/0!): never an infinity in the result.
        var rates = Enumerable.Repeat(0.05, count).ToArray();
        rates[count - 1] = -1;
        var act = () => ScenarioKernels.Npv(rates, Enumerable.Repeat(100.0, count * 3).ToArray(), 3, new double[count]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "ratePerPeriod" && e.Message.Contains($"ratePerPeriod[{count - 1}] was -1"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(40)]
    public void NonFiniteFlow_ThrowsNamingScenarioAndPeriod(int count)
    {
        // Scenario count - 1, period 2 holds NaN: NPV and payback both refuse it instead of writing NaN.
        var flows = Enumerable.Repeat(50.0, count * 4).ToArray();
        for (int s = 0; s < count; s++) flows[s] = -100;
        flows[(2 * count) + count - 1] = double.NaN;
        var npv = () => ScenarioKernels.Npv(Enumerable.Repeat(0.01, count).ToArray(), flows, 4, new double[count]);
        npv.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "flows" && e.Message.Contains($"scenario {count - 1}, period 2 was NaN"));
        var payback = () => ScenarioKernels.Payback(flows, 4, new double[count], new bool[count]);
        payback.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "flows" && e.Message.Contains($"scenario {count - 1}, period 2 was NaN"));
    }
}
