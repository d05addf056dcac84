using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CloudEconomics.Analysis;

/// <summary>
/// Generic cash-flow kernels over spans of scenarios with <see cref="Vector{T}"/> (net present value and payback of
/// period-major flows), for model batch functions (<see cref="ScenarioBatchFunction"/>) and anyone evaluating millions of
/// scenarios. Plain doubles, no allocation. Domain formulas have their kernels in their domain
/// (<c>CloudEconomics.Inference.TokenCostKernel</c>, <c>CloudEconomics.Ownership.TcoKernel</c>).
/// </summary>
/// <remarks>
/// Kernels never write NaN or infinity: a value outside a formula's domain (a rate at or below -1, a flow that is not
/// finite) throws an <see cref="ArgumentOutOfRangeException"/> naming the span and the scenario, found by checks folded
/// into the computing pass (a mask per vector, or the finiteness of each scenario's last running sum), and Monte Carlo
/// reports it for the draw that caused it (<see cref="ScenarioEvaluationException.Draw"/>).
/// Scenario-by-period inputs are period-major: the flow of scenario s in period t is at <c>flows[t * count + s]</c>,
/// so each period is a contiguous row that vectorises across scenarios.
/// </remarks>
public static class ScenarioKernels
{
    /// <summary>
    /// Net present value of a fixed schedule of periodic flows per scenario, with Excel's NPV convention: the flow of
    /// period t (0-based) is discounted by (1 + rate)^(t + 1). For a first flow at time zero (an investment), multiply
    /// the result by (1 + rate), or pass the later flows only and add the first.
    /// </summary>
    /// <param name="ratePerPeriod">Discount rate per period for each scenario (0.01 = 1%); finite and not -1 (Excel's domain).</param>
    /// <param name="flows">Period-major flows: <c>flows[t * count + s]</c>, <paramref name="periods"/> rows of <c>count</c> scenarios.</param>
    /// <param name="periods">Number of periods; at least 1.</param>
    /// <param name="destination">Receives each scenario's NPV, in the flows' currency; its length is the scenario count.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1, a rate is -1 or not finite, or a scenario's flows give a value that is not finite (names the scenario).</exception>
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
                // A rate of -1 or not finite, or a flow that is not finite, leaves a factor or a sum that is not finite
                // or a factor of zero: one check per vector, the culprit is named afterwards.
                if (!Vector.EqualsAll((sum - sum) + (factor - factor), Vector<double>.Zero) || Vector.EqualsAny(factor, Vector<double>.Zero))
                {
                    ThrowNpv(ratePerPeriod, flows, periods, n, i, Vector<double>.Count);
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
            if (!double.IsFinite(factor) || factor == 0 || !double.IsFinite(sum))
            {
                ThrowNpv(ratePerPeriod, flows, periods, n, i, 1);
            }
            destination[i] = sum;
        }
    }

    /// <summary>Throws for the first scenario in [from, from + count) whose rate or flows break the rules of <see cref="Npv"/>.</summary>
    private static void ThrowNpv(ReadOnlySpan<double> ratePerPeriod, ReadOnlySpan<double> flows, int periods, int n, int from, int count)
    {
        for (int s = from; s < from + count; s++)
        {
            double rate = ratePerPeriod[s];
            if (rate == -1 || !double.IsFinite(rate))
            {
                throw new ArgumentOutOfRangeException(nameof(ratePerPeriod), rate, string.Create(CultureInfo.InvariantCulture,
                    $"Rate per period must be finite and not -1; ratePerPeriod[{s}] was {rate:R}."));
            }
            CheckFlowsFinite(flows, periods, n, s);
        }
        throw new ArgumentOutOfRangeException(nameof(flows), string.Create(CultureInfo.InvariantCulture,
            $"The net present value of scenarios {from} to {from + count - 1} is too large to represent (the flows overflow when discounted)."));
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1, or a flow is not finite (names the scenario and period).</exception>
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
                if (!Vector.EqualsAll(cumulative - cumulative, zero))
                {
                    ThrowNotFinite(flows, periods, n, i, Vector<double>.Count);
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
            if (!double.IsFinite(cumulative))
            {
                ThrowNotFinite(flows, periods, n, i, 1);
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
            // A flow that is not finite leaves a running sum that is not finite (x - x is NaN): one check per block.
            if (!Vector.EqualsAll((c0 - c0) + (c1 - c1) + (c2 - c2) + (c3 - c3), zero))
            {
                ThrowNotFinite(flows, periods, n, i, 4 * w);
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

    /// <summary>Throws for the first flow that is not finite among scenarios [from, from + count), or for an overflowing running sum.</summary>
    private static void ThrowNotFinite(ReadOnlySpan<double> flows, int periods, int n, int from, int count)
    {
        for (int s = from; s < from + count; s++)
        {
            CheckFlowsFinite(flows, periods, n, s);
        }
        throw new ArgumentOutOfRangeException(nameof(flows), string.Create(CultureInfo.InvariantCulture,
            $"The cumulative cash of scenarios {from} to {from + count - 1} overflows (flows too large to add)."));
    }

    /// <summary>Throws naming scenario <paramref name="s"/> and the period of its first flow that is not finite, if any.</summary>
    private static void CheckFlowsFinite(ReadOnlySpan<double> flows, int periods, int n, int s)
    {
        for (int t = 0; t < periods; t++)
        {
            if (!double.IsFinite(flows[t * n + s]))
            {
                throw new ArgumentOutOfRangeException(nameof(flows), flows[t * n + s], string.Create(CultureInfo.InvariantCulture,
                    $"Flows must be finite; scenario {s}, period {t} was {flows[t * n + s]:R}."));
            }
        }
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
