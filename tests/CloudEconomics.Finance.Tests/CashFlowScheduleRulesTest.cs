using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// <see cref="CashFlowSchedule"/>: construction refusals with their messages, the text form, NPV at a valuation date
/// other than the start (against Math.Pow), overflow refusals, and payback with several flows on one date (by hand).
/// </summary>
public class CashFlowScheduleRulesTest
{
    private static CashFlow F(int y, int m, int d, decimal amount) => new(new LocalDate(y, m, d), Money.Usd(amount));

    [Fact]
    public void Construction_Refusals_AndText()
    {
        ((Action)(() => new CashFlowSchedule(null!))).Should().Throw<ArgumentNullException>().WithParameterName("flows");
        ((Action)(() => new CashFlowSchedule(Array.Empty<CashFlow>()))).Should().Throw<ArgumentException>().WithParameterName("flows")
            .WithMessage("A cash-flow schedule needs at least one flow; none were given.*");
        ((Action)(() => new CashFlowSchedule(new[] { F(2025, 1, 1, -1), new CashFlow(new LocalDate(2025, 3, 2), Money.Eur(2)) }))).Should().Throw<ArgumentException>()
            .WithParameterName("flows").WithMessage("All flows must be in one currency; the flow on 2025-03-02 is in EUR but the first is in USD.*");
        // Sorted by date whatever the input order.
        var s = new CashFlowSchedule(new[] { F(2026, 1, 1, 30), F(2025, 1, 1, -100), F(2025, 7, 1, 20) });
        s.StartDate.Should().Be(new LocalDate(2025, 1, 1));
        s.EndDate.Should().Be(new LocalDate(2026, 1, 1));
        s.Currency.Should().Be(Money.Usd(1).Currency);
        s.ToString().Should().StartWith("3 flows 2025-01-01 to 2026-01-01, total ");
        s.ToString().Should().Contain("-50");
        ((System.Collections.IEnumerable)s).Cast<CashFlow>().Select(f => f.Amount.Amount).Should().Equal(-100m, 20m, 30m);
    }

    [Fact]
    public void NetPresentValue_AtALaterValuationDate()
    {
        // Valued on 2026-01-01 (365 days after the start): each flow times 1.1^((365 - t) / 365).
        var s = new CashFlowSchedule(new[] { F(2025, 1, 1, -1000), F(2025, 7, 1, 300), F(2026, 1, 1, 400), F(2027, 1, 1, 500) });
        int[] t = { 0, 181, 365, 730 };
        double[] v = { -1000, 300, 400, 500 };
        double expected = 0;
        for (int i = 0; i < 4; i++)
        {
            expected += v[i] * Math.Pow(1.1, (365 - t[i]) / 365.0);
        }
        ((double)s.NetPresentValue(0.1, new LocalDate(2026, 1, 1)).Amount).Should().BeApproximately(expected, 0.006);
        ((Action)(() => s.NetPresentValue(-1, new LocalDate(2026, 1, 1)))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("annualRate");
        // Valued 300 years before the start at 10^6 % a year: far beyond decimal's range.
        ((Action)(() => s.NetPresentValue(1e4, new LocalDate(2325, 1, 1)))).Should().Throw<FinancialCalculationException>().WithMessage("*NetPresentValue*");
        // A value finite as a double yet beyond decimal: 1e3 a year for 10 years grows 1000 by 1001^10 (about 1e33).
        ((Action)(() => new CashFlowSchedule(new[] { F(2025, 1, 1, 1000) }).NetPresentValue(1000, new LocalDate(2034, 12, 29)))).Should()
            .Throw<FinancialCalculationException>().WithMessage("*NetPresentValue*");
    }

    [Fact]
    public void DiscountedPayback_OverflowingDiscount_IsRefused()
    {
        // At -99.99% a year, a flow 100 years out is multiplied by 10^400: infinity.
        var s = new CashFlowSchedule(new[] { F(2025, 1, 1, -1), F(2125, 1, 1, 1) });
        ((Action)(() => s.DiscountedPayback(-0.9999))).Should().Throw<FinancialCalculationException>().WithMessage("*DiscountedPayback*");
        ((Action)(() => s.DiscountedPayback(double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("annualRate");
    }

    [Fact]
    public void Payback_SeveralFlowsOnOneDate_ByHand()
    {
        // -100 on day 0; on day 100 +30 and +30 and -10 (net +50, still -50 at the end of that date); on day 200 +20
        // and +80 (net +100): recovered halfway from day 100 to day 200, on day 150.
        var s = new CashFlowSchedule(new[]
        {
            F(2025, 1, 1, -100), F(2025, 4, 11, 30), F(2025, 4, 11, 30), F(2025, 4, 11, -10), F(2025, 7, 20, 20), F(2025, 7, 20, 80),
        });
        var p = s.Payback();
        p.IsReached.Should().BeTrue();
        p.Date.Should().Be(new LocalDate(2025, 1, 1).PlusDays(150));
        p.Years.Should().BeApproximately(150 / 365.0, 1e-12);
        s.CumulativePosition().Select(c => c.Amount.Amount).Should().Equal(-100m, -50m, 50m);
        s.CumulativePositionAt(new LocalDate(2025, 4, 11)).Should().Be(Money.Usd(-50m));
        s.CumulativePositionAt(new LocalDate(2025, 4, 10)).Should().Be(Money.Usd(-100m));
        // Within a date the running position dips below zero, but only the end of each date counts: reached at once.
        var dip = new CashFlowSchedule(new[] { F(2025, 1, 1, 100), F(2025, 1, 1, -100), F(2025, 2, 1, -1), F(2025, 2, 1, 1) });
        dip.Payback().Date.Should().Be(new LocalDate(2025, 1, 1));
        dip.Payback().Years.Should().Be(0);
        // Still negative at the end: not reached.
        new CashFlowSchedule(new[] { F(2025, 1, 1, -100), F(2026, 1, 1, 50) }).Payback().IsReached.Should().BeFalse();
    }
}
