using System.Numerics;
using CloudEconomics.Analysis;
using CloudEconomics.Inference;

namespace CloudEconomics.Benchmarks.Scenarios;

/// <summary>The models the scenario benchmarks simulate (illustrative ranges, not sourced data).</summary>
public static class BenchmarkModels
{
    /// <summary>
    /// Cost per million tokens with 5 uncertain inputs: the library's token-cost formula
    /// (<see cref="TokenCostKernel"/>: price x 10^6 / 3,600 / (throughput x utilisation), inputs checked) at an effective
    /// price of price x (1 + overhead) and an effective throughput of throughput x efficiency. The scalar function calls
    /// the scalar <see cref="TokenCostKernel.PricePerMillionTokens(double, double, double)"/>, as a user writing a
    /// per-draw model with the library would; the batch function calls the span overload, the same formula and checks.
    /// </summary>
    public static ScenarioModel TokenCost()
    {
        var b = new ScenarioModelBuilder("cost per million tokens", "USD per million tokens");
        var price = b.Input("price", "USD/h", 55.04, 30, 98.32, Distribution.Triangular(30, 55.04, 98.32));
        var tps = b.Input("throughput", "tokens/s", 20_000, 12_000, 28_000, Distribution.Normal(20_000, 2_500));
        var u = b.Input("utilization", "fraction", 0.6, 0.3, 0.95, Distribution.Triangular(0.3, 0.6, 0.95));
        var eff = b.Input("efficiency", "fraction", 1.0, 0.7, 1.3, Distribution.LogNormal(0, 0.1));
        var overhead = b.Input("overhead", "fraction", 0.1, 0.05, 0.2, Distribution.Uniform(0.05, 0.2));
        return b.Build(
            v => TokenCostKernel.PricePerMillionTokens(v[price] * (1 + v[overhead]), v[tps] * v[eff], v[u]),
            (batch, output) =>
            {
                int n = batch.Count;
                var scratch = batch.GetScratch(2 * n);
                var effectivePrice = scratch[..n];
                var effectiveTps = scratch[n..];
                Multiply(batch[price], batch[overhead], 1.0, effectivePrice);
                Multiply(batch[tps], batch[eff], 0.0, effectiveTps);
                TokenCostKernel.PricePerMillionTokens(effectivePrice, effectiveTps, batch[u], output);
            });
    }

    /// <summary>destination = a x (b + offset), vectorised.</summary>
    private static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double offset, Span<double> destination)
    {
        int i = 0;
        var o = new Vector<double>(offset);
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            (new Vector<double>(a[i..]) * (new Vector<double>(b[i..]) + o)).CopyTo(destination[i..]);
        }
        for (; i < a.Length; i++) destination[i] = a[i] * (b[i] + offset);
    }

    /// <summary>Months of the payback horizon (10 years).</summary>
    public const int Months = 120;

    /// <summary>
    /// Payback in months of an owned 8-GPU server over 120 monthly flows: flow 0 = -capex; flow t = rental revenue
    /// (price x 730 h x utilisation, declining by a monthly rate) minus energy (kW x PUE x 730 h / 1000 x USD/MWh) minus
    /// other cost. Payback as CashFlowSchedule.Payback defines it; censored at 120 months when never paid back.
    /// </summary>
    public static ScenarioModel Payback()
    {
        var b = new ScenarioModelBuilder("server payback", "months");
        var capex = b.Input("capex", "USD", 300_000, 250_000, 400_000, Distribution.Triangular(250_000, 300_000, 400_000));
        var price = b.Input("price", "USD/h", 30, 15, 45, Distribution.Normal(30, 6));
        var u = b.Input("utilization", "fraction", 0.7, 0.4, 0.95, Distribution.Triangular(0.4, 0.7, 0.95));
        var decline = b.Input("decline", "per month", 0.01, 0.0, 0.03, Distribution.Uniform(0.0, 0.03));
        var power = b.Input("power price", "USD/MWh", 60, 40, 100, Distribution.LogNormal(Math.Log(60), 0.25));
        const double kw = 10.2, pue = 1.14, hours = 730, other = 2_000;
        return b.Build(
            v =>
            {
                double cumulative = -v[capex];
                double revenue = v[price] * hours * v[u];
                double energy = kw * pue * hours / 1000 * v[power];
                double keep = 1 - v[decline];
                // CashFlowSchedule.Payback's definition: after the last period that ends below zero.
                bool negative = cumulative < 0;
                double recovery = 0;
                for (int t = 1; t <= Months; t++)
                {
                    revenue *= keep;
                    double flow = revenue - energy - other;
                    double before = cumulative;
                    cumulative += flow;
                    bool nowNegative = cumulative < 0;
                    if (negative && !nowNegative) recovery = t - 1 + -before / flow;
                    negative = nowNegative;
                }
                return negative ? Months : recovery;
            },
            (batch, output) => PaybackBatch(batch[capex], batch[price], batch[u], batch[decline], batch[power], output));
    }

    /// <summary>
    /// The batch form of the payback model: the same operations per scenario as the scalar function, fused into one
    /// pass over the periods with four vectors of scenarios at once (independent chains hide the latency of the
    /// running products and sums); no flow matrix is stored.
    /// </summary>
    private static void PaybackBatch(ReadOnlySpan<double> capex, ReadOnlySpan<double> price, ReadOnlySpan<double> utilization,
        ReadOnlySpan<double> decline, ReadOnlySpan<double> power, Span<double> output)
    {
        const double kw = 10.2, pue = 1.14, hours = 730, other = 2_000;
        const double energyPerPrice = kw * pue * hours / 1000;
        int n = output.Length;
        int w = Vector<double>.Count;
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var hoursV = new Vector<double>(hours);
        var energyV = new Vector<double>(energyPerPrice);
        var otherV = new Vector<double>(other);
        var months = new Vector<double>(Months);
        int s = 0;
        for (; s <= n - 4 * w; s += 4 * w)
        {
            var c0 = -new Vector<double>(capex.Slice(s));
            var r0 = new Vector<double>(price.Slice(s)) * hoursV * new Vector<double>(utilization.Slice(s));
            var e0 = energyV * new Vector<double>(power.Slice(s));
            var k0 = one - new Vector<double>(decline.Slice(s));
            var c1 = -new Vector<double>(capex.Slice(s + w));
            var r1 = new Vector<double>(price.Slice(s + w)) * hoursV * new Vector<double>(utilization.Slice(s + w));
            var e1 = energyV * new Vector<double>(power.Slice(s + w));
            var k1 = one - new Vector<double>(decline.Slice(s + w));
            var c2 = -new Vector<double>(capex.Slice(s + 2 * w));
            var r2 = new Vector<double>(price.Slice(s + 2 * w)) * hoursV * new Vector<double>(utilization.Slice(s + 2 * w));
            var e2 = energyV * new Vector<double>(power.Slice(s + 2 * w));
            var k2 = one - new Vector<double>(decline.Slice(s + 2 * w));
            var c3 = -new Vector<double>(capex.Slice(s + 3 * w));
            var r3 = new Vector<double>(price.Slice(s + 3 * w)) * hoursV * new Vector<double>(utilization.Slice(s + 3 * w));
            var e3 = energyV * new Vector<double>(power.Slice(s + 3 * w));
            var k3 = one - new Vector<double>(decline.Slice(s + 3 * w));
            var n0 = Vector.LessThan(c0, zero);
            var n1 = Vector.LessThan(c1, zero);
            var n2 = Vector.LessThan(c2, zero);
            var n3 = Vector.LessThan(c3, zero);
            var p0 = zero;
            var p1 = zero;
            var p2 = zero;
            var p3 = zero;
            for (int t = 1; t <= Months; t++)
            {
                r0 *= k0;
                r1 *= k1;
                r2 *= k2;
                r3 *= k3;
                var f0 = r0 - e0 - otherV;
                var f1 = r1 - e1 - otherV;
                var f2 = r2 - e2 - otherV;
                var f3 = r3 - e3 - otherV;
                var b0 = c0;
                var b1 = c1;
                var b2 = c2;
                var b3 = c3;
                c0 += f0;
                c1 += f1;
                c2 += f2;
                c3 += f3;
                var m0 = Vector.LessThan(c0, zero);
                var m1 = Vector.LessThan(c1, zero);
                var m2 = Vector.LessThan(c2, zero);
                var m3 = Vector.LessThan(c3, zero);
                var g0 = Vector.AndNot(n0, m0);
                var g1 = Vector.AndNot(n1, m1);
                var g2 = Vector.AndNot(n2, m2);
                var g3 = Vector.AndNot(n3, m3);
                if (((g0 | g1) | (g2 | g3)) != Vector<long>.Zero)
                {
                    var before = new Vector<double>(t - 1);
                    p0 = Vector.ConditionalSelect(g0, before + (-b0) / f0, p0);
                    p1 = Vector.ConditionalSelect(g1, before + (-b1) / f1, p1);
                    p2 = Vector.ConditionalSelect(g2, before + (-b2) / f2, p2);
                    p3 = Vector.ConditionalSelect(g3, before + (-b3) / f3, p3);
                }
                n0 = m0;
                n1 = m1;
                n2 = m2;
                n3 = m3;
            }
            Vector.ConditionalSelect(n0, months, p0).CopyTo(output.Slice(s));
            Vector.ConditionalSelect(n1, months, p1).CopyTo(output.Slice(s + w));
            Vector.ConditionalSelect(n2, months, p2).CopyTo(output.Slice(s + 2 * w));
            Vector.ConditionalSelect(n3, months, p3).CopyTo(output.Slice(s + 3 * w));
        }
        for (; s < n; s++)
        {
            double cumulative = -capex[s];
            double revenue = price[s] * hours * utilization[s];
            double energy = energyPerPrice * power[s];
            double keep = 1 - decline[s];
            bool negative = cumulative < 0;
            double recovery = 0;
            for (int t = 1; t <= Months; t++)
            {
                revenue *= keep;
                double flow = revenue - energy - other;
                double before = cumulative;
                cumulative += flow;
                bool nowNegative = cumulative < 0;
                if (negative && !nowNegative) recovery = t - 1 + -before / flow;
                negative = nowNegative;
            }
            output[s] = negative ? Months : recovery;
        }
    }
}
