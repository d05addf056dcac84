using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// <see cref="CashFlowStreams"/>: dates per frequency, growth per period and escalation per whole year (by hand), the
/// count boundary and the overflow refusal with their messages.
/// </summary>
public class CashFlowStreamsRulesTest
{
    private static readonly LocalDate Start = new(2025, 1, 31);

    [Fact]
    public void PeriodDates_QuarterlyFromMonthEnd_AndCountOne()
    {
        CashFlowStreams.PeriodDates(Start, PeriodFrequency.Quarterly, 3).Should().Equal(Start, new LocalDate(2025, 4, 30), new LocalDate(2025, 7, 31));
        CashFlowStreams.PeriodDates(Start, PeriodFrequency.Annual, 1).Should().Equal(Start);
        ((Action)(() => CashFlowStreams.PeriodDates(Start, PeriodFrequency.Annual, 0))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("count").WithMessage("Count must be at least 1; it was 0.*");
        ((Action)(() => CashFlowStreams.PeriodDates(Start, (PeriodFrequency)2, 3))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("frequency");
    }

    [Fact]
    public void Periodic_GrowsEachPeriod()
    {
        // 100, 100 x 1.5, 100 x 1.5^2, 100 x 1.5^3 (exact in binary and decimal).
        var s = CashFlowStreams.Periodic(Start, PeriodFrequency.SemiAnnual, 4, Money.Usd(100m), 0.5);
        s.Select(f => f.Amount.Amount).Should().Equal(100m, 150m, 225m, 337.5m);
        s[3].Date.Should().Be(new LocalDate(2026, 7, 31));
        // Shrinking: 80 x 0.5^k.
        CashFlowStreams.Periodic(Start, PeriodFrequency.Monthly, 3, Money.Usd(80m), -0.5).Select(f => f.Amount.Amount).Should().Equal(80m, 40m, 20m);
        ((Action)(() => CashFlowStreams.Periodic(Start, PeriodFrequency.Monthly, 0, Money.Usd(1m)))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
    }

    [Fact]
    public void Escalating_StepsOncePerWholeYear()
    {
        // Quarterly with 50% a year: periods 0..3 are year 0 (100), 4..7 year 1 (150), 8 year 2 (225).
        var s = CashFlowStreams.Escalating(Start, PeriodFrequency.Quarterly, 9, Money.Usd(100m), 0.5);
        s.Select(f => f.Amount.Amount).Should().Equal(100m, 100m, 100m, 100m, 150m, 150m, 150m, 150m, 225m);
        // Annual: every period is a year.
        CashFlowStreams.Escalating(Start, PeriodFrequency.Annual, 3, Money.Usd(100m), 0.5).Select(f => f.Amount.Amount).Should().Equal(100m, 150m, 225m);
        ((Action)(() => CashFlowStreams.Escalating(Start, (PeriodFrequency)4, 3, Money.Usd(1m), 0.1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("frequency");
    }

    [Fact]
    public void Growth_BeyondDecimalRange_IsRefused()
    {
        // (1 + 1e9)^4 is about 1e36: finite as a double but beyond decimal's 7.9e28.
        ((Action)(() => CashFlowStreams.Periodic(Start, PeriodFrequency.Annual, 5, Money.Usd(1m), 1e9))).Should().Throw<FinancialCalculationException>()
            .WithMessage("The stream's growth overflows after 4 periods.");
        // 1 + 1e200 is already beyond decimal's range after one period.
        ((Action)(() => CashFlowStreams.Periodic(Start, PeriodFrequency.Annual, 3, Money.Usd(1m), 1e200))).Should().Throw<FinancialCalculationException>()
            .WithMessage("The stream's growth overflows after 1 periods.");
        // 10^28 is still in range: (1 + 9)^28 for 29 annual flows.
        CashFlowStreams.Periodic(Start, PeriodFrequency.Annual, 29, Money.Usd(1m), 9)[28].Amount.Amount.Should().BeApproximately(1e28m, 1e14m);
    }
}
