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

    [Property(MaxTest = 50)]
    public bool CostPerMillionTokens_AgreesWithScalar(int seed, byte length)
    {
        var rng = new System.Random(seed);
        int n = length;
        var price = Positive(rng, n, 0.1, 100);
        var tps = Positive(rng, n, 10, 50_000);
        var u = Positive(rng, n, 0.01, 1);
        var dest = new double[n];
        ScenarioKernels.CostPerMillionTokens(price, tps, u, dest);
        return Enumerable.Range(0, n).All(i => Close(dest[i], price[i] / (tps[i] * 3600 * u[i]) * 1e6));
    }

    [Fact]
    public void CostPerMillionTokens_WorkedExample()
    {
        // 98.32 USD/h at 10,000 tokens/s and 50% utilisation: 98.32 / (10,000 x 3,600 x 0.5) x 1e6 = 98.32 / 18 = 5.4622 USD per million tokens.
        var dest = new double[1];
        ScenarioKernels.CostPerMillionTokens([98.32], [10_000], [0.5], dest);
        dest[0].Should().BeApproximately(98.32 / 18, 1e-12);
    }

    [Property(MaxTest = 50)]
    public bool EnergyAndTco_AgreeWithScalar(int seed, byte length)
    {
        var rng = new System.Random(seed);
        int n = length;
        var capex = Positive(rng, n, 1e4, 1e6);
        var life = Positive(rng, n, 2, 7);
        var kw = Positive(rng, n, 1, 15);
        var pue = Positive(rng, n, 1.05, 1.6);
        var price = Positive(rng, n, -20, 200);
        var other = Positive(rng, n, 0, 5);
        var energy = new double[n];
        var tco = new double[n];
        ScenarioKernels.EnergyCost(kw, pue, price, 730, energy);
        ScenarioKernels.TcoPerHour(capex, life, kw, pue, price, other, 8760, tco);
        return Enumerable.Range(0, n).All(i =>
            Close(energy[i], kw[i] * pue[i] * 730 / 1000 * price[i], 1e-11)
            && Close(tco[i], capex[i] / (life[i] * 8760) + kw[i] * pue[i] * price[i] / 1000 + other[i], 1e-11));
    }

    [Fact]
    public void TcoPerHour_WorkedExample()
    {
        // 250,000 USD over 5 years of 8,760 h = 5.7078 USD/h; 10.2 kW x 1.2 PUE = 12.24 kW = 0.01224 MWh/h x 80 USD/MWh = 0.9792 USD/h; + 1 USD/h.
        var dest = new double[1];
        ScenarioKernels.TcoPerHour([250_000], [5], [10.2], [1.2], [80], [1], 8760, dest);
        dest[0].Should().BeApproximately(250_000 / 43_800.0 + 0.9792 + 1, 1e-9);
    }

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
        var act = () => ScenarioKernels.CostPerMillionTokens(new double[3], new double[2], new double[3], new double[3]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "tokensPerSecond" && e.Message.Contains("must have 3 elements"));
    }
}
