using CloudEconomics.Finance;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Tests.Ownership;

public class ClusterTcoTest
{
    // Hand computation for OwnershipTestData.Cluster() over 5 years from 2025-01-01 (60 monthly periods):
    //   hours = 1,826 days (2025..2029, 2028 is leap) x 24 = 43,824 h; accelerator-hours = 43,824,000; used (x 0.8) = 35,059,200.
    //   Depreciation: IT 27,500,000 (all of it, no salvage) + facility 7,000,000 / 240 months x 60 = 1,750,000 -> 29,250,000.
    //   Financing: 0 (cost of capital 0).
    //   Energy: 0.667 MW x 43,824 h = 29,230.608 MWh x 80 = 2,338,448.64.
    //   Maintenance: 3% x 34,500,000 x 5 = 5,175,000. Staff: 2,500,000. Space: 500,000.
    //   Total = 29,250,000 + 0 + 2,338,448.64 + 5,175,000 + 2,500,000 + 500,000 = 39,763,448.64 USD.
    //   Per owned accelerator-hour = 39,763,448.64 / 43,824,000 = 0.907344118...; per used hour = / 35,059,200 = 1.134180147...
    [Fact]
    public void Calculate_IllustrativeCluster_MatchesHandComputation()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster());
        tco.Months.Should().HaveCount(60);
        tco.AcceleratorHours.Should().Be(43_824_000);
        tco.Capex.Total.Should().Be(Money.Usd(34_500_000m));
        tco[TcoComponentKind.Depreciation].Total.Amount.Should().BeApproximately(29_250_000m, 1e-6m);
        tco[TcoComponentKind.LoanInterest].Total.Amount.Should().Be(0m);
        tco[TcoComponentKind.EquityCharge].Total.Amount.Should().Be(0m);
        tco[TcoComponentKind.Energy].Total.Amount.Should().BeApproximately(2_338_448.64m, 1e-4m);
        tco[TcoComponentKind.Maintenance].Total.Amount.Should().BeApproximately(5_175_000m, 1e-6m);
        tco[TcoComponentKind.Staff].Total.Amount.Should().BeApproximately(2_500_000m, 1e-6m);
        tco[TcoComponentKind.Space].Total.Amount.Should().BeApproximately(500_000m, 1e-6m);
        tco.Total.Amount.Should().BeApproximately(39_763_448.64m, 1e-4m);
        tco.PerAcceleratorHour.Amount.Should().BeApproximately(39_763_448.64m / 43_824_000m, 1e-10m);
        tco.PerUtilizedAcceleratorHour!.Value.Amount.Should().BeApproximately(39_763_448.64m / 35_059_200m, 1e-10m);

        // At a cost of capital of 0 without a loan the levelised cost is (capex + operating costs - terminal book value)
        // / used hours = (34,500,000 + 10,513,448.64 - 5,250,000) / 35,059,200, the same 1.134180147... (depreciation +
        // terminal book value = capex).
        tco.BreakevenRentalPrice.PerHour.Amount.Should().BeApproximately(39_763_448.64m / 35_059_200m, 1e-9m);
    }

    // Levelised cost at a cost of capital of 10% a year, no loan (computed by hand in Python, double precision):
    //   discount factor of a flow d days after 2025-01-01: 1.1^(-d/365); month m ends on 2025-01-01 + (m+1) months.
    //   costs: capex 34,500,000 at d = 0; each month-end: energy 0.667 MW x hours x 80 + maintenance 86,250 + staff
    //   41,666.67 + space 8,333.33; at 2030-01-01 (d = 1,826) less the terminal book value 5,250,000 (undepreciated facility).
    //   PV(costs) = 39,571,471.44; PV(used hours: hours x 1,000 x 0.8 each month-end) = 27,774,240.01;
    //   levelised = 39,571,471.44 / 27,774,240.01 = 1.4247544282 USD per used accelerator-hour.
    [Fact]
    public void BreakevenRentalPrice_CostOfCapital_IsPresentValueOfCostsOverPresentValueOfHours()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { Financing = new ClusterFinancing { CostOfCapital = 0.10 } });
        tco.BreakevenRentalPrice.PerHour.Amount.Should().BeApproximately(1.4247544282m, 1e-9m);
    }

    // The levelised price is defined so that renting every used hour at it gives the owner's cash flows an NPV of zero
    // at the cost of capital. Checked through RentalReturns (which builds the dated flows independently and values them
    // with CashFlowSchedule.NetPresentValue), with no loan, a loan repaid inside the horizon, and one outstanding at its
    // end (repaid from the terminal book value). Breakevens by hand (Python): 3-year loan 1.3513143110, 7-year 1.3362125256.
    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(0.5, 3, 1.3513143110)]
    [InlineData(0.5, 7, 1.3362125256)]
    public void BreakevenRentalPrice_RentedAtIt_NetPresentValueIsZero(double loanShare, int loanYears, double expectedBreakeven)
    {
        var financing = loanShare == 0
            ? new ClusterFinancing { CostOfCapital = 0.08 }
            : new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = loanShare, AnnualRate = 0.06, TermYears = loanYears } };
        var cluster = OwnershipTestData.Cluster() with { Financing = financing };
        var tco = ClusterTco.Calculate(cluster);
        if (expectedBreakeven > 0)
        {
            tco.BreakevenRentalPrice.PerHour.ToDouble().Should().BeApproximately(expectedBreakeven, 1e-9);
        }
        var npv = RentalReturns.Evaluate(cluster, tco.BreakevenRentalPrice).NetPresentValue;
        Math.Abs(npv.ToDouble()).Should().BeLessThan(1e-9 * tco.Capex.Total.ToDouble());
        var above = RentalReturns.Evaluate(cluster, PricePerHour.Usd(tco.BreakevenRentalPrice.PerHour.Amount + 0.01m)).NetPresentValue;
        above.Amount.Should().BePositive();
    }

    // Cost of capital 12%/yr -> monthly (1.12)^(1/12) - 1 = 0.0094887929...
    //   month 0: 34,500,000 x 0.0094887929 = 327,363.356...
    //   month 1: opening book value 34,500,000 - 458,333.33 (IT) - 29,166.67 (facility) = 34,012,500 -> x 0.0094887929 = 322,737.57...
    [Fact]
    public void Financing_CostOfCapital_ChargedOnOpeningBookValue()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { Financing = new ClusterFinancing { CostOfCapital = 0.12 } });
        tco.Months[0].Financing.Amount.Should().BeApproximately(327_363.356m, 0.001m);
        tco.Months[1].OpeningBookValue.Amount.Should().BeApproximately(34_012_500m, 1e-6m);
        tco.Months[1].Financing.Amount.Should().BeApproximately(322_737.570m, 0.001m);
    }

    // Loan: 50% of 34,500,000 = 17,250,000 at 6%/yr nominal (0.5% a month), 5 years; equity at cost of capital 0.
    //   month 0 interest = 17,250,000 x 0.005 = 86,250. Annuity payment = P i / (1 - (1 + i)^-60) = 333,491.27...
    //   month 1 interest = (17,250,000 - (333,491.27 - 86,250)) x 0.005 = 17,002,758.73 x 0.005 = 85,013.79...
    // Loan 50% of 34,500,000 at 6%/yr over 5 years; cost of capital 12% -> monthly 0.00948879293.
    //   month 0: interest 17,250,000 x 0.005 = 86,250; equity (34,500,000 - 17,250,000) x 0.00948879293 = 163,681.678.
    //   month 1: loan balance 17,250,000 - (333,490.826 - 86,250) = 17,002,759.174; book value 34,012,500;
    //   equity charge (34,012,500 - 17,002,759.174) x 0.00948879293 = 161,401.909.
    [Fact]
    public void Financing_LoanAndEquity_EquityChargedOnBookValueNetOfDebt()
    {
        var loan = new LoanTerms { FractionOfCapex = 0.5, AnnualRate = 0.06, TermYears = 5 };
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { Financing = new ClusterFinancing { CostOfCapital = 0.12, Loan = loan } });
        tco.Months[0].LoanInterest.Amount.Should().BeApproximately(86_250m, 1e-6m);
        tco.Months[0].EquityCharge.Amount.Should().BeApproximately(163_681.678m, 0.001m);
        tco.Months[1].OpeningLoanBalance.Amount.Should().BeApproximately(17_002_759.174m, 0.001m);
        tco.Months[1].EquityCharge.Amount.Should().BeApproximately(161_401.909m, 0.001m);
        tco.Months[1].Financing.Should().Be(tco.Months[1].LoanInterest + tco.Months[1].EquityCharge);
        // Month 0 total: depreciation 487,500 + interest 86,250 + equity charge 163,681.678 + operating 175,949.84
        // (FirstMonth_TotalAndOperatingCost_MatchHandComputation) = 913,381.518.
        tco.Months[0].Total.Amount.Should().BeApproximately(913_381.518m, 0.01m);
    }

    // A 3-year loan is repaid after 36 payments: from month 36 there is no interest and the equity charge is on the whole
    // book value: 34,500,000 - 36 x (458,333.33 + 29,166.67) = 16,950,000 x 0.00948879293 = 160,835.040.
    [Fact]
    public void Financing_LoanRepaid_InterestStopsAndEquityCarriesTheBookValue()
    {
        var loan = new LoanTerms { FractionOfCapex = 0.5, AnnualRate = 0.06, TermYears = 3 };
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { Financing = new ClusterFinancing { CostOfCapital = 0.12, Loan = loan } });
        tco.Months[35].LoanInterest.Amount.Should().BePositive();
        tco.Months[36].LoanInterest.Amount.Should().Be(0m);
        tco.Months[36].OpeningLoanBalance.Amount.Should().Be(0m);
        tco.Months[36].DebtService.Amount.Should().Be(0m);
        tco.Months[36].EquityCharge.Amount.Should().BeApproximately(160_835.040m, 0.001m);
        tco.ClosingLoanBalance.Amount.Should().Be(0m);
    }

    [Fact]
    public void Financing_Loan_ChargesInterestOnly()
    {
        var loan = new LoanTerms { FractionOfCapex = 0.5, AnnualRate = 0.06, TermYears = 5 };
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { Financing = new ClusterFinancing { CostOfCapital = 0, Loan = loan } });
        tco.Months[0].Financing.Amount.Should().BeApproximately(86_250m, 1e-6m);
        tco.Months[1].Financing.Amount.Should().BeApproximately(85_013.79m, 0.01m);
    }

    // Useful life 5 -> 6 years from 2027-01-01 (24 periods elapsed): before, 27,500,000 / 60 = 458,333.33 a month;
    //   accumulated 11,000,000; remaining 16,500,000 over 72 - 24 = 48 months = 343,750 a month. Horizon = 6 years.
    [Fact]
    public void Depreciation_UsefulLifeChange_SpreadsRemainderOverNewLife()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { FacilityCapexPerMegawatt = Money.Usd(0), UsefulLifeChange = new UsefulLifeChange(new LocalDate(2027, 1, 1), 72) });
        tco.Months.Should().HaveCount(72);
        tco.Months[23].Depreciation.Amount.Should().BeApproximately(458_333.3333m, 0.0001m);
        tco.Months[24].Depreciation.Amount.Should().BeApproximately(343_750m, 1e-6m);
        tco.Months[71].Depreciation.Amount.Should().BeApproximately(343_750m, 1e-6m);
        tco[TcoComponentKind.Depreciation].Total.Amount.Should().BeApproximately(27_500_000m, 1e-6m);
    }

    [Fact]
    public void Depreciation_Salvage_IsNotDepreciated()
    {
        // 20% salvage of 27,500,000 = 5,500,000 -> IT depreciation 22,000,000; + facility 1,750,000.
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { SalvageFraction = 0.2 });
        tco[TcoComponentKind.Depreciation].Total.Amount.Should().BeApproximately(23_750_000m, 1e-6m);
    }

    [Fact]
    public void Horizon_BeyondLife_StopsDepreciation()
    {
        // 7-year horizon, 5-year IT life: IT depreciation stops after month 60; facility continues (84 x 29,166.67).
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { HorizonYears = 7 });
        tco.Months[60].Depreciation.Amount.Should().BeApproximately(7_000_000m / 240m, 1e-9m);
        tco[TcoComponentKind.Depreciation].Total.Amount.Should().BeApproximately(27_500_000m + (7_000_000m / 240m * 84m), 1e-6m);
    }

    // p5.48xlarge on-demand 55.04 USD/h (after the June 2025 cut, AWS price history) / 8 GPUs = 6.88 USD per GPU-hour.
    // Owned 1.1341801... per used hour: saving 6.88 - 1.13418 = 5.74582 per used hour; x 35,059,200 used hours.
    [Fact]
    public void CompareWithRental_P5OnDemand_OwningIsCheaper()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster());
        var cmp = tco.CompareWithRental(PricePerHour.Usd(55.04m), 8);
        cmp.RentalPerAcceleratorHour.PerHour.Should().Be(Money.Usd(6.88m));
        cmp.OwningIsCheaper.Should().BeTrue();
        cmp.SavingPerUtilizedAcceleratorHour.Amount.Should().BeApproximately(6.88m - (39_763_448.64m / 35_059_200m), 1e-10m);
        cmp.SavingOverHorizon.Amount.Should().BeApproximately((6.88m * 35_059_200m) - 39_763_448.64m, 1e-3m);
        cmp.OwnedToRentalRatio.Should().BeApproximately(39_763_448.64m / 35_059_200m / 6.88m, 1e-10m);
    }

    [Fact]
    public void CompareWithRental_CheapRental_RentingWins()
        => ClusterTco.Calculate(OwnershipTestData.Cluster()).CompareWithRental(PricePerHour.Usd(1m)).OwningIsCheaper.Should().BeFalse();

    [Fact]
    public void PowerSupply_GridOnlyPortfolio_EqualsFlatPrice()
    {
        var flat = ClusterTco.Calculate(OwnershipTestData.Cluster());
        var grid = new PowerPortfolio([], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80)));
        var viaPortfolio = ClusterTco.Calculate(OwnershipTestData.Cluster() with { EnergyPrice = null, PowerSupply = grid });
        viaPortfolio[TcoComponentKind.Energy].Total.Amount.Should().BeApproximately(flat[TcoComponentKind.Energy].Total.Amount, 1e-6m);
    }

    [Fact]
    public void ZeroUtilization_HasNoBreakeven()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster() with { Facility = OwnershipTestData.Cluster().Facility with { Utilization = 0 } });
        tco.PerUtilizedAcceleratorHour.Should().BeNull();
        var act = () => tco.BreakevenRentalPrice;
        act.Should().Throw<InvalidOperationException>().WithMessage("*utilisation is zero*");
    }

    [Fact]
    public void Calculate_InvalidCluster_ThrowsValidationException()
    {
        var act = () => ClusterTco.Calculate(OwnershipTestData.Cluster() with { MaintenanceRate = -0.01 });
        act.Should().Throw<ValidationException>().Where(e => e.Errors.Any(f => f.PropertyName == "MaintenanceRate"));
    }

    [Fact]
    public void CompareWithRental_ZeroAcceleratorsPerInstance_Throws()
    {
        var act = () => ClusterTco.Calculate(OwnershipTestData.Cluster()).CompareWithRental(PricePerHour.Usd(55.04m), 0);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "acceleratorsPerInstance");
    }

    // January 2025 (31 days = 744 h) of OwnershipTestData.Cluster(), by hand:
    //   depreciation 27,500,000 / 60 + 7,000,000 / 240 = 458,333.33 + 29,166.67 = 487,500; financing 0 (cost of capital 0);
    //   energy 0.667 MW x 744 h = 496.248 MWh x 80 = 39,699.84; maintenance 3% x 34,500,000 / 12 = 86,250;
    //   staff 500,000 / 12 = 41,666.67; space 100,000 / 12 = 8,333.33.
    //   Operating = 39,699.84 + 86,250 + 41,666.67 + 8,333.33 = 175,949.84; total = 487,500 + 175,949.84 = 663,449.84.
    [Fact]
    public void FirstMonth_TotalAndOperatingCost_MatchHandComputation()
    {
        var m = ClusterTco.Calculate(OwnershipTestData.Cluster()).Months[0];
        m.Hours.Should().Be(744);
        m.Depreciation.Amount.Should().BeApproximately(487_500m, 0.01m);
        m.Energy.Amount.Should().BeApproximately(39_699.84m, 0.01m);
        m.OperatingCost.Amount.Should().BeApproximately(175_949.84m, 0.01m);
        m.Total.Amount.Should().BeApproximately(663_449.84m, 0.01m);
    }

    [Fact]
    public void CompareWithRental_ZeroPrice_Throws()
    {
        var act = () => ClusterTco.Calculate(OwnershipTestData.Cluster()).CompareWithRental(PricePerHour.Usd(0m));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "rentalPerAcceleratorHour" && e.Message.StartsWith("The rental price must be greater than zero to compare with."));
    }

    [Fact]
    public void CompareWithRental_ZeroAcceleratorsPerInstance_SaysSo()
    {
        var act = () => ClusterTco.Calculate(OwnershipTestData.Cluster()).CompareWithRental(PricePerHour.Usd(55.04m), 0);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.Message.StartsWith("Accelerators per instance must be greater than zero; it was 0."));
    }

    [Fact]
    public void NullArguments_AreNamed()
    {
        FluentActions.Invoking(() => ClusterTco.Calculate(null!)).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "cluster");
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster());
        var catalog = CloudEconomics.Catalog.CloudCatalog.Default;
        var offer = catalog.OffersFor(catalog.GetInstance("p5.48xlarge"), CloudEconomics.Catalog.PurchaseOptionKind.OnDemand, "us-east-1").First();
        FluentActions.Invoking(() => tco.CompareWithOffer(null!, catalog)).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "offer");
        FluentActions.Invoking(() => tco.CompareWithOffer(offer, null!)).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "catalog");
    }

    // A cluster that costs nothing (free servers, facility and energy, no maintenance, staff or space), financed half by a
    // loan at 6% and at an 8% cost of capital: every month costs 0, so the breakeven rental price is exactly 0 (allowed:
    // only a negative levelised cost has no breakeven price) and there is no loan to amortise (principal 0).
    [Fact]
    public void FreeCluster_CostsNothing_AndBreaksEvenAtZero()
    {
        var free = OwnershipTestData.Cluster() with
        {
            ServerPrice = Money.Usd(0m),
            FacilityCapexPerMegawatt = Money.Usd(0m),
            EnergyPrice = PricePerEnergy.UsdPerMegawattHour(0),
            MaintenanceRate = 0,
            StaffCostPerYear = null,
            SpaceCostPerYear = null,
            Financing = new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = 0.5, AnnualRate = 0.06, TermYears = 5 } },
        };
        var tco = ClusterTco.Calculate(free);
        tco.Capex.Total.Amount.Should().Be(0m);
        tco.Total.Amount.Should().Be(0m);
        tco.Months.Should().AllSatisfy(m => m.Total.Amount.Should().Be(0m));
        tco.BreakevenRentalPrice.PerHour.Amount.Should().Be(0m);
    }

    // Networking given as an amount instead of a share: 2,500,000 USD, the same as 10% of the 25,000,000 of servers,
    // so capex is the same 34,500,000.
    [Fact]
    public void NetworkingAsAmount_GivesTheSameCapex()
        => ClusterTco.Calculate(OwnershipTestData.Cluster() with { NetworkingShareOfServerCapex = null, NetworkingCapex = Money.Usd(2_500_000m) })
            .Capex.Total.Should().Be(Money.Usd(34_500_000m));
}

public class ClusterTcoFormattingTest
{
    [Fact]
    public void ToString_IsCultureInvariant()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster());
        var de = Helpers.TestHelper.InCulture("de-DE", () => tco.ToString());
        var tr = Helpers.TestHelper.InCulture("tr-TR", () => tco.ToString());
        de.Should().Be(tr);
        // 39,763,448.64 / 35,059,200 = 1.13418... -> "1.1342 USD/h".
        de.Should().Contain("Total").And.Contain("39,763,449 USD").And.Contain("1.1342 USD/h per used accelerator-hour");
        // One line per component: depreciation 29,250,000 / 35,059,200 used hours = 0.83430... -> "0.8343 USD/h".
        de.Should().Contain("\n  Depreciation         29,250,000 USD  0.8343 USD/h");
    }
}
