using CloudEconomics.Power;
using NodaTime;

namespace CloudEconomics.Tests.Power;

using Power = UnitsNet.Power;

/// <summary>Shared inputs for the power tests.</summary>
internal static class PowerTestData
{
    /// <summary>
    /// 1,000 H100-class accelerators, W_max = 700 W (the H100 SXM TDP), ASSUMED W_idle = 100 W, no server overhead
    /// (factor 1), 80% utilisation, PUE 1.15. Power curve assumption: linear, P(u) = 100 W + u x 600 W.
    /// </summary>
    internal static Facility H100Facility(double utilization = 0.8, double pue = 1.15) => new()
    {
        Name = "1,000 x H100",
        ItCapacity = Power.FromKilowatts(700),
        Pue = pue,
        Utilization = utilization,
        Accelerators = new AcceleratorFleet
        {
            Name = "H100 SXM",
            Count = 1000,
            MaxPower = Power.FromWatts(700),
            IdlePower = Power.FromWatts(100),
        },
    };

    /// <summary>A flat load: 100,000 x 1,000 W at u = 1 with idle 0 and PUE 1 = exactly 100 MW.</summary>
    internal static Facility FlatLoad(double megawatts) => new()
    {
        ItCapacity = Power.FromMegawatts(megawatts),
        Pue = 1,
        Utilization = 1,
        Accelerators = new AcceleratorFleet
        {
            Count = (int)(megawatts * 1000),
            MaxPower = Power.FromWatts(1000),
            IdlePower = Power.FromWatts(0),
        },
    };

    internal static PowerPurchaseAgreement Baseload(string who, double mw, decimal usdPerMwh, LocalDate start, LocalDate end) => new()
    {
        Counterparty = who,
        Source = EnergySourceKind.Nuclear,
        ContractedCapacity = Power.FromMegawatts(mw),
        Price = PricePerEnergy.UsdPerMegawattHour(usdPerMwh),
        Start = start,
        End = end,
    };
}
