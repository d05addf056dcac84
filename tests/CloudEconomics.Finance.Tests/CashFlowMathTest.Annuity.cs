using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

public partial class CashFlowMathTest
{
    // ---- MIRR ----

    [Fact]
    public void Mirr_SingleOutflowSingleInflow_IsGeometricReturn()
    {
        // Hand: FV of positives = 121 at period 2, PV of negatives = -100 -> (121/100)^(1/2) - 1 = 0.1.
        CashFlowMath.Mirr(new double[] { -100, 0, 121 }, 0.1, 0.1).Should().BeApproximately(0.1, 1e-14);
    }

    [Fact]
    public void Mirr_MatchesDefinition()
    {
        // Excel MIRR documentation formula: ((-NPV(rrate, positives) (1+rrate)^n) / (NPV(frate, negatives) (1+frate)))^(1/(n-1)) - 1.
        var v = new double[] { -120000, 39000, 30000, 21000, 37000, 46000 };
        int n = v.Length;
        double npvPos = v.Select((x, i) => x > 0 ? x / Math.Pow(1.12, i + 1) : 0).Sum();
        double npvNeg = v.Select((x, i) => x < 0 ? x / Math.Pow(1.10, i + 1) : 0).Sum();
        double expected = Math.Pow(-npvPos * Math.Pow(1.12, n) / (npvNeg * 1.10), 1.0 / (n - 1)) - 1;
        CashFlowMath.Mirr(v, 0.10, 0.12).Should().BeApproximately(expected, 1e-13);
    }

    [Fact]
    public void Mirr_OneSign_Throws()
    {
        var act = () => CashFlowMath.Mirr(new double[] { 1, 2, 3 }, 0.1, 0.1);
        act.Should().Throw<FinancialCalculationException>().WithMessage("*at least one positive and one negative*");
    }

    [Theory]
    [InlineData(-1.0, 0.1, "financeRate")]
    [InlineData(0.1, -1.0, "reinvestRate")]
    public void Mirr_BadRate_Throws(double finance, double reinvest, string param)
    {
        var act = () => CashFlowMath.Mirr(new double[] { -1, 2 }, finance, reinvest);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
    }

    // ---- IPMT / PPMT ----

    [Fact]
    public void IpmtPpmt_TwoPeriodLoan_MatchesHandSchedule()
    {
        // Hand: 1000 at 10% over 2 periods: pmt = 1000 * 0.1 / (1 - 1.1^-2); interest 1 = 100; balance after 1 =
        // 1100 - pmt; interest 2 = 0.1 * balance; principal = pmt - interest.
        double pmt = 1000 * 0.1 / (1 - Math.Pow(1.1, -2));
        double balance1 = 1100 - pmt;
        CashFlowMath.Ipmt(0.1, 1, 2, 1000).Should().BeApproximately(-100, 1e-10);
        CashFlowMath.Ipmt(0.1, 2, 2, 1000).Should().BeApproximately(-0.1 * balance1, 1e-10);
        CashFlowMath.Ppmt(0.1, 1, 2, 1000).Should().BeApproximately(-(pmt - 100), 1e-10);
        CashFlowMath.Ppmt(0.1, 2, 2, 1000).Should().BeApproximately(-(pmt - (0.1 * balance1)), 1e-10);
    }

    [Fact]
    public void Ipmt_InAdvanceFirstPeriod_IsZero()
    {
        // Hand: a payment at the start of period 1 is made before any interest accrues.
        CashFlowMath.Ipmt(0.1, 1, 5, 1000, 0, PaymentTiming.BeginningOfPeriod).Should().Be(0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(11.0)]
    public void Ipmt_PeriodOutOfRange_Throws(double period)
    {
        var act = () => CashFlowMath.Ipmt(0.1, period, 10, 1000);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "period" && e.Message.Contains("between 1 and the number of periods"));
        var act2 = () => CashFlowMath.Ppmt(0.1, period, 10, 1000);
        act2.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "period");
    }

    [Fact]
    public void Ipmt_PeriodsBelowOne_Throws()
    {
        var act = () => CashFlowMath.Ipmt(0.1, 1, 0.5, 1000);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periods");
    }

    // ---- PV / FV ----

    [Fact]
    public void Pv_HandCases()
    {
        CashFlowMath.Pv(0.1, 1, -110).Should().BeApproximately(100, 1e-12);          // 110 / 1.1
        CashFlowMath.Pv(0, 10, -10, -5).Should().BeApproximately(105, 1e-12);        // -(fv + pmt n)
        CashFlowMath.Pv(0.1, 1, -100, 0, PaymentTiming.BeginningOfPeriod).Should().BeApproximately(100, 1e-12); // paid now
    }

    [Fact]
    public void Fv_HandCases()
    {
        CashFlowMath.Fv(0.1, 2, 0, -100).Should().BeApproximately(121, 1e-12);       // 100 * 1.1^2
        CashFlowMath.Fv(0, 10, -10, -5).Should().BeApproximately(105, 1e-12);        // -(pv + pmt n)
        CashFlowMath.Fv(0.1, 1, -100, 0, PaymentTiming.BeginningOfPeriod).Should().BeApproximately(110, 1e-12);
    }

    [Fact]
    public void PvFv_BadArguments_Throw()
    {
        ((Action)(() => CashFlowMath.Pv(-1, 1, 1))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "rate");
        ((Action)(() => CashFlowMath.Pv(0.1, double.NaN, 1))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periods");
        ((Action)(() => CashFlowMath.Fv(0.1, 1, double.PositiveInfinity))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "payment");
        ((Action)(() => CashFlowMath.Fv(0.1, 1, 1, 0, (PaymentTiming)5))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "timing");
    }

    // ---- NPER ----

    [Fact]
    public void Nper_HandCases()
    {
        CashFlowMath.Nper(0.1, -110, 100).Should().BeApproximately(1, 1e-12);        // one payment of 110 repays 100 at 10%
        CashFlowMath.Nper(0, -10, 100).Should().BeApproximately(10, 1e-12);          // -(pv + fv)/pmt
    }

    [Fact]
    public void Nper_NoSolution_Throws()
    {
        // Hand: interest 10 per period exceeds the payment 5, the loan never amortises: ln of a negative ratio.
        var act = () => CashFlowMath.Nper(0.1, -5, 100);
        act.Should().Throw<FinancialCalculationException>().WithMessage("*#NUM!*");
    }

    [Fact]
    public void Nper_ZeroRateZeroPayment_Throws()
    {
        var act = () => CashFlowMath.Nper(0, 0, 100);
        act.Should().Throw<FinancialCalculationException>().WithMessage("*#DIV/0!*");
    }

    // ---- RATE ----

    [Fact]
    public void Rate_HandCases()
    {
        CashFlowMath.Rate(1, -110, 100).Should().BeApproximately(0.1, 1e-12);        // 100 (1+r) = 110
        CashFlowMath.Rate(2, 0, -100, 121).Should().BeApproximately(0.1, 1e-12);     // 100 (1+r)^2 = 121
        CashFlowMath.Rate(10, -10, 100).Should().BeApproximately(0, 1e-12);          // ten payments of 10 repay 100 at 0%
    }

    [Fact]
    public void Rate_FarGuess_FallsBackToBracketing()
    {
        // Excel/DAX RATE doc vector: RATE(48, -200, 8000) = 0.00770147248820137; Newton from 50 diverges.
        CashFlowMath.Rate(48, -200, 8000, 0, PaymentTiming.EndOfPeriod, 50).Should().BeApproximately(0.00770147248820137, 1e-12);
    }

    [Fact]
    public void Rate_NoSolution_Throws()
    {
        // Hand: pv, pmt and fv all positive: every term is positive for any r > -1, nothing balances.
        var act = () => CashFlowMath.Rate(10, 100, 100, 100);
        act.Should().Throw<FinancialCalculationException>().WithMessage("*RATE found no rate*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(double.NaN)]
    public void Rate_BadPeriods_Throws(double periods)
    {
        var act = () => CashFlowMath.Rate(periods, -10, 100);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periods" && e.Message.Contains("greater than zero"));
    }

    [Fact]
    public void Rate_BadGuess_Throws()
    {
        var act = () => CashFlowMath.Rate(10, -10, 100, 0, PaymentTiming.EndOfPeriod, -1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "guess");
    }

    // ---- EFFECT / NOMINAL ----

    [Fact]
    public void Effect_HandCases()
    {
        CashFlowMath.Effect(0.12, 12).Should().BeApproximately(Math.Pow(1.01, 12) - 1, 1e-14);
        CashFlowMath.Effect(0.12, 12.9).Should().BeApproximately(Math.Pow(1.01, 12) - 1, 1e-14); // npery truncated
        CashFlowMath.Effect(0.1, 1).Should().BeApproximately(0.1, 1e-15);
    }

    [Fact]
    public void Nominal_HandCases()
    {
        CashFlowMath.Nominal(Math.Pow(1.01, 12) - 1, 12).Should().BeApproximately(0.12, 1e-14);
        CashFlowMath.Nominal(0.1, 1.5).Should().BeApproximately(0.1, 1e-15);
    }

    [Theory]
    [InlineData(0.0, 4.0, "nominalRate")]
    [InlineData(-0.1, 4.0, "nominalRate")]
    [InlineData(0.1, 0.9, "periodsPerYear")]
    [InlineData(0.1, double.NaN, "periodsPerYear")]
    public void Effect_OutOfDomain_Throws(double rate, double periods, string param)
    {
        var act = () => CashFlowMath.Effect(rate, periods);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
    }

    [Theory]
    [InlineData(0.0, 4.0, "effectiveRate")]
    [InlineData(0.1, 0.0, "periodsPerYear")]
    public void Nominal_OutOfDomain_Throws(double rate, double periods, string param)
    {
        var act = () => CashFlowMath.Nominal(rate, periods);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
    }
}
