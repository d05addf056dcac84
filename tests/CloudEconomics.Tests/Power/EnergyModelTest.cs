using CloudEconomics.Power;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Tests.Power;

public class EnergyModelTest
{
    // Hand computation (power curve assumption: linear, W_idle = 100 W ASSUMED, W_max = 700 W TDP, overhead 1):
    //   IT draw per accelerator  = 100 W + 0.8 x (700 - 100) W = 100 + 480 = 580 W
    //   facility draw            = 580 W x PUE 1.15 = 667 W  -> 0.667 kWh per accelerator-hour
    //   energy cost per acc-hour = 0.667 kWh x 0.080 USD/kWh (80 USD/MWh) = 0.05336 USD
    //   1,000 accelerators       = 667 kW = 0.667 MW
    //   a year (2025: 365 d x 24 = 8,760 h) = 0.667 x 8,760 = 5,842.92 MWh
    //   cost                     = 5,842.92 MWh x 80 USD/MWh = 467,433.60 USD
    [Fact]
    public void EnergyPerAcceleratorHour_H100At80Percent_Is667Wh()
        => EnergyModel.EnergyPerAcceleratorHour(PowerTestData.H100Facility()).WattHours.Should().BeApproximately(667.0, 1e-9);

    [Fact]
    public void CostPerAcceleratorHour_H100At80UsdPerMwh_Is0_05336Usd()
    {
        var cost = EnergyModel.CostPerAcceleratorHour(PowerTestData.H100Facility(), PricePerEnergy.UsdPerMegawattHour(80));
        cost.PerHour.Amount.Should().BeApproximately(0.05336m, 1e-12m);
        cost.Currency.Should().Be(Currency.Usd);
    }

    [Fact]
    public void MonthlyEnergyNeed_H100For2025_Totals5842_92MwhAndCosts467433_60Usd()
    {
        var months = EnergyModel.MonthlyEnergyNeed(PowerTestData.H100Facility(), new YearMonth(2025, 1), new YearMonth(2025, 12));
        months.Should().HaveCount(12);
        // January: 0.667 MW x 31 d x 24 h = 0.667 x 744 = 496.248 MWh; February: 0.667 x 672 = 448.224 MWh.
        months[0].Energy.MegawattHours.Should().BeApproximately(496.248, 1e-9);
        months[1].Energy.MegawattHours.Should().BeApproximately(448.224, 1e-9);
        months.Sum(m => m.Energy.MegawattHours).Should().BeApproximately(5842.92, 1e-8);

        var grid = new PowerPortfolio([], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)));
        var coverage = grid.Cover(PowerTestData.H100Facility(), new YearMonth(2025, 1), new YearMonth(2025, 12));
        coverage.TotalCost.Amount.Should().BeApproximately(467_433.60m, 1e-6m);
        coverage.BlendedPrice!.Value.PerMegawattHour.Amount.Should().BeApproximately(80m, 1e-9m);
    }

    [Fact]
    public void MonthlyEnergyNeed_LeapFebruary_Has696Hours()
    {
        // 2024 is a leap year: February has 29 d x 24 = 696 h; 0.667 MW x 696 h = 464.232 MWh.
        var months = EnergyModel.MonthlyEnergyNeed(PowerTestData.H100Facility(), new YearMonth(2024, 2), new YearMonth(2024, 2));
        months.Single().Energy.MegawattHours.Should().BeApproximately(464.232, 1e-9);
    }

    [Fact]
    public void CostPerMillionTokens_1000TokensPerSecond_IsCostPerHourOverTokensPerHour()
    {
        // Tokens per accelerator-hour at u = 0.8: 1,000 tokens/s x 3,600 s x 0.8 = 2,880,000 tokens.
        // 0.05336 USD / 2.88 million tokens = 0.0185277... USD per million tokens.
        var cost = EnergyModel.CostPerMillionTokens(PowerTestData.H100Facility(), PricePerEnergy.UsdPerMegawattHour(80), TokenRate.FromTokensPerSecond(1000));
        cost.PerMillionTokens.Amount.Should().BeApproximately(0.05336m / 2.88m, 1e-12m);
    }

    [Fact]
    public void MonthlyPue_ReplacesConstant_AndAnnualPueIsDayWeighted()
    {
        // PUE 1.3 in July and August (62 days), 1.1 otherwise (303 days): (1.3 x 62 + 1.1 x 303) / 365 = (80.6 + 333.3) / 365 = 1.13397...
        var monthly = Enumerable.Repeat(1.1, 12).ToArray();
        monthly[6] = 1.3;
        monthly[7] = 1.3;
        var facility = PowerTestData.H100Facility() with { MonthlyPue = monthly };
        facility.AnnualPue.Should().BeApproximately((80.6 + 333.3) / 365, 1e-12);
        // July: 580 W x 1.3 = 754 Wh per accelerator-hour.
        EnergyModel.EnergyPerAcceleratorHour(facility, 7).WattHours.Should().BeApproximately(754, 1e-9);
    }

    [Fact]
    public void ServerOverhead_ScalesItDraw()
    {
        // Overhead 1.25: 1.25 x 580 W = 725 W IT, x 1.15 = 833.75 Wh per accelerator-hour.
        var f = PowerTestData.H100Facility() with { ItCapacity = UnitsNet.Power.FromMegawatts(1), Accelerators = PowerTestData.H100Facility().Accelerators with { ServerOverheadFactor = 1.25 } };
        EnergyModel.EnergyPerAcceleratorHour(f).WattHours.Should().BeApproximately(833.75, 1e-9);
    }

    [Fact]
    public void EnergyPerAcceleratorHour_PueBelowOne_ThrowsValidationNamingPue()
    {
        var act = () => EnergyModel.EnergyPerAcceleratorHour(PowerTestData.H100Facility(pue: 0.95));
        act.Should().Throw<ValidationException>().Where(e => e.Errors.Any(f => f.PropertyName == "Pue" && f.ErrorMessage.Contains("at least 1") && f.ErrorMessage.Contains("0.95")));
    }

    [Fact]
    public void CostPerAcceleratorHour_NegativePrice_Throws()
    {
        var act = () => EnergyModel.CostPerAcceleratorHour(PowerTestData.H100Facility(), PricePerEnergy.UsdPerMegawattHour(-5));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "price" && e.Message.Contains("must not be negative"));
    }

    [Fact]
    public void CostPerMillionTokens_ZeroUtilization_Throws()
    {
        var act = () => EnergyModel.CostPerMillionTokens(PowerTestData.H100Facility(utilization: 0), PricePerEnergy.UsdPerMegawattHour(80), TokenRate.FromTokensPerSecond(1000));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "facility" && e.Message.Contains("Utilization must be greater than zero"));
    }

    [Fact]
    public void CostPerMillionTokens_ZeroThroughput_Throws()
    {
        var act = () => EnergyModel.CostPerMillionTokens(PowerTestData.H100Facility(), PricePerEnergy.UsdPerMegawattHour(80), TokenRate.Zero);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "throughputPerAccelerator");
    }

    [Fact]
    public void MonthlyEnergyNeed_EndBeforeStart_Throws()
    {
        var act = () => EnergyModel.MonthlyEnergyNeed(PowerTestData.H100Facility(), new YearMonth(2025, 5), new YearMonth(2025, 4));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "to" && e.Message.Contains("must not be earlier"));
    }
}
