using CloudEconomics.Power;
using NodaTime;

namespace CloudEconomics.Tests.Power;

using Power = UnitsNet.Power;

public class PowerPortfolioTest
{
    private static readonly LocalDate Start = new(2025, 1, 1);
    private static readonly LocalDate End = new(2034, 12, 31);

    /// <summary>A: 60 MW nuclear baseload at 70 USD/MWh, take-or-pay 100%. B: 150 MW solar as-generated, CF 0.30 in June and 0.10 in July, 50 USD/MWh, take-or-pay 95%.</summary>
    private static PowerPortfolio TwoPpas()
    {
        var a = PowerTestData.Baseload("Nuclear A", 60, 70, Start, End) with { TakeOrPayMinimum = 1.0 };
        var cf = Enumerable.Repeat(0.2, 12).ToArray();
        cf[5] = 0.30;
        cf[6] = 0.10;
        var b = new PowerPurchaseAgreement
        {
            Counterparty = "Solar B",
            Source = EnergySourceKind.Solar,
            ContractedCapacity = Power.FromMegawatts(150),
            Price = PricePerEnergy.UsdPerMegawattHour(50),
            Start = Start,
            End = End,
            Shape = DeliveryShape.AsGenerated,
            MonthlyCapacityFactors = cf,
            TakeOrPayMinimum = 0.95,
        };
        return new PowerPortfolio([a, b], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(90)));
    }

    // Facility: flat 100 MW. June 2025 = 30 d x 24 = 720 h -> need 72,000 MWh.
    //   A delivers 60 x 720 = 43,200 MWh, all taken: 43,200 x 70 = 3,024,000 USD.
    //   Uncovered 72,000 - 43,200 = 28,800 MWh. B delivers 150 x 0.30 x 720 = 32,400 MWh; takes 28,800 (1,440,000 USD);
    //   surplus 3,600 MWh; take-or-pay: 0.95 x 32,400 = 30,780 - 28,800 = 1,980 MWh x 50 = 99,000 USD penalty.
    //   Grid 0. Total 3,024,000 + 1,440,000 + 99,000 = 4,563,000 USD; blended 4,563,000 / 72,000 = 63.375 USD/MWh.
    [Fact]
    public void Cover_SurplusMonth_ChargesTakeOrPayPenalty()
    {
        var june = TwoPpas().Cover(PowerTestData.FlatLoad(100), new YearMonth(2025, 6), new YearMonth(2025, 6)).Months.Single();
        june.Need.MegawattHours.Should().BeApproximately(72_000, 1e-6);
        june.FromContracts.MegawattHours.Should().BeApproximately(72_000, 1e-6);
        june.Shortfall.MegawattHours.Should().BeApproximately(0, 1e-6);
        june.Surplus.MegawattHours.Should().BeApproximately(3_600, 1e-6);
        june.Contracts[0].EnergyCost.Amount.Should().BeApproximately(3_024_000m, 1e-4m);
        june.Contracts[1].Taken.MegawattHours.Should().BeApproximately(28_800, 1e-6);
        june.ContractEnergyCost.Amount.Should().BeApproximately(4_464_000m, 1e-4m);
        june.TakeOrPayPenalty.Amount.Should().BeApproximately(99_000m, 1e-4m);
        june.GridCost.Amount.Should().BeApproximately(0m, 1e-4m);
        june.TotalCost.Amount.Should().BeApproximately(4_563_000m, 1e-4m);
        june.BlendedPrice!.Value.PerMegawattHour.Amount.Should().BeApproximately(63.375m, 1e-9m);
    }

    // July 2025 = 31 d x 24 = 744 h -> need 74,400 MWh.
    //   A: 60 x 744 = 44,640 MWh x 70 = 3,124,800 USD. B: 150 x 0.10 x 744 = 11,160 MWh x 50 = 558,000 USD, all taken (no penalty).
    //   Shortfall 74,400 - 44,640 - 11,160 = 18,600 MWh from the grid at 90 = 1,674,000 USD.
    //   Total 3,124,800 + 558,000 + 1,674,000 = 5,356,800 USD; blended 5,356,800 / 74,400 = 72.00 USD/MWh.
    [Fact]
    public void Cover_ShortfallMonth_BuysResidualFromGrid()
    {
        var july = TwoPpas().Cover(PowerTestData.FlatLoad(100), new YearMonth(2025, 7), new YearMonth(2025, 7)).Months.Single();
        july.Shortfall.MegawattHours.Should().BeApproximately(18_600, 1e-6);
        july.Surplus.MegawattHours.Should().BeApproximately(0, 1e-6);
        july.TakeOrPayPenalty.Amount.Should().Be(0m);
        july.GridCost.Amount.Should().BeApproximately(1_674_000m, 1e-4m);
        july.TotalCost.Amount.Should().BeApproximately(5_356_800m, 1e-4m);
        july.BlendedPrice!.Value.PerMegawattHour.Amount.Should().BeApproximately(72m, 1e-9m);
    }

    [Fact]
    public void Cover_TwoMonths_TotalsAreSums()
    {
        // 4,563,000 + 5,356,800 = 9,919,800 USD over 72,000 + 74,400 = 146,400 MWh -> 67.7581967... USD/MWh.
        var both = TwoPpas().Cover(PowerTestData.FlatLoad(100), new YearMonth(2025, 6), new YearMonth(2025, 7));
        both.TotalCost.Amount.Should().BeApproximately(9_919_800m, 1e-4m);
        both.Shortfall.MegawattHours.Should().BeApproximately(18_600, 1e-6);
        both.Surplus.MegawattHours.Should().BeApproximately(3_600, 1e-6);
        both.BlendedPrice!.Value.PerMegawattHour.Amount.Should().BeApproximately(9_919_800m / 146_400m, 1e-9m);
    }

    // CfD: 50 MW baseload, strike 60 USD/MWh, market 45 / 60 / 75 in Jan / Feb / Mar 2025.
    //   Jan: 50 x 744 = 37,200 MWh x (60 - 45) = +558,000 USD (buyer pays).
    //   Feb: 50 x 672 = 33,600 MWh x (60 - 60) = 0.
    //   Mar: 37,200 MWh x (60 - 75) = -558,000 USD (buyer receives).
    // The facility (flat 10 MW) still buys everything from the grid at 80: Jan 10 x 744 x 80 = 595,200 USD.
    [Fact]
    public void Cover_VirtualCfd_SettlesAgainstPricePath()
    {
        var path = MarketPricePath.Monthly(new YearMonth(2025, 1), new[] { 45m, 60m, 75m }.Select(PricePerEnergy.UsdPerMegawattHour));
        var cfd = new PowerPurchaseAgreement
        {
            Counterparty = "Wind CfD",
            Source = EnergySourceKind.Wind,
            ContractedCapacity = Power.FromMegawatts(50),
            Price = PricePerEnergy.UsdPerMegawattHour(60),
            Start = new LocalDate(2025, 1, 1),
            End = new LocalDate(2025, 3, 31),
            Settlement = SettlementKind.VirtualContractForDifference,
            MarketPrices = path,
        };
        var portfolio = new PowerPortfolio([cfd], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)));
        var cover = portfolio.Cover(PowerTestData.FlatLoad(10), new YearMonth(2025, 1), new YearMonth(2025, 3));
        cover.Months[0].CfdSettlement.Amount.Should().BeApproximately(558_000m, 1e-4m);
        cover.Months[1].CfdSettlement.Amount.Should().BeApproximately(0m, 1e-4m);
        cover.Months[2].CfdSettlement.Amount.Should().BeApproximately(-558_000m, 1e-4m);
        cover.CfdSettlement.Amount.Should().BeApproximately(0m, 1e-4m);
        cover.Months[0].Shortfall.MegawattHours.Should().BeApproximately(7_440, 1e-6);
        cover.Months[0].GridCost.Amount.Should().BeApproximately(595_200m, 1e-4m);
        cover.Months[0].TotalCost.Amount.Should().BeApproximately(595_200m + 558_000m, 1e-4m);
        cover.Months[2].TotalCost.Amount.Should().BeApproximately(595_200m - 558_000m, 1e-4m);
    }

    [Fact]
    public void Cover_ContractStartingMidMonth_DeliversOnlyDaysInsideTerm()
    {
        // Starts 16 Jan 2025: 16 days (16..31) x 24 h = 384 h x 5 MW = 1,920 MWh; nothing in December 2024.
        var ppa = PowerTestData.Baseload("Late", 5, 40, new LocalDate(2025, 1, 16), new LocalDate(2030, 1, 1));
        var cover = new PowerPortfolio([ppa], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)))
            .Cover(PowerTestData.FlatLoad(10), new YearMonth(2024, 12), new YearMonth(2025, 1));
        cover.Months[0].Contracts[0].Delivered.MegawattHours.Should().Be(0);
        cover.Months[0].Contracts[0].Price.Should().BeNull();
        cover.Months[1].Contracts[0].Delivered.MegawattHours.Should().BeApproximately(1_920, 1e-9);
    }

    [Fact]
    public void Cover_SmrStartingYearsAhead_IsGridOnlyUntilStart()
    {
        // An SMR contract starting 2032 contributes nothing in 2026.
        var smr = PowerTestData.Baseload("X-energy (illustrative)", 320, 90, new LocalDate(2032, 1, 1), new LocalDate(2051, 12, 31)) with { Source = EnergySourceKind.SmallModularReactor };
        var cover = new PowerPortfolio([smr], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)))
            .Cover(PowerTestData.FlatLoad(10), new YearMonth(2026, 1), new YearMonth(2026, 12));
        cover.Shortfall.MegawattHours.Should().BeApproximately(cover.Need.MegawattHours, 1e-9);
    }

    [Fact]
    public void Constructor_CurrencyMismatch_Throws()
    {
        var ppa = PowerTestData.Baseload("EUR deal", 5, 40, Start, End) with { Price = new PricePerEnergy(Money.Eur(40)) };
        var act = () => new PowerPortfolio([ppa], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)));
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "contracts" && e.Message.Contains("grid's currency USD"));
    }

    [Fact]
    public void Constructor_InvalidContract_ThrowsValidationException()
    {
        var ppa = PowerTestData.Baseload("Bad", 5, 40, Start, Start.PlusDays(-1));
        var act = () => new PowerPortfolio([ppa], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)));
        act.Should().Throw<FluentValidation.ValidationException>().Where(e => e.Message.Contains("End date must not be earlier than the start date"));
    }

    [Fact]
    public void Cover_GridPathTooShort_ThrowsNamingMonth()
    {
        var grid = MarketPricePath.Monthly(new YearMonth(2025, 1), [PricePerEnergy.UsdPerMegawattHour(80)]);
        var act = () => new PowerPortfolio([], grid).Cover(PowerTestData.FlatLoad(10), new YearMonth(2025, 1), new YearMonth(2025, 2));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "month" && e.Message.Contains("no price for 2025-02"));
    }
}

public class PortfolioCoverageTest
{
    // Grid only at 80 USD/MWh, flat 10 MW: January 2025 = 7,440 MWh x 80 = 595,200 USD billed 2025-02-01;
    // February 2025 = 6,720 MWh x 80 = 537,600 USD billed 2025-03-01.
    [Fact]
    public void ToCashFlowSchedule_MonthlyOutflowsInArrears()
    {
        var cover = new PowerPortfolio([], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)))
            .Cover(PowerTestData.FlatLoad(10), new YearMonth(2025, 1), new YearMonth(2025, 2));
        var schedule = cover.ToCashFlowSchedule();
        schedule.Should().HaveCount(2);
        schedule[0].Date.Should().Be(new LocalDate(2025, 2, 1));
        schedule[0].Amount.Amount.Should().BeApproximately(-595_200m, 1e-6m);
        schedule[1].Date.Should().Be(new LocalDate(2025, 3, 1));
        schedule[1].Amount.Amount.Should().BeApproximately(-537_600m, 1e-6m);
        // NPV at 0% is the plain sum.
        schedule.NetPresentValue(0, new LocalDate(2025, 1, 1)).Amount.Should().BeApproximately(-1_132_800m, 1e-6m);
    }
}
