using CloudEconomics.Ownership;
using CloudEconomics.Tests.Power;
using NodaTime;

namespace CloudEconomics.Tests.Ownership;

/// <summary>
/// An illustrative owned cluster. Every capex and opex figure here is an ASSUMPTION of the test, not data:
/// hardware purchase prices are not in the reference data.
/// </summary>
internal static class OwnershipTestData
{
    /// <summary>
    /// 1,000 H100-class accelerators (PowerTestData.H100Facility: 580 W IT each at u = 0.8, PUE 1.15, 0.7 MW IT capacity),
    /// 8 per server -> 125 servers x 200,000 USD = 25,000,000; networking 10% = 2,500,000; facility 10,000,000 USD/MW x 0.7 MW
    /// = 7,000,000; total capex 34,500,000. IT life 5 years, no salvage; facility life 20 years. Cost of capital 0.
    /// Energy 80 USD/MWh; maintenance 3%/yr of capex; staff 500,000/yr; space 100,000/yr. Commissioned 2025-01-01.
    /// </summary>
    internal static OwnedCluster Cluster() => new()
    {
        Name = "illustrative H100 cluster",
        Facility = PowerTestData.H100Facility(),
        CommissioningDate = new LocalDate(2025, 1, 1),
        AcceleratorsPerServer = 8,
        ServerPrice = Money.Usd(200_000m),
        NetworkingShareOfServerCapex = 0.10,
        FacilityCapexPerMegawatt = Money.Usd(10_000_000m),
        UsefulLifeYears = 5,
        FacilityUsefulLifeYears = 20,
        Financing = new ClusterFinancing { CostOfCapital = 0 },
        EnergyPrice = PricePerEnergy.UsdPerMegawattHour(80),
        MaintenanceRate = 0.03,
        StaffCostPerYear = Money.Usd(500_000m),
        SpaceCostPerYear = Money.Usd(100_000m),
    };
}
