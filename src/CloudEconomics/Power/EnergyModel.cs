using System.Globalization;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Power;

using UnitsNet;

/// <summary>
/// Energy per accelerator-hour and the energy cost of an hour or of a million tokens, from a <see cref="Facility"/>.
/// </summary>
/// <remarks>
/// Energy per accelerator-hour = server overhead x (W_idle + u x (W_max - W_idle)) x PUE x 1 h: the facility energy
/// (IT plus cooling and distribution losses) behind one accelerator for one hour at the facility's average
/// utilisation u. Costs from these methods are energy alone: no capital, no maintenance.
/// </remarks>
public static class EnergyModel
{
    /// <summary>The facility energy behind one accelerator for one hour, at the facility's utilisation and annual PUE.</summary>
    /// <param name="facility">The facility; validated.</param>
    /// <returns>The energy (Wh-scale; read <c>KilowattHours</c>).</returns>
    /// <exception cref="ValidationException"><paramref name="facility"/> breaks a <see cref="FacilityValidator"/> rule.</exception>
    public static Energy EnergyPerAcceleratorHour(Facility facility)
    {
        FacilityValidator.Instance.ValidateAndThrow(facility);
        return Energy.FromWattHours(facility.Accelerators.ItWattsPerAccelerator(facility.Utilization) * facility.AnnualPue);
    }

    /// <summary>The facility energy behind one accelerator for one hour in a calendar month (that month's PUE).</summary>
    /// <param name="facility">The facility; validated.</param>
    /// <param name="month">1 (January) to 12.</param>
    /// <returns>The energy.</returns>
    /// <exception cref="ValidationException"><paramref name="facility"/> breaks a <see cref="FacilityValidator"/> rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside 1 to 12.</exception>
    public static Energy EnergyPerAcceleratorHour(Facility facility, int month)
    {
        FacilityValidator.Instance.ValidateAndThrow(facility);
        return Energy.FromWattHours(facility.Accelerators.ItWattsPerAccelerator(facility.Utilization) * facility.PueIn(month));
    }

    /// <summary>The energy a facility needs in each month from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <param name="facility">The facility; validated.</param>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month; not before <paramref name="from"/>.</param>
    /// <returns>One entry per month: facility power x calendar hours of the month.</returns>
    /// <exception cref="ValidationException"><paramref name="facility"/> breaks a <see cref="FacilityValidator"/> rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IReadOnlyList<MonthlyEnergy> MonthlyEnergyNeed(Facility facility, YearMonth from, YearMonth to)
    {
        FacilityValidator.Instance.ValidateAndThrow(facility);
        int count = MonthsBetween(from, to);
        var result = new MonthlyEnergy[count];
        for (int i = 0; i < count; i++)
        {
            var month = from.PlusMonths(i);
            result[i] = new MonthlyEnergy(month, facility.EnergyNeedIn(month));
        }
        return result;
    }

    /// <summary>The energy cost of one accelerator-hour: energy per accelerator-hour (annual PUE) x price.</summary>
    /// <param name="facility">The facility; validated.</param>
    /// <param name="price">The (blended) price per MWh; not negative.</param>
    /// <returns>The price per accelerator-hour.</returns>
    /// <exception cref="ValidationException"><paramref name="facility"/> breaks a <see cref="FacilityValidator"/> rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is negative.</exception>
    public static PricePerHour CostPerAcceleratorHour(Facility facility, PricePerEnergy price)
    {
        CheckPrice(price);
        return new PricePerHour(price * EnergyPerAcceleratorHour(facility));
    }

    /// <summary>
    /// The energy cost of a million tokens: cost per accelerator-hour / (throughput x 3,600 s x utilisation) x 1,000,000,
    /// where <paramref name="throughputPerAccelerator"/> is what one busy accelerator produces.
    /// </summary>
    /// <param name="facility">The facility; validated, utilisation greater than zero.</param>
    /// <param name="price">The (blended) price per MWh; not negative.</param>
    /// <param name="throughputPerAccelerator">Tokens per second of one accelerator while busy; greater than zero.</param>
    /// <returns>The energy cost per million tokens.</returns>
    /// <exception cref="ValidationException"><paramref name="facility"/> breaks a <see cref="FacilityValidator"/> rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is negative, the throughput is zero, or the facility's utilisation is zero (no tokens are made).</exception>
    public static PricePerMillionTokens CostPerMillionTokens(Facility facility, PricePerEnergy price, TokenRate throughputPerAccelerator)
    {
        var perHour = CostPerAcceleratorHour(facility, price);
        if (throughputPerAccelerator.TokensPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(throughputPerAccelerator), throughputPerAccelerator.TokensPerSecond, "Throughput must be greater than zero tokens per second to price a token.");
        }
        if (facility.Utilization <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(facility), facility.Utilization, "The facility's Utilization must be greater than zero to price a token (an idle accelerator makes none).");
        }
        return perHour.ForTokensPerHour((decimal)throughputPerAccelerator.TokensPerSecond * 3600m * (decimal)facility.Utilization);
    }

    internal static void CheckPrice(PricePerEnergy price, string paramName = "price")
    {
        if (price.PerMegawattHour.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, price, $"An energy price paid for consumption must not be negative here; it was {price}.");
        }
    }

    internal static int MonthsBetween(YearMonth from, YearMonth to)
    {
        int count = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The last month must not be earlier than the first; it was {to:yyyy-MM}, the first {from:yyyy-MM}."));
        }
        return count;
    }
}

/// <summary>The energy of one calendar month.</summary>
/// <param name="Month">The month.</param>
/// <param name="Energy">The energy.</param>
public readonly record struct MonthlyEnergy(YearMonth Month, Energy Energy);
