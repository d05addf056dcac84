using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

public partial class CashFlowMathTest
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    // ---- NPV ----

    [Fact]
    public void Npv_ExcelDocExample_MatchesPublishedValue()
    {
        // Excel NPV documentation, example 1: =NPV(10%, -10000, 3000, 4200, 6800) -> $1,188.44.
        CashFlowMath.Npv(0.1, new double[] { -10000, 3000, 4200, 6800 }).Should().BeApproximately(1188.44, 0.005);
    }

    [Fact]
    public void Npv_ExcelDocExample2_InitialInvestmentAddedOutside()
    {
        // Excel NPV documentation, example 2: =NPV(8%, A4:A8) + A3 with A3 = -40,000 -> $1,922.06.
        double npv = CashFlowMath.Npv(0.08, new double[] { 8000, 9200, 10000, 12000, 14500 }) - 40000;
        npv.Should().BeApproximately(1922.06, 0.005);
    }

    [Fact]
    public void Npv_SingleValue_DiscountsOnePeriod()
    {
        // Hand: 110 / 1.1 = 100 (Excel discounts the first value by one period).
        CashFlowMath.Npv(0.1, new double[] { 110 }).Should().BeApproximately(100, 1e-12);
    }

    [Fact]
    public void Npv_ZeroRate_IsPlainSum()
    {
        // Hand: at 0% nothing is discounted: 1 + 2 + 3 + 4 + 5 = 15.
        CashFlowMath.Npv(0, new double[] { 1, 2, 3, 4, 5 }).Should().Be(15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    public void Npv_AnyLength_MatchesDefinitionTermByTerm(int n)
    {
        // Definition (Excel NPV doc): sum of v_i / (1+r)^(i+1), computed here term by term with Math.Pow.
        var values = Enumerable.Range(0, n).Select(i => (i % 3 == 0 ? -1.0 : 1.0) * (100 + (7 * i))).ToArray();
        double expected = values.Select((v, i) => v / Math.Pow(1.07, i + 1)).Sum();
        CashFlowMath.Npv(0.07, values).Should().BeApproximately(expected, 1e-10);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Npv_RateMinusOneOrNotFinite_Throws(double rate)
    {
        // Excel: NPV(-1, ...) is #DIV/0! (1 + rate = 0); a rate below -1 is computed (see FinanceDomainTest).
        var act = () => CashFlowMath.Npv(rate, new double[] { 1, 2 });
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "rate" && e.Message.Contains("other than -1"));
    }

    [Fact]
    public void Npv_Empty_Throws()
    {
        var act = () => CashFlowMath.Npv(0.1, ReadOnlySpan<double>.Empty);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "values" && e.Message.Contains("At least one cash flow"));
    }

    [Fact]
    public void Npv_NaNValue_ThrowsNamingIndex()
    {
        var act = () => CashFlowMath.Npv(0.1, new double[] { 1, double.NaN, 3 });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "values" && e.Message.Contains("index 1"));
    }

    // ---- XNPV ----

    [Fact]
    public void Xnpv_OneYearNonLeap_DiscountsByWholeRate()
    {
        // Hand: 2019-01-01 to 2020-01-01 is 365 days, so 1100 / 1.1^(365/365) = 1000 and -1000 + 1000 = 0.
        CashFlowMath.Xnpv(0.1, new double[] { -1000, 1100 }, new[] { D(2019, 1, 1), D(2020, 1, 1) }).Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void Xnpv_LeapYear_UsesActualOver365()
    {
        // Hand: 2020-01-01 to 2021-01-01 is 366 days: 1100 / 1.1^(366/365).
        double expected = -1000 + (1100 / Math.Pow(1.1, 366.0 / 365.0));
        CashFlowMath.Xnpv(0.1, new double[] { -1000, 1100 }, new[] { D(2020, 1, 1), D(2021, 1, 1) }).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Xnpv_DatesAfterFirstInAnyOrder_Allowed()
    {
        // Excel only forbids dates before the first; the order of the rest does not matter (hand: same flows permuted).
        double a = CashFlowMath.Xnpv(0.09, new double[] { -10000, 2750, 4250 }, new[] { D(2008, 1, 1), D(2008, 3, 1), D(2008, 10, 30) });
        double b = CashFlowMath.Xnpv(0.09, new double[] { -10000, 4250, 2750 }, new[] { D(2008, 1, 1), D(2008, 10, 30), D(2008, 3, 1) });
        b.Should().BeApproximately(a, 1e-9);
    }

    [Fact]
    public void Xnpv_DateBeforeFirst_Throws()
    {
        var act = () => CashFlowMath.Xnpv(0.1, new double[] { -1, 2 }, new[] { D(2020, 1, 2), D(2020, 1, 1) });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "dates" && e.Message.Contains("No date may precede the first date (2020-01-02)") && e.Message.Contains("2020-01-01"));
    }

    [Fact]
    public void Xnpv_CountMismatch_Throws()
    {
        var act = () => CashFlowMath.Xnpv(0.1, new double[] { -1, 2 }, new[] { D(2020, 1, 1) });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "dates" && e.Message.Contains("one date per cash flow") && e.Message.Contains("2 values and 1 dates"));
    }

    [Fact]
    public void Xnpv_RateMinusOne_Throws()
    {
        var act = () => CashFlowMath.Xnpv(-1, new double[] { -1, 2 }, new[] { D(2020, 1, 1), D(2021, 1, 1) });
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "rate");
    }

    // ---- IRR ----

    [Fact]
    public void Irr_OnePeriod_IsSimpleReturn()
    {
        // Hand: -100 + 110/(1+r) = 0 -> r = 0.1.
        CashFlowMath.Irr(new double[] { -100, 110 }).Should().BeApproximately(0.1, 1e-14);
    }

    [Fact]
    public void Irr_TwoEqualInflows_MatchesQuadraticFormula()
    {
        // Hand: 100 = 60 d + 60 d^2 with d = 1/(1+r) -> d = (-1 + sqrt(1 + 4 * 100/60)) / 2, r = 1/d - 1.
        double d = (-1 + Math.Sqrt(1 + (4 * 100.0 / 60))) / 2;
        CashFlowMath.Irr(new double[] { -100, 60, 60 }).Should().BeApproximately((1 / d) - 1, 1e-13);
    }

    [Fact]
    public void Irr_ExcelDocExample_FiveYears()
    {
        // Excel IRR documentation: =IRR(A2:A7) for -70,000, 12,000, 15,000, 18,000, 21,000, 26,000 -> 9% (8.66% to two decimals).
        CashFlowMath.Irr(new double[] { -70000, 12000, 15000, 18000, 21000, 26000 }).Should().BeApproximately(0.0866, 0.00005);
    }

    [Fact]
    public void Irr_ExcelDocExample_TwoYearsWithGuess()
    {
        // Excel IRR documentation: =IRR(A2:A4,-10%) for -70,000, 12,000, 15,000 -> -44% (-44.35% to two decimals).
        CashFlowMath.Irr(new double[] { -70000, 12000, 15000 }, -0.1).Should().BeApproximately(-0.4435, 0.00005);
    }

    [Fact]
    public void Irr_120MonthsWhereVisualBasicFails_Converges()
    {
        // The case of issue 3: Microsoft.VisualBasic.Financial.IRR throws from guess 0.1 on a 120-month flow whose
        // monthly IRR is 2.3%. Built by hand from the annuity formula: P = 100,000 r / (1 - (1+r)^-120) at r = 0.023.
        const double r = 0.023;
        double payment = 100000 * r / (1 - Math.Pow(1 + r, -120));
        var values = new double[121];
        values[0] = -100000;
        for (int i = 1; i <= 120; i++)
        {
            values[i] = payment;
        }
        CashFlowMath.Irr(values).Should().BeApproximately(r, 1e-12);
    }

    [Fact]
    public void Irr_TwoSignChanges_ReturnsRootNearGuess()
    {
        // Hand: -100 + 230/(1+r) - 132/(1+r)^2 = 0 <=> 100x^2 - 230x + 132 = 0 with x = 1+r -> x = (230 +- 10)/200,
        // so r = 0.1 or r = 0.2. Newton from the guess finds the nearer one, as Excel does.
        var values = new double[] { -100, 230, -132 };
        CashFlowMath.Irr(values, 0.05).Should().BeApproximately(0.1, 1e-12);
        CashFlowMath.Irr(values, 0.3).Should().BeApproximately(0.2, 1e-12);
    }

    [Fact]
    public void Irr_GuessWhereNewtonFails_FallsBackToBracketing()
    {
        // Hand: only root r = 0.1; Newton from 50 overshoots below -100%, the bracketing fallback still finds 0.1.
        CashFlowMath.Irr(new double[] { -100, 110 }, 50).Should().BeApproximately(0.1, 1e-12);
    }

    [Fact]
    public void Irr_NegativeRoot_Found()
    {
        // Hand: -100 + 50/(1+r) = 0 -> r = -0.5.
        CashFlowMath.Irr(new double[] { -100, 50 }).Should().BeApproximately(-0.5, 1e-12);
    }

    [Fact]
    public void Irr_AllOneSign_ThrowsAndTryReturnsFalse()
    {
        var values = new double[] { 100, 200, 300 };
        var act = () => CashFlowMath.Irr(values);
        act.Should().Throw<FinancialCalculationException>().WithMessage("*at least one positive and one negative*");
        CashFlowMath.TryIrr(values, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }

    [Fact]
    public void Irr_NoRealRoot_ThrowsAndTryReturnsFalse()
    {
        // Hand: 100 - 100/(1+r) + 100/(1+r)^2 = 100 (1 - d + d^2) > 0 for every d (discriminant 1 - 4 < 0): no rate exists.
        var values = new double[] { 100, -100, 100 };
        var act = () => CashFlowMath.Irr(values);
        act.Should().Throw<FinancialCalculationException>().WithMessage("*found no rate*");
        CashFlowMath.TryIrr(values, out _).Should().BeFalse();
    }

    [Fact]
    public void TryIrr_Solvable_ReturnsTrueAndRate()
    {
        CashFlowMath.TryIrr(new double[] { -100, 121 }, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(0.21, 1e-13); // hand: 121/100 - 1
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void Irr_BadGuess_Throws(double guess)
    {
        var act = () => CashFlowMath.Irr(new double[] { -1, 2 }, guess);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "guess" && e.Message.Contains("greater than -1"));
    }

    [Fact]
    public void Irr_Empty_Throws()
    {
        var act = () => CashFlowMath.Irr(ReadOnlySpan<double>.Empty);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "values");
    }

    [Fact]
    public void Irr_InfiniteValue_Throws()
    {
        var act = () => CashFlowMath.Irr(new double[] { -1, double.PositiveInfinity });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "values" && e.Message.Contains("finite"));
    }

    // ---- XIRR ----

    [Fact]
    public void Xirr_OneNonLeapYear_IsSimpleReturn()
    {
        // Hand: 365 days apart, -1000 + 1100/(1+r) = 0 -> r = 0.1.
        CashFlowMath.Xirr(new double[] { -1000, 1100 }, new[] { D(2019, 1, 1), D(2020, 1, 1) }).Should().BeApproximately(0.1, 1e-12);
    }

    [Fact]
    public void Xirr_LeapYear_UsesActualOver365()
    {
        // Hand: 366 days: (1+r)^(366/365) = 1.1 -> r = 1.1^(365/366) - 1.
        CashFlowMath.Xirr(new double[] { -1000, 1100 }, new[] { D(2020, 1, 1), D(2021, 1, 1) })
            .Should().BeApproximately(Math.Pow(1.1, 365.0 / 366.0) - 1, 1e-12);
    }

    [Fact]
    public void Xirr_ExcelDocExample()
    {
        // Excel XIRR documentation: =XIRR(A3:A7, B3:B7, 0.1) -> 0.373362535. Tolerance 1e-8: Excel stops Newton at
        // about 1e-8 relative (0.000001%), so its printed digits are not all converged.
        var values = new double[] { -10000, 2750, 4250, 3250, 2750 };
        var dates = new[] { D(2008, 1, 1), D(2008, 3, 1), D(2008, 10, 30), D(2009, 2, 15), D(2009, 4, 1) };
        CashFlowMath.Xirr(values, dates, 0.1).Should().BeApproximately(0.373362535, 1e-8);
    }

    [Fact]
    public void Xirr_ShortSpanHugeRate_Found()
    {
        // Hand: doubling in 73 days: (1+r)^(73/365) = 2 -> r = 2^5 - 1 = 31.
        CashFlowMath.Xirr(new double[] { -100, 200 }, new[] { D(2021, 1, 1), D(2021, 3, 15) }).Should().BeApproximately(31, 1e-9);
    }

    [Fact]
    public void Xirr_AllOneSign_ThrowsAndTryReturnsFalse()
    {
        var dates = new[] { D(2020, 1, 1), D(2021, 1, 1) };
        var act = () => CashFlowMath.Xirr(new double[] { -1, -2 }, dates);
        act.Should().Throw<FinancialCalculationException>().WithMessage("*at least one positive and one negative*");
        CashFlowMath.TryXirr(new double[] { -1, -2 }, dates, out _).Should().BeFalse();
    }

    [Fact]
    public void Xirr_DateBeforeFirst_Throws()
    {
        var act = () => CashFlowMath.Xirr(new double[] { -1, 2 }, new[] { D(2021, 1, 1), D(2020, 1, 1) });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "dates" && e.Message.Contains("No date may precede"));
    }

    [Fact]
    public void Xirr_CountMismatch_Throws()
    {
        var act = () => CashFlowMath.Xirr(new double[] { -1, 2, 3 }, new[] { D(2020, 1, 1), D(2021, 1, 1) });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "dates" && e.Message.Contains("3 values and 2 dates"));
    }

    [Fact]
    public void TryXirr_Solvable_ReturnsTrue()
    {
        CashFlowMath.TryXirr(new double[] { -1000, 1100 }, new[] { D(2019, 1, 1), D(2020, 1, 1) }, out double rate).Should().BeTrue();
        rate.Should().BeApproximately(0.1, 1e-12);
    }

    [Fact]
    public void Xirr_LongMonthlyStream_MatchesPeriodicIrrConverted()
    {
        // Hand: 600 flows, one every 365 days, are periodic in years: XIRR equals IRR of the same values.
        var values = new double[600];
        var dates = new LocalDate[600];
        values[0] = -50000;
        for (int i = 0; i < 600; i++)
        {
            if (i > 0)
            {
                values[i] = 3000 + i;
            }
            dates[i] = D(1900, 1, 1).PlusDays(365 * i);
        }
        CashFlowMath.Xirr(values, dates).Should().BeApproximately(CashFlowMath.Irr(values), 1e-10);
    }

    // ---- PMT ----

    [Fact]
    public void Pmt_ExcelDocExample()
    {
        // Excel PMT documentation: =PMT(8%/12, 10, 10000) -> ($1,037.03).
        CashFlowMath.Pmt(0.08 / 12, 10, 10000).Should().BeApproximately(-1037.03, 0.005);
    }

    [Fact]
    public void Pmt_ZeroRate_ClosedForm()
    {
        // Hand: -(pv + fv) / n = -(1000 + 200) / 12 = -100.
        CashFlowMath.Pmt(0, 12, 1000, 200).Should().BeApproximately(-100, 1e-12);
    }

    [Fact]
    public void Pmt_OnePeriod_EndAndBeginning()
    {
        // Hand: end of period: 100 * 1.1 + pmt = 0 -> -110; beginning: (100 + pmt) * 1.1 = 0 -> -100.
        CashFlowMath.Pmt(0.1, 1, 100).Should().BeApproximately(-110, 1e-12);
        CashFlowMath.Pmt(0.1, 1, 100, 0, PaymentTiming.BeginningOfPeriod).Should().BeApproximately(-100, 1e-12);
    }

    [Fact]
    public void Pmt_TinyRate_ApproachesZeroRateLimit()
    {
        // Hand: as r -> 0 the payment tends to -(pv + fv)/n = -1000/10 = -100 (plus about pv r (n+1)/(2n)).
        CashFlowMath.Pmt(1e-12, 10, 1000).Should().BeApproximately(-100, 1e-8);
    }

    [Fact]
    public void Pmt_ZeroPeriods_Throws()
    {
        var act = () => CashFlowMath.Pmt(0.1, 0, 100);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periods" && e.Message.Contains("other than zero"));
    }

    [Fact]
    public void Pmt_RateMinusOne_Throws()
    {
        var act = () => CashFlowMath.Pmt(-1, 10, 100);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "rate" && e.Message.Contains("it was -1"));
    }

    [Fact]
    public void Pmt_UndefinedTiming_Throws()
    {
        var act = () => CashFlowMath.Pmt(0.1, 10, 100, 0, (PaymentTiming)2);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "timing" && e.Message.Contains("it was 2"));
    }

    [Fact]
    public void Pmt_NaNPresentValue_Throws()
    {
        var act = () => CashFlowMath.Pmt(0.1, 10, double.NaN);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "presentValue");
    }

    [Fact]
    public void Pmt_Overflow_ThrowsFinancialCalculationException()
    {
        var act = () => CashFlowMath.Pmt(1e10, 1e6, 1e300);
        act.Should().Throw<FinancialCalculationException>();
    }
}
