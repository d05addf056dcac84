using CloudEconomics.Capital;
using CloudEconomics.Finance;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CloudEconomics.Tests.Capital;

public class CapexDepreciationTest
{
    private static CapexProgram Server(decimal cost, int year, int month) => new("server", [new CapexTranche(new LocalDate(year, month, 1), Money.Usd(cost))]);

    private static FiscalYear Fy(int y) => new(y);

    [Fact]
    public void WorkedExample_LifeExtended3To4_After24Months()
    {
        // Worked example (also in CapexDepreciation's remarks): cost 1,200 in service 2020-01-01, life 3 years
        // -> 1,200 / 36 = 33.33/month = 400/year for 2020 and 2021 (800 expensed, net book value 400 on 2022-01-01).
        // Life changes 3 -> 4 on 2022-01-01: 48 - 24 = 24 months remain -> 400 / 24 = 16.67/month = 200/year in 2022 and 2023.
        var policy = new DepreciationPolicy("servers", 3, [UsefulLifeChange.InYears(new LocalDate(2022, 1, 1), 4)]);
        var schedule = CapexDepreciation.Schedule(Server(1200, 2020, 1), policy);
        schedule.For(Fy(2020)).Amount.Should().BeApproximately(400m, 1e-8m);
        schedule.For(Fy(2021)).Amount.Should().BeApproximately(400m, 1e-8m);
        schedule.For(Fy(2022)).Amount.Should().BeApproximately(200m, 1e-8m);
        schedule.For(Fy(2023)).Amount.Should().BeApproximately(200m, 1e-8m);
        schedule.For(Fy(2024)).Amount.Should().Be(0m);
        schedule.Total.Should().Be(Money.Usd(1200));
        schedule.Monthly.Should().HaveCount(48);
    }

    [Fact]
    public void WorkedExample_OperatingIncomeEffect()
    {
        // Without the change 2022 carries 400 and 2023 nothing; with it 200 and 200.
        // Effect (without - with): 2022 +200, 2023 -200, total 0.
        var change = UsefulLifeChange.InYears(new LocalDate(2022, 1, 1), 4);
        var policy = new DepreciationPolicy("servers", 3, [change]);
        var effect = CapexDepreciation.OperatingIncomeEffect(Server(1200, 2020, 1), policy, change);
        effect.OperatingIncomeEffect(Fy(2021)).Amount.Should().BeApproximately(0m, 1e-8m);
        effect.OperatingIncomeEffect(Fy(2022)).Amount.Should().BeApproximately(200m, 1e-8m);
        effect.OperatingIncomeEffect(Fy(2023)).Amount.Should().BeApproximately(-200m, 1e-8m);
        effect.OperatingIncomeEffect(FiscalQuarter.Parse("Q1-2022")).Amount.Should().BeApproximately(50m, 1e-8m);
        (effect.WithoutChange.Total - effect.WithChange.Total).Amount.Should().Be(0m);
    }

    [Fact]
    public void ShortenedLife_AlreadyOutlived_ExpensesRemainderAtOnce()
    {
        // Cost 600 in service 2019-07-01 on a 6-year life: 600 / 72 = 8.333/month. By 2025-01-01, 66 months have been
        // depreciated (Jul 2019 - Dec 2024): 66 x 8.333 = 550, net book value 50. The life is cut 6 -> 5 years (60 months)
        // on 2025-01-01: 60 - 66 < 0, so the 50 left is expensed in January 2025 (accelerated depreciation).
        // Without the change the 50 would spread over Jan-Jun 2025 (8.333/month): Q1-2025 effect = 25 - 50 = -25.
        var change = UsefulLifeChange.InYears(new LocalDate(2025, 1, 1), 5);
        var policy = new DepreciationPolicy("subset", 6, [change]);
        var effect = CapexDepreciation.OperatingIncomeEffect(Server(600, 2019, 7), policy, change);
        effect.WithChange.Monthly[new YearMonth(2025, 1)].Amount.Should().BeApproximately(50m, 1e-8m);
        effect.WithChange.Monthly.Keys.Max().Should().Be(new YearMonth(2025, 1));
        effect.OperatingIncomeEffect(FiscalQuarter.Parse("Q1-2025")).Amount.Should().BeApproximately(-25m, 1e-8m);
        effect.OperatingIncomeEffect(Fy(2025)).Amount.Should().BeApproximately(0m, 1e-8m);
    }

    [Fact]
    public void AmazonServerPolicy_LivesByDate()
    {
        // Reference depreciation_policy records: servers 3 -> 4 (2020-01-01), 4 -> 5 (2022-01-01), 5 -> 6 (2024-01-01);
        // a subset 6 -> 5 (2025-01-01).
        var servers = new DepreciationPolicy("servers", 3,
        [
            UsefulLifeChange.InYears(new LocalDate(2020, 1, 1), 4),
            UsefulLifeChange.InYears(new LocalDate(2022, 1, 1), 5),
            UsefulLifeChange.InYears(new LocalDate(2024, 1, 1), 6),
        ]);
        servers.UsefulLifeOn(new LocalDate(2019, 12, 31)).Should().Be(3);
        servers.UsefulLifeOn(new LocalDate(2020, 1, 1)).Should().Be(4);
        servers.UsefulLifeOn(new LocalDate(2023, 6, 30)).Should().Be(5);
        servers.UsefulLifeOn(new LocalDate(2026, 3, 31)).Should().Be(6);
        var subset = new DepreciationPolicy("subset", 3, servers.Changes.Append(UsefulLifeChange.InYears(new LocalDate(2025, 1, 1), 5)));
        subset.UsefulLifeOn(new LocalDate(2026, 3, 31)).Should().Be(5);
        subset.Without(subset.Changes[^1]).UsefulLifeOn(new LocalDate(2026, 3, 31)).Should().Be(6);
        // Dropping the 2022 change keeps 4 years until the 2024 change sets 6.
        servers.Without(servers.Changes[1]).UsefulLifeOn(new LocalDate(2023, 1, 1)).Should().Be(4);
    }

    [Fact]
    public void Policy_RejectsMidMonthChange()
    {
        var act = () => new DepreciationPolicy("servers", 3, [UsefulLifeChange.InYears(new LocalDate(2022, 1, 15), 4)]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "changes" && e.Message.Contains("first day of a month; it was 2022-01-15"));
    }

    [Theory]
    [InlineData(0.0, "greater than 0")]
    [InlineData(double.NaN, "greater than 0")]
    [InlineData(4.1, "whole number of months")]
    public void Policy_RejectsBadLife(double years, string rule)
    {
        var act = () => new DepreciationPolicy("servers", years);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "initialUsefulLifeYears" && e.Message.Contains(rule));
    }

    [Fact]
    public void Policy_AcceptsHalfYears() => new DepreciationPolicy("meta", 4.5).UsefulLifeOn(new LocalDate(2022, 1, 1)).Should().Be(4.5);

    [Fact]
    public void Without_ForeignChange_Throws()
    {
        var policy = new DepreciationPolicy("servers", 3);
        var act = () => policy.Without(UsefulLifeChange.InYears(new LocalDate(2022, 1, 1), 4));
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "change" && e.Message.Contains("not part of the servers policy"));
    }

    [Fact]
    public void Program_RejectsNonPositiveCost_AndEmpty()
    {
        var zero = () => new CapexProgram("p", [new CapexTranche(new LocalDate(2025, 1, 1), Money.Usd(0))]);
        zero.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "tranches" && e.Message.Contains("must be positive"));
        var empty = () => new CapexProgram("p", []);
        empty.Should().Throw<ArgumentException>().Where(e => e.ParamName == "tranches" && e.Message.Contains("at least one tranche"));
    }

    [Fact]
    public void FromQuarterlySpend_PlacesSpendMidQuarter()
    {
        var spend = new QuarterlySeries(Currency.Usd, [new(FiscalQuarter.Parse("Q1-2026"), Money.Usd(43.2m))]);
        CapexProgram.FromQuarterlySpend("q1", spend).Tranches.Single().InService.Should().Be(new LocalDate(2026, 2, 1));
    }

    [Property]
    public bool Schedule_SumsToCost_UnderAnyLifeChange(PositiveInt costSeed, byte startMonths, byte fromYears, byte toYears, byte changeAfterMonths)
    {
        decimal cost = costSeed.Get % 1_000_000 + 1;
        var start = new LocalDate(2015, 1, 1).PlusMonths(startMonths % 60);
        int from = fromYears % 8 + 1, to = toYears % 8 + 1;
        var changeDate = new LocalDate(2015, 1, 1).PlusMonths(changeAfterMonths % 120 + 1);
        var policy = new DepreciationPolicy("x", from, [UsefulLifeChange.InYears(changeDate, to)]);
        var schedule = CapexDepreciation.Schedule(new CapexProgram("p", [new CapexTranche(start, Money.Usd(cost))]), policy);
        return schedule.Total.Amount == cost && schedule.Monthly.Values.All(m => m.Amount >= 0);
    }

    [Fact]
    public void Policy_RejectsTwoChangesOnOneDate()
    {
        var act = () => new DepreciationPolicy("servers", 3,
            [UsefulLifeChange.InYears(new LocalDate(2022, 1, 1), 4), UsefulLifeChange.InYears(new LocalDate(2022, 1, 1), 5)]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "changes" && e.Message.Contains("Two useful-life changes take effect on 2022-01-01"));
    }

    [Fact]
    public void Program_RejectsMixedCurrencies()
    {
        var act = () => new CapexProgram("p", [new CapexTranche(new LocalDate(2025, 1, 1), Money.Usd(1)), new CapexTranche(new LocalDate(2025, 2, 1), Money.Eur(1))]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "tranches" && e.Message.Contains("found USD and EUR"));
    }

    [Fact]
    public void Program_TotalCost_AndCurrency()
    {
        var p = new CapexProgram("p", [new CapexTranche(new LocalDate(2025, 2, 1), Money.Usd(2)), new CapexTranche(new LocalDate(2025, 1, 1), Money.Usd(1))]);
        p.TotalCost.Should().Be(Money.Usd(3));
        p.Tranches[0].InService.Should().Be(new LocalDate(2025, 1, 1));
        p.Currency.Should().Be(Currency.Usd);
    }
}
