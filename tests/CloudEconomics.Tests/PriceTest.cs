using CloudEconomics.Tests.Helpers;
using UnitsNet;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics.Tests;

public class PriceTest
{
    [Fact]
    public void PricePerHour_TimesDuration_IsMoney()
    {
        // p5.48xlarge on demand after the June 2025 cut: 55.04 USD/h x 730 h (one month at 8,760 h/year) = 40,179.20 USD.
        (PricePerHour.Usd(55.04m) * UnitsDuration.FromHours(730)).Should().Be(Money.Usd(40179.2m));
        (UnitsDuration.FromDays(1) * PricePerHour.Usd(2m)).Should().Be(Money.Usd(48m));
    }

    [Fact]
    public void PricePerHour_DividedByTokenRate_IsPricePerMillionTokens()
    {
        // 98.32 USD/h at 10,000 tokens/s: 36,000,000 tokens an hour; 98.32 / 36 = 2.73111... USD per million tokens.
        var price = PricePerHour.Usd(98.32m) / TokenRate.FromTokensPerSecond(10_000);
        price.PerMillionTokens.Amount.Should().BeApproximately(2.7311111111m, 1e-9m);
    }

    [Fact]
    public void PricePerHour_FromMoneyAndDuration()
        => PricePerHour.From(Money.Usd(8760m), UnitsDuration.FromDays(365)).Should().Be(PricePerHour.Usd(1m));

    [Fact]
    public void PricePerHour_Negative_Throws()
    {
        var act = () => new PricePerHour(Money.Usd(-1m));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "perHour" && e.Message.Contains("must not be negative"));
    }

    [Fact]
    public void PricePerHour_ZeroThroughput_Throws()
    {
        var act = () => PricePerHour.Usd(1m) / TokenRate.Zero;
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "throughput");
    }

    [Fact]
    public void PricePerHour_CostOfNegativeDuration_Throws()
    {
        var act = () => PricePerHour.Usd(1m).CostOf(UnitsNet.Duration.FromHours(-1));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "duration" && e.Message.Contains("not below zero"));
    }

    [Fact]
    public void PricePerHour_PerAccelerator()
        => (PricePerHour.Usd(55.04m) / 8m).Should().Be(PricePerHour.Usd(6.88m)); // 55.04 / 8 GPUs = 6.88 USD per GPU-hour

    [Fact]
    public void PricePerEnergy_TimesEnergy_IsMoney()
    {
        // 80 USD/MWh x 7,056 MWh = 564,480 USD.
        (PricePerEnergy.UsdPerMegawattHour(80m) * Energy.FromMegawattHours(7056)).Should().Be(Money.Usd(564480m));
        // The same energy in kWh gives the same cost: 7,056,000 kWh x 0.08 USD/kWh.
        (PricePerEnergy.UsdPerMegawattHour(80m) * Energy.FromKilowattHours(7_056_000)).Amount.Should().BeApproximately(564480m, 1e-6m);
    }

    [Fact]
    public void PricePerEnergy_PerKilowattHour_IsPerMegawattHourOverThousand()
    {
        // EIA 2025 US industrial average 8.61 cents/kWh = 0.0861 USD/kWh = 86.1 USD/MWh.
        var price = PricePerEnergy.FromPerKilowattHour(Money.Usd(0.0861m));
        price.PerMegawattHour.Should().Be(Money.Usd(86.1m));
        price.PerKilowattHour.Should().Be(Money.Usd(0.0861m));
    }

    [Fact]
    public void PricePerEnergy_MayBeNegative_ForMarketPrices()
        => (PricePerEnergy.UsdPerMegawattHour(-5m) - PricePerEnergy.UsdPerMegawattHour(40m)).PerMegawattHour.Should().Be(Money.Usd(-45m));

    [Fact]
    public void PricePerMillionTokens_TimesTokens_IsMoney()
    {
        (PricePerMillionTokens.Usd(2.5m) * TokenCount.FromTokens(400_000)).Should().Be(Money.Usd(1m));
        PricePerMillionTokens.Usd(3m).PerToken.Should().Be(Money.Usd(0.000003m));
    }

    [Fact]
    public void MoneyDividedByTokens_IsPricePerMillionTokens()
        => (Money.Usd(10m) / TokenCount.FromMillions(4)).Should().Be(PricePerMillionTokens.Usd(2.5m));

    [Fact]
    public void MoneyDividedByZeroTokens_Throws()
    {
        var act = () => Money.Usd(1m) / TokenCount.Zero;
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "tokens");
    }

    [Fact]
    public void PricePerKilowattMonth_TimesCapacity_IsMonthlyMoney()
        => (new PricePerKilowattMonth(Money.Usd(150m)) * UnitsNet.Power.FromMegawatts(2)).Should().Be(Money.Usd(300_000m)); // 2,000 kW x 150

    [Fact]
    public void Prices_DifferentCurrencies_Throw()
    {
        var act = () => PricePerHour.Usd(1m) + new PricePerHour(Money.Eur(1m));
        act.Should().Throw<CurrencyMismatchException>();
    }

    [Fact]
    public void ToString_NamesTheUnit_Invariantly()
    {
        foreach (var culture in new[] { "de-DE", "tr-TR", "" })
        {
            TestHelper.InCulture(culture, () => PricePerHour.Usd(98.32m).ToString()).Should().Be("98.32 USD/h");
            TestHelper.InCulture(culture, () => PricePerEnergy.UsdPerMegawattHour(80m).ToString()).Should().Be("80.00 USD/MWh");
            TestHelper.InCulture(culture, () => PricePerMillionTokens.Usd(2.731m).ToString()).Should().Be("2.731 USD/1M tokens");
            TestHelper.InCulture(culture, () => new PricePerKilowattMonth(Money.Usd(1500m)).ToString()).Should().Be("1,500.00 USD/kW-month");
        }
    }

    [Fact]
    public void EqualityAndOrdering_FollowContract()
    {
        TestHelper.TestEqualsStruct(PricePerHour.Usd(1m), PricePerHour.Usd(1.0m), PricePerHour.Usd(2m));
        TestHelper.TestCompareToStruct(PricePerHour.Usd(1m), PricePerHour.Usd(1m), PricePerHour.Usd(2m));
        TestHelper.TestEqualsStruct(PricePerEnergy.UsdPerMegawattHour(1m), PricePerEnergy.UsdPerMegawattHour(1m), PricePerEnergy.UsdPerMegawattHour(2m));
        TestHelper.TestCompareToStruct(PricePerEnergy.UsdPerMegawattHour(1m), PricePerEnergy.UsdPerMegawattHour(1m), PricePerEnergy.UsdPerMegawattHour(2m));
        TestHelper.TestEqualsStruct(PricePerMillionTokens.Usd(1m), PricePerMillionTokens.Usd(1m), PricePerMillionTokens.Usd(2m));
        TestHelper.TestCompareToStruct(PricePerMillionTokens.Usd(1m), PricePerMillionTokens.Usd(1m), PricePerMillionTokens.Usd(2m));
        var kw = new PricePerKilowattMonth(Money.Usd(1m));
        TestHelper.TestEqualsStruct(kw, new PricePerKilowattMonth(Money.Usd(1m)), new PricePerKilowattMonth(Money.Usd(2m)));
        TestHelper.TestCompareToStruct(kw, new PricePerKilowattMonth(Money.Usd(1m)), new PricePerKilowattMonth(Money.Usd(2m)));
    }
}
