using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Each rule of CashFlowMath's annuity functions pinned against Excel's documented examples or an exact rational
/// oracle of Excel's definition (the loan balance rolled forward payment by payment): every guard with its parameter
/// and message, both payment timings, positive, zero and negative rates, the first and last period.
/// </summary>
public class CashFlowMathAnnuityRulesTest
{
    private const PaymentTiming End = PaymentTiming.EndOfPeriod;
    private const PaymentTiming Begin = PaymentTiming.BeginningOfPeriod;

    // ---- exact oracle (Excel's definition, in rationals) -------------------------------------------------------

    private static ExactRational ExactPmt(double rate, int n, double pv, double fv, PaymentTiming timing)
    {
        ExactRational r = rate;
        if (rate == 0)
        {
            return -((ExactRational)pv + fv) / (double)n;
        }
        var g = (ExactRational.One + r).Pow(n);
        var due = timing == Begin ? ExactRational.One + r : ExactRational.One;
        return -(((ExactRational)pv * g) + fv) * r / (due * (g - ExactRational.One));
    }

    /// <summary>Interest of period k: minus the rate times the balance outstanding over that period.</summary>
    private static ExactRational ExactIpmt(double rate, int k, int n, double pv, double fv, PaymentTiming timing)
    {
        ExactRational r = rate;
        var pmt = ExactPmt(rate, n, pv, fv, timing);
        ExactRational balance = pv;
        if (timing == Begin)
        {
            if (k == 1)
            {
                return ExactRational.Zero; // the first payment is made before any interest accrues
            }
            balance = balance + pmt; // paid at the start of period 1
            for (int j = 2; j < k; j++)
            {
                balance = (balance * (ExactRational.One + r)) + pmt;
            }
        }
        else
        {
            for (int j = 1; j < k; j++)
            {
                balance = (balance * (ExactRational.One + r)) + pmt;
            }
        }
        return -(r * balance);
    }

    private static void Close(double actual, ExactRational expected, double scale) =>
        Math.Abs(actual - expected.ToDouble()).Should().BeLessThanOrEqualTo(1e-10 * scale, $"expected {expected.ToDouble():R}, got {actual:R}");

    public static TheoryData<double, int, double, double, PaymentTiming> Loans => new()
    {
        { 0.1, 3, 8000, 0, End }, { 0.1, 3, 8000, 0, Begin },
        { 0.08 / 12, 24, 2000, 500, End }, { 0.08 / 12, 24, 2000, 500, Begin },
        { 0.05, 10, 1000, -300, Begin }, { 0.0, 12, 1200, 600, End }, { 0.0, 12, 1200, 600, Begin },
        { -0.05, 10, 1000, 200, End }, { -0.05, 10, 1000, 200, Begin }, { 0.25, 40, 5000, 1000, Begin },
    };

    [Theory]
    [MemberData(nameof(Loans))]
    public void PmtIpmtPpmt_EveryPeriod_MatchTheExactBalanceRecursion(double rate, int n, double pv, double fv, PaymentTiming timing)
    {
        double scale = Math.Abs(pv) + Math.Abs(fv);
        var pmt = ExactPmt(rate, n, pv, fv, timing);
        Close(CashFlowMath.Pmt(rate, n, pv, fv, timing), pmt, scale);
        for (int k = 1; k <= n; k++)
        {
            var interest = ExactIpmt(rate, k, n, pv, fv, timing);
            Close(CashFlowMath.Ipmt(rate, k, n, pv, fv, timing), interest, scale);
            Close(CashFlowMath.Ppmt(rate, k, n, pv, fv, timing), pmt - interest, scale);
        }
    }

    [Theory]
    [MemberData(nameof(Loans))]
    public void PvAndFv_MatchExcelsEquation(double rate, int n, double pv, double fv, PaymentTiming timing)
    {
        // Excel's equation pv (1+r)^n + pmt (1 + r t) ((1+r)^n - 1) / r + fv = 0 (pv + pmt n + fv = 0 at r = 0),
        // solved exactly for PV and FV given the exact payment.
        double scale = Math.Abs(pv) + Math.Abs(fv);
        ExactRational r = rate;
        var g = (ExactRational.One + r).Pow(n);
        var pmtExact = ExactPmt(rate, n, pv, fv, timing);
        double pmt = pmtExact.ToDouble();
        ExactRational p = pmt;
        ExactRational annuityTerm = rate == 0 ? p * (double)n : p * (timing == Begin ? ExactRational.One + r : ExactRational.One) * (g - ExactRational.One) / r;
        Close(CashFlowMath.Fv(rate, n, pmt, pv, timing), -(((ExactRational)pv * g) + annuityTerm), scale);
        Close(CashFlowMath.Pv(rate, n, pmt, fv, timing), -(((ExactRational)fv) + annuityTerm) / g, scale);
    }

    // ---- Excel's documented examples ---------------------------------------------------------------------------

    [Fact]
    public void ExcelDocumentedExamples()
    {
        CashFlowMath.Pmt(0.08 / 12, 10, 10000).Should().BeApproximately(-1037.03, 0.005);          // PMT
        CashFlowMath.Pmt(0.08 / 12, 10, 10000, 0, Begin).Should().BeApproximately(-1030.16, 0.005);
        CashFlowMath.Pmt(0.06 / 12, 18 * 12, 0, 50000).Should().BeApproximately(-129.08, 0.005);
        CashFlowMath.Ipmt(0.1 / 12, 1, 36, 8000).Should().BeApproximately(-66.67, 0.005);          // IPMT
        CashFlowMath.Ipmt(0.1, 3, 3, 8000).Should().BeApproximately(-292.45, 0.005);
        CashFlowMath.Ppmt(0.1 / 12, 1, 24, 2000).Should().BeApproximately(-75.62, 0.005);          // PPMT
        CashFlowMath.Ppmt(0.08, 10, 10, 200000).Should().BeApproximately(-27598.05, 0.005);
        CashFlowMath.Pv(0.08 / 12, 12 * 20, 500).Should().BeApproximately(-59777.15, 0.005);       // PV
        CashFlowMath.Fv(0.06 / 12, 10, -200, -500, Begin).Should().BeApproximately(2581.40, 0.005); // FV
        CashFlowMath.Fv(0.12 / 12, 12, -1000).Should().BeApproximately(12682.50, 0.005);
        CashFlowMath.Fv(0.11 / 12, 35, -2000, 0, Begin).Should().BeApproximately(82846.25, 0.005);
        CashFlowMath.Nper(0.12 / 12, -100, -1000, 10000, Begin).Should().BeApproximately(59.6738657, 5e-8); // NPER
        CashFlowMath.Nper(0.01, -100, -1000, 10000).Should().BeApproximately(60.0821229, 5e-8);
        CashFlowMath.Nper(0.01, -100, -1000).Should().BeApproximately(-9.57859404, 5e-9);
        CashFlowMath.Rate(4 * 12, -200, 8000).Should().BeApproximately(0.00770147, 5e-9);          // RATE
        CashFlowMath.Effect(0.0525, 4).Should().BeApproximately(0.05354267, 5e-9);                  // EFFECT
        CashFlowMath.Nominal(0.053543, 4).Should().BeApproximately(0.05250032, 5e-9);               // NOMINAL
    }

    // ---- NPER ----------------------------------------------------------------------------------------------

    [Fact]
    public void Nper_ZeroRate_IsMinusPvPlusFvOverPayment()
    {
        // Hand: -(1,000 + 200) / -100 = 12; timing does not matter at r = 0.
        CashFlowMath.Nper(0, -100, 1000, 200).Should().Be(12);
        CashFlowMath.Nper(0, -100, 1000, 200, Begin).Should().Be(12);
        CashFlowMath.Nper(0, -100, 1000).Should().Be(10);
        var act = () => CashFlowMath.Nper(0, 0, 1000);
        act.Should().Throw<FinancialCalculationException>().WithMessage("NPER is undefined when both the rate and the payment are zero (Excel's #DIV/0!).");
    }

    [Fact]
    public void Nper_BeginningTiming_UsesPaymentTimesOnePlusRate()
    {
        // Hand: r = 0.1, pmt -110 at the start of each period is worth -121 at the end: ln(-121 / (-121 + 100)) /
        // ln 1.1 for a loan of 1,000 (Excel's formula with pmt (1 + r) in place of pmt).
        double expected = Math.Log(-121.0 / (-121.0 + 100.0)) / Math.Log(1.1);
        CashFlowMath.Nper(0.1, -110, 1000, 0, Begin).Should().BeApproximately(expected, 1e-12);
        // With a future value: ln((-121 - 50 * 0.1) / (-121 + 100)) / ln 1.1.
        CashFlowMath.Nper(0.1, -110, 1000, 50, Begin).Should().BeApproximately(Math.Log(-126.0 / -21.0) / Math.Log(1.1), 1e-12);
    }

    [Theory]
    [InlineData(0.1, -50, 1000, 0)]   // ratio -50 / 50 = -1: payments never cover the interest
    [InlineData(0.1, 10, 0, 100)]     // ratio (10 - 10) / 10 = 0
    [InlineData(0.1, -100, 1000, 0)]  // denominator -100 + 100 = 0
    public void Nper_NoSolution_IsExcelsNum(double rate, double payment, double pv, double fv)
    {
        var act = () => CashFlowMath.Nper(rate, payment, pv, fv);
        act.Should().Throw<FinancialCalculationException>()
            .WithMessage("NPER: no number of periods balances these payment, present value and future value at this rate (Excel's #NUM!).");
    }

    // ---- RATE, EFFECT, NOMINAL ----------------------------------------------------------------------------

    [Fact]
    public void Rate_NoSolution_AndItsGuards()
    {
        var none = () => CashFlowMath.Rate(10, 100, 1000);
        none.Should().Throw<FinancialCalculationException>().WithMessage("RATE found no rate above -100%*(Excel's #NUM!).");
        foreach (double periods in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            var act = () => CashFlowMath.Rate(periods, -200, 8000);
            act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periods")
                .Which.Message.Should().StartWith("Number of periods must be a finite number greater than zero; it was ");
        }
        foreach (double guess in new[] { -1.0, -2.0, double.NaN })
        {
            var act = () => CashFlowMath.Rate(48, -200, 8000, guess: guess);
            act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "guess")
                .Which.Message.Should().StartWith("Guess must be a finite rate greater than -1 (-100%); it was ");
        }
        CashFlowMath.Rate(48, -200, 8000, guess: -0.99).Should().BeApproximately(0.00770147, 5e-9);
        // Hand: 1,000 now, 1,100 back after one period (paid in the payment at its end): 10%.
        CashFlowMath.Rate(1, -1100, 1000).Should().BeApproximately(0.1, 1e-12);
        ((Action)(() => CashFlowMath.Rate(48, double.NaN, 8000))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "payment");
        ((Action)(() => CashFlowMath.Rate(48, -200, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "presentValue");
        ((Action)(() => CashFlowMath.Rate(48, -200, 8000, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "futureValue");
        ((Action)(() => CashFlowMath.Rate(48, -200, 8000, 0, (PaymentTiming)7))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "timing");
    }

    [Fact]
    public void Effect_Nominal_TruncateThePeriodsAndGuardTheirArguments()
    {
        // Hand: (1 + 0.12/4)^4 - 1 = 1.03^4 - 1 = 0.12550881; 4.9 periods are truncated to 4; one period is the rate.
        CashFlowMath.Effect(0.12, 4).Should().BeApproximately(0.12550881, 1e-12);
        CashFlowMath.Effect(0.12, 4.9).Should().BeApproximately(0.12550881, 1e-12);
        CashFlowMath.Effect(0.12, 1).Should().BeApproximately(0.12, 1e-15);
        CashFlowMath.Nominal(0.12550881, 4).Should().BeApproximately(0.12, 1e-9);
        CashFlowMath.Nominal(0.12550881, 4.9).Should().BeApproximately(0.12, 1e-9);
        CashFlowMath.Nominal(0.12, 1).Should().BeApproximately(0.12, 1e-15);
        // Hand: 2 (sqrt(1.21) - 1) = 0.2.
        CashFlowMath.Nominal(0.21, 2).Should().BeApproximately(0.2, 1e-15);

        foreach (double bad in new[] { 0.0, -0.1, double.NaN, double.PositiveInfinity })
        {
            ((Action)(() => CashFlowMath.Effect(bad, 4))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "nominalRate")
                .Which.Message.Should().StartWith("Nominal rate must be a finite number greater than zero; it was ");
            ((Action)(() => CashFlowMath.Nominal(bad, 4))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "effectiveRate")
                .Which.Message.Should().StartWith("Effective rate must be a finite number greater than zero; it was ");
        }
        foreach (double bad in new[] { 0.999, 0.0, -3.0, double.NaN, double.PositiveInfinity })
        {
            ((Action)(() => CashFlowMath.Effect(0.1, bad))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periodsPerYear")
                .Which.Message.Should().StartWith("Periods per year must be a finite number of at least 1 (it is truncated to an integer); it was ");
            ((Action)(() => CashFlowMath.Nominal(0.1, bad))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periodsPerYear");
        }
    }

    // ---- guards of PMT, IPMT, PPMT, PV, FV --------------------------------------------------------------------

    [Fact]
    public void Pmt_Guards_NameTheArgument()
    {
        static void Bad(Action act, string param) => act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
        Bad(() => CashFlowMath.Pmt(-1, 10, 1000), "rate");
        Bad(() => CashFlowMath.Pmt(double.NaN, 10, 1000), "rate");
        Bad(() => CashFlowMath.Pmt(0.1, double.NaN, 1000), "periods");
        Bad(() => CashFlowMath.Pmt(0.1, double.PositiveInfinity, 1000), "periods");
        Bad(() => CashFlowMath.Pmt(0.1, 10, double.NaN), "presentValue");
        Bad(() => CashFlowMath.Pmt(0.1, 10, 1000, double.NegativeInfinity), "futureValue");
        Bad(() => CashFlowMath.Pmt(0.1, 10, 1000, 0, (PaymentTiming)2), "timing");
        var zero = () => CashFlowMath.Pmt(0.1, 0, 1000);
        zero.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periods")
            .Which.Message.Should().StartWith("Number of periods must be a finite number other than zero; it was 0.");
        // Hand: negative or fractional periods are Excel's domain: at r = 0, -(1,000) / -10 = 100 and -1000/2.5 = -400.
        CashFlowMath.Pmt(0, -10, 1000).Should().Be(100);
        CashFlowMath.Pmt(0, 2.5, 1000).Should().Be(-400);
        // Hand: r = 0.1 over 1 period: the whole 1,100 at the end, or 1,000 at the start.
        CashFlowMath.Pmt(0.1, 1, 1000).Should().BeApproximately(-1100, 1e-9);
        CashFlowMath.Pmt(0.1, 1, 1000, 0, Begin).Should().BeApproximately(-1000, 1e-9);
    }

    [Fact]
    public void IpmtPpmt_PeriodGuards_AreInclusiveAtOneAndAtTheLastPeriod()
    {
        static void Bad(Action act, string param) => act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
        foreach (Func<double, double, double, double, double, PaymentTiming, double> f in
                 new Func<double, double, double, double, double, PaymentTiming, double>[] { CashFlowMath.Ipmt, CashFlowMath.Ppmt })
        {
            Bad(() => f(-1, 1, 12, 1000, 0, End), "rate");
            Bad(() => f(0.1, 1, 0.5, 1000, 0, End), "periods");
            Bad(() => f(0.1, 1, double.NaN, 1000, 0, End), "periods");
            Bad(() => f(0.1, 0.5, 12, 1000, 0, End), "period");
            Bad(() => f(0.1, 12.5, 12, 1000, 0, End), "period");
            Bad(() => f(0.1, double.NaN, 12, 1000, 0, End), "period");
            Bad(() => f(0.1, 1, 12, double.NaN, 0, End), "presentValue");
            Bad(() => f(0.1, 1, 12, 1000, double.NaN, End), "futureValue");
            Bad(() => f(0.1, 1, 12, 1000, 0, (PaymentTiming)5), "timing");
            var late = () => f(0.1, 13, 12, 1000, 0, End);
            late.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith("Period must be between 1 and the number of periods (12); it was 13.");
            var few = () => f(0.1, 1, 0.5, 1000, 0, End);
            few.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith("Number of periods must be a finite number of at least 1; it was 0.5.");
        }
        // One period is allowed: hand, r = 0.1, 1,000: interest -100, principal -1,000 (the payment -1,100).
        CashFlowMath.Ipmt(0.1, 1, 1, 1000).Should().BeApproximately(-100, 1e-9);
        CashFlowMath.Ppmt(0.1, 1, 1, 1000).Should().BeApproximately(-1000, 1e-9);
    }

    [Fact]
    public void PvFv_Guards_NameTheArgument_AndOverflowIsReported()
    {
        static void Bad(Action act, string param) => act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
        Bad(() => CashFlowMath.Pv(-1.5, 10, -100), "rate");
        Bad(() => CashFlowMath.Pv(0.1, double.NaN, -100), "periods");
        Bad(() => CashFlowMath.Pv(0.1, 10, double.NaN), "payment");
        Bad(() => CashFlowMath.Pv(0.1, 10, -100, double.NaN), "futureValue");
        Bad(() => CashFlowMath.Pv(0.1, 10, -100, 0, (PaymentTiming)3), "timing");
        Bad(() => CashFlowMath.Fv(-1.5, 10, -100), "rate");
        Bad(() => CashFlowMath.Fv(0.1, double.NaN, -100), "periods");
        Bad(() => CashFlowMath.Fv(0.1, 10, double.NaN), "payment");
        Bad(() => CashFlowMath.Fv(0.1, 10, -100, double.NaN), "presentValue");
        Bad(() => CashFlowMath.Fv(0.1, 10, -100, 0, (PaymentTiming)3), "timing");

        // 2^2000 overflows a double: FV has no finite value, PV of a payment then is finite (the discount underflows).
        var fv = () => CashFlowMath.Fv(1.0, 2000, -1, 1);
        fv.Should().Throw<FinancialCalculationException>().WithMessage("FV has no finite result for these inputs (the calculation overflows).");
        var fvEnd = () => CashFlowMath.Fv(1.0, 2000, -1, 0);
        fvEnd.Should().Throw<FinancialCalculationException>();
        // Hand: sum of 1/2^k for k = 1..inf = 1, so 2,000 payments of -1 at r = 1 are worth 1 now (2 if in advance).
        CashFlowMath.Pv(1.0, 2000, -1).Should().BeApproximately(1, 1e-15);
        CashFlowMath.Pv(1.0, 2000, -1, 0, Begin).Should().BeApproximately(2, 1e-15);
        // Hand: at r = 0, PV = -(fv + n pmt) = -(-500 - 1,000) = 1,500 and FV = -(pv + n pmt).
        CashFlowMath.Pv(0, 10, -100, -500).Should().Be(1500);
        CashFlowMath.Fv(0, 10, -100, 1500).Should().Be(-500);
        // Negative periods at a positive rate (Excel computes them): PV(0.1, -1, 0, 110) = -110 * 1.1 = -121.
        CashFlowMath.Pv(0.1, -1, 0, 110).Should().BeApproximately(-121, 1e-9);
        CashFlowMath.Fv(0.1, -1, 0, 121).Should().BeApproximately(-110, 1e-9);
    }

    [Fact]
    public void Fv_AmortizedLoan_EndsAtTheFutureValue_WithTheCompensatedSum()
    {
        // Exact: the payment that takes 1,000 to a balance of -250 over 60 periods at 7%; FV of that (exact) payment
        // must give back 250 to the rounding of the payment only (the compensated form), for both timings.
        foreach (var timing in new[] { End, Begin })
        {
            var pmtExact = ExactPmt(0.07, 60, 1000, 250, timing);
            double pmt = pmtExact.ToDouble();
            ExactRational r = 0.07;
            var g = (ExactRational.One + r).Pow(60);
            var due = timing == Begin ? ExactRational.One + r : ExactRational.One;
            var exactFv = -(((ExactRational)1000 * g) + ((ExactRational)pmt * due * (g - ExactRational.One) / r));
            Math.Abs(CashFlowMath.Fv(0.07, 60, pmt, 1000, timing) - exactFv.ToDouble()).Should().BeLessThan(1e-9);
            exactFv.ToDouble().Should().BeApproximately(250, 1e-6);
        }
    }
}
