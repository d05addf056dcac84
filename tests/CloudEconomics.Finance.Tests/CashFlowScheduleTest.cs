using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

public class CashFlowScheduleTest
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static CashFlow F(int y, int m, int d, decimal amount) => new(D(y, m, d), Money.Usd(amount));

    private static CashFlowSchedule ExcelXirrSample() => new(new[]
    {
        // Excel XIRR/XNPV documentation sample table (2008 dates), given out of order on purpose.
        F(2008, 10, 30, 4250), F(2008, 1, 1, -10000), F(2008, 3, 1, 2750), F(2009, 4, 1, 2750), F(2009, 2, 15, 3250),
    });

    [Fact]
    public void Constructor_SortsByDate()
    {
        var schedule = ExcelXirrSample();
        schedule.Select(f => f.Date).Should().BeInAscendingOrder();
        schedule.Count.Should().Be(5);
        schedule[0].Amount.Should().Be(Money.Usd(-10000));
        schedule.StartDate.Should().Be(D(2008, 1, 1));
        schedule.EndDate.Should().Be(D(2009, 4, 1));
        schedule.Currency.Should().Be(Currency.Usd);
        schedule.Total.Should().Be(Money.Usd(3000)); // hand: -10000 + 2750 + 4250 + 3250 + 2750
    }

    [Fact]
    public void Constructor_Empty_Throws()
    {
        var act = () => new CashFlowSchedule(Array.Empty<CashFlow>());
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "flows" && e.Message.Contains("at least one flow"));
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        var act = () => new CashFlowSchedule(null!);
        act.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "flows");
    }

    [Fact]
    public void Constructor_MixedCurrencies_Throws()
    {
        var act = () => new CashFlowSchedule(new[] { F(2020, 1, 1, -1), new CashFlow(D(2021, 1, 1), Money.Eur(2)) });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "flows" && e.Message.Contains("one currency") && e.Message.Contains("EUR") && e.Message.Contains("USD"));
    }

    [Fact]
    public void NetPresentValue_AtStartDate_MatchesExcelXnpvExample()
    {
        // Excel XNPV documentation: =XNPV(.09, A2:A6, B2:B6) -> 2086.6476 (2008 dates).
        ExcelXirrSample().NetPresentValue(0.09, D(2008, 1, 1)).Amount.Should().BeApproximately(2086.6476m, 0.00005m);
    }

    [Fact]
    public void NetPresentValue_LaterValuationDate_CompoundsForward()
    {
        // Hand: valuing 365 days later multiplies the start-date value by 1.09^(365/365).
        var schedule = ExcelXirrSample();
        double atStart = (double)schedule.NetPresentValue(0.09, D(2008, 1, 1)).Amount;
        double later = (double)schedule.NetPresentValue(0.09, D(2008, 12, 31)).Amount; // 2008 is leap: Jan 1 + 365 days = Dec 31
        later.Should().BeApproximately(atStart * 1.09, 1e-6);
    }

    [Fact]
    public void NetPresentValue_BadRate_Throws()
    {
        var act = () => ExcelXirrSample().NetPresentValue(-1, D(2008, 1, 1));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "annualRate");
    }

    [Fact]
    public void InternalRateOfReturn_MatchesExcelXirrExample()
    {
        // Excel XIRR documentation: 0.373362535 (Excel's Newton tolerance is about 1e-8).
        ExcelXirrSample().InternalRateOfReturn().Should().BeApproximately(0.373362535, 1e-8);
        ExcelXirrSample().TryInternalRateOfReturn(out double rate).Should().BeTrue();
        rate.Should().BeApproximately(0.373362535, 1e-8);
    }

    [Fact]
    public void InternalRateOfReturn_AllNegative_Throws()
    {
        var schedule = new CashFlowSchedule(new[] { F(2020, 1, 1, -1), F(2021, 1, 1, -1) });
        var act = () => schedule.InternalRateOfReturn();
        act.Should().Throw<FinancialCalculationException>();
        schedule.TryInternalRateOfReturn(out _).Should().BeFalse();
    }

    [Fact]
    public void Payback_InterpolatesInsideRecoveringYear()
    {
        // Hand: cumulative -1000, -600, -200, +200 at 2025/26/27/28-01-01. Recovered inside 2027-01-01..2028-01-01
        // (365 days): 200 of the 400 received -> half way = 182.5 days after day 730 -> 912.5 days = 2.5 years;
        // first whole date on or after it: 2027-01-01 + 183 days = 2027-07-03.
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 400), F(2027, 1, 1, 400), F(2028, 1, 1, 400) });
        var payback = schedule.Payback();
        payback.IsReached.Should().BeTrue();
        payback.Years.Should().BeApproximately(2.5, 1e-12);
        payback.Date.Should().Be(D(2027, 7, 3));
    }

    [Fact]
    public void Payback_ExactlyOnAFlowDate()
    {
        // Hand: -1000 then +500, +500 yearly: cumulative reaches exactly 0 on 2027-01-01 (730 days = 2 years).
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 500), F(2027, 1, 1, 500) });
        var payback = schedule.Payback();
        payback.Date.Should().Be(D(2027, 1, 1));
        payback.Years.Should().BeApproximately(2.0, 1e-12);
    }

    [Fact]
    public void Payback_NeverRecovered_NotReached()
    {
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 400), F(2027, 1, 1, 400) });
        var payback = schedule.Payback();
        payback.IsReached.Should().BeFalse();
        payback.Date.Should().BeNull();
        payback.Years.Should().BeNull();
        payback.Should().Be(PaybackResult.NotReached);
    }

    [Fact]
    public void Payback_NeverNegative_ReachedAtStart()
    {
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, 10), F(2026, 1, 1, 5) });
        var payback = schedule.Payback();
        payback.Date.Should().Be(D(2025, 1, 1));
        payback.Years.Should().Be(0);
    }

    [Fact]
    public void Payback_LaterCapexPushesPaybackToFinalRecovery()
    {
        // Hand: cumulative -100, +50, -50, +50: the position falls below zero again in the third year, so the
        // payback is inside the last year (2027-01-01..2028-01-01, 365 days): 50 of 100 -> 182.5 days after day 730.
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -100), F(2026, 1, 1, 150), F(2027, 1, 1, -100), F(2028, 1, 1, 100) });
        schedule.Payback().Years.Should().BeApproximately(912.5 / 365, 1e-12);
    }

    [Fact]
    public void Payback_SameDayFlows_UsesEndOfDayPosition()
    {
        // Hand: on 2026-01-01 +600 and -100 net to +500; cumulative -1000, -500, then +500 on 2027-01-01 (365 days):
        // 500 of 1000 -> 182.5 days after day 365 -> 547.5 days = 1.5 years.
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 600), F(2026, 1, 1, -100), F(2027, 1, 1, 1000) });
        schedule.Payback().Years.Should().BeApproximately(1.5, 1e-12);
    }

    [Fact]
    public void DiscountedPayback_RecoversLaterThanSimple()
    {
        // Hand: at 10% the +1100 after 365 days is worth 1000 at the start, exactly repaying -1000 at 1.0 years;
        // the simple payback is 1000/1100 of the way: 365 * 10/11 days.
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 1100) });
        schedule.Payback().Years.Should().BeApproximately(10.0 / 11.0, 1e-12);
        var discounted = schedule.DiscountedPayback(0.1);
        discounted.IsReached.Should().BeTrue();
        discounted.Years.Should().BeApproximately(1.0, 1e-9);
        discounted.Date.Should().Be(D(2026, 1, 1));
    }

    [Fact]
    public void DiscountedPayback_HighRate_NotReached()
    {
        // Hand: at 20% the +1100 is worth 1100/1.2 = 916.67 < 1000.
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 1100) });
        schedule.DiscountedPayback(0.2).IsReached.Should().BeFalse();
    }

    [Fact]
    public void DiscountedPayback_BadRate_Throws()
    {
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 1100) });
        var act = () => schedule.DiscountedPayback(double.NaN);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "annualRate");
    }

    [Fact]
    public void CumulativePosition_OneEntryPerDate()
    {
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 600), F(2026, 1, 1, -100), F(2027, 1, 1, 1000) });
        schedule.CumulativePosition().Should().Equal(F(2025, 1, 1, -1000), F(2026, 1, 1, -500), F(2027, 1, 1, 500));
        schedule.CumulativePositionAt(D(2024, 12, 31)).Should().Be(Money.Usd(0));
        schedule.CumulativePositionAt(D(2026, 6, 1)).Should().Be(Money.Usd(-500));
    }

    [Fact]
    public void ToString_IsInvariant()
    {
        var schedule = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2026, 1, 1, 1100) });
        Helpers.TestHelper.InCulture("de-DE", () => schedule.ToString().Should().Be("2 flows 2025-01-01 to 2026-01-01, total 100.00 USD"));
    }
}
