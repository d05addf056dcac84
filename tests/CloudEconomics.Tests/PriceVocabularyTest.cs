using UnitsNet;

namespace CloudEconomics.Tests;

/// <summary>The regular price vocabulary: the same factories on every price type, one CostOf verb, Money / quantity.</summary>
public class PriceVocabularyTest
{
    [Fact]
    public void PricePerHour_CostOf_Duration()
        // Hand: 2 USD/h for 90 minutes = 1.5 h x 2 = 3 USD.
        => PricePerHour.Usd(2m).CostOf(Duration.FromMinutes(90)).Should().Be(Money.Usd(3m));

    [Fact]
    public void Money_DividedByDuration_IsPricePerHour()
        // Hand: 30 USD over 12 hours = 2.5 USD/h.
        => (Money.Usd(30m) / Duration.FromHours(12)).Should().Be(PricePerHour.Usd(2.5m));

    [Fact]
    public void Money_DividedByEnergy_IsPricePerEnergy()
    {
        // Hand: 500 USD for 10 MWh = 50 USD/MWh; for 2,500 kWh = 2.5 MWh -> 200 USD/MWh.
        (Money.Usd(500m) / Energy.FromMegawattHours(10)).Should().Be(PricePerEnergy.UsdPerMegawattHour(50m));
        (Money.Usd(500m) / Energy.FromKilowattHours(2500)).PerMegawattHour.Amount.Should().BeApproximately(200m, 1e-9m);
        var act = () => Money.Usd(1m) / Energy.Zero;
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "right" && e.Message.Contains("positive"));
    }

    [Fact]
    public void PricePerEnergy_CostOf_Energy_AndKilowattHourFactories()
    {
        // Hand: 40 USD/MWh x 2,500 kWh (2.5 MWh) = 100 USD. 0.0861 USD/kWh (EIA's 8.61 cents) = 86.1 USD/MWh.
        PricePerEnergy.UsdPerMegawattHour(40m).CostOf(Energy.FromKilowattHours(2500)).Amount.Should().BeApproximately(100m, 1e-9m);
        PricePerEnergy.UsdPerKilowattHour(0.0861m).PerMegawattHour.Should().Be(Money.Usd(86.1m));
        PricePerEnergy.From(Money.Eur(70m)).Should().Be(new PricePerEnergy(Money.Eur(70m)));
        PricePerEnergy.Zero(Currency.Eur).PerMegawattHour.Should().Be(Money.Zero(Currency.Eur));
    }

    [Fact]
    public void PricePerKilowattMonth_CostOf_PowerAndMonths()
    {
        // Hand: 150 USD/kW-month x 2 MW (2,000 kW) x 3 months = 900,000 USD; one month = 300,000 USD.
        var price = PricePerKilowattMonth.Usd(150m);
        price.CostOf(UnitsNet.Power.FromMegawatts(2), 3).Should().Be(Money.Usd(900_000m));
        (price * UnitsNet.Power.FromMegawatts(2)).Should().Be(Money.Usd(300_000m));
        // 120,000 USD per MW-month = 120 USD per kW-month.
        PricePerKilowattMonth.FromPerMegawattMonth(Money.Usd(120_000m)).Should().Be(PricePerKilowattMonth.Usd(120m));
        PricePerKilowattMonth.From(Money.Usd(1m)).Should().Be(new PricePerKilowattMonth(Money.Usd(1m)));
        PricePerKilowattMonth.Zero(Currency.Usd).PerKilowattMonth.Should().Be(Money.Usd(0m));
        var act = () => price.CostOf(UnitsNet.Power.FromKilowatts(1), -1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "months");
    }

    [Fact]
    public void PricePerMillionTokens_CostOf_TokenCount_AndPerThousand()
    {
        // Hand: 0.002 USD per 1K tokens = 2 USD per 1M tokens; 250,000 tokens at 2 USD/1M = 0.5 USD.
        var price = PricePerMillionTokens.FromPerThousandTokens(Money.Usd(0.002m));
        price.Should().Be(PricePerMillionTokens.Usd(2m));
        price.CostOf(TokenCount.FromTokens(250_000)).Should().Be(Money.Usd(0.5m));
        PricePerMillionTokens.From(Money.Usd(3m)).Should().Be(PricePerMillionTokens.Usd(3m));
        PricePerMillionTokens.Zero(Currency.Usd).PerMillionTokens.Should().Be(Money.Usd(0m));
    }

    [Fact]
    public void PricePerHour_From_IsTheConstructor()
        => PricePerHour.From(Money.Eur(4m)).Should().Be(new PricePerHour(Money.Eur(4m)));
}
