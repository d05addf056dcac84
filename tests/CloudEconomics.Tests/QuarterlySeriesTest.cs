using CloudEconomics.Capital;

namespace CloudEconomics.Tests;

public class QuarterlySeriesTest
{
    private static KeyValuePair<FiscalQuarter, Money> Q(string quarter, decimal billions)
        => new(FiscalQuarter.Parse(quarter), Money.Usd(billions * 1_000_000_000m));

    // Amazon net capex by quarter in US$ billions (reference financials, cash_capex_net_q_usd_bn).
    private static QuarterlySeries NetCapex() => new(Currency.Usd,
    [
        Q("Q1-2025", 24.3m), Q("Q2-2025", 31.368m), Q("Q3-2025", 34.2m), Q("Q4-2025", 38.5m), Q("Q1-2026", 43.2m),
    ]);

    [Fact]
    public void TrailingTwelveMonths_SumsFourQuarters()
    {
        // Hand sum: 31.368 + 34.2 + 38.5 + 43.2 = 147.268.
        var ttm = NetCapex().TrailingTwelveMonths(FiscalQuarter.Parse("Q1-2026"));
        ttm.IsComplete.Should().BeTrue();
        ttm.Total.Should().Be(Money.Usd(147.268m * 1_000_000_000m));
        ttm.Quarters.Should().HaveCount(4);
        ttm.MissingQuarters.Should().BeEmpty();
    }

    [Fact]
    public void TrailingTwelveMonths_WithAMissingQuarter_IsUnknownAndNamesIt()
    {
        var ttm = NetCapex().TrailingTwelveMonths(FiscalQuarter.Parse("Q3-2025"));
        ttm.Total.Should().BeNull();
        ttm.MissingQuarters.Should().Equal(FiscalQuarter.Parse("Q4-2024"));
    }

    [Fact]
    public void YearOverYearGrowth_IsRatioMinusOne()
    {
        // 43.2 / 24.3 - 1 = 0.777777...
        NetCapex().YearOverYearGrowth(FiscalQuarter.Parse("Q1-2026")).Should().BeApproximately(43.2 / 24.3 - 1, 1e-12);
        NetCapex().YearOverYearGrowth(FiscalQuarter.Parse("Q2-2025")).Should().BeNull();
        NetCapex().TrailingTwelveMonthsGrowth(FiscalQuarter.Parse("Q1-2026")).Should().BeNull();
    }

    [Fact]
    public void Indexer_UnknownQuarter_IsNull() => NetCapex()[FiscalQuarter.Parse("Q1-2020")].Should().BeNull();

    [Fact]
    public void Constructor_RejectsDuplicateQuarter()
    {
        var act = () => new QuarterlySeries(Currency.Usd, [Q("Q1-2025", 1), Q("Q1-2025", 2)]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "values" && e.Message.Contains("Q1-2025 appears twice"));
    }

    [Fact]
    public void Constructor_RejectsOtherCurrency()
    {
        var act = () => new QuarterlySeries(Currency.Usd, [new(FiscalQuarter.Parse("Q1-2025"), Money.Eur(1))]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "values" && e.Message.Contains("must be in USD"));
    }

    [Fact]
    public void Constructor_RejectsMixedCalendars()
    {
        var act = () => new QuarterlySeries(Currency.Usd,
            [Q("Q1-2025", 1), new(new FiscalQuarter(2025, 2, FiscalCalendar.JulyToJune), Money.Usd(1))]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "values" && e.Message.Contains("one fiscal calendar"));
    }
}

public class GrowthTest
{
    [Fact]
    public void YearOverYear_AwsQ1_2026()
    {
        // AWS revenue Q1-2026 37.6 vs Q1-2025 29.3 (reference financials): 37.6 / 29.3 - 1 = 0.283276... (reported "28%").
        Growth.YearOverYear(Money.Usd(37.6m), Money.Usd(29.3m)).Should().BeApproximately(0.2832764505, 1e-9);
    }

    [Fact]
    public void YearOverYear_RejectsNonPositiveBase()
    {
        var act = () => Growth.YearOverYear(Money.Usd(1), Money.Usd(0));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "yearAgo" && e.Message.Contains("positive year-ago figure"));
    }

    [Fact]
    public void Ratio_RejectsNonPositiveDenominator_AndMixedCurrencies()
    {
        var act = () => Growth.Ratio(Money.Usd(1), Money.Usd(-1));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "denominator" && e.Message.Contains("must be positive"));
        var mixed = () => Growth.Ratio(Money.Usd(1), Money.Eur(1));
        mixed.Should().Throw<CurrencyMismatchException>();
    }
}

public class SegmentResultTest
{
    [Fact]
    public void OperatingMargin_AwsQ1_2026()
    {
        // 14.2 / 37.6 = 0.377659... (reference: AWS operating income 14.2, revenue 37.6, US$ bn).
        var r = new SegmentResult("AWS", FiscalQuarter.Parse("Q1-2026"), Money.Usd(37.6m), Money.Usd(14.2m));
        r.OperatingMargin.Should().BeApproximately(0.3776595745, 1e-9);
        var yearAgo = new SegmentResult("AWS", FiscalQuarter.Parse("Q1-2025"), Money.Usd(29.3m), Money.Usd(11.5m));
        r.RevenueGrowth(yearAgo).Should().BeApproximately(0.2832764505, 1e-9);
    }

    [Fact]
    public void RevenueGrowth_WrongQuarter_Throws()
    {
        var r = new SegmentResult("AWS", FiscalQuarter.Parse("Q1-2026"), Money.Usd(37.6m), Money.Usd(14.2m));
        var other = new SegmentResult("AWS", FiscalQuarter.Parse("Q4-2025"), Money.Usd(35.579m), Money.Usd(12.465m));
        var act = () => r.RevenueGrowth(other);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "yearAgo" && e.Message.Contains("needs AWS in Q1-2025"));
    }

    [Fact]
    public void Constructor_RejectsNonPositiveRevenue()
    {
        var act = () => new SegmentResult("AWS", FiscalQuarter.Parse("Q1-2026"), Money.Usd(0), Money.Usd(1));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "revenue" && e.Message.Contains("must be positive"));
    }

    [Fact]
    public void Constructor_RejectsMixedCurrencies()
    {
        var act = () => new SegmentResult("AWS", FiscalQuarter.Parse("Q1-2026"), Money.Usd(1), Money.Eur(1));
        act.Should().Throw<CurrencyMismatchException>();
    }

    [Fact]
    public void Constructor_RejectsBlankSegment()
    {
        var act = () => new SegmentResult(" ", FiscalQuarter.Parse("Q1-2026"), Money.Usd(1), Money.Usd(1));
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "segment");
    }
}
