using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

public class CashFlowStreamsTest
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void PeriodDates_ComputedFromStart_NoTruncationDrift()
    {
        // NodaTime month arithmetic truncates: 31 Jan + 1 month = 28 Feb, but 31 Jan + 2 months = 31 Mar.
        CashFlowStreams.PeriodDates(D(2025, 1, 31), PeriodFrequency.Monthly, 4).Should().Equal(D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30));
        CashFlowStreams.PeriodDates(D(2024, 11, 30), PeriodFrequency.Quarterly, 4).Should().Equal(D(2024, 11, 30), D(2025, 2, 28), D(2025, 5, 30), D(2025, 8, 30));
        CashFlowStreams.PeriodDates(D(2024, 2, 29), PeriodFrequency.Annual, 2).Should().Equal(D(2024, 2, 29), D(2025, 2, 28));
    }

    [Fact]
    public void Periodic_GrowsEveryPeriod()
    {
        // Hand: 100, 100 * 1.1, 100 * 1.1^2.
        var s = CashFlowStreams.Periodic(D(2025, 1, 1), PeriodFrequency.Annual, 3, Money.Usd(100), 0.1);
        s.Select(f => (double)f.Amount.Amount).Should().Equal(new[] { 100.0, 110.0, 121.0 }, (a, b) => Math.Abs(a - b) < 1e-9);
        s.Select(f => f.Date).Should().Equal(D(2025, 1, 1), D(2026, 1, 1), D(2027, 1, 1));
    }

    [Fact]
    public void Periodic_Flat_KeepsExactAmount()
    {
        var s = CashFlowStreams.Periodic(D(2025, 1, 1), PeriodFrequency.Monthly, 12, Money.Usd(-0.10m));
        s.Total.Should().Be(Money.Usd(-1.20m));
    }

    [Fact]
    public void Escalating_StepsUpAtAnniversaries()
    {
        // Hand: months 0-11 pay 100, months 12-23 pay 103, month 24 pays 100 * 1.03^2 = 106.09.
        var s = CashFlowStreams.Escalating(D(2025, 1, 1), PeriodFrequency.Monthly, 25, Money.Usd(100), 0.03);
        s[11].Amount.Should().Be(Money.Usd(100));
        ((double)s[12].Amount.Amount).Should().BeApproximately(103, 1e-9);
        ((double)s[23].Amount.Amount).Should().BeApproximately(103, 1e-9);
        ((double)s[24].Amount.Amount).Should().BeApproximately(106.09, 1e-9);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        ((Action)(() => CashFlowStreams.PeriodDates(D(2025, 1, 1), PeriodFrequency.Monthly, 0))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "count" && e.Message.Contains("at least 1"));
        ((Action)(() => CashFlowStreams.PeriodDates(D(2025, 1, 1), (PeriodFrequency)5, 1))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "frequency" && e.Message.Contains("it was 5"));
        ((Action)(() => CashFlowStreams.Periodic(D(2025, 1, 1), PeriodFrequency.Monthly, 3, Money.Usd(1), -1))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "growthPerPeriod");
        ((Action)(() => CashFlowStreams.Escalating(D(2025, 1, 1), PeriodFrequency.Monthly, 3, Money.Usd(1), double.NaN))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "annualEscalation");
    }
}
