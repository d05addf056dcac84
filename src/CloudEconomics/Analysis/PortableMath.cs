using System.Numerics;
using System.Runtime.CompilerServices;

namespace CloudEconomics.Analysis;

/// <summary>
/// Natural logarithm and exponential built from IEEE 754 additions, multiplications, divisions and bit operations
/// only, with scalar and <see cref="Vector{T}"/> versions that perform the same operations in the same order. So the
/// vectorised sampler and the per-draw loop give identical bits, and neither depends on the C runtime's
/// <c>log</c>/<c>exp</c> (whose last bit may differ between platforms and .NET versions). Accuracy: a few ulp.
/// </summary>
internal static class PortableMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // fdlibm: high part of ln 2 (trailing zero bits)
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 - Ln2Hi
    private const double Sqrt2 = 1.4142135623730951;
    private const double InvLn2 = 1.4426950408889634;
    private const long MantissaMask = 0x000FFFFFFFFFFFFFL;
    private const long ExponentOne = 0x3FF0000000000000L;

    /// <summary>ln x for a positive normal double: x = 2^e m, m in [sqrt(1/2), sqrt 2), ln m = 2 atanh((m - 1)/(m + 1)) by its series to s^21.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        double e = unchecked((bits >> 52) - 1023);
        double m = BitConverter.Int64BitsToDouble((bits & MantissaMask) | ExponentOne);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e += 1.0;
        }
        double s = (m - 1.0) / (m + 1.0);
        double z = s * s;
        double series = ((((((((((1.0 / 21 * z + 1.0 / 19) * z + 1.0 / 17) * z + 1.0 / 15) * z + 1.0 / 13) * z + 1.0 / 11) * z
            + 1.0 / 9) * z + 1.0 / 7) * z + 1.0 / 5) * z + 1.0 / 3) * z);
        double logM = 2.0 * s + 2.0 * s * series;
        return e * Ln2Hi + (logM + e * Ln2Lo);
    }

    /// <summary>Vector version of <see cref="Log(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Log(Vector<double> x)
    {
        Vector<long> bits = Vector.AsVectorInt64(x);
        Vector<double> e = Vector.ConvertToDouble(Vector.ShiftRightArithmetic(bits, 52) - new Vector<long>(1023));
        Vector<double> m = Vector.AsVectorDouble((bits & new Vector<long>(MantissaMask)) | new Vector<long>(ExponentOne));
        Vector<long> big = Vector.GreaterThan(m, new Vector<double>(Sqrt2));
        m = Vector.ConditionalSelect(big, m * new Vector<double>(0.5), m);
        e = Vector.ConditionalSelect(big, e + Vector<double>.One, e);
        Vector<double> one = Vector<double>.One;
        Vector<double> s = (m - one) / (m + one);
        Vector<double> z = s * s;
        Vector<double> series = ((((((((((new Vector<double>(1.0 / 21) * z + new Vector<double>(1.0 / 19)) * z + new Vector<double>(1.0 / 17)) * z
            + new Vector<double>(1.0 / 15)) * z + new Vector<double>(1.0 / 13)) * z + new Vector<double>(1.0 / 11)) * z
            + new Vector<double>(1.0 / 9)) * z + new Vector<double>(1.0 / 7)) * z + new Vector<double>(1.0 / 5)) * z + new Vector<double>(1.0 / 3)) * z);
        Vector<double> two = new(2.0);
        Vector<double> logM = two * s + two * s * series;
        return e * new Vector<double>(Ln2Hi) + (logM + e * new Vector<double>(Ln2Lo));
    }

    /// <summary>
    /// e^x: x = k ln 2 + r with k = floor(x / ln 2 + 0.5), |r| &lt;= ln 2 / 2, e^r by Taylor to r^13, times 2^k.
    /// k is clamped to [-1022, 1023]: for |x| above about 708 the result is wrong, not infinite (callers' inputs never get there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Exp(double x)
    {
        double k = Math.Floor(x * InvLn2 + 0.5);
        k = Math.Min(Math.Max(k, -1022.0), 1023.0);
        double r = x - k * Ln2Hi - k * Ln2Lo;
        double p = ExpPoly(r);
        long scale = unchecked(((long)k + 1023) << 52);
        return p * BitConverter.Int64BitsToDouble(scale);
    }

    /// <summary>Vector version of <see cref="Exp(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Exp(Vector<double> x)
    {
        Vector<double> k = Vector.Floor(x * new Vector<double>(InvLn2) + new Vector<double>(0.5));
        k = Vector.Min(Vector.Max(k, new Vector<double>(-1022.0)), new Vector<double>(1023.0));
        Vector<double> r = x - k * new Vector<double>(Ln2Hi) - k * new Vector<double>(Ln2Lo);
        Vector<double> p = ExpPoly(r);
        Vector<long> scale = Vector.ShiftLeft(Vector.ConvertToInt64(k) + new Vector<long>(1023), 52);
        return p * Vector.AsVectorDouble(scale);
    }

    // Taylor coefficients 1/k! for k = 13 down to 2, evaluated by Horner's rule, then + r + 1 (same order in both versions).
    private static readonly double[] ExpCoefficients =
        [1.0 / 6227020800, 1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpPoly(double r)
    {
        double p = ExpCoefficients[0];
        for (int i = 1; i < ExpCoefficients.Length; i++) p = p * r + ExpCoefficients[i];
        return (p * r + 1.0) * r + 1.0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExpPoly(Vector<double> r)
    {
        var p = new Vector<double>(ExpCoefficients[0]);
        for (int i = 1; i < ExpCoefficients.Length; i++) p = p * r + new Vector<double>(ExpCoefficients[i]);
        return (p * r + Vector<double>.One) * r + Vector<double>.One;
    }
}
