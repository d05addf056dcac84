using CloudEconomics.Power;
using NodaTime;

namespace CloudEconomics.Tests.Power;

public class MarketPricePathTest
{
    [Fact]
    public void Monthly_CoversConsecutiveMonths()
    {
        var path = MarketPricePath.Monthly(new YearMonth(2025, 11), new[] { 10m, 20m, 30m }.Select(PricePerEnergy.UsdPerMegawattHour));
        path.LastMonth.Should().Be(new YearMonth(2026, 1));
        path.PriceIn(new YearMonth(2026, 1)).PerMegawattHour.Amount.Should().Be(30m);
        path.Covers(new YearMonth(2025, 10)).Should().BeFalse();
        path.Covers(new YearMonth(2026, 2)).Should().BeFalse();
    }

    [Fact]
    public void Constant_CoversEveryMonth()
    {
        var path = MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(-5));
        path.Covers(new YearMonth(1999, 1)).Should().BeTrue();
        path.PriceIn(new YearMonth(2099, 12)).PerMegawattHour.Amount.Should().Be(-5m);
        path.FirstMonth.Should().BeNull();
    }

    [Fact]
    public void Monthly_Empty_Throws()
    {
        var act = () => MarketPricePath.Monthly(new YearMonth(2025, 1), []);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "monthlyPrices" && e.Message.Contains("at least one"));
    }

    [Fact]
    public void Monthly_MixedCurrencies_Throws()
    {
        var act = () => MarketPricePath.Monthly(new YearMonth(2025, 1), [PricePerEnergy.UsdPerMegawattHour(1), new PricePerEnergy(Money.Eur(1))]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "monthlyPrices" && e.Message.Contains("one currency"));
    }
}
