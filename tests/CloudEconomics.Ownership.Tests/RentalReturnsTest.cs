using CloudEconomics.Catalog;
using CloudEconomics.Finance;
using CloudEconomics.Ownership;
using NodaTime;

namespace CloudEconomics.Tests.Ownership;

public class RentalReturnsTest
{
    /// <summary>
    /// Capex only (ILLUSTRATIVE): 125 servers x 280,320 USD = 35,040,000; no networking, no facility capex, no opex
    /// (energy at 0 USD/MWh, no maintenance, staff or space). 1,000 accelerators at 80% utilisation, from 2025-01-01.
    /// </summary>
    private static OwnedCluster CapexOnly() => OwnershipTestData.Cluster() with
    {
        ServerPrice = Money.Usd(280_320m),
        NetworkingShareOfServerCapex = 0,
        FacilityCapexPerMegawatt = Money.Usd(0),
        EnergyPrice = PricePerEnergy.UsdPerMegawattHour(0),
        MaintenanceRate = 0,
        StaffCostPerYear = null,
        SpaceCostPerYear = null,
    };

    // Hand computation: at 2.50 USD per accelerator-hour, revenue = 2.50 x 1,000 x 0.8 = 2,000 USD per hour of the period.
    // 2025-01-01..2027-01-01 = 730 days = 17,520 h -> 35,040,000 USD = the capex exactly: payback on 2027-01-01,
    // 730 days / 365 = 2.0 years (the recovering flow lands exactly on zero).
    [Fact]
    public void Payback_HandComputed_TwoYears()
    {
        var r = RentalReturns.Evaluate(CapexOnly(), PricePerHour.Usd(2.5m));
        r.Payback.IsReached.Should().BeTrue();
        r.Payback.Date.Should().Be(new LocalDate(2027, 1, 1));
        r.Payback.Years!.Value.Should().BeApproximately(2.0, 1e-9);
    }

    [Fact]
    public void Schedule_CapexOutThenMonthlyNet()
    {
        // First flow: -35,040,000 on 2025-01-01; second: January 2025 = 744 h x 2,000 = 1,488,000 on 2025-02-01. 60 monthly flows.
        var s = RentalReturns.CashFlows(CapexOnly(), PricePerHour.Usd(2.5m));
        s.Should().HaveCount(61);
        s[0].Should().Be(new CashFlow(new LocalDate(2025, 1, 1), Money.Usd(-35_040_000m)));
        s[1].Date.Should().Be(new LocalDate(2025, 2, 1));
        s[1].Amount.Amount.Should().BeApproximately(1_488_000m, 1e-6m);
        s[^1].Date.Should().Be(new LocalDate(2030, 1, 1));
    }

    [Fact]
    public void PaybackAndIrr_AgreeWithFinanceEngineOnSameSchedule()
    {
        var cluster = OwnershipTestData.Cluster() with { Financing = new ClusterFinancing { CostOfCapital = 0.1 }, SalvageFraction = 0.1 };
        var r = RentalReturns.Evaluate(cluster, PricePerHour.Usd(2.0m));
        var amounts = r.Schedule.Select(f => f.Amount.ToDouble()).ToArray();
        var dates = r.Schedule.Select(f => f.Date).ToArray();
        r.InternalRateOfReturn!.Value.Should().BeApproximately(CashFlowMath.Xirr(amounts, dates), 1e-12);
        r.InternalRateOfReturn.Value.Should().BeApproximately(r.Schedule.InternalRateOfReturn(), 1e-12);
        r.Payback.Should().Be(r.Schedule.Payback());
        r.NetPresentValue.Should().Be(r.Schedule.NetPresentValue(0.1, cluster.CommissioningDate));
        // At the IRR the NPV is zero (definition of XIRR).
        r.Schedule.NetPresentValue(r.InternalRateOfReturn.Value, cluster.CommissioningDate).Amount.Should().BeApproximately(0m, 1m);
    }

    [Fact]
    public void TerminalBookValue_IsAddedToLastFlow()
    {
        // Salvage 10% of IT capex (27,500,000) = 2,750,000, plus undepreciated facility 7,000,000 x 15/20 = 5,250,000 -> 8,000,000.
        var cluster = OwnershipTestData.Cluster() with { SalvageFraction = 0.1 };
        var with = RentalReturns.CashFlows(cluster, PricePerHour.Usd(2m));
        var without = RentalReturns.CashFlows(cluster, PricePerHour.Usd(2m), includeTerminalBookValue: false);
        (with[^1].Amount - without[^1].Amount).Amount.Should().BeApproximately(8_000_000m, 1e-4m);
    }

    [Fact]
    public void LowPrice_PaybackNotReached()
    {
        var r = RentalReturns.Evaluate(CapexOnly(), PricePerHour.Usd(0.5m), includeTerminalBookValue: false);
        r.Payback.IsReached.Should().BeFalse();
    }

    [Fact]
    public void OtherCurrency_Throws()
    {
        var act = () => RentalReturns.Evaluate(CapexOnly(), new PricePerHour(Money.Eur(2m)));
        act.Should().Throw<CurrencyMismatchException>();
    }

    [Fact]
    public void CompareWithOffer_P5OnDemandAfterJune2025Cut_Is6_88PerGpuHour()
    {
        // AWS price history (Karpenter snapshots): p5.48xlarge us-east-1 on-demand 55.04 USD/h from 2025-06-23; 8 H100 per instance.
        var catalog = CloudCatalog.Default;
        var offer = catalog.OffersFor(catalog.GetInstance("p5.48xlarge"), PurchaseOptionKind.OnDemand, "us-east-1").Single(o => o.IsValidOn(new LocalDate(2025, 7, 1)));
        offer.Price.Should().Be(PricePerHour.Usd(55.04m));
        var cmp = ClusterTco.Calculate(OwnershipTestData.Cluster()).CompareWithOffer(offer, catalog);
        cmp.RentalPerAcceleratorHour.Should().Be(PricePerHour.Usd(6.88m));
    }

    [Fact]
    public void CashFlows_PriceInOtherCurrency_Throws()
    {
        var act = () => RentalReturns.CashFlows(OwnershipTestData.Cluster(), new PricePerHour(Money.Eur(5m)));
        act.Should().Throw<CurrencyMismatchException>();
    }
}
