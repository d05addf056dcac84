using System.Numerics;
using CloudEconomics.Scenarios;

namespace CloudEconomics.Benchmarks.Scenarios;

/// <summary>The models the scenario benchmarks simulate (illustrative ranges, not sourced data).</summary>
public static class BenchmarkModels
{
    /// <summary>
    /// Cost per million tokens with 5 uncertain inputs:
    /// price x (1 + overhead) / (throughput x efficiency x 3,600 x utilisation) x 1e6.
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
            v => v[price] * (1 + v[overhead]) / (v[tps] * v[eff] * 3600 * v[u]) * 1e6,
            (batch, output) =>
            {
                int n = batch.Count;
                var scratch = batch.GetScratch(2 * n);
                var effectivePrice = scratch[..n];
                var effectiveTps = scratch[n..];
                Multiply(batch[price], batch[overhead], 1.0, effectivePrice);
                Multiply(batch[tps], batch[eff], 0.0, effectiveTps);
                ScenarioKernels.CostPerMillionTokens(effectivePrice, effectiveTps, batch[u], output);
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
            (batch, output) =>
            {
                // Blocks of 128 scenarios keep the 121 x 128 flow matrix (124 KB) in the L2 cache.
                const int Block = 128;
                int periods = Months + 1;
                var scratch = batch.GetScratch(Block * periods + 2 * Block);
                Span<bool> reached = stackalloc bool[Block];
                for (int start = 0; start < batch.Count; start += Block)
                {
                    int n = Math.Min(Block, batch.Count - start);
                    var flows = scratch[..(n * periods)];
                    var revenue = scratch.Slice(Block * periods, n);
                    var energy = scratch.Slice(Block * periods + Block, n);
                    var capexes = batch[capex].Slice(start, n);
                    var prices = batch[price].Slice(start, n);
                    var utils = batch[u].Slice(start, n);
                    var declines = batch[decline].Slice(start, n);
                    var powers = batch[power].Slice(start, n);
                    for (int s = 0; s < n; s++)
                    {
                        flows[s] = -capexes[s];
                        revenue[s] = prices[s] * hours * utils[s];
                        energy[s] = kw * pue * hours / 1000 * powers[s];
                    }
                    var otherV = new Vector<double>(other);
                    for (int t = 1; t < periods; t++)
                    {
                        var row = flows.Slice(t * n, n);
                        int s = 0;
                        for (; s <= n - Vector<double>.Count; s += Vector<double>.Count)
                        {
                            var r = new Vector<double>(revenue[s..]) * (Vector<double>.One - new Vector<double>(declines[s..]));
                            r.CopyTo(revenue[s..]);
                            (r - new Vector<double>(energy[s..]) - otherV).CopyTo(row[s..]);
                        }
                        for (; s < n; s++)
                        {
                            revenue[s] *= 1 - declines[s];
                            row[s] = revenue[s] - energy[s] - other;
                        }
                    }
                    ScenarioKernels.Payback(flows, periods, output.Slice(start, n), reached[..n]);
                }
            });
    }
}
