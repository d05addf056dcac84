using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

public class DepreciationTest
{
    [Fact]
    public void Sln_Hand() => Depreciation.Sln(1000, 100, 9).Should().Be(100); // (1000 - 100) / 9

    [Fact]
    public void Syd_HandAndSumsToDepreciableAmount()
    {
        // Hand: digits 5+4+3+2+1 = 15; year 1 = 1500 * 5/15 = 500; the years sum to cost - salvage.
        Depreciation.Syd(1500, 0, 5, 1).Should().BeApproximately(500, 1e-12);
        Enumerable.Range(1, 5).Sum(p => Depreciation.Syd(1500, 300, 5, p)).Should().BeApproximately(1200, 1e-9);
    }

    [Fact]
    public void Db_HalvingRate_Hand()
    {
        // Hand: rate = 1 - (125/1000)^(1/3) = 1 - 0.5 = 0.500; 500, then 250, then 125.
        Depreciation.Db(1000, 125, 3, 1).Should().BeApproximately(500, 1e-9);
        Depreciation.Db(1000, 125, 3, 2).Should().BeApproximately(250, 1e-9);
        Depreciation.Db(1000, 125, 3, 3).Should().BeApproximately(125, 1e-9);
    }

    [Fact]
    public void Db_RateRoundedToThreeDecimals()
    {
        // Excel DB doc: rate = 1 - (100,000/1,000,000)^(1/6) = 0.3187..., rounded to 0.319; month 7: 1e6 * 0.319 * 7/12.
        Depreciation.Db(1000000, 100000, 6, 1, 7).Should().BeApproximately(1000000 * 0.319 * 7 / 12, 1e-6);
    }

    [Fact]
    public void Ddb_Hand()
    {
        // Hand: factor 2 / life 4 = 50% of the remaining value: 500, 250; salvage floor: after year 1 the value is
        // 500, year 2 would take it to 250 < 400, so only 100 is allowed.
        Depreciation.Ddb(1000, 0, 4, 1).Should().BeApproximately(500, 1e-9);
        Depreciation.Ddb(1000, 0, 4, 2).Should().BeApproximately(250, 1e-9);
        Depreciation.Ddb(1000, 400, 4, 2).Should().BeApproximately(100, 1e-9);
        Depreciation.Ddb(1000, 400, 4, 3).Should().Be(0);
    }

    [Fact]
    public void Vdb_SwitchesToStraightLine_Hand()
    {
        // Hand (1000, salvage 0, life 4, factor 2): DDB 500, 250, 125 (SL 125 is not larger), then SL 125 > DDB 62.5:
        // total over the life 1000; without the switch 1000 - 1000 * 0.5^4 = 937.5.
        Depreciation.Vdb(1000, 0, 4, 0, 1).Should().BeApproximately(500, 1e-9);
        Depreciation.Vdb(1000, 0, 4, 3, 4).Should().BeApproximately(125, 1e-9);
        Depreciation.Vdb(1000, 0, 4, 0, 4).Should().BeApproximately(1000, 1e-9);
        Depreciation.Vdb(1000, 0, 4, 0, 4, 2, noSwitch: true).Should().BeApproximately(937.5, 1e-9);
    }

    [Fact]
    public void Vdb_FractionalEnd_TakesShareOfPeriod()
    {
        // Excel/DAX VDB doc: VDB(2400, 300, 10, 0, 0.875, 1.5) = 315 = 2400 * 0.15 * 0.875.
        Depreciation.Vdb(2400, 300, 10, 0, 0.875, 1.5).Should().BeApproximately(315, 1e-9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Life_NotPositive_Throws(double life)
    {
        foreach (var act in new Action[]
        {
            () => Depreciation.Sln(1000, 0, life),
            () => Depreciation.Syd(1000, 0, life, 1),
            () => Depreciation.Db(1000, 0, life, 1),
            () => Depreciation.Ddb(1000, 0, life, 1),
            () => Depreciation.Vdb(1000, 0, life, 0, 0),
        })
        {
            act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "life" && e.Message.Contains("greater than zero"));
        }
    }

    [Fact]
    public void Syd_PeriodOutOfRange_Throws()
    {
        ((Action)(() => Depreciation.Syd(1000, 0, 5, 6))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "period" && e.Message.Contains("at most the life (5)"));
        ((Action)(() => Depreciation.Syd(1000, 0, 5, 0))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "period");
    }

    [Theory]
    [InlineData(0.0)]   // Excel: #NUM! for a period not above zero (a period in (0, 1) is computed: FinanceDomainTest)
    [InlineData(-0.5)]
    [InlineData(8.0)]   // beyond life + 1
    public void Db_PeriodOutOfRange_Throws(double period)
    {
        var act = () => Depreciation.Db(1000, 100, 6, period, 7);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "period" && e.Message.Contains("greater than zero and at most the life + 1 (7)"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(13.0)]
    public void Db_MonthOutOfRange_Throws(double month)
    {
        var act = () => Depreciation.Db(1000, 100, 6, 1, month);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "month" && e.Message.Contains("from 1 to 12"));
    }

    [Fact]
    public void Db_CostNotPositive_Throws()
    {
        var act = () => Depreciation.Db(0, 0, 6, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "cost");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1001.0)]
    public void Salvage_OutsideZeroToCost_Throws(double salvage)
    {
        foreach (var act in new Action[]
        {
            () => Depreciation.Db(1000, salvage, 5, 1),
            () => Depreciation.Ddb(1000, salvage, 5, 1),
            () => Depreciation.Vdb(1000, salvage, 5, 0, 1),
        })
        {
            act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "salvage" && e.Message.Contains("from zero to the cost"));
        }
    }

    [Theory]
    [InlineData(0.0)]   // Excel: #NUM! for a period not above zero (a period in (0, 1) is computed: FinanceDomainTest)
    [InlineData(6.0)]
    public void Ddb_PeriodOutOfRange_Throws(double period)
    {
        var act = () => Depreciation.Ddb(1000, 0, 5, period);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "period" && e.Message.Contains("greater than zero and at most the life (5)"));
    }

    [Fact]
    public void Factor_NotPositive_Throws()
    {
        ((Action)(() => Depreciation.Ddb(1000, 0, 5, 1, 0))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "factor");
        ((Action)(() => Depreciation.Vdb(1000, 0, 5, 0, 1, -2))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "factor");
    }

    [Fact]
    public void Vdb_BadSpan_Throws()
    {
        ((Action)(() => Depreciation.Vdb(1000, 0, 5, -1, 1))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "startPeriod");
        ((Action)(() => Depreciation.Vdb(1000, 0, 5, 2, 1))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "endPeriod" && e.Message.Contains("between the start period (2)"));
        ((Action)(() => Depreciation.Vdb(1000, 0, 5, 0, 6))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "endPeriod");
    }

    [Fact]
    public void Cost_Negative_Throws()
    {
        ((Action)(() => Depreciation.Ddb(-1, 0, 5, 1))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "cost");
        ((Action)(() => Depreciation.Sln(double.NaN, 0, 5))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "cost");
    }
}
