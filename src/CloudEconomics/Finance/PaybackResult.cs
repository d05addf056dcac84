using System.Globalization;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>
/// When a cash-flow schedule recovers its investment: reached or not, the date, and the years from the first flow.
/// </summary>
/// <remarks>
/// The payback point lies inside the period that recovers the investment: cash is taken to arrive evenly between
/// the previous flow date and the recovering flow date, and the point is interpolated linearly. <see cref="Years"/>
/// is the exact (fractional) number of days from the first flow to that point divided by 365; <see cref="Date"/> is
/// the first calendar date on or after that point (the interpolated day count rounded up).
/// </remarks>
public sealed record PaybackResult
{
    private PaybackResult(bool isReached, LocalDate? date, double? years)
    {
        IsReached = isReached;
        Date = date;
        Years = years;
    }

    /// <summary>Whether the cumulative position recovers (reaches zero and stays there) within the schedule.</summary>
    public bool IsReached { get; }

    /// <summary>The first date on which the investment is recovered; null when not reached.</summary>
    public LocalDate? Date { get; }

    /// <summary>Years from the first flow to the payback point (days / 365, fractional); null when not reached.</summary>
    public double? Years { get; }

    /// <summary>A result saying the investment is not recovered within the schedule.</summary>
    public static PaybackResult NotReached { get; } = new(false, null, null);

    /// <summary>A result saying the investment is recovered.</summary>
    /// <param name="date">The first date on which it is recovered.</param>
    /// <param name="years">Years from the first flow to the payback point (days / 365); finite and not negative.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is negative or not finite.</exception>
    public static PaybackResult Reached(LocalDate date, double years)
    {
        if (!double.IsFinite(years) || years < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, $"Years to payback must be a finite number not below zero; it was {FinanceChecks.Format(years)}.");
        }
        return new PaybackResult(true, date, years);
    }

    /// <summary>Formats invariantly: <c>"reached 2027-03-15 (1.20 years)"</c> or <c>"not reached"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => IsReached
        ? $"reached {CloudEconomics.Serialization.IsoDate.Format(Date!.Value)} ({Years!.Value.ToString("0.00", CultureInfo.InvariantCulture)} years)"
        : "not reached";
}
