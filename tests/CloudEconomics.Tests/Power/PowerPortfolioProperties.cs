using CloudEconomics.Power;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CloudEconomics.Tests.Power;

using Power = UnitsNet.Power;

public class PowerPortfolioProperties
{
    // Hand computation, February 2025 (28 days = 672 h), a flat 100 MW load: need = 100 x 672 = 67,200 MWh.
    //   A: baseload 80 MW at 60 USD/MWh, take-or-pay 50%: delivered 80 x 672 = 53,760; taken 53,760 (all: the need is
    //      larger); surplus 0; penalty max(0, 0.5 x 53,760 - 53,760) = 0; cost 53,760 x 60 = 3,225,600.
    //   B: as generated, 100 MW at capacity factor 0.3, 40 USD/MWh, take-or-pay 90%: delivered 100 x 0.3 x 672 = 20,160;
    //      67,200 - 53,760 = 13,440 left to take, so taken 13,440 and surplus 6,720; penalty (0.9 x 20,160 - 13,440)
    //      x 40 = 4,704 x 40 = 188,160; cost 13,440 x 40 = 537,600.
    //   Grid at 90: shortfall 0, cost 0. Total 3,225,600 + 537,600 + 188,160 = 3,951,360.
    [Fact]
    public void Cover_HandComputedMonth_WithSurplusAndPenalty()
    {
        var start = new LocalDate(2025, 1, 1);
        var end = new LocalDate(2030, 12, 31);
        var contracts = new List<PowerPurchaseAgreement>
        {
            PowerTestData.Baseload("A", 80, 60, start, end) with { TakeOrPayMinimum = 0.5 },
            PowerTestData.Baseload("B", 100, 40, start, end) with { Shape = DeliveryShape.AsGenerated, CapacityFactor = 0.3, TakeOrPayMinimum = 0.9 },
        };
        var month = new YearMonth(2025, 2);
        var m = new PowerPortfolio(contracts, MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(90)))
            .Cover(PowerTestData.FlatLoad(100), month, month).Months.Single();
        m.Need.MegawattHours.Should().BeApproximately(67_200, 1e-6);
        m.FromContracts.MegawattHours.Should().BeApproximately(67_200, 1e-6);
        m.Shortfall.MegawattHours.Should().BeApproximately(0, 1e-6);
        m.Surplus.MegawattHours.Should().BeApproximately(6_720, 1e-6);
        m.Contracts[0].Delivered.MegawattHours.Should().BeApproximately(53_760, 1e-6);
        m.Contracts[0].EnergyCost.Amount.Should().BeApproximately(3_225_600m, 1e-4m);
        m.Contracts[0].TakeOrPayPenalty.Amount.Should().Be(0m);
        m.Contracts[1].Delivered.MegawattHours.Should().BeApproximately(20_160, 1e-6);
        m.Contracts[1].Taken.MegawattHours.Should().BeApproximately(13_440, 1e-6);
        m.Contracts[1].EnergyCost.Amount.Should().BeApproximately(537_600m, 1e-4m);
        m.Contracts[1].TakeOrPayPenalty.Amount.Should().BeApproximately(188_160m, 1e-4m);
        m.GridCost.Amount.Should().BeApproximately(0m, 1e-4m);
        m.TotalCost.Amount.Should().BeApproximately(3_951_360m, 1e-4m);
    }

    // Hand computation, March 2025 (31 days = 744 h), a flat 100 MW load: need 74,400 MWh; one 30 MW baseload at 50
    // delivers 30 x 744 = 22,320 (all taken, cost 1,116,000); the grid at 90 supplies 74,400 - 22,320 = 52,080 MWh,
    // cost 4,687,200; total 5,803,200, blended 5,803,200 / 74,400 = 78 USD/MWh.
    [Fact]
    public void Cover_HandComputedMonth_WithShortfallFromGrid()
    {
        var contracts = new List<PowerPurchaseAgreement> { PowerTestData.Baseload("A", 30, 50, new LocalDate(2025, 1, 1), new LocalDate(2030, 12, 31)) };
        var month = new YearMonth(2025, 3);
        var m = new PowerPortfolio(contracts, MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(90)))
            .Cover(PowerTestData.FlatLoad(100), month, month).Months.Single();
        m.Shortfall.MegawattHours.Should().BeApproximately(52_080, 1e-6);
        m.GridCost.Amount.Should().BeApproximately(4_687_200m, 1e-4m);
        m.ContractEnergyCost.Amount.Should().BeApproximately(1_116_000m, 1e-4m);
        m.TotalCost.Amount.Should().BeApproximately(5_803_200m, 1e-4m);
        m.BlendedPrice!.Value.PerMegawattHour.Amount.Should().BeApproximately(78m, 1e-9m);
    }

    // Culture never changes a result or its text.
    [Fact]
    public void CoverageText_IsCultureInvariant()
    {
        var cover = new PowerPortfolio([], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)))
            .Cover(PowerTestData.FlatLoad(10), new YearMonth(2025, 1), new YearMonth(2025, 1));
        var de = Helpers.TestHelper.InCulture("de-DE", () => cover.ToString());
        var tr = Helpers.TestHelper.InCulture("tr-TR", () => cover.ToString());
        de.Should().Be(tr);
        de.Should().Be("1 months, need 7,440 MWh, grid 7,440 MWh, total 595,200.00 USD, blended 80.00 USD/MWh");
    }
}
