using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Excel's full domain: inputs Excel computes and the library once refused (NPV and MIRR with rates below -1, DB and
/// DDB with a period below 1), each against a value derived by hand from Excel's documented definition (derivation
/// in the comment), and the inputs Excel still refuses, with the exception type and message.
/// </summary>
public class FinanceDomainTest
{
    // ---- NPV below -100% ----

    [Fact]
    public void Npv_RateBelowMinusOne_FollowsExcelsDefinition()
    {
        // NPV = sum v_i / (1 + r)^i. r = -1.5: 1 + r = -0.5, so 1/(1+r) = -2: 1 (-2) + 2 (4) = 6.
        CashFlowMath.Npv(-1.5, new double[] { 1, 2 }).Should().BeApproximately(6.0, 1e-12);
        // r = -3: 1 + r = -2: 10/(-2) + 20/4 + 30/(-8) = -5 + 5 - 3.75 = -3.75.
        CashFlowMath.Npv(-3, new double[] { 10, 20, 30 }).Should().BeApproximately(-3.75, 1e-12);
    }

    [Fact]
    public void Npv_RateJustBelowMinusOne_OverflowsWithFinancialCalculationException()
    {
        // 1 + r = -1e-300: the discount factor -1e300 squared overflows; Excel shows #NUM!.
        var act = () => CashFlowMath.Npv(-1.0 - 1e-15, new double[] { 1, 1e300, 1e300 });
        act.Should().Throw<FinancialCalculationException>().WithMessage("NPV has no finite result*");
    }

    // ---- MIRR below -100% ----

    [Fact]
    public void Mirr_ReinvestRateBelowMinusOne_FollowsExcelsDefinition()
    {
        // MIRR = (FV(positives at rr) / -PV(negatives at fr))^(1/(n-1)) - 1. Flows -100, 50, 80; rr = -2 (1 + rr = -1):
        // FV of positives = 50 (-1)^1 + 80 = 30; PV of negatives at fr = -1.5 is -100; (30/100)^(1/2) - 1 = -0.452277442...
        CashFlowMath.Mirr(new double[] { -100, 50, 80 }, -1.5, -2).Should().BeApproximately(-0.4522774424948339, 1e-12);
    }

    [Fact]
    public void Mirr_NegativeRatioUnderOddRoot_TakesTheRealRoot()
    {
        // Flows -100, 50, 80, 10; rr = -2: FV of positives = 50 (-1)^2 + 80 (-1) + 10 = -20; ratio -20/100 = -0.2; n-1 = 3:
        // Excel's POWER(-0.2, 1/3) is the real cube root -0.584803548, so MIRR = -1.584803548.
        CashFlowMath.Mirr(new double[] { -100, 50, 80, 10 }, 0.1, -2).Should().BeApproximately(-1.5848035476425733, 1e-12);
    }

    [Fact]
    public void Mirr_NegativeRatioUnderEvenRoot_ThrowsNum()
    {
        // Flows -100, 50, 80; rr = -3 (1 + rr = -2): FV of positives = 50 (-2) + 80 = -20; (-0.2)^(1/2) has no real value: #NUM!.
        var act = () => CashFlowMath.Mirr(new double[] { -100, 50, 80 }, 0.1, -3);
        act.Should().Throw<FinancialCalculationException>().WithMessage("MIRR has no real result*#NUM!*");
    }

    [Theory]
    [InlineData(-1.0, 0.1, "financeRate")]
    [InlineData(0.1, -1.0, "reinvestRate")]
    [InlineData(double.NaN, 0.1, "financeRate")]
    public void Mirr_RateMinusOneOrNaN_Throws(double finance, double reinvest, string param)
    {
        var act = () => CashFlowMath.Mirr(new double[] { -1, 2 }, finance, reinvest);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param && e.Message.Contains("other than -1"));
    }

    // ---- DDB with a fractional period below 1 ----

    [Fact]
    public void Ddb_PeriodBelowOne_FollowsExcelsFormula()
    {
        // Excel's DDB: min((cost - prior) f/life, cost - salvage - prior), prior = cost - cost (1 - f/life)^(period - 1).
        // DDB(1000, 0, 5, 0.3): f/life = 0.4; book before = 1000 x 0.6^-0.7 = 1429.862; x 0.4 = 571.9448002960632.
        Depreciation.Ddb(1000, 0, 5, 0.3).Should().BeApproximately(571.9448002960632, 1e-9);
        // DDB(2400, 300, 10, 0.5): 2400 (0.8^-0.5 - 0.8^0.5) = 536.6563145999498 (book after 2146.6 > salvage).
        Depreciation.Ddb(2400, 300, 10, 0.5).Should().BeApproximately(536.6563145999498, 1e-9);
    }

    [Fact]
    public void Ddb_PeriodBelowOneReachingSalvage_StopsAtSalvage()
    {
        // DDB(1000, 900, 5, 0.3): the book value after (1000 x 0.6^0.3 = 857.9) is below salvage 900, so the
        // depreciation is book before - salvage = 1429.862 - 900 = 529.862.
        Depreciation.Ddb(1000, 900, 5, 0.3).Should().BeApproximately((1000 * Math.Pow(0.6, -0.7)) - 900, 1e-9);
    }

    // ---- DB with a fractional period below 1 ----

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.999)]
    public void Db_PeriodBelowOne_DepreciatesNothing(double period)
    {
        // DB counts whole years (Excel's and LibreOffice's ScDB recurrence over 1..floor(period)): a period in (0, 1)
        // holds no whole year, so nothing is depreciated (LibreOffice Calc: =DB(1000000;100000;6;0.3;7) = 0).
        Depreciation.Db(1000000, 100000, 6, period, 7).Should().Be(0.0);
    }

    [Fact]
    public void Db_FractionalPeriodAboveOne_CountsWholeYears()
    {
        // Excel's DB example (1,000,000 / 100,000 / 6, month 7): year 2 is 259,639.42; period 2.5 is still year 2.
        Depreciation.Db(1000000, 100000, 6, 2.5, 7).Should().BeApproximately(259639.42, 0.005);
    }

    [Fact]
    public void Db_LifeBelowOnePeriodPastLife_GivesTheStubYear()
    {
        // life 0.5, period 0.8 (> life, floor 0): ScDB's stub-year branch: (cost - first) rate (12 - month) / 12 with
        // rate = round(1 - (100/1000)^(1/0.5), 3) = 0.99, first = 1000 x 0.99 x 6/12 = 495: (505) 0.99 x 6/12 = 249.975.
        Depreciation.Db(1000, 100, 0.5, 0.8, 6).Should().BeApproximately(249.975, 1e-9);
    }

    // ---- XIRR from a guess where Excel reports #NUM! ----

    [Fact]
    public void Xirr_GuessMinusTenPercent_ReturnsTheRoot()
    {
        // Excel's XIRR example flows (root 0.373362535, Excel documentation). From guess -0.1 the library still
        // returns that root (a documented, deliberate difference where Excel's Newton gives #NUM!).
        double[] values = { -10000, 2750, 4250, 3250, 2750 };
        LocalDate[] dates = { new(2008, 1, 1), new(2008, 3, 1), new(2008, 10, 30), new(2009, 2, 15), new(2009, 4, 1) };
        CashFlowMath.Xirr(values, dates, -0.1).Should().BeApproximately(0.373362535, 1e-8);
    }
}
