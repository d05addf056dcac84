using CloudEconomics.Capital;
using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Capital;

public class CapexPaybackTest
{
    private static CapexProgram Program(decimal cost) => new("cluster", [new CapexTranche(new LocalDate(2026, 1, 1), Money.Usd(cost))]);

    private static QuarterlySeries Quarterly(params (string Quarter, decimal Amount)[] values)
        => new(Currency.Usd, values.Select(v => new KeyValuePair<FiscalQuarter, Money>(FiscalQuarter.Parse(v.Quarter), Money.Usd(v.Amount))));

    // XNPV by hand (Excel's definition): sum of amount / (1 + r)^(days since first / 365).
    private static double Xnpv(double rate, IEnumerable<CashFlow> flows)
    {
        var list = flows.ToList();
        var first = list[0].Date;
        return list.Sum(f => f.Amount.ToDouble() / Math.Pow(1 + rate, Period.DaysBetween(first, f.Date) / 365.0));
    }

    [Fact]
    public void Payback_HandComputed()
    {
        // -100 on 2026-01-01, +30 at each quarter end of 2026. Cumulative: -70 (03-31), -40 (06-30), -10 (09-30), +20 (12-31).
        // Recovery inside Sep 30 - Dec 31 (92 days): 10 of 30 -> 92 / 3 = 30.67 days after Sep 30 -> about 2026-10-31;
        // years = (272 + 30.67) / 365 = 0.829.
        var r = CapexPayback.Evaluate(Program(100), Quarterly(("Q1-2026", 30), ("Q2-2026", 30), ("Q3-2026", 30), ("Q4-2026", 30)));
        r.Payback.IsReached.Should().BeTrue();
        r.Payback.Years!.Value.Should().BeApproximately(302.667 / 365, 0.003);
        r.Payback.Date!.Value.Should().BeGreaterThanOrEqualTo(new LocalDate(2026, 10, 30)).And.BeLessThanOrEqualTo(new LocalDate(2026, 11, 1));
        r.TotalInvested.Should().Be(Money.Usd(100));
        r.TotalReturned.Should().Be(Money.Usd(120));
        r.Schedule.Should().HaveCount(5);
        // The IRR is the rate at which XNPV is zero.
        r.InternalRateOfReturn.Should().NotBeNull();
        Xnpv(r.InternalRateOfReturn!.Value, r.Schedule).Should().BeApproximately(0, 1e-6);
        r.InternalRateOfReturnNote.Should().BeNull();
    }

    [Fact]
    public void Payback_NotReached_WhenReturnsFallShort()
    {
        var r = CapexPayback.Evaluate(Program(100), Quarterly(("Q1-2026", 10)));
        r.Payback.IsReached.Should().BeFalse();
    }

    [Fact]
    public void Irr_Null_WhenNoSignChange()
    {
        var r = CapexPayback.Evaluate(Program(100), Quarterly(("Q1-2026", -5)));
        r.InternalRateOfReturn.Should().BeNull();
        r.InternalRateOfReturnNote.Should().Contain("no internal rate of return");
    }

    [Fact]
    public void CashBasis_AddsBackTheProgramsDepreciation()
    {
        // 1,200 in service 2026-01-01 on a 3-year life: 1,200 / 36 x 3 = 100 per quarter. Incremental operating income
        // 50 per quarter -> cash 150 per quarter.
        var policy = new DepreciationPolicy("servers", 3);
        var r = CapexPayback.Evaluate(Program(1200), Quarterly(("Q1-2026", 50), ("Q2-2026", 50)), CapexReturnBasis.Cash, policy);
        r.Schedule.Where(f => f.Amount.Amount > 0).Select(f => f.Amount.Amount).Should().AllSatisfy(a => a.Should().BeApproximately(150m, 1e-8m));
        r.Basis.Should().Be(CapexReturnBasis.Cash);
    }

    [Fact]
    public void IncrementalOver_Baseline_TimesShare()
    {
        // AWS operating income Q1-2025 11.5 -> Q1-2026 14.2 (reference): (14.2 - 11.5) x 0.5 = 1.35.
        var oi = Quarterly(("Q1-2025", 11.5m), ("Q1-2026", 14.2m));
        var inc = CapexPayback.IncrementalOver(oi, FiscalQuarter.Parse("Q1-2025"), 0.5);
        inc.Values.Should().ContainSingle().Which.Value.Should().Be(Money.Usd(1.35m));
    }

    [Fact]
    public void IncrementalOver_Rejections()
    {
        var oi = Quarterly(("Q1-2025", 11.5m));
        var share = () => CapexPayback.IncrementalOver(oi, FiscalQuarter.Parse("Q1-2025"), 0);
        share.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "attributedShare" && e.Message.Contains("greater than 0 and at most 1; it was 0"));
        var baseline = () => CapexPayback.IncrementalOver(oi, FiscalQuarter.Parse("Q1-2024"));
        baseline.Should().Throw<ArgumentException>().Where(e => e.ParamName == "baseline" && e.Message.Contains("Q1-2024 has no value"));
    }

    [Fact]
    public void Evaluate_Rejections()
    {
        var noPolicy = () => CapexPayback.Evaluate(Program(1), Quarterly(("Q1-2026", 1)), CapexReturnBasis.Cash);
        noPolicy.Should().Throw<ArgumentException>().Where(e => e.ParamName == "policy" && e.Message.Contains("needs a depreciation policy"));
        var eur = () => CapexPayback.Evaluate(Program(1), new QuarterlySeries(Currency.Eur, [new(FiscalQuarter.Parse("Q1-2026"), Money.Eur(1))]));
        eur.Should().Throw<ArgumentException>().Where(e => e.ParamName == "incrementalOperatingIncome" && e.Message.Contains("program's currency USD"));
        var none = () => CapexPayback.Evaluate(Program(1), Array.Empty<CashFlow>());
        none.Should().Throw<ArgumentException>().Where(e => e.ParamName == "returns" && e.Message.Contains("at least one return"));
    }
}
