using CloudEconomics.Power;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CloudEconomics.Tests.Power;

using Power = UnitsNet.Power;

public class PowerPortfolioProperties
{
    // Energy balance, whatever the sizes: taken + grid = need; for each physical contract taken + surplus = delivered;
    // the penalty is never negative and is zero at a take-or-pay minimum of 0.
    [Property(MaxTest = 200)]
    public void Cover_EnergyBalances(PositiveInt loadMw, NonNegativeInt ppa1Mw, NonNegativeInt ppa2Mw, PositiveInt monthSeed)
    {
        double load = (loadMw.Get % 500) + 1;
        var facility = PowerTestData.FlatLoad(load);
        var start = new LocalDate(2025, 1, 1);
        var end = new LocalDate(2030, 12, 31);
        var contracts = new List<PowerPurchaseAgreement>();
        if (ppa1Mw.Get % 700 > 0)
        {
            contracts.Add(PowerTestData.Baseload("A", ppa1Mw.Get % 700, 60, start, end) with { TakeOrPayMinimum = 0.5 });
        }
        if (ppa2Mw.Get % 900 > 0)
        {
            contracts.Add(PowerTestData.Baseload("B", ppa2Mw.Get % 900, 40, start, end) with { Shape = DeliveryShape.AsGenerated, CapacityFactor = 0.3 });
        }
        var month = new YearMonth(2025, 1).PlusMonths(monthSeed.Get % 72);
        var m = new PowerPortfolio(contracts, MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(90)))
            .Cover(facility, month, month).Months.Single();
        (m.FromContracts.MegawattHours + m.Shortfall.MegawattHours).Should().BeApproximately(m.Need.MegawattHours, 1e-6);
        foreach (var c in m.Contracts)
        {
            (c.Taken.MegawattHours + c.Surplus.MegawattHours).Should().BeApproximately(c.Delivered.MegawattHours, 1e-6);
            c.TakeOrPayPenalty.Amount.Should().BeGreaterThanOrEqualTo(0m);
            if (c.Contract.TakeOrPayMinimum == 0)
            {
                c.TakeOrPayPenalty.Amount.Should().Be(0m);
            }
        }
        m.Shortfall.MegawattHours.Should().BeGreaterThanOrEqualTo(0);
        m.Surplus.MegawattHours.Should().BeGreaterThanOrEqualTo(0);
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
