using System.Globalization;
using NodaTime;

namespace CloudEconomics.Power;

using UnitsNet;
using Power = UnitsNet.Power;

/// <summary>
/// The accelerators a facility powers and how their draw depends on utilisation: per accelerator
/// P(u) = W_idle + u x (W_max - W_idle), and per server slot P(u) x <see cref="ServerOverheadFactor"/>
/// (host CPUs, memory, NICs, fans). Immutable; checked by <see cref="AcceleratorFleetValidator"/>.
/// </summary>
/// <remarks>
/// The curve is linear between idle and full load. It is a modelling assumption, not a vendor specification:
/// real draw is not exactly linear in utilisation, and TDP (<see cref="MaxPower"/>) is a design ceiling rather than
/// a measured average.
/// </remarks>
public sealed record AcceleratorFleet
{
    /// <summary>A descriptive name such as "H100 SXM".</summary>
    public string Name { get; init; } = "accelerator";

    /// <summary>The number of accelerators; greater than zero.</summary>
    public required int Count { get; init; }

    /// <summary>W_max: the draw at full utilisation, usually the TDP (700 W for an H100 SXM); greater than zero.</summary>
    public required Power MaxPower { get; init; }

    /// <summary>W_idle: the draw at zero utilisation; between 0 and <see cref="MaxPower"/>.</summary>
    public required Power IdlePower { get; init; }

    /// <summary>
    /// The server's draw per accelerator as a multiple of the accelerator's own draw (1.0 = accelerators only;
    /// 1.5 = the host adds half again); at least 1.
    /// </summary>
    public double ServerOverheadFactor { get; init; } = 1d;

    /// <summary>The IT draw of one accelerator's share of a server at a utilisation: overhead x (W_idle + u x (W_max - W_idle)).</summary>
    /// <param name="utilization">Utilisation in [0, 1].</param>
    /// <returns>The IT power per accelerator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="utilization"/> is outside [0, 1].</exception>
    public Power ItPowerPerAccelerator(double utilization)
        => Power.FromWatts(ItWattsPerAccelerator(Utility.Preconditions.CheckInRange(utilization, 0d, 1d, nameof(utilization))));

    /// <summary>The IT draw of the whole fleet at a utilisation (count x <see cref="ItPowerPerAccelerator"/>).</summary>
    /// <param name="utilization">Utilisation in [0, 1].</param>
    /// <returns>The IT power.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="utilization"/> is outside [0, 1].</exception>
    public Power ItPower(double utilization)
        => Power.FromWatts(Count * ItWattsPerAccelerator(Utility.Preconditions.CheckInRange(utilization, 0d, 1d, nameof(utilization))));

    internal double ItWattsPerAccelerator(double utilization)
    {
        double idle = IdlePower.ToWatts();
        return ServerOverheadFactor * (idle + (utilization * (MaxPower.ToWatts() - idle)));
    }
}

/// <summary>
/// A facility: its IT capacity, its power usage effectiveness (constant or by calendar month), the accelerators it
/// powers and their average utilisation. Immutable; checked by <see cref="FacilityValidator"/>.
/// </summary>
/// <remarks>Facility power = IT power x PUE. IT power follows <see cref="AcceleratorFleet"/>'s linear curve.</remarks>
public sealed record Facility
{
    /// <summary>A descriptive name.</summary>
    public string Name { get; init; } = "facility";

    /// <summary>The IT capacity (the most IT load the hall can serve); greater than zero and at least the fleet's full-load IT draw.</summary>
    public required Power ItCapacity { get; init; }

    /// <summary>Power usage effectiveness (facility energy / IT energy); at least 1. Used when <see cref="MonthlyPue"/> is null.</summary>
    public double Pue { get; init; } = 1d;

    /// <summary>Optionally twelve PUE values, January to December, each at least 1; they replace <see cref="Pue"/>.</summary>
    public IReadOnlyList<double>? MonthlyPue { get; init; }

    /// <summary>The accelerators the facility powers.</summary>
    public required AcceleratorFleet Accelerators { get; init; }

    /// <summary>The average utilisation of the accelerators, in [0, 1].</summary>
    public required double Utilization { get; init; }

    /// <summary>The PUE in a calendar month.</summary>
    /// <param name="month">1 (January) to 12 (December).</param>
    /// <returns>The monthly PUE if given, else <see cref="Pue"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside 1 to 12.</exception>
    public double PueIn(int month)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"Month must be between 1 and 12; it was {month}.");
        }
        return MonthlyPue is { Count: 12 } m ? m[month - 1] : Pue;
    }

    /// <summary>The PUE averaged over a 365-day year, each month weighted by its days (equals <see cref="Pue"/> when constant).</summary>
    public double AnnualPue
    {
        get
        {
            if (MonthlyPue is not { Count: 12 } m)
            {
                return Pue;
            }
            double sum = 0;
            for (int i = 0; i < 12; i++)
            {
                sum += m[i] * DaysInMonth365[i];
            }
            return sum / 365d;
        }
    }

    /// <summary>The facility's average draw in a calendar month: IT power at <see cref="Utilization"/> x PUE of the month.</summary>
    /// <param name="month">1 to 12.</param>
    /// <returns>The facility power.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside 1 to 12.</exception>
    public Power FacilityPowerIn(int month) => Power.FromWatts(FacilityWatts(month));

    /// <summary>The energy the facility needs in a month: facility power x calendar hours of the month.</summary>
    /// <param name="month">The month.</param>
    /// <returns>The energy.</returns>
    public Energy EnergyNeedIn(YearMonth month) => Energy.FromMegawattHours(FacilityWatts(month.Month) / 1e6 * MonthHours.HoursIn(month));

    internal double FacilityWatts(int month) => Accelerators.Count * Accelerators.ItWattsPerAccelerator(Utilization) * PueIn(month);

    internal static readonly int[] DaysInMonth365 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Invariant summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Accelerators.Count:#,0} x {Accelerators.Name}, IT {ItCapacity.ToMegawatts():#,0.###} MW, PUE {AnnualPue:0.###}, utilisation {Utilization:0.###}");
}
