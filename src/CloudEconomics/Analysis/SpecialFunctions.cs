using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CloudEconomics.Analysis;

/// <summary>Normal distribution function and its inverse, log-gamma and the regularised incomplete beta function.</summary>
internal static class SpecialFunctions
{
    /// <summary>
    /// Inverse of the standard normal distribution function, Wichura's algorithm AS 241 (PPND16),
    /// Applied Statistics 37(3), 1988: relative accuracy about 1e-16 for p in (0, 1).
    /// </summary>
    internal static double InverseNormal(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            return q * CentralRatio(0.180625 - q * q);
        }
        double r = q < 0 ? p : 1.0 - p;
        r = Math.Sqrt(-PortableMath.Log(r));
        double value = r <= 5.0 ? TailRatioNear(r - 1.6) : TailRatioFar(r - 5.0);
        return q < 0 ? -value : value;
    }

    /// <summary>Vector version of <see cref="InverseNormal(double)"/>: the same operations lane by lane, so the same bits.</summary>
    internal static Vector<double> InverseNormal(Vector<double> p)
    {
        var q = p - new Vector<double>(0.5);
        var central = q * CentralRatio(new Vector<double>(0.180625) - q * q);
        var inCentre = Vector.LessThanOrEqual(Vector.Abs(q), new Vector<double>(0.425));
        if (Vector.EqualsAll(inCentre, new Vector<long>(-1L)))
        {
            return central;
        }
        return Vector.ConditionalSelect(inCentre, central, Tail(p, q));
    }

    /// <summary>
    /// The tail formula of <see cref="InverseNormal(double)"/> lane by lane, for <paramref name="q"/> = p - 0.5: the near
    /// ratio, the far one where any lane needs it, and the sign of <paramref name="q"/>. One copy for the vector version
    /// and the packed tail lanes of the column version.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Tail(Vector<double> p, Vector<double> q)
    {
        var r = Vector.SquareRoot(-PortableMath.Log(Vector.Min(p, Vector<double>.One - p)));
        var near = TailRatioNear(r - new Vector<double>(1.6));
        var isNear = Vector.LessThanOrEqual(r, new Vector<double>(5.0));
        var value = Vector.EqualsAll(isNear, new Vector<long>(-1L))
            ? near
            : Vector.ConditionalSelect(isNear, near, TailRatioFar(r - new Vector<double>(5.0)));
        return Vector.ConditionalSelect(Vector.LessThan(q, Vector<double>.Zero), -value, value);
    }

    /// <summary>
    /// <see cref="InverseNormal(double)"/> over a column, with the same bits lane by lane: the central formula for
    /// every vector, the indices of the tail lanes (about 15% of uniforms) appended without a branch, then the tail
    /// formula over those lanes only, packed into whole vectors. So no vector pays for both regions and no branch
    /// depends on the random numbers. <paramref name="z"/> may not overlap <paramref name="p"/>.
    /// </summary>
    internal static void InverseNormal(ReadOnlySpan<double> p, Span<double> z)
    {
        int n = p.Length;
        int w = Vector<double>.Count;
        if (!Vector.IsHardwareAccelerated || n < 2 * w)
        {
            for (int j = 0; j < n; j++) z[j] = InverseNormal(p[j]);
            return;
        }
        int[] tailIndex = ArrayPool<int>.Shared.Rent(n + w);
        double[] tailP = ArrayPool<double>.Shared.Rent(n + w);
        try
        {
            var half = new Vector<double>(0.5);
            var centralEdge = new Vector<double>(0.425);
            var centralBase = new Vector<double>(0.180625);
            int i = 0;
            int tails = 0;
            if (Vector512.IsHardwareAccelerated && Avx2.IsSupported)
            {
                i = CentralPacked(p, z, tailIndex, tailP, out tails);
            }
            for (; i <= n - w; i += w)
            {
                var pv = new Vector<double>(p.Slice(i));
                var q = pv - half;
                (q * CentralRatio(centralBase - q * q)).CopyTo(z.Slice(i));
                var tail = Vector.GreaterThan(Vector.Abs(q), centralEdge);
                for (int k = 0; k < w; k++)
                {
                    tailIndex[tails] = i + k;
                    tailP[tails] = p[i + k];
                    tails -= (int)tail[k];
                }
            }
            for (; i < n; i++)
            {
                z[i] = InverseNormal(p[i]);
            }
            // Pad the packed tail to whole vectors with a harmless tail probability; the padding is not written back.
            int padded = (tails + w - 1) / w * w;
            for (int k = tails; k < padded; k++) tailP[k] = 0.01;
            for (int j = 0; j < padded; j += w)
            {
                var pv = new Vector<double>(tailP, j);
                var q = pv - half;
                var value = Tail(pv, q);
                int count = Math.Min(w, tails - j);
                for (int k = 0; k < count; k++)
                {
                    z[tailIndex[j + k]] = value[k];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tailIndex);
            ArrayPool<double>.Shared.Return(tailP);
        }
    }

    /// <summary>
    /// The central pass of <see cref="InverseNormal(ReadOnlySpan{double}, Span{double})"/> with AVX-512 (8 doubles a
    /// vector; other machines take the portable loop): the same central values, and the tail lanes packed with one permutation per vector (a 16-entry table indexed by the
    /// tail mask moves the tail lanes' probabilities and indices to the front; both are stored whole and the count
    /// advances by the mask's population), so no lane is extracted one by one. Returns the next unprocessed index.
    /// </summary>
    private static int CentralPacked(ReadOnlySpan<double> p, Span<double> z, int[] tailIndex, double[] tailP, out int tails)
    {
        int n = p.Length;
        ref double rp = ref MemoryMarshal.GetReference(p);
        ref double rz = ref MemoryMarshal.GetReference(z);
        var index = Vector256.Create(0, 1, 2, 3, 0, 0, 0, 0);
        var four = Vector256.Create(4, 4, 4, 4, 0, 0, 0, 0);
        int count = 0;
        int i = 0;
        // Eight lanes of central values per step (AVX-512); the two halves are packed as 4-lane vectors.
        var half = Vector512.Create(0.5);
        var centralEdge = Vector512.Create(0.425);
        var centralBase = Vector512.Create(0.180625);
        for (; i <= n - 8; i += 8)
        {
            var pv = Vector512.LoadUnsafe(ref rp, (nuint)i);
            var q = pv - half;
            (q * CentralRatio(centralBase - q * q)).StoreUnsafe(ref rz, (nuint)i);
            uint mask = (uint)Vector512.GreaterThan(Vector512.Abs(q), centralEdge).ExtractMostSignificantBits();
            count = Pack(pv.GetLower(), index, mask & 15, tailIndex, tailP, count);
            count = Pack(pv.GetUpper(), index + four, mask >> 4, tailIndex, tailP, count);
            index += four + four;
        }
        tails = count;
        return i;
    }

    /// <summary>
    /// Appends the lanes of <paramref name="p"/> selected by the 4-bit <paramref name="mask"/> (and their indices, the
    /// low four ints of <paramref name="index"/>) at <paramref name="count"/>: one permutation each moves them to the
    /// front, both are stored whole (the arrays have room for 4 more), and the count advances by the mask's population.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pack(Vector256<double> p, Vector256<int> index, uint mask, int[] tailIndex, double[] tailP, int count)
    {
        ref int lut = ref MemoryMarshal.GetArrayDataReference(PackTable);
        ref int indexTable = ref MemoryMarshal.GetArrayDataReference(IndexPackTable);
        Avx2.PermuteVar8x32(p.AsSingle(), Vector256.LoadUnsafe(ref lut, (nuint)(mask * 8))).AsDouble()
            .StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(tailP), (nuint)count);
        Avx2.PermuteVar8x32(index, Vector256.LoadUnsafe(ref indexTable, (nuint)(mask * 8))).GetLower()
            .StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(tailIndex), (nuint)count);
        return count + BitOperations.PopCount(mask);
    }

    /// <summary>For each 4-bit tail mask, the 32-bit permutation that moves the tail lanes (pairs of floats) to the front, in order.</summary>
    private static readonly int[] PackTable = BuildPackTable();

    /// <summary>For each 4-bit tail mask, the 32-bit permutation that moves the tail lanes' indices (one int each) to the front.</summary>
    private static readonly int[] IndexPackTable = BuildIndexPackTable();

    private static int[] BuildIndexPackTable()
    {
        var pairs = BuildPackTable();
        var table = new int[16 * 8];
        for (int mask = 0; mask < 16; mask++)
        {
            for (int o = 0; o < 4; o++)
            {
                table[(mask * 8) + o] = pairs[(mask * 8) + (2 * o)] / 2;
            }
        }
        return table;
    }

    private static int[] BuildPackTable()
    {
        var table = new int[16 * 8];
        for (int mask = 0; mask < 16; mask++)
        {
            int o = 0;
            for (int k = 0; k < 4; k++)
            {
                if (((mask >> k) & 1) != 0)
                {
                    table[(mask * 8) + (2 * o)] = 2 * k;
                    table[(mask * 8) + (2 * o) + 1] = (2 * k) + 1;
                    o++;
                }
            }
            for (; o < 4; o++)
            {
                table[(mask * 8) + (2 * o)] = 0;
                table[(mask * 8) + (2 * o) + 1] = 1;
            }
        }
        return table;
    }

    private static Vector<double> V(double x) => new(x);

    // AS 241's central rational function as coefficient tables, highest power first: the vector versions evaluate them
    // by Horner's rule in the same order as the scalar CentralRatio(double) below, so every width gives the same bits.
    private static readonly double[] CentralNumerator =
        [2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
         13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608];

    private static readonly double[] CentralDenominator =
        [5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
         5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0];

    private static Vector<double> CentralRatio(Vector<double> r)
    {
        var num = V(CentralNumerator[0]);
        var den = V(CentralDenominator[0]);
        for (int k = 1; k < CentralNumerator.Length; k++)
        {
            num = num * r + V(CentralNumerator[k]);
            den = den * r + V(CentralDenominator[k]);
        }
        return num / den;
    }

    private static Vector512<double> CentralRatio(Vector512<double> r)
    {
        var num = Vector512.Create(CentralNumerator[0]);
        var den = Vector512.Create(CentralDenominator[0]);
        for (int k = 1; k < CentralNumerator.Length; k++)
        {
            num = num * r + Vector512.Create(CentralNumerator[k]);
            den = den * r + Vector512.Create(CentralDenominator[k]);
        }
        return num / den;
    }

    private static Vector<double> TailRatioNear(Vector<double> r)
        => (((((((V(7.7454501427834140764e-4) * r + V(0.0227238449892691845833)) * r + V(0.24178072517745061177)) * r
                    + V(1.27045825245236838258)) * r + V(3.64784832476320460504)) * r + V(5.7694972214606914055)) * r
                    + V(4.6303378461565452959)) * r + V(1.42343711074968357734))
                   / (((((((V(1.05075007164441684324e-9) * r + V(5.475938084995344946e-4)) * r + V(0.0151986665636164571966)) * r
                    + V(0.14810397642748007459)) * r + V(0.68976733498510000455)) * r + V(1.6763848301838038494)) * r
                    + V(2.05319162663775882187)) * r + V(1.0));

    private static Vector<double> TailRatioFar(Vector<double> r)
        => (((((((V(2.01033439929228813265e-7) * r + V(2.71155556874348757815e-5)) * r + V(0.0012426609473880784386)) * r
                + V(0.026532189526576123093)) * r + V(0.29656057182850489123)) * r + V(1.7848265399172913358)) * r
                + V(5.4637849111641143699)) * r + V(6.6579046435011037772))
               / (((((((V(2.04426310338993978564e-15) * r + V(1.4215117583164458887e-7)) * r + V(1.8463183175100546818e-5)) * r
                + V(7.868691311456132591e-4)) * r + V(0.0148753612908506148525)) * r + V(0.13692988092273580531)) * r
                + V(0.59983220655588793769)) * r + V(1.0));

    /// <summary>The central-region rational function of AS 241 (|p - 0.5| &lt;= 0.425), r = 0.180625 - q^2.</summary>
    internal static double CentralRatio(double r)
        => (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
           / (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0);

    /// <summary>AS 241 tail, 1.6 &lt;= r &lt;= 5 (argument r - 1.6).</summary>
    internal static double TailRatioNear(double r)
        => (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                   / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);

    /// <summary>AS 241 far tail, r &gt; 5 (argument r - 5).</summary>
    internal static double TailRatioFar(double r)
        => (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
               / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1.0);

    /// <summary>
    /// Standard normal distribution function: Hart's double-precision algorithm 5666 as given by G. West (exponential from <see cref="PortableMath"/>),
    /// "Better approximations to cumulative normal functions", Wilmott Magazine (2005); absolute error below 1e-14.
    /// </summary>
    internal static double NormalCdf(double x)
    {
        double a = Math.Abs(x);
        double c;
        if (a > 37.0)
        {
            c = 0.0;
        }
        else
        {
            double e = PortableMath.Exp(-a * a / 2.0);
            if (a < 7.07106781186547)
            {
                double n = ((((((3.52624965998911e-02 * a + 0.700383064443688) * a + 6.37396220353165) * a
                    + 33.912866078383) * a + 112.079291497871) * a + 221.213596169931) * a + 220.206867912376);
                double d = (((((((8.83883476483184e-02 * a + 1.75566716318264) * a + 16.064177579207) * a
                    + 86.7807322029461) * a + 296.564248779674) * a + 637.333633378831) * a + 793.826512519948) * a
                    + 440.413735824752);
                c = e * n / d;
            }
            else
            {
                double b = a + 0.65;
                b = a + 4.0 / b;
                b = a + 3.0 / b;
                b = a + 2.0 / b;
                b = a + 1.0 / b;
                c = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1.0 - c : c;
    }

    /// <summary>ln Gamma(x) for x &gt; 0: Lanczos approximation (g = 7, 9 terms), relative error about 1e-15.</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        }
        x -= 1.0;
        double a = 0.99999999999980993;
        a += 676.5203681218851 / (x + 1);
        a += -1259.1392167224028 / (x + 2);
        a += 771.32342877765313 / (x + 3);
        a += -176.61502916214059 / (x + 4);
        a += 12.507343278686905 / (x + 5);
        a += -0.13857109526572012 / (x + 6);
        a += 9.9843695780195716e-6 / (x + 7);
        a += 1.5056327351493116e-7 / (x + 8);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>Regularised incomplete beta I_x(a, b) by the continued fraction of Numerical Recipes (3rd ed., section 6.4), modified Lentz.</summary>
    internal static double RegularizedBeta(double x, double a, double b, double logBeta)
    {
        if (x <= 0) return 0.0;
        if (x >= 1) return 1.0;
        double front = Math.Exp(a * Math.Log(x) + b * Math.Log(1 - x) - logBeta);
        if (x < (a + 1) / (a + b + 2))
        {
            return front * BetaContinuedFraction(x, a, b) / a;
        }
        return 1.0 - front * BetaContinuedFraction(1 - x, b, a) / b;
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-16) break;
        }
        return h;
    }

    /// <summary>Inverse of I_x(a, b) in x for a, b &gt;= 1: Newton steps safeguarded by bisection, to about 1e-15.</summary>
    internal static double InverseRegularizedBeta(double p, double a, double b, double logBeta)
        => InverseRegularizedBeta(p, a, b, logBeta, 0, 1, a / (a + b));

    /// <summary>As above, from a bracket [lo, hi] known to hold the answer and a starting point inside it.</summary>
    internal static double InverseRegularizedBeta(double p, double a, double b, double logBeta, double lo, double hi, double x)
    {
        // The distribution function is monotone, so the bracket always shrinks.
        for (int i = 0; i < 100; i++)
        {
            double f = RegularizedBeta(x, a, b, logBeta) - p;
            if (f == 0) return x;
            if (f < 0) lo = x; else hi = x;
            double pdf = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - logBeta);
            double next = pdf > 0 ? x - f / pdf : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }
            if (Math.Abs(next - x) <= 1e-15 * Math.Max(1.0, Math.Abs(x)) || hi - lo <= 1e-15)
            {
                return next;
            }
            x = next;
        }
        return x;
    }
}
