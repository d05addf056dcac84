using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CloudEconomics.Finance;

/// <summary>
/// Allocation-free double kernels: polynomial evaluation on the discount factor d = 1/(1+r) (Horner with four
/// independent accumulators over d^4, value and derivative in one pass) and dated discounting without a
/// per-term <see cref="Math.Pow(double, double)"/>.
/// </summary>
internal static class FinanceKernels
{
    /// <summary>Whether the 256-bit fused multiply-add paths can run (x86 with AVX2 and FMA).</summary>
    private static bool UseVectors => Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>P(d) = sum of values[i] * d^i, four interleaved Horner chains on y = d^4 (eight lanes on y = d^8 with AVX2/FMA).</summary>
    internal static double Polynomial(ReadOnlySpan<double> values, double d)
    {
        if (UseVectors && values.Length >= 16)
        {
            return PolynomialVector(values, d);
        }
        int n = values.Length;
        int full = n & ~3;
        ref double v = ref MemoryMarshal.GetReference(values);
        Remainder(ref v, full, n - full, out double q0, out double q1, out double q2);
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

    /// <summary>
    /// The highest coefficients that do not fill a group of four (<paramref name="rem"/> of them, 0 to 3, from index
    /// <paramref name="full"/>) as the starting values of the first three Horner chains; the rest start at zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Remainder(ref double v, int full, int rem, out double q0, out double q1, out double q2)
    {
        q0 = rem > 0 ? Unsafe.Add(ref v, full) : 0;
        q1 = rem > 1 ? Unsafe.Add(ref v, full + 1) : 0;
        q2 = rem > 2 ? Unsafe.Add(ref v, full + 2) : 0;
    }

    /// <summary>P(d) and P'(d) = dP/dd in one pass (four value and four derivative chains on y = d^4; with AVX2/FMA, two vector value and two vector derivative chains on y = d^8).</summary>
    internal static void PolynomialWithDerivative(ReadOnlySpan<double> values, double d, out double p, out double dp)
    {
        if (UseVectors && values.Length >= 16)
        {
            PolynomialWithDerivativeVector(values, d, out p, out dp);
            return;
        }
        int n = values.Length;
        int full = n & ~3;
        ref double v = ref MemoryMarshal.GetReference(values);
        Remainder(ref v, full, n - full, out double q0, out double q1, out double q2);
        double q3 = 0;
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
    /// One pass over the flows: whether all are finite (a sum of v * 0 stays 0 unless a NaN or infinity is present)
    /// and whether any is positive or negative.
    /// </summary>
    internal static void Scan(ReadOnlySpan<double> values, out bool finite, out bool anyPositive, out bool anyNegative)
    {
        int n = values.Length;
        int i = 0;
        double max = double.NegativeInfinity, min = double.PositiveInfinity, zero = 0;
        if (UseVectors && n >= 8)
        {
            ref double v = ref MemoryMarshal.GetReference(values);
            var vmax = Vector256.Create(double.NegativeInfinity);
            var vmin = Vector256.Create(double.PositiveInfinity);
            var vzero = Vector256<double>.Zero;
            for (; i + 4 <= n; i += 4)
            {
                var x = Vector256.LoadUnsafe(ref v, (nuint)i);
                vmax = Vector256.Max(vmax, x);
                vmin = Vector256.Min(vmin, x);
                vzero += x * Vector256<double>.Zero;
            }
            for (int k = 0; k < 4; k++)
            {
                max = Math.Max(max, vmax.GetElement(k));
                min = Math.Min(min, vmin.GetElement(k));
                zero += vzero.GetElement(k);
            }
        }
        for (; i < n; i++)
        {
            double x = values[i];
            max = Math.Max(max, x);
            min = Math.Min(min, x);
            zero += x * 0.0;
        }
        finite = zero == 0.0;
        anyPositive = max > 0;
        anyNegative = min < 0;
    }

    /// <summary>
    /// sum of max(v_i, 0) d^i (<paramref name="positive"/>) or of min(v_i, 0) d^i, four Horner chains on d^4: the
    /// present values of the inflows or of the outflows, for MIRR.
    /// </summary>
    internal static double PolynomialOfSign(ReadOnlySpan<double> values, double d, bool positive)
    {
        int n = values.Length;
        int full = n & ~3;
        double Pick(double v) => positive ? Math.Max(v, 0.0) : Math.Min(v, 0.0);
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        if (n - full > 0)
        {
            q0 = Pick(values[full]);
            q1 = n - full > 1 ? Pick(values[full + 1]) : 0;
            q2 = n - full > 2 ? Pick(values[full + 2]) : 0;
        }
        double d2 = d * d;
        double y = d2 * d2;
        for (int i = full - 4; i >= 0; i -= 4)
        {
            q0 = (q0 * y) + Pick(values[i]);
            q1 = (q1 * y) + Pick(values[i + 1]);
            q2 = (q2 * y) + Pick(values[i + 2]);
            q3 = (q3 * y) + Pick(values[i + 3]);
        }
        return q0 + (d * q1) + (d2 * (q2 + (d * q3)));
    }

    /// <summary>Loads the top partial block (indices full..n-1, fewer than 8) as two vectors, zeros elsewhere.</summary>
    private static void LoadTail(ReadOnlySpan<double> values, int full, out Vector256<double> a, out Vector256<double> b)
    {
        a = Vector256.Create(At(values, full), At(values, full + 1), At(values, full + 2), At(values, full + 3));
        b = Vector256.Create(At(values, full + 4), At(values, full + 5), At(values, full + 6), At(values, full + 7));
    }

    private static double At(ReadOnlySpan<double> values, int i) => i < values.Length ? values[i] : 0.0;

    private static double PolynomialVector(ReadOnlySpan<double> values, double d)
    {
        int n = values.Length;
        int full = n & ~7;
        LoadTail(values, full, out var qa, out var qb);
        double d2 = d * d, d4 = d2 * d2;
        var y = Vector256.Create(d4 * d4);
        ref double v = ref MemoryMarshal.GetReference(values);
        for (int i = full - 8; i >= 0; i -= 8)
        {
            qa = Fma.MultiplyAdd(qa, y, Vector256.LoadUnsafe(ref v, (nuint)i));
            qb = Fma.MultiplyAdd(qb, y, Vector256.LoadUnsafe(ref v, (nuint)(i + 4)));
        }
        var w = Vector256.Create(1.0, d, d2, d2 * d);
        return Vector256.Sum(qa * w) + (d4 * Vector256.Sum(qb * w));
    }

    private static void PolynomialWithDerivativeVector(ReadOnlySpan<double> values, double d, out double p, out double dp)
    {
        int n = values.Length;
        int full = n & ~7;
        LoadTail(values, full, out var qa, out var qb);
        var ea = Vector256<double>.Zero;
        var eb = Vector256<double>.Zero;
        double d2 = d * d, d3 = d2 * d, d4 = d2 * d2;
        var y = Vector256.Create(d4 * d4);
        ref double v = ref MemoryMarshal.GetReference(values);
        for (int i = full - 8; i >= 0; i -= 8)
        {
            ea = Fma.MultiplyAdd(ea, y, qa);
            eb = Fma.MultiplyAdd(eb, y, qb);
            qa = Fma.MultiplyAdd(qa, y, Vector256.LoadUnsafe(ref v, (nuint)i));
            qb = Fma.MultiplyAdd(qb, y, Vector256.LoadUnsafe(ref v, (nuint)(i + 4)));
        }
        // Lane k of block A carries d^k, of block B d^(k+4); P = sum over lanes of d^lane Q_lane(d^8) and
        // P' = sum of lane d^(lane-1) Q_lane + 8 d^7 sum of d^lane Q'_lane.
        var w = Vector256.Create(1.0, d, d2, d3);
        var ka = Vector256.Create(0.0, 1.0, 2.0 * d, 3.0 * d2);
        var kb = Vector256.Create(4.0 * d3, 5.0 * d4, 6.0 * d4 * d, 7.0 * d4 * d2);
        p = Vector256.Sum(qa * w) + (d4 * Vector256.Sum(qb * w));
        double e = Vector256.Sum(ea * w) + (d4 * Vector256.Sum(eb * w));
        dp = Vector256.Sum((qa * ka) + (qb * kb)) + (8.0 * d4 * d3 * e);
    }

    /// <summary>The scratch length <see cref="DatedSums"/> needs for offsets up to <paramref name="maxOffset"/> days.</summary>
    internal static int DatedTableLength(int maxOffset) => 64 + (maxOffset >> 6) + 1;

    /// <summary>
    /// For dated flows at day offsets t_i (non-negative): f = sum v_i x^t_i and s = sum t_i v_i x^t_i, where
    /// x = (1+r)^(-1/365), in one pass and without a per-term <see cref="Math.Pow(double, double)"/>:
    /// x^t = x^(t mod 64) * x^(64 floor(t/64)) from two small tables (every 16th entry from <see cref="Math.Exp"/>,
    /// the rest by one multiplication, so each entry is within about 16 ulps).
    /// </summary>
    /// <remarks><paramref name="table"/> is caller-provided pooled scratch of <see cref="DatedTableLength"/> doubles
    /// (no stackalloc: zeroing stack space with wide vector stores before calling the native Math.Exp costs an AVX-SSE
    /// transition penalty on some x64 processors).</remarks>
    internal static void DatedSums(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, int maxOffset, double rate, Span<double> table, out double f, out double s)
    {
        double logStep = -FinanceMath.Log1P(rate) / 365.0;
        int hiCount = (maxOffset >> 6) + 1;
        Span<double> lo = table[..64];
        Span<double> hi = table.Slice(64, hiCount);
        double x = Math.Exp(logStep);
        lo[0] = 1.0;
        for (int j = 1; j < 64; j++)
        {
            lo[j] = (j & 15) == 0 ? Math.Exp(j * logStep) : lo[j - 1] * x;
        }
        double x64 = Math.Exp(64.0 * logStep);
        hi[0] = 1.0;
        for (int k = 1; k < hiCount; k++)
        {
            hi[k] = (k & 15) == 0 ? Math.Exp(64.0 * k * logStep) : hi[k - 1] * x64;
        }
        ref double lor = ref MemoryMarshal.GetReference(lo);
        ref double hir = ref MemoryMarshal.GetReference(hi);
        ref double v = ref MemoryMarshal.GetReference(values);
        ref int o = ref MemoryMarshal.GetReference(offsets);
        double f0 = 0, f1 = 0, s0 = 0, s1 = 0;
        int n = values.Length;
        int i = 0;
        for (; i + 1 < n; i += 2)
        {
            int ta = Unsafe.Add(ref o, i);
            int tb = Unsafe.Add(ref o, i + 1);
            double pa = Unsafe.Add(ref v, i) * Unsafe.Add(ref lor, ta & 63) * Unsafe.Add(ref hir, ta >> 6);
            double pb = Unsafe.Add(ref v, i + 1) * Unsafe.Add(ref lor, tb & 63) * Unsafe.Add(ref hir, tb >> 6);
            f0 += pa;
            f1 += pb;
            s0 += ta * pa;
            s1 += tb * pb;
        }
        if (i < n)
        {
            int ta = Unsafe.Add(ref o, i);
            double pa = Unsafe.Add(ref v, i) * Unsafe.Add(ref lor, ta & 63) * Unsafe.Add(ref hir, ta >> 6);
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
