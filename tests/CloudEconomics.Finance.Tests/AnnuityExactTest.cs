using System.Numerics;
using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// PMT, PV, FV, IPMT and PPMT against Excel's defining equation evaluated in exact rational arithmetic
/// (<see cref="ExactRational"/>) for integer periods, over negative, zero and positive rates, both timings and a
/// non-zero future value; the argument boundaries and the messages Excel's error codes map to; and the accurate helpers
/// of <see cref="FinanceMath"/> at the points where their branches switch.
/// </summary>
public class AnnuityExactTest
{
    // Excel's definition: pv g + pmt (1 + r t) (g - 1) / r + fv = 0 with g = (1 + r)^n (pv + pmt n + fv = 0 at r = 0).
    private static ExactRational Annuity(ExactRational r, int n) =>
        r.Sign == 0 ? new ExactRational(n, 1) : ((ExactRational.One + r).Pow(n) - ExactRational.One) / r;

    private static ExactRational Due(ExactRational r, bool advance) => advance ? ExactRational.One + r : ExactRational.One;

    private static ExactRational ExactPmt(ExactRational r, int n, ExactRational pv, ExactRational fv, bool advance) =>
        -((pv * (ExactRational.One + r).Pow(n)) + fv) / (Due(r, advance) * Annuity(r, n));

    private static ExactRational ExactFv(ExactRational r, int n, ExactRational pmt, ExactRational pv, bool advance) =>
        -((pv * (ExactRational.One + r).Pow(n)) + (pmt * Due(r, advance) * Annuity(r, n)));

    private static ExactRational ExactPv(ExactRational r, int n, ExactRational pmt, ExactRational fv, bool advance) =>
        -(fv + (pmt * Due(r, advance) * Annuity(r, n))) / (ExactRational.One + r).Pow(n);

    // Interest of period k: r times the balance carried into it (the FV after k-1 payments; in advance, after k-1
    // payments of which the first was at time 0 and nothing accrues on period 1's payment before it is paid).
    private static ExactRational ExactIpmt(ExactRational r, int k, int n, ExactRational pv, ExactRational fv, bool advance)
    {
        ExactRational pmt = ExactPmt(r, n, pv, fv, advance);
        if (advance)
        {
            return k == 1 ? ExactRational.Zero : r * (ExactFv(r, k - 2, pmt, pv, true) - pmt);
        }
        return r * ExactFv(r, k - 1, pmt, pv, false);
    }

    public static TheoryData<double, int, double, double> Cases() => new()
    {
        { 0.05, 10, 1000, 0 },
        { 0.05, 10, 1000, -250 },
        { 0.0, 12, 1200, 300 },
        { -0.25, 7, 500, 0 },
        { -0.25, 7, 500, 40 },
        { 0.75, 30, 10_000, 0 },
        { 0.75, 30, 10_000, -5_000 },
        { 0.01, 1, 100, 0 },
        { 0.01, 2, 100, 20 },
        { 1e-9, 5, 100, 0 },
    };

    private static double Tolerance(double scale) => 1e-11 * Math.Max(1, Math.Abs(scale));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pmt_Pv_Fv_MatchTheExactDefinition(double rate, int n, double pv, double fv)
    {
        foreach (bool advance in new[] { false, true })
        {
            var timing = advance ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;
            double scale = Math.Abs(pv) + Math.Abs(fv);
            ExactRational pmt = ExactPmt(rate, n, pv, fv, advance);
            CashFlowMath.Pmt(rate, n, pv, fv, timing).Should().BeApproximately(pmt.ToDouble(), Tolerance(scale), $"PMT {rate} {n} {pv} {fv} {timing}");

            const double payment = -37.5;
            CashFlowMath.Fv(rate, n, payment, pv, timing).Should().BeApproximately(ExactFv(rate, n, payment, pv, advance).ToDouble(), Tolerance(ExactFv(rate, n, -Math.Abs(payment), -Math.Abs(pv), advance).ToDouble()), $"FV {rate} {n} {pv} {timing}");
            CashFlowMath.Pv(rate, n, payment, fv, timing).Should().BeApproximately(ExactPv(rate, n, payment, fv, advance).ToDouble(), Tolerance(ExactPv(rate, n, -Math.Abs(payment), -Math.Abs(fv), advance).ToDouble()), $"PV {rate} {n} {fv} {timing}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ipmt_Ppmt_EveryPeriod_MatchTheExactDefinition(double rate, int n, double pv, double fv)
    {
        foreach (bool advance in new[] { false, true })
        {
            var timing = advance ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;
            ExactRational pmt = ExactPmt(rate, n, pv, fv, advance);
            double scale = Math.Abs(pv) + Math.Abs(fv);
            for (int k = 1; k <= n; k++)
            {
                ExactRational interest = ExactIpmt(rate, k, n, pv, fv, advance);
                CashFlowMath.Ipmt(rate, k, n, pv, fv, timing).Should().BeApproximately(interest.ToDouble(), Tolerance(scale), $"IPMT {rate} {k}/{n} {pv} {fv} {timing}");
                CashFlowMath.Ppmt(rate, k, n, pv, fv, timing).Should().BeApproximately((pmt - interest).ToDouble(), Tolerance(scale), $"PPMT {rate} {k}/{n} {pv} {fv} {timing}");
            }
        }
    }

    [Fact]
    public void Pmt_NegativeOrFractionalPeriods_SatisfyTheDefiningEquation()
    {
        // Excel accepts any non-zero nper: check pv g + pmt (1 + r t)(g - 1)/r + fv = 0 with g from Math.Pow.
        foreach (double rate in new[] { -0.2, 0.0, 0.06 })
        {
            foreach (double n in new[] { -3.0, 2.5, -0.5 })
            {
                foreach (var timing in new[] { PaymentTiming.EndOfPeriod, PaymentTiming.BeginningOfPeriod })
                {
                    double pmt = CashFlowMath.Pmt(rate, n, 100, 10, timing);
                    double g = Math.Pow(1 + rate, n);
                    double due = timing == PaymentTiming.BeginningOfPeriod ? 1 + rate : 1;
                    double balance = rate == 0 ? 100 + (pmt * n) + 10 : (100 * g) + (pmt * due * (g - 1) / rate) + 10;
                    balance.Should().BeApproximately(0, 1e-9, $"rate {rate}, n {n}, {timing}");
                }
            }
        }
    }

    [Fact]
    public void Fv_LargeGrowthNearlyAmortized_IsAccurate()
    {
        // 360 monthly periods at 5%: g = 1.05^360 is about 4e7; the payment that amortizes 1e6 leaves FV 0 exactly in
        // exact arithmetic, computed here with the exact payment rounded to a double. Expected: the exact FV of that
        // rounded payment.
        double pmt = ExactPmt(0.05, 360, 1e6, 0, false).ToDouble();
        double expected = ExactFv(0.05, 360, pmt, 1e6, false).ToDouble();
        CashFlowMath.Fv(0.05, 360, pmt, 1e6).Should().BeApproximately(expected, 1e-6);
        double pmtDue = ExactPmt(0.05, 360, 1e6, 0, true).ToDouble();
        double expectedDue = ExactFv(0.05, 360, pmtDue, 1e6, true).ToDouble();
        CashFlowMath.Fv(0.05, 360, pmtDue, 1e6, PaymentTiming.BeginningOfPeriod).Should().BeApproximately(expectedDue, 1e-6);
    }

    [Fact]
    public void Nper_ExcelDocumentationExample_AndBranches()
    {
        // Excel's NPER documentation: NPER(0.12/12, -100, -1000, 10000, 1) = 59.6738657 and with type 0 = 60.0821229.
        CashFlowMath.Nper(0.01, -100, -1000, 10000, PaymentTiming.BeginningOfPeriod).Should().BeApproximately(59.6738657, 1e-7);
        CashFlowMath.Nper(0.01, -100, -1000, 10000).Should().BeApproximately(60.0821229, 1e-7);
        // r = 0: -(pv + fv) / pmt = -(1000 - 100) / -50 = 18.
        CashFlowMath.Nper(0, -50, 1000, -100).Should().Be(18);
        var div0 = () => CashFlowMath.Nper(0, 0, 1000);
        div0.Should().Throw<FinancialCalculationException>().WithMessage("*both the rate and the payment are zero*#DIV/0!*");
        // ratio (pmt - fv r) / (pmt + pv r) = -100 / (-100 + 200) < 0: #NUM!.
        var num = () => CashFlowMath.Nper(0.1, -100, 2000);
        num.Should().Throw<FinancialCalculationException>().WithMessage("*no number of periods balances*#NUM!*");
        // ratio exactly 0 (pmt = fv r): #NUM! too.
        var zero = () => CashFlowMath.Nper(0.1, 10, 0, 100);
        zero.Should().Throw<FinancialCalculationException>().WithMessage("*#NUM!*");
    }

    [Fact]
    public void Effect_Nominal_ExcelExamples_AndTruncation()
    {
        // Excel's documentation: EFFECT(0.0525, 4) = 0.0535427 and NOMINAL(0.053543, 4) = 0.0525003.
        CashFlowMath.Effect(0.0525, 4).Should().BeApproximately(0.0535427, 1e-7);
        CashFlowMath.Nominal(0.053543, 4).Should().BeApproximately(0.0525003, 1e-7);
        // npery truncated: 4.9 acts as 4; 1 is allowed and gives the rate itself.
        CashFlowMath.Effect(0.0525, 4.9).Should().BeApproximately(0.0535427, 1e-7);
        CashFlowMath.Effect(0.08, 1).Should().BeApproximately(0.08, 1e-15);
        CashFlowMath.Nominal(0.08, 1).Should().BeApproximately(0.08, 1e-15);
        var below = () => CashFlowMath.Effect(0.05, 0.99);
        below.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periodsPerYear").WithMessage("*at least 1*0.99*");
        var nan = () => CashFlowMath.Nominal(0.05, double.NaN);
        nan.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periodsPerYear");
        var zeroRate = () => CashFlowMath.Effect(0, 4);
        zeroRate.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nominalRate").WithMessage("*greater than zero*");
        var infRate = () => CashFlowMath.Effect(double.PositiveInfinity, 4);
        infRate.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nominalRate");
        var zeroEffective = () => CashFlowMath.Nominal(0, 4);
        zeroEffective.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("effectiveRate").WithMessage("*greater than zero*");
        var nanEffective = () => CashFlowMath.Nominal(double.NaN, 4);
        nanEffective.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("effectiveRate");
    }

    [Fact]
    public void PerPeriodArguments_Boundaries()
    {
        // periods = 1 and period = periods are allowed; period 0.999 or above periods, periods below 1 are not.
        CashFlowMath.Ipmt(0.1, 1, 1, 100).Should().BeApproximately(-10, 1e-12);
        CashFlowMath.Ppmt(0.1, 1, 1, 100).Should().BeApproximately(-100, 1e-12);
        CashFlowMath.Ipmt(0.1, 3, 3, 100).Should().BeApproximately(ExactIpmt(0.1, 3, 3, 100, 0, false).ToDouble(), 1e-12);
        var small = () => CashFlowMath.Ipmt(0.1, 1, 0.999, 100);
        small.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods").WithMessage("*at least 1*0.999*");
        var inf = () => CashFlowMath.Ppmt(0.1, 1, double.PositiveInfinity, 100);
        inf.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods");
        var below = () => CashFlowMath.Ipmt(0.1, 0.999, 3, 100);
        below.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period").WithMessage("*between 1 and the number of periods (3)*0.999*");
        var above = () => CashFlowMath.Ppmt(0.1, 3.001, 3, 100);
        above.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        var nan = () => CashFlowMath.Ipmt(0.1, double.NaN, 3, 100);
        nan.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        var pv = () => CashFlowMath.Ipmt(0.1, 1, 3, double.NaN);
        pv.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("presentValue");
        var fv = () => CashFlowMath.Ppmt(0.1, 1, 3, 100, double.NaN);
        fv.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("futureValue");
        var timing = () => CashFlowMath.Ipmt(0.1, 1, 3, 100, 0, (PaymentTiming)7);
        timing.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timing");
        var rate = () => CashFlowMath.Ppmt(-1, 1, 3, 100);
        rate.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
    }

    [Fact]
    public void Pmt_Pv_Fv_ArgumentChecks()
    {
        var zero = () => CashFlowMath.Pmt(0.1, 0, 100);
        zero.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods").WithMessage("*other than zero*");
        var nanPeriods = () => CashFlowMath.Pmt(0.1, double.NaN, 100);
        nanPeriods.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods");
        ((Action)(() => CashFlowMath.Pmt(0.1, 3, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("presentValue");
        ((Action)(() => CashFlowMath.Pmt(0.1, 3, 1, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("futureValue");
        ((Action)(() => CashFlowMath.Pmt(0.1, 3, 1, 0, (PaymentTiming)2))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timing");
        ((Action)(() => CashFlowMath.Pv(0.1, double.NaN, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods");
        ((Action)(() => CashFlowMath.Pv(0.1, 3, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("payment");
        ((Action)(() => CashFlowMath.Pv(0.1, 3, 1, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("futureValue");
        ((Action)(() => CashFlowMath.Pv(0.1, 3, 1, 0, (PaymentTiming)2))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timing");
        ((Action)(() => CashFlowMath.Pv(-1.5, 3, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
        ((Action)(() => CashFlowMath.Fv(0.1, double.NaN, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods");
        ((Action)(() => CashFlowMath.Fv(0.1, 3, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("payment");
        ((Action)(() => CashFlowMath.Fv(0.1, 3, 1, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("presentValue");
        ((Action)(() => CashFlowMath.Fv(0.1, 3, 1, 0, (PaymentTiming)2))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timing");
        ((Action)(() => CashFlowMath.Fv(-1, 3, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
        ((Action)(() => CashFlowMath.Nper(0.1, double.NaN, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("payment");
        ((Action)(() => CashFlowMath.Nper(0.1, 1, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("presentValue");
        ((Action)(() => CashFlowMath.Nper(0.1, 1, 1, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("futureValue");
        ((Action)(() => CashFlowMath.Nper(0.1, 1, 1, 0, (PaymentTiming)2))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timing");
        ((Action)(() => CashFlowMath.Nper(-2, 1, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
        // Overflow of the result is a FinancialCalculationException naming the function.
        ((Action)(() => CashFlowMath.Fv(1e10, 100, 1))).Should().Throw<FinancialCalculationException>().WithMessage("*FV*");
        ((Action)(() => CashFlowMath.Pv(-0.999999, 200, 1))).Should().Throw<FinancialCalculationException>().WithMessage("*PV*");
    }

    [Fact]
    public void Rate_ArgumentChecks()
    {
        ((Action)(() => CashFlowMath.Rate(0, -10, 100))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods").WithMessage("*greater than zero*");
        ((Action)(() => CashFlowMath.Rate(double.PositiveInfinity, -10, 100))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("periods");
        ((Action)(() => CashFlowMath.Rate(10, -10, 100, 0, PaymentTiming.EndOfPeriod, -1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("guess").WithMessage("*greater than -1*");
        ((Action)(() => CashFlowMath.Rate(10, -10, 100, 0, PaymentTiming.EndOfPeriod, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("guess");
        ((Action)(() => CashFlowMath.Rate(10, 10, 100))).Should().Throw<FinancialCalculationException>().WithMessage("*RATE found no rate*#NUM!*");
        // A guess just above -1 is allowed; the 10-period loan of 100 repaid by 10 payments of 10 has rate 0.
        CashFlowMath.Rate(10, -10, 100, 0, PaymentTiming.EndOfPeriod, -0.5).Should().BeApproximately(0, 1e-12);
        // periods slightly above 0 allowed: 1 period, pv 100, fv -110: r = 10%.
        CashFlowMath.Rate(1, 0, 100, -110).Should().BeApproximately(0.1, 1e-12);
    }

    [Fact]
    public void FinanceMath_Helpers_AtTheirBranchPoints()
    {
        // Below half an ulp of 1, ln(1 + x) = x - x^2/2 rounds to x; and 1 + x rounds to 1 there.
        FinanceMath.Log1P(1e-20).Should().Be(1e-20);
        FinanceMath.Log1P(-1e-20).Should().Be(-1e-20);
        // ln(1 + 1e-10) = 1e-10 - 5e-21 + ...: relative error far below what Math.Log(1 + x) gives (about 1e-7).
        FinanceMath.Log1P(1e-10).Should().BeApproximately(1e-10 - 5e-21, 1e-25);
        FinanceMath.Log1P(1.0).Should().BeApproximately(Math.Log(2), 1e-16);
        FinanceMath.ExpM1(1e-20).Should().Be(1e-20);
        FinanceMath.ExpM1(1e-10).Should().BeApproximately(1e-10 + 5e-21, 1e-25);
        FinanceMath.ExpM1(-1e-10).Should().BeApproximately(-1e-10 + 5e-21, 1e-25);
        // exp(0.4) - 1 = 0.49182469764127031782...; exp(0.6) - 1 = 0.82211880039050897488...
        FinanceMath.ExpM1(0.4).Should().BeApproximately(0.49182469764127032, 1e-16);
        FinanceMath.ExpM1(0.6).Should().BeApproximately(0.82211880039050897, 1e-15);
        FinanceMath.ExpM1(-0.5).Should().BeApproximately(-0.39346934028736658, 1e-16);
        FinanceMath.ExpM1(-800).Should().Be(-1.0);
        // TwoSum: the rounding error is exact in either order.
        FinanceMath.TwoSum(1.0, 1e-17, out double e).Should().Be(1.0);
        e.Should().Be(1e-17);
        FinanceMath.TwoSum(1e-17, 1.0, out e).Should().Be(1.0);
        e.Should().Be(1e-17);
        FinanceMath.TwoSum(3.0, -1.0, out e).Should().Be(2.0);
        e.Should().Be(0.0);
        // Growth: r = 0 gives (1, n); otherwise ((1+r)^n, ((1+r)^n - 1) / r); n = 0 gives (1, 0).
        FinanceMath.Growth(0.0, 7, out double g, out double a);
        (g, a).Should().Be((1.0, 7.0));
        FinanceMath.Growth(0.1, 2, out g, out a);
        g.Should().BeApproximately(1.21, 1e-15);
        a.Should().BeApproximately(2.1, 1e-14);
        FinanceMath.Growth(0.1, 0, out g, out a);
        (g, a).Should().Be((1.0, 0.0));
        FinanceMath.Growth(-0.5, 3, out g, out a);
        g.Should().BeApproximately(0.125, 1e-16);
        a.Should().BeApproximately(1.75, 1e-15);
    }
}
