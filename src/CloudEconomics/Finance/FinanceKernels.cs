using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CloudEconomics.Finance;

/// <summary>
/// Allocation-free double kernels: polynomial evaluation on the discount factor d = 1/(1+r) (Horner with four
/// independent accumulators over d^4, value and derivative in one pass) and dated discounting without a
/// per-term <see cref="Math.Pow(double, double)"/>.
/// </summary>
internal static class FinanceKernels
{
    /// <summary>P(d) = sum of values[i] * d^i, four interleaved Horner chains on y = d^4.</summary>
    internal static double Polynomial(ReadOnlySpan<double> values, double d)
    {
        int n = values.Length;
        int full = n & ~3;
        ref double v = ref MemoryMarshal.GetReference(values);
        double q0 = 0, q1 = 0, q2 = 0;
        int rem = n - full;
        if (rem > 0)
        {
            q0 = Unsafe.Add(ref v, full);
            if (rem > 1)
            {
                q1 = Unsafe.Add(ref v, full + 1);
            }
            if (rem > 2)
            {
                q2 = Unsafe.Add(ref v, full + 2);
            }
        }
        double q3 = 0;
        double d2 = d * d;
        double y = d2 * d2;
        for (int i = full - 4; i >= 0; i -= 4)
        {
            q0 = (q0 * y) + Unsafe.Add(ref v, i);
            q1 = (q1 * y) + Unsafe.Add(ref v, i + 1);
            q2 = (q2 * y) + Unsafe.Add(ref v, i + 2);
            q3 = (q3 * y) + Unsafe.Add(ref v, i + 3);
        }
        return q0 + (d * q1) + (d2 * (q2 + (d * q3)));
    }

    /// <summary>P(d) and P'(d) = dP/dd in one pass (four value and four derivative chains on y = d^4).</summary>
    internal static void PolynomialWithDerivative(ReadOnlySpan<double> values, double d, out double p, out double dp)
    {
        int n = values.Length;
        int full = n & ~3;
        ref double v = ref MemoryMarshal.GetReference(values);
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        int rem = n - full;
        if (rem > 0)
        {
            q0 = Unsafe.Add(ref v, full);
            if (rem > 1)
            {
                q1 = Unsafe.Add(ref v, full + 1);
            }
            if (rem > 2)
            {
                q2 = Unsafe.Add(ref v, full + 2);
            }
        }
        double e0 = 0, e1 = 0, e2 = 0, e3 = 0;
        double d2 = d * d;
        double y = d2 * d2;
        for (int i = full - 4; i >= 0; i -= 4)
        {
            e0 = (e0 * y) + q0;
            e1 = (e1 * y) + q1;
            e2 = (e2 * y) + q2;
            e3 = (e3 * y) + q3;
            q0 = (q0 * y) + Unsafe.Add(ref v, i);
            q1 = (q1 * y) + Unsafe.Add(ref v, i + 1);
            q2 = (q2 * y) + Unsafe.Add(ref v, i + 2);
            q3 = (q3 * y) + Unsafe.Add(ref v, i + 3);
        }
        double d3 = d2 * d;
        p = q0 + (d * q1) + (d2 * q2) + (d3 * q3);
        double e = e0 + (d * e1) + (d2 * e2) + (d3 * e3);
        dp = q1 + (2.0 * d * q2) + (3.0 * d2 * q3) + (4.0 * d3 * e);
    }

    /// <summary>
    /// For dated flows at day offsets t_i (non-negative): f = sum v_i x^t_i and s = sum t_i v_i x^t_i, where
    /// x = (1+r)^(-1/365). Each x^t_i is a product of precomputed x^(2^k), each taken from one <see cref="Math.Exp"/>
    /// (so the error does not grow with t), instead of one <see cref="Math.Pow(double, double)"/> per term.
    /// </summary>
    internal static void DatedSums(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, int maxOffset, double rate, out double f, out double s)
    {
        Span<double> table = stackalloc double[32];
        double logStep = -Math.Log(1.0 + rate) / 365.0;
        int bits = 32 - BitOperations.LeadingZeroCount((uint)maxOffset);
        double scale = 1.0;
        for (int k = 0; k < bits; k++)
        {
            table[k] = Math.Exp(scale * logStep);
            scale *= 2.0;
        }
        ref double tb = ref MemoryMarshal.GetReference(table);
        ref double v = ref MemoryMarshal.GetReference(values);
        ref int o = ref MemoryMarshal.GetReference(offsets);
        double f0 = 0, f1 = 0, s0 = 0, s1 = 0;
        int n = values.Length;
        int i = 0;
        for (; i + 1 < n; i += 2)
        {
            int ta = Unsafe.Add(ref o, i);
            int tbb = Unsafe.Add(ref o, i + 1);
            double pa = Unsafe.Add(ref v, i);
            double pb = Unsafe.Add(ref v, i + 1);
            uint ua = (uint)ta, ub = (uint)tbb;
            while (ua != 0)
            {
                pa *= Unsafe.Add(ref tb, BitOperations.TrailingZeroCount(ua));
                ua &= ua - 1;
            }
            while (ub != 0)
            {
                pb *= Unsafe.Add(ref tb, BitOperations.TrailingZeroCount(ub));
                ub &= ub - 1;
            }
            f0 += pa;
            f1 += pb;
            s0 += ta * pa;
            s1 += tbb * pb;
        }
        if (i < n)
        {
            int ta = Unsafe.Add(ref o, i);
            double pa = Unsafe.Add(ref v, i);
            uint ua = (uint)ta;
            while (ua != 0)
            {
                pa *= Unsafe.Add(ref tb, BitOperations.TrailingZeroCount(ua));
                ua &= ua - 1;
            }
            f0 += pa;
            s0 += ta * pa;
        }
        f = f0 + f1;
        s = s0 + s1;
    }

    /// <summary>
    /// A positively rescaled present value used for bracketing: sum v_i exp(-t_i L - m) with L = ln(1+r) and m
    /// chosen so that no exponent is positive (no overflow). Same sign and same roots as the present value.
    /// times: when empty, t_i = i (periods); otherwise t_i = offsets[i] / 365 (years).
    /// </summary>
    internal static double ScaledPresentValue(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, double tMax, double logGrowth)
    {
        double m = logGrowth < 0 ? -tMax * logGrowth : 0.0;
        double sum = 0;
        bool periodic = offsets.IsEmpty;
        for (int i = 0; i < values.Length; i++)
        {
            double t = periodic ? i : offsets[i] / 365.0;
            sum += values[i] * Math.Exp((-t * logGrowth) - m);
        }
        return sum;
    }
}
