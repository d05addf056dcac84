using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The allocation-free kernels of <see cref="FinanceKernels"/> against naive reference loops written here (one
/// <see cref="Math.Pow(double, double)"/> per term): every length from 0 to 40, so the scalar path (fewer than 16
/// values), the vector path (16 and more, with AVX2/FMA) and every tail size modulo 4 and modulo 8 are reached.
/// </summary>
public class FinanceKernelsPathsTest
{
    private static double[] Coefficients(int n)
    {
        // Distinct, mixed-sign, non-round values so that a dropped or repeated coefficient changes the sum.
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = ((i * 37 % 19) - 9) + (0.125 * (i + 1)) + (i == 0 ? -50 : 0);
        }
        return values;
    }

    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 0; n <= 40; n++)
        {
            data.Add(n);
        }
        return data;
    }

    private static readonly double[] Discounts = { 0.5, 0.9, 1.0 / 1.07, 1.1, 1.7 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Polynomial_MatchesTheNaiveSum(int n)
    {
        double[] values = Coefficients(n);
        foreach (double d in Discounts)
        {
            double expected = 0, scale = 0;
            for (int i = 0; i < n; i++)
            {
                double term = values[i] * Math.Pow(d, i);
                expected += term;
                scale += Math.Abs(term);
            }
            FinanceKernels.Polynomial(values, d).Should().BeApproximately(expected, 1e-13 * Math.Max(1, scale), $"n {n}, d {d}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void PolynomialWithDerivative_MatchesTheNaiveSums(int n)
    {
        double[] values = Coefficients(n);
        foreach (double d in Discounts)
        {
            double expected = 0, scale = 0, expectedDerivative = 0, derivativeScale = 0;
            for (int i = 0; i < n; i++)
            {
                double term = values[i] * Math.Pow(d, i);
                expected += term;
                scale += Math.Abs(term);
                // d/dd of v d^i = i v d^(i-1).
                double dterm = i == 0 ? 0 : i * values[i] * Math.Pow(d, i - 1);
                expectedDerivative += dterm;
                derivativeScale += Math.Abs(dterm);
            }
            FinanceKernels.PolynomialWithDerivative(values, d, out double p, out double dp);
            p.Should().BeApproximately(expected, 1e-13 * Math.Max(1, scale), $"P, n {n}, d {d}");
            dp.Should().BeApproximately(expectedDerivative, 1e-13 * Math.Max(1, derivativeScale), $"P', n {n}, d {d}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void PolynomialOfSign_MatchesTheNaiveSums(int n)
    {
        double[] values = Coefficients(n);
        foreach (double d in Discounts)
        {
            double inflows = 0, outflows = 0, scale = 0;
            for (int i = 0; i < n; i++)
            {
                double term = values[i] * Math.Pow(d, i);
                scale += Math.Abs(term);
                if (values[i] > 0)
                {
                    inflows += term;
                }
                else
                {
                    outflows += term;
                }
            }
            FinanceKernels.PolynomialOfSign(values, d, positive: true).Should().BeApproximately(inflows, 1e-13 * Math.Max(1, scale), $"inflows, n {n}, d {d}");
            FinanceKernels.PolynomialOfSign(values, d, positive: false).Should().BeApproximately(outflows, 1e-13 * Math.Max(1, scale), $"outflows, n {n}, d {d}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Polynomial_SingleUnitCoefficient_IsThatPower(int n)
    {
        // P(d) = d^k and P'(d) = k d^(k-1) when only coefficient k is 1: checks each index lands on its own power.
        for (int k = 0; k < n; k++)
        {
            var values = new double[n];
            values[k] = 1;
            const double d = 0.75;
            double expected = Math.Pow(d, k);
            FinanceKernels.Polynomial(values, d).Should().BeApproximately(expected, 1e-15, $"n {n}, k {k}");
            FinanceKernels.PolynomialWithDerivative(values, d, out double p, out double dp);
            p.Should().BeApproximately(expected, 1e-15, $"n {n}, k {k}");
            dp.Should().BeApproximately(k == 0 ? 0 : k * Math.Pow(d, k - 1), 1e-14, $"n {n}, k {k}");
            FinanceKernels.PolynomialOfSign(values, d, true).Should().BeApproximately(expected, 1e-15, $"n {n}, k {k}");
            FinanceKernels.PolynomialOfSign(values, d, false).Should().Be(0, $"n {n}, k {k}");
            values[k] = -1;
            FinanceKernels.PolynomialOfSign(values, d, false).Should().BeApproximately(-expected, 1e-15, $"n {n}, k {k}");
            FinanceKernels.PolynomialOfSign(values, d, true).Should().Be(0, $"n {n}, k {k}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Scan_FindsSignsAndNonFiniteAtEveryPosition(int n)
    {
        // All zeros: finite, neither sign.
        var zeros = new double[n];
        FinanceKernels.Scan(zeros, out bool finite, out bool pos, out bool neg);
        (finite, pos, neg).Should().Be((true, false, false), $"zeros, n {n}");
        for (int k = 0; k < n; k++)
        {
            var values = new double[n];
            values[k] = 2.5;
            FinanceKernels.Scan(values, out finite, out pos, out neg);
            (finite, pos, neg).Should().Be((true, true, false), $"one positive at {k} of {n}");
            values[k] = -2.5;
            FinanceKernels.Scan(values, out finite, out pos, out neg);
            (finite, pos, neg).Should().Be((true, false, true), $"one negative at {k} of {n}");
            values[k] = double.NaN;
            FinanceKernels.Scan(values, out finite, out _, out _);
            finite.Should().BeFalse($"NaN at {k} of {n}");
            values[k] = double.PositiveInfinity;
            FinanceKernels.Scan(values, out finite, out pos, out _);
            finite.Should().BeFalse($"+inf at {k} of {n}");
            pos.Should().BeTrue($"+inf at {k} of {n}");
            values[k] = double.NegativeInfinity;
            FinanceKernels.Scan(values, out finite, out _, out neg);
            finite.Should().BeFalse($"-inf at {k} of {n}");
            neg.Should().BeTrue($"-inf at {k} of {n}");
        }
        if (n >= 2)
        {
            // Both signs, at the two ends.
            var both = new double[n];
            both[0] = -1;
            both[n - 1] = 1e-300;
            FinanceKernels.Scan(both, out finite, out pos, out neg);
            (finite, pos, neg).Should().Be((true, true, true), $"both, n {n}");
        }
    }

    [Theory]
    [InlineData(0, 65)]      // 64 + 0 + 1
    [InlineData(63, 65)]
    [InlineData(64, 66)]     // 64 + 1 + 1
    [InlineData(730, 76)]    // 730 = 11 * 64 + 26: 64 + 11 + 1
    [InlineData(36_500, 635)] // 36,500 = 570 * 64 + 20: 64 + 570 + 1
    public void DatedTableLength_IsLowTablePlusHighTable(int maxOffset, int expected)
    {
        FinanceKernels.DatedTableLength(maxOffset).Should().Be(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(120)]
    [InlineData(121)]
    public void DatedSums_MatchThePowerSums(int n)
    {
        // Offsets spread over 0 to about 100 years so that both tables (x^(t mod 64) and x^(64 floor(t/64))) and their
        // Math.Exp anchors every 16 entries are used; f = sum v (1+r)^(-t/365), s = sum t v (1+r)^(-t/365).
        var values = new double[n];
        var offsets = new int[n];
        for (int i = 0; i < n; i++)
        {
            offsets[i] = (i * 307) + (i * i % 61);
            values[i] = i == 0 ? -1000 : 10 + (i % 13) - (3.5 * (i % 4));
        }
        int maxOffset = offsets[n - 1];
        foreach (double rate in new[] { -0.3, 0.0, 0.05, 0.4 })
        {
            double f = 0, s = 0, fs = 0, ss = 0;
            for (int i = 0; i < n; i++)
            {
                double term = values[i] * Math.Pow(1 + rate, -offsets[i] / 365.0);
                f += term;
                s += offsets[i] * term;
                fs += Math.Abs(term);
                ss += Math.Abs(offsets[i] * term);
            }
            double[] table = new double[FinanceKernels.DatedTableLength(maxOffset)];
            FinanceKernels.DatedSums(values, offsets, maxOffset, rate, table, out double gotF, out double gotS);
            gotF.Should().BeApproximately(f, 1e-12 * fs, $"f, n {n}, rate {rate}");
            gotS.Should().BeApproximately(s, 1e-12 * Math.Max(1, ss), $"s, n {n}, rate {rate}");
        }
    }

    [Fact]
    public void DatedSums_EveryOffsetOfTheTables()
    {
        // One unit flow at each offset 0..2,200 alone: f = (1+r)^(-t/365) and s = t f, for every low-table entry
        // (t mod 64) and every high-table entry up to 34 (t / 64), including the Math.Exp anchors at 16 and 32.
        const double rate = 0.08;
        const int maxOffset = 2_200;
        double[] table = new double[FinanceKernels.DatedTableLength(maxOffset)];
        for (int t = 0; t <= maxOffset; t++)
        {
            double expected = Math.Pow(1 + rate, -t / 365.0);
            FinanceKernels.DatedSums(new[] { 1.0 }, new[] { t }, maxOffset, rate, table, out double f, out double s);
            f.Should().BeApproximately(expected, 1e-13, $"t {t}");
            s.Should().BeApproximately(t * expected, 1e-13 * Math.Max(1, t), $"t {t}");
            // The same flow second of a pair (the paired loop's other lane) after a zero flow at day 0.
            FinanceKernels.DatedSums(new[] { 0.0, 1.0 }, new[] { 0, t }, maxOffset, rate, table, out f, out s);
            f.Should().BeApproximately(expected, 1e-13, $"pair, t {t}");
            s.Should().BeApproximately(t * expected, 1e-13 * Math.Max(1, t), $"pair, t {t}");
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(-0.4)]
    [InlineData(0.0)]
    public void ScaledPresentValue_IsThePresentValueTimesAPositiveFactor(double rate)
    {
        // m = -tMax ln(1+r) when ln(1+r) < 0, else 0: the result is exp(-m) NPV, computed here with Math.Pow.
        double[] values = { -100, 30, 40, 50, 7 };
        double logGrowth = Math.Log(1 + rate);
        double m = logGrowth < 0 ? -4 * logGrowth : 0;
        double periodic = 0;
        for (int i = 0; i < values.Length; i++)
        {
            periodic += values[i] * Math.Pow(1 + rate, -i);
        }
        FinanceKernels.ScaledPresentValue(values, default, 4, logGrowth).Should().BeApproximately(Math.Exp(-m) * periodic, 1e-12 * 227);

        int[] offsets = { 0, 100, 365, 800, 1461 };
        double tMax = 1461 / 365.0;
        double md = logGrowth < 0 ? -tMax * logGrowth : 0;
        double dated = 0;
        for (int i = 0; i < values.Length; i++)
        {
            dated += values[i] * Math.Pow(1 + rate, -offsets[i] / 365.0);
        }
        FinanceKernels.ScaledPresentValue(values, offsets, tMax, logGrowth).Should().BeApproximately(Math.Exp(-md) * dated, 1e-12 * 227);
    }

    [Fact]
    public void ScaledPresentValue_NegativeGrowth_NoTermAboveItsValue()
    {
        // r = -90%: ln(0.1) < 0, m = 3 ln 10, so the last term is v exactly and the first v / 1000 (no overflow).
        double[] values = { 1, 0, 0, 2 };
        double got = FinanceKernels.ScaledPresentValue(values, default, 3, Math.Log(0.1));
        got.Should().BeApproximately(2 + 0.001, 1e-12);
    }
}
