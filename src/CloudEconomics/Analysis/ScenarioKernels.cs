using System.Numerics;
using System.Runtime.CompilerServices;

namespace CloudEconomics.Analysis;

/// <summary>
/// Batch kernels: the hot formulas evaluated over spans of scenarios with <see cref="Vector{T}"/>, for model batch
/// functions (<see cref="ScenarioBatchFunction"/>) and anyone evaluating millions of scenarios. Plain doubles, no allocation.
/// </summary>
/// <remarks>
/// Kernels check span lengths but not values (that would cost a pass): inputs outside a formula's domain (such as a
/// zero throughput) give NaN or infinity, which <see cref="MonteCarlo"/> then reports as a <see cref="ScenarioEvaluationException"/>.
/// Scenario-by-period inputs are period-major: the flow of scenario s in period t is at <c>flows[t * count + s]</c>,
/// so each period is a contiguous row that vectorises across scenarios.
/// </remarks>
public static class ScenarioKernels
{
    /// <summary>Seconds per hour.</summary>
    private const double SecondsPerHour = 3600.0;

    /// <summary>
    /// Cost per million tokens: price / (throughput x 3,600 s/h x utilisation) x 1,000,000, the formula of
    /// <c>CloudEconomics.Inference.TokenCost.FromHourlyPrice</c>.
    /// </summary>
    /// <param name="pricePerHour">Price of the instance per hour, in a currency.</param>
    /// <param name="tokensPerSecond">Throughput at full load, in tokens per second; positive.</param>
    /// <param name="utilization">Fraction of the hour spent serving, in (0, 1].</param>
    /// <param name="destination">Receives the cost per million tokens, in the price's currency.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void CostPerMillionTokens(ReadOnlySpan<double> pricePerHour, ReadOnlySpan<double> tokensPerSecond,
        ReadOnlySpan<double> utilization, Span<double> destination)
    {
        int n = destination.Length;
        CheckLength(pricePerHour, n, nameof(pricePerHour));
        CheckLength(tokensPerSecond, n, nameof(tokensPerSecond));
        CheckLength(utilization, n, nameof(utilization));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var seconds = new Vector<double>(SecondsPerHour);
            var million = new Vector<double>(1e6);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var p = new Vector<double>(pricePerHour.Slice(i));
                var t = new Vector<double>(tokensPerSecond.Slice(i));
                var u = new Vector<double>(utilization.Slice(i));
                (p / (t * seconds * u) * million).CopyTo(destination.Slice(i));
            }
        }
        for (; i < n; i++)
        {
            destination[i] = pricePerHour[i] / (tokensPerSecond[i] * SecondsPerHour * utilization[i]) * 1e6;
        }
    }

    /// <summary>Energy cost of running IT load for some hours: kW x PUE x hours / 1,000 x price per MWh.</summary>
    /// <param name="itPowerKilowatts">IT power draw, in kW.</param>
    /// <param name="powerUsageEffectiveness">PUE (facility power / IT power), at least 1.</param>
    /// <param name="pricePerMegawattHour">Energy price, in a currency per MWh.</param>
    /// <param name="hours">Hours of operation (the same for every scenario).</param>
    /// <param name="destination">Receives the energy cost, in the price's currency.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void EnergyCost(ReadOnlySpan<double> itPowerKilowatts, ReadOnlySpan<double> powerUsageEffectiveness,
        ReadOnlySpan<double> pricePerMegawattHour, double hours, Span<double> destination)
    {
        int n = destination.Length;
        CheckLength(itPowerKilowatts, n, nameof(itPowerKilowatts));
        CheckLength(powerUsageEffectiveness, n, nameof(powerUsageEffectiveness));
        CheckLength(pricePerMegawattHour, n, nameof(pricePerMegawattHour));
        double factor = hours / 1000.0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var f = new Vector<double>(factor);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var kw = new Vector<double>(itPowerKilowatts.Slice(i));
                var pue = new Vector<double>(powerUsageEffectiveness.Slice(i));
                var price = new Vector<double>(pricePerMegawattHour.Slice(i));
                (kw * pue * f * price).CopyTo(destination.Slice(i));
            }
        }
        for (; i < n; i++)
        {
            destination[i] = itPowerKilowatts[i] * powerUsageEffectiveness[i] * factor * pricePerMegawattHour[i];
        }
    }

    /// <summary>
    /// Total cost of ownership per hour of an owned server: straight-line capital cost over its life plus energy plus
    /// other operating cost: capex / (life x hours per year) + kW x PUE / 1,000 x price per MWh + other cost per hour.
    /// </summary>
    /// <param name="capex">Purchase cost, in a currency.</param>
    /// <param name="usefulLifeYears">Depreciation life, in years; positive.</param>
    /// <param name="itPowerKilowatts">IT power draw, in kW.</param>
    /// <param name="powerUsageEffectiveness">PUE, at least 1.</param>
    /// <param name="pricePerMegawattHour">Energy price, in the currency per MWh.</param>
    /// <param name="otherCostPerHour">Other operating cost (space, staff, network, maintenance), in the currency per hour.</param>
    /// <param name="hoursPerYear">Hours in a year: 8,760 (calendar) or 8,766 (Julian), as the caller's convention says.</param>
    /// <param name="destination">Receives the cost per hour, in the currency.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void TcoPerHour(ReadOnlySpan<double> capex, ReadOnlySpan<double> usefulLifeYears, ReadOnlySpan<double> itPowerKilowatts,
        ReadOnlySpan<double> powerUsageEffectiveness, ReadOnlySpan<double> pricePerMegawattHour, ReadOnlySpan<double> otherCostPerHour,
        double hoursPerYear, Span<double> destination)
    {
        int n = destination.Length;
        CheckLength(capex, n, nameof(capex));
        CheckLength(usefulLifeYears, n, nameof(usefulLifeYears));
        CheckLength(itPowerKilowatts, n, nameof(itPowerKilowatts));
        CheckLength(powerUsageEffectiveness, n, nameof(powerUsageEffectiveness));
        CheckLength(pricePerMegawattHour, n, nameof(pricePerMegawattHour));
        CheckLength(otherCostPerHour, n, nameof(otherCostPerHour));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var hpy = new Vector<double>(hoursPerYear);
            var thousand = new Vector<double>(1000.0);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var capital = new Vector<double>(capex.Slice(i)) / (new Vector<double>(usefulLifeYears.Slice(i)) * hpy);
                var energy = new Vector<double>(itPowerKilowatts.Slice(i)) * new Vector<double>(powerUsageEffectiveness.Slice(i)) / thousand
                             * new Vector<double>(pricePerMegawattHour.Slice(i));
                (capital + energy + new Vector<double>(otherCostPerHour.Slice(i))).CopyTo(destination.Slice(i));
            }
        }
        for (; i < n; i++)
        {
            double capital = capex[i] / (usefulLifeYears[i] * hoursPerYear);
            double energy = itPowerKilowatts[i] * powerUsageEffectiveness[i] / 1000.0 * pricePerMegawattHour[i];
            destination[i] = capital + energy + otherCostPerHour[i];
        }
    }

    /// <summary>
    /// Net present value of a fixed schedule of periodic flows per scenario, with Excel's NPV convention: the flow of
    /// period t (0-based) is discounted by (1 + rate)^(t + 1). For a first flow at time zero (an investment), multiply
    /// the result by (1 + rate), or pass the later flows only and add the first.
    /// </summary>
    /// <param name="ratePerPeriod">Discount rate per period for each scenario (0.01 = 1%); above -1.</param>
    /// <param name="flows">Period-major flows: <c>flows[t * count + s]</c>, <paramref name="periods"/> rows of <c>count</c> scenarios.</param>
    /// <param name="periods">Number of periods; at least 1.</param>
    /// <param name="destination">Receives each scenario's NPV, in the flows' currency; its length is the scenario count.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1.</exception>
    public static void Npv(ReadOnlySpan<double> ratePerPeriod, ReadOnlySpan<double> flows, int periods, Span<double> destination)
    {
        int n = destination.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        CheckLength(ratePerPeriod, n, nameof(ratePerPeriod));
        CheckLength(flows, checked(n * periods), nameof(flows));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var factor = Vector<double>.One / (Vector<double>.One + new Vector<double>(ratePerPeriod.Slice(i)));
                var discount = factor;
                var sum = Vector<double>.Zero;
                for (int t = 0; t < periods; t++)
                {
                    sum += new Vector<double>(flows.Slice(t * n + i)) * discount;
                    discount *= factor;
                }
                sum.CopyTo(destination.Slice(i));
            }
        }
        for (; i < n; i++)
        {
            double factor = 1.0 / (1.0 + ratePerPeriod[i]);
            double discount = factor, sum = 0;
            for (int t = 0; t < periods; t++)
            {
                sum += flows[t * n + i] * discount;
                discount *= factor;
            }
            destination[i] = sum;
        }
    }

    /// <summary>
    /// Simple payback per scenario, in periods from the first flow (time 0), with the definition of
    /// <c>CashFlowSchedule.Payback</c>: the point after which cumulative cash never falls below zero again, interpolated
    /// linearly inside the recovering period (cash taken to arrive evenly through it): for the last period L whose
    /// cumulative is negative, L + (-cumulative[L]) / flow[L + 1]. A scenario never below zero pays back at 0; one still
    /// below zero after the last flow does not pay back.
    /// </summary>
    /// <param name="flows">Period-major flows, <c>flows[t * count + s]</c>; flow 0 is at time 0, flow t at the end of period t.</param>
    /// <param name="periods">Number of flows per scenario (including flow 0); at least 1.</param>
    /// <param name="paybackPeriods">Receives the payback in periods; for a scenario that never pays back, the horizon <c>periods - 1</c> (check <paramref name="reached"/>).</param>
    /// <param name="reached">Receives whether each scenario pays back within the horizon.</param>
    /// <returns>The number of scenarios that pay back.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1.</exception>
    public static int Payback(ReadOnlySpan<double> flows, int periods, Span<double> paybackPeriods, Span<bool> reached)
    {
        int n = paybackPeriods.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        CheckLength(flows, checked(n * periods), nameof(flows));
        if (reached.Length != n)
        {
            throw new ArgumentException($"reached must have one element per scenario ({n}); it had {reached.Length}.", nameof(reached));
        }
        double horizon = periods - 1;
        int count = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            count += PaybackFourVectors(flows, periods, n, ref i, paybackPeriods, reached);
            var zero = Vector<double>.Zero;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                // Track the latest recovery (a step from negative to not negative); the sign after the last flow decides.
                var cumulative = new Vector<double>(flows.Slice(i));
                var negative = Vector.LessThan(cumulative, zero);
                var recovery = zero;
                for (int t = 1; t < periods; t++)
                {
                    var flow = new Vector<double>(flows.Slice(t * n + i));
                    var before = cumulative;
                    cumulative += flow;
                    var nowNegative = Vector.LessThan(cumulative, zero);
                    var recovered = Vector.AndNot(negative, nowNegative);
                    if (recovered != Vector<long>.Zero)
                    {
                        recovery = Vector.ConditionalSelect(recovered, new Vector<double>(t - 1) + (-before) / flow, recovery);
                    }
                    negative = nowNegative;
                }
                var result = Vector.ConditionalSelect(negative, new Vector<double>(horizon), recovery);
                result.CopyTo(paybackPeriods.Slice(i));
                for (int k = 0; k < Vector<double>.Count; k++)
                {
                    bool r = negative[k] == 0;
                    reached[i + k] = r;
                    if (r) count++;
                }
            }
        }
        for (; i < n; i++)
        {
            double cumulative = flows[i];
            bool negative = cumulative < 0;
            double recovery = 0;
            for (int t = 1; t < periods; t++)
            {
                double flow = flows[t * n + i];
                double before = cumulative;
                cumulative += flow;
                bool nowNegative = cumulative < 0;
                if (negative && !nowNegative)
                {
                    recovery = (t - 1) + (-before) / flow;
                }
                negative = nowNegative;
            }
            paybackPeriods[i] = negative ? horizon : recovery;
            reached[i] = !negative;
            if (!negative) count++;
        }
        return count;
    }

    /// <summary>
    /// The vector loop of <see cref="Payback"/> over four vectors of scenarios at once (four independent chains of
    /// cumulative sums, so the adder's latency is hidden), from <paramref name="i"/> while four whole vectors remain;
    /// advances <paramref name="i"/> and returns the number of scenarios that pay back. Same operations per lane.
    /// </summary>
    private static int PaybackFourVectors(ReadOnlySpan<double> flows, int periods, int n, ref int i, Span<double> paybackPeriods, Span<bool> reached)
    {
        int w = Vector<double>.Count;
        int count = 0;
        var zero = Vector<double>.Zero;
        var horizon = new Vector<double>(periods - 1);
        for (; i <= n - 4 * w; i += 4 * w)
        {
            var c0 = new Vector<double>(flows.Slice(i));
            var c1 = new Vector<double>(flows.Slice(i + w));
            var c2 = new Vector<double>(flows.Slice(i + 2 * w));
            var c3 = new Vector<double>(flows.Slice(i + 3 * w));
            var n0 = Vector.LessThan(c0, zero);
            var n1 = Vector.LessThan(c1, zero);
            var n2 = Vector.LessThan(c2, zero);
            var n3 = Vector.LessThan(c3, zero);
            var r0 = zero;
            var r1 = zero;
            var r2 = zero;
            var r3 = zero;
            for (int t = 1; t < periods; t++)
            {
                var row = flows.Slice(t * n + i, 4 * w);
                var f0 = new Vector<double>(row);
                var f1 = new Vector<double>(row.Slice(w));
                var f2 = new Vector<double>(row.Slice(2 * w));
                var f3 = new Vector<double>(row.Slice(3 * w));
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
                    r0 = Vector.ConditionalSelect(g0, before + (-b0) / f0, r0);
                    r1 = Vector.ConditionalSelect(g1, before + (-b1) / f1, r1);
                    r2 = Vector.ConditionalSelect(g2, before + (-b2) / f2, r2);
                    r3 = Vector.ConditionalSelect(g3, before + (-b3) / f3, r3);
                }
                n0 = m0;
                n1 = m1;
                n2 = m2;
                n3 = m3;
            }
            Vector.ConditionalSelect(n0, horizon, r0).CopyTo(paybackPeriods.Slice(i));
            Vector.ConditionalSelect(n1, horizon, r1).CopyTo(paybackPeriods.Slice(i + w));
            Vector.ConditionalSelect(n2, horizon, r2).CopyTo(paybackPeriods.Slice(i + 2 * w));
            Vector.ConditionalSelect(n3, horizon, r3).CopyTo(paybackPeriods.Slice(i + 3 * w));
            for (int k = 0; k < w; k++)
            {
                count += Reached(n0[k] == 0, reached, i + k) + Reached(n1[k] == 0, reached, i + w + k)
                    + Reached(n2[k] == 0, reached, i + 2 * w + k) + Reached(n3[k] == 0, reached, i + 3 * w + k);
            }
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Reached(bool value, Span<bool> reached, int index)
    {
        reached[index] = value;
        return value ? 1 : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckLength(ReadOnlySpan<double> span, int expected, string paramName)
    {
        if (span.Length != expected)
        {
            throw new ArgumentException($"{paramName} must have {expected} elements to match the destination; it had {span.Length}.", paramName);
        }
    }
}
