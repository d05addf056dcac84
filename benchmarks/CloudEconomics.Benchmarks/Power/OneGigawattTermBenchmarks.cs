using BenchmarkDotNet.Attributes;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using NodaTime;

namespace CloudEconomics.Benchmarks.Power;

using Energy = UnitsNet.Energy;
using Power = UnitsNet.Power;
using UnitsDuration = UnitsNet.Duration;

/// <summary>
/// A 1 GW facility over a 20-year term (240 months): monthly energy need, PPA portfolio coverage and owned TCO.
/// Baseline: a naive loop doing the monthly energy with UnitsNet arithmetic (Power x Duration) per month.
/// All capex figures are illustrative assumptions of the benchmark, not data.
/// </summary>
[MemoryDiagnoser]
public class OneGigawattTermBenchmarks
{
    private static readonly YearMonth First = new(2026, 1);
    private static readonly YearMonth Last = new(2045, 12);
    private Facility facility = null!;
    private PowerPortfolio portfolio = null!;
    private OwnedCluster cluster = null!;

    /// <summary>900,000 accelerators x 700 W x overhead 1.5 = 945 MW IT at full load in a 1 GW hall.</summary>
    [GlobalSetup]
    public void Setup()
    {
        facility = new Facility
        {
            ItCapacity = Power.FromGigawatts(1),
            Pue = 1.15,
            Utilization = 0.8,
            Accelerators = new AcceleratorFleet { Count = 900_000, MaxPower = Power.FromWatts(700), IdlePower = Power.FromWatts(100), ServerOverheadFactor = 1.5 },
        };
        var nuclear = new PowerPurchaseAgreement
        {
            Counterparty = "nuclear (illustrative)",
            Source = EnergySourceKind.Nuclear,
            ContractedCapacity = Power.FromMegawatts(600),
            Price = PricePerEnergy.UsdPerMegawattHour(85),
            AnnualEscalator = 0.02,
            Start = new LocalDate(2026, 1, 1),
            End = new LocalDate(2045, 12, 31),
            TakeOrPayMinimum = 1,
        };
        var solar = new PowerPurchaseAgreement
        {
            Counterparty = "solar (illustrative)",
            Source = EnergySourceKind.Solar,
            ContractedCapacity = Power.FromMegawatts(500),
            Price = PricePerEnergy.UsdPerMegawattHour(56.76m),
            Start = new LocalDate(2026, 1, 1),
            End = new LocalDate(2045, 12, 31),
            Shape = DeliveryShape.AsGenerated,
            MonthlyCapacityFactors = [0.14, 0.17, 0.21, 0.25, 0.28, 0.30, 0.30, 0.28, 0.25, 0.21, 0.16, 0.13],
            TakeOrPayMinimum = 0.9,
        };
        portfolio = new PowerPortfolio([nuclear, solar], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(86.1m)));
        cluster = new OwnedCluster
        {
            Facility = facility,
            CommissioningDate = new LocalDate(2026, 1, 1),
            AcceleratorsPerServer = 8,
            ServerPrice = Money.Usd(250_000m),
            NetworkingShareOfServerCapex = 0.15,
            FacilityCapexPerMegawatt = Money.Usd(12_000_000m),
            UsefulLifeYears = 6,
            HorizonYears = 20,
            Financing = new ClusterFinancing { CostOfCapital = 0.09 },
            PowerSupply = portfolio,
            MaintenanceRate = 0.03,
            StaffCostPerYear = Money.Usd(40_000_000m),
            SpaceCostPerYear = Money.Usd(10_000_000m),
        };
    }

    /// <summary>Naive: UnitsNet quantities per month (Power x Duration), summed as Energy.</summary>
    [Benchmark(Baseline = true)]
    public double NaiveUnitsNetMonthlyEnergy()
    {
        var total = Energy.Zero;
        for (int m = 0; m < 240; m++)
        {
            var month = First.PlusMonths(m);
            var draw = facility.Accelerators.ItPower(facility.Utilization) * (decimal)facility.PueIn(month.Month);
            var hours = UnitsDuration.FromDays(month.Calendar.GetDaysInMonth(month.Year, month.Month));
            total += draw * hours;
        }
        return total.MegawattHours;
    }

    /// <summary>EnergyModel.MonthlyEnergyNeed over 240 months.</summary>
    [Benchmark]
    public int MonthlyEnergyNeed() => EnergyModel.MonthlyEnergyNeed(facility, First, Last).Count;

    /// <summary>Two PPAs plus grid covering 240 months.</summary>
    [Benchmark]
    public Money PortfolioCover() => portfolio.Cover(facility, First, Last).TotalCost;

    /// <summary>Owned TCO over 20 years with the portfolio as power supply.</summary>
    [Benchmark]
    public Money ClusterTco20Years() => ClusterTco.Calculate(cluster).Total;
}
