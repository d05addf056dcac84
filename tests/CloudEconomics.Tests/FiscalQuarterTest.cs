using System.Text.Json;
using CloudEconomics.Capital;
using CloudEconomics.Tests.Helpers;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CloudEconomics.Tests;

public class FiscalQuarterTest
{
    private static readonly FiscalCalendar Microsoft = FiscalCalendar.JulyToJune;

    [Fact]
    public void CalendarQuarter_Q1_2026_IsJanuaryToMarch()
    {
        var q = new FiscalQuarter(2026, 1);
        q.Start.Should().Be(new LocalDate(2026, 1, 1));
        q.End.Should().Be(new LocalDate(2026, 3, 31));
        q.FirstMonth.Should().Be(new YearMonth(2026, 1));
        q.LastMonth.Should().Be(new YearMonth(2026, 3));
        q.ToString().Should().Be("Q1-2026");
    }

    [Fact]
    public void Microsoft_FY2026_Q3_IsJanuaryToMarch2026()
    {
        // Microsoft's fiscal year 2026 runs 1 July 2025 - 30 June 2026 (named by the year it ends), so Q3 = Jan-Mar 2026,
        // the quarter of the reference's "FY2026-Q3" record with period_end 2026-03-31.
        var q = new FiscalQuarter(2026, 3, Microsoft);
        q.Start.Should().Be(new LocalDate(2026, 1, 1));
        q.End.Should().Be(new LocalDate(2026, 3, 31));
        q.ToString().Should().Be("FY2026-Q3");
    }

    [Fact]
    public void Microsoft_FY2026_Q1_StartsInJuly2025()
    {
        var q = new FiscalQuarter(2026, 1, Microsoft);
        q.ToDateInterval().Equals(new DateInterval(new LocalDate(2025, 7, 1), new LocalDate(2025, 9, 30))).Should().BeTrue();
        q.Year.Start.Should().Be(new LocalDate(2025, 7, 1));
        q.Year.End.Should().Be(new LocalDate(2026, 6, 30));
    }

    [Fact]
    public void FebruaryFiscalYear_Q4_EndsInJanuary()
    {
        // A fiscal year starting in February (retail style): FY2026 = Feb 2025 - Jan 2026, Q4 = Nov 2025 - Jan 2026.
        var q = new FiscalQuarter(2026, 4, FiscalCalendar.StartingIn(2));
        q.Start.Should().Be(new LocalDate(2025, 11, 1));
        q.End.Should().Be(new LocalDate(2026, 1, 31));
    }

    [Theory]
    [InlineData(2025, 8, 15, 2026, 1)]
    [InlineData(2026, 6, 30, 2026, 4)]
    [InlineData(2026, 7, 1, 2027, 1)]
    [InlineData(2026, 1, 1, 2026, 3)]
    [InlineData(2025, 12, 31, 2026, 2)]
    public void Containing_JulyFiscalYear(int y, int m, int d, int fy, int quarter)
        => FiscalQuarter.Containing(new LocalDate(y, m, d), Microsoft).Should().Be(new FiscalQuarter(fy, quarter, Microsoft));

    [Theory]
    [InlineData(2026, 3, 31, 2026, 1)]
    [InlineData(2026, 4, 1, 2026, 2)]
    [InlineData(2025, 12, 31, 2025, 4)]
    public void Containing_CalendarYear(int y, int m, int d, int fy, int quarter)
        => FiscalQuarter.Containing(new LocalDate(y, m, d)).Should().Be(new FiscalQuarter(fy, quarter));

    [Fact]
    public void PlusQuarters_CrossesYearBoundaries()
    {
        new FiscalQuarter(2025, 4).Next.Should().Be(new FiscalQuarter(2026, 1));
        new FiscalQuarter(2026, 1).Previous.Should().Be(new FiscalQuarter(2025, 4));
        new FiscalQuarter(2026, 1).YearAgo.Should().Be(new FiscalQuarter(2025, 1));
        new FiscalQuarter(2026, 1).PlusQuarters(-9).Should().Be(new FiscalQuarter(2023, 4));
        // Microsoft FY2026-Q1 (Jul-Sep 2025) minus one quarter is FY2025-Q4 (Apr-Jun 2025).
        var previous = new FiscalQuarter(2026, 1, Microsoft).Previous;
        previous.Should().Be(new FiscalQuarter(2025, 4, Microsoft));
        previous.Start.Should().Be(new LocalDate(2025, 4, 1));
    }

    [Fact]
    public void TrailingFourQuarters_EndWithThisQuarter()
        => new FiscalQuarter(2026, 1).TrailingFourQuarters().Select(q => q.ToString())
            .Should().Equal("Q2-2025", "Q3-2025", "Q4-2025", "Q1-2026");

    [Fact]
    public void QuartersSince_CountsQuarters()
    {
        new FiscalQuarter(2026, 1).QuartersSince(new FiscalQuarter(2024, 1)).Should().Be(8);
        var act = () => new FiscalQuarter(2026, 1).QuartersSince(new FiscalQuarter(2026, 1, Microsoft));
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other" && e.Message.Contains("same fiscal calendar"));
    }

    [Theory]
    [InlineData("Q1-2026", 2026, 1)]
    [InlineData("q3-2025", 2025, 3)]
    [InlineData("FY2026-Q3", 2026, 3)]
    [InlineData("2026-Q2", 2026, 2)]
    [InlineData(" fy2024-q4 ", 2024, 4)]
    public void Parse_AcceptsBothForms(string text, int year, int quarter)
        => FiscalQuarter.Parse(text, Microsoft).Should().Be(new FiscalQuarter(year, quarter, Microsoft));

    [Theory]
    [InlineData("Q5-2026")]
    [InlineData("Q1 2026")]
    [InlineData("2026")]
    [InlineData("FY2026-Q0")]
    [InlineData("")]
    public void Parse_Invalid_ThrowsFormatException(string text)
    {
        var act = () => FiscalQuarter.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("*is not a fiscal quarter*");
    }

    [Fact]
    public void Constructor_RejectsQuarterOutOfRange()
    {
        var act = () => new FiscalQuarter(2026, 5);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "quarter" && e.Message.Contains("between 1 and 4; it was 5"));
    }

    [Fact]
    public void Constructor_RejectsYearOutOfRange()
    {
        var act = () => new FiscalQuarter(1800, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "fiscalYear" && e.Message.Contains("it was 1800"));
    }

    [Fact]
    public void StartingIn_RejectsMonth13()
    {
        var act = () => FiscalCalendar.StartingIn(13);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "firstMonth" && e.Message.Contains("between 1 and 12; it was 13"));
    }

    [Fact]
    public void EqualityAndOrdering_FollowContract()
    {
        TestHelper.TestEqualsStruct(new FiscalQuarter(2026, 1), new FiscalQuarter(2026, 1, FiscalCalendar.CalendarYear),
            new FiscalQuarter(2026, 2), new FiscalQuarter(2026, 1, Microsoft));
        TestHelper.TestCompareToStruct(new FiscalQuarter(2025, 4), new FiscalQuarter(2025, 4), new FiscalQuarter(2026, 1));
        TestHelper.TestEqualsStruct(FiscalCalendar.CalendarYear, FiscalCalendar.StartingIn(1), Microsoft);
    }

    [Fact]
    public void PlusQuarters_BeyondSupportedYears_Throws()
    {
        var act = () => new FiscalQuarter(9998, 4).Next;
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "quarters" && e.Message.Contains("leaves the supported fiscal years"));
    }

    [Fact]
    public void Default_IsCalendarYear() => default(FiscalCalendar).FirstMonth.Should().Be(1);

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void ToStringAndParse_IgnoreCulture(string culture)
    {
        TestHelper.InCulture(culture, () => new FiscalQuarter(2026, 3, Microsoft).ToString()).Should().Be("FY2026-Q3");
        TestHelper.InCulture(culture, () => FiscalQuarter.Parse("fy2026-q1")).Should().Be(new FiscalQuarter(2026, 1));
    }

    [Fact]
    public void Json_WritesObject_ReadsObjectOrString()
    {
        var options = new JsonSerializerOptions(CloudEconomicsJson.CreateOptions()) { WriteIndented = false };
        var q = new FiscalQuarter(2026, 3, Microsoft);
        var json = JsonSerializer.Serialize(q, options);
        json.Should().Be("{\"label\":\"FY2026-Q3\",\"fiscalYear\":2026,\"quarter\":3,\"fiscalYearStartMonth\":7,\"start\":\"2026-01-01\",\"end\":\"2026-03-31\"}");
        JsonSerializer.Deserialize<FiscalQuarter>(json, options).Should().Be(q);
        JsonSerializer.Deserialize<FiscalQuarter>("\"Q1-2026\"", options).Should().Be(new FiscalQuarter(2026, 1));
        var fy = new FiscalYear(2026, Microsoft);
        JsonSerializer.Deserialize<FiscalYear>(JsonSerializer.Serialize(fy, options), options).Should().Be(fy);
        JsonSerializer.Deserialize<FiscalCalendar>("7", options).Should().Be(Microsoft);
        var bad = () => JsonSerializer.Deserialize<FiscalQuarter>("\"Q9-2026\"", options);
        bad.Should().Throw<JsonException>().WithMessage("*is not a fiscal quarter*");
        var badQuarter = () => JsonSerializer.Deserialize<FiscalQuarter>("{\"fiscalYear\":2026,\"quarter\":5}", options);
        badQuarter.Should().Throw<JsonException>().WithMessage("*between 1 and 4*");
    }

    [Property]
    public bool Containing_ContainsTheDate(int dayOffset, byte firstMonthSeed)
    {
        var date = new LocalDate(2000, 1, 1).PlusDays(Math.Abs(dayOffset % 40_000));
        var calendar = FiscalCalendar.StartingIn(firstMonthSeed % 12 + 1);
        var q = FiscalQuarter.Containing(date, calendar);
        return q.Contains(date) && q.Year.Contains(date) && Period.Between(q.Start, q.End.PlusDays(1), PeriodUnits.Months).Months == 3;
    }

    [Property]
    public bool PlusQuarters_RoundTrips(int n)
    {
        var steps = n % 1000;
        var q = new FiscalQuarter(2026, 1, Microsoft);
        return q.PlusQuarters(steps).PlusQuarters(-steps) == q && q.PlusQuarters(steps).QuartersSince(q) == steps;
    }
}

public class FiscalYearTest
{
    [Fact]
    public void Microsoft_FY2026_IsJulyToJune()
    {
        var fy = new FiscalYear(2026, FiscalCalendar.JulyToJune);
        fy.ToDateInterval().Equals(new DateInterval(new LocalDate(2025, 7, 1), new LocalDate(2026, 6, 30))).Should().BeTrue();
        fy.Quarters.Select(q => q.ToString()).Should().Equal("FY2026-Q1", "FY2026-Q2", "FY2026-Q3", "FY2026-Q4");
        fy.ToString().Should().Be("FY2026");
    }

    [Fact]
    public void Containing_AndParse()
    {
        FiscalYear.Containing(new LocalDate(2025, 7, 1), FiscalCalendar.JulyToJune).Should().Be(new FiscalYear(2026, FiscalCalendar.JulyToJune));
        FiscalYear.Parse("FY2025").Should().Be(new FiscalYear(2025));
        var act = () => FiscalYear.Parse("FY25x");
        act.Should().Throw<FormatException>().WithMessage("*is not a fiscal year*");
    }

    [Fact]
    public void Constructor_RejectsYearOutOfRange()
    {
        var act = () => new FiscalYear(10000);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "year" && e.Message.Contains("it was 10000"));
    }

    [Fact]
    public void EqualityAndOrdering_FollowContract()
    {
        TestHelper.TestEqualsStruct(new FiscalYear(2025), new FiscalYear(2025), new FiscalYear(2026), new FiscalYear(2025, FiscalCalendar.JulyToJune));
        TestHelper.TestCompareToStruct(new FiscalYear(2025), new FiscalYear(2025), new FiscalYear(2026));
    }
}
