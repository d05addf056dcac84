using System.Globalization;
using CloudEconomics.Catalog.Validation;
using CloudEconomics.Utility;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Catalog;

/// <summary>The utilisation above which a commitment costs less than paying on demand for the hours actually used.</summary>
/// <param name="Utilization">Commitment effective rate / on-demand rate: 0.72 means the commitment wins above 72% use. Above 1 it never wins.</param>
/// <param name="OnDemand">The on-demand hourly rate compared.</param>
/// <param name="Commitment">The commitment's effective hourly rate (upfront amortised).</param>
public sealed record BreakevenUtilization(double Utilization, PricePerHour OnDemand, PricePerHour Commitment)
{
    /// <summary>Whether the commitment can break even at all (utilisation at most 100%).</summary>
    public bool IsAttainable => Utilization <= 1d;

    /// <summary>Invariant text such as <c>"72.05% (15.49 USD/h vs 21.50 USD/h on demand)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Utilization * 100:0.00}% ({Commitment} vs {OnDemand} on demand){(IsAttainable ? "" : ": never breaks even")}");
}

/// <summary>One month of a commitment under a utilisation profile.</summary>
/// <param name="Start">First day of the month (computed from the commitment start, never step by step).</param>
/// <param name="End">Last day of the month (inclusive).</param>
/// <param name="Hours">Billed hours in the month under the convention (730 or 730.5).</param>
/// <param name="Utilization">Share of those hours actually used, in [0, 1].</param>
/// <param name="CommitmentCost">What the commitment costs in the month: hourly fee x hours, plus the upfront payment in the first month.</param>
/// <param name="OnDemandCost">What the used hours would cost on demand.</param>
public sealed record CommitmentMonth(LocalDate Start, LocalDate End, double Hours, double Utilization, Money CommitmentCost, Money OnDemandCost)
{
    /// <summary>On-demand cost minus commitment cost (negative when the commitment loses that month).</summary>
    public Money Savings => OnDemandCost - CommitmentCost;
}

/// <summary>The dated monthly cost of a commitment under a utilisation profile, against on demand.</summary>
/// <param name="Months">One row per month of the term.</param>
/// <param name="TotalCommitment">Total paid for the commitment, upfront included.</param>
/// <param name="TotalOnDemand">Total the used hours would cost on demand.</param>
public sealed record CommitmentCostSchedule(IReadOnlyList<CommitmentMonth> Months, Money TotalCommitment, Money TotalOnDemand)
{
    /// <summary>Total on-demand cost minus total commitment cost.</summary>
    public Money NetSavings => TotalOnDemand - TotalCommitment;

    /// <summary>Savings as a fraction of the on-demand cost (0.25 = 25%; negative when the commitment loses); null when nothing was used.</summary>
    public double? SavingsFraction => TotalOnDemand.Amount == 0m ? null : (double)(NetSavings.Amount / TotalOnDemand.Amount);
}

/// <summary>
/// Commitment economics: effective hourly rates with upfront payments amortised, breakeven utilisation against on
/// demand, savings, the dated cost of a commitment under a monthly utilisation profile, and spot prices adjusted for
/// interruptions. Answers the seed article's "reserve Trainium capacity now?" with numbers.
/// </summary>
/// <remarks>
/// The hours in a term are <c>term years x hours per year</c> under an explicit <see cref="HoursPerYearConvention"/>
/// (AWS and Azure bill 730 h a month = 8,760 h a year). A commitment is paid for every hour of its term whether used
/// or not; on demand is paid only for the hours used.
/// </remarks>
public static class CommitmentEconomics
{
    // The plain checks decide validity (CatalogChecks, tested never looser than PriceOfferValidator); the validator is built
    // only when they fail, to report the problems in its words. Building it costs ~90 ms of a fresh process's start-up.
    private static PriceOfferValidator? offerRules;

    private static void ValidateOffer(PriceOffer offer)
    {
        if (offer is null || !Validation.CatalogChecks.IsValid(offer))
        {
            (offerRules ??= new PriceOfferValidator()).ValidateAndThrow(offer!);
        }
    }

    /// <summary>The effective hourly rate of an offer: hourly price + upfront / hours in the term.</summary>
    /// <param name="offer">The offer; an upfront payment needs a term.</param>
    /// <param name="convention">Hours per year.</param>
    /// <returns>The effective rate; the hourly price itself for an offer without upfront payment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offer"/> is null.</exception>
    /// <exception cref="ValidationException">The offer breaks a rule of <see cref="PriceOfferValidator"/>.</exception>
    /// <exception cref="ArgumentException">The offer has an upfront payment but no term (<paramref name="offer"/>).</exception>
    public static PricePerHour EffectiveHourlyRate(PriceOffer offer, HoursPerYearConvention convention)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ValidateOffer(offer);
        if (offer.Upfront?.Value is not { } upfront || upfront.IsZero)
        {
            return offer.Price;
        }
        var months = offer.Option.TermMonths ?? throw new ArgumentException($"Offer '{offer.Id}' has an upfront payment but no term to amortise it over.", nameof(offer));
        return EffectiveHourlyRate(offer.Price, upfront, months, convention);
    }

    /// <summary>The effective hourly rate of a commitment: hourly fee + upfront / (term months / 12 x hours per year).</summary>
    /// <param name="hourly">The recurring hourly fee (zero for all-upfront).</param>
    /// <param name="upfront">The upfront payment for the whole term; not negative; same currency.</param>
    /// <param name="termMonths">The term in months; greater than zero.</param>
    /// <param name="convention">Hours per year.</param>
    /// <returns>The effective hourly rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="termMonths"/> is not positive, or <paramref name="upfront"/> is negative.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static PricePerHour EffectiveHourlyRate(PricePerHour hourly, Money upfront, int termMonths, HoursPerYearConvention convention)
    {
        if (termMonths <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(termMonths), termMonths, $"A term must be at least one month; it was {termMonths.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (upfront.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(upfront), upfront, $"An upfront payment must not be negative; it was {upfront}.");
        }
        var hours = (decimal)(termMonths / 12d * convention.HoursPerYear());
        return new PricePerHour(hourly.PerHour + upfront / hours);
    }

    /// <summary>The breakeven utilisation: commitment effective rate / on-demand rate.</summary>
    /// <param name="onDemand">The on-demand rate; greater than zero.</param>
    /// <param name="commitment">The commitment's effective rate (see <see cref="EffectiveHourlyRate(PriceOffer, HoursPerYearConvention)"/>).</param>
    /// <returns>The breakeven; above 1 the commitment never wins.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="onDemand"/> is not positive.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static BreakevenUtilization Breakeven(PricePerHour onDemand, PricePerHour commitment)
    {
        if (onDemand.PerHour.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(onDemand), onDemand, $"The on-demand rate must be greater than zero; it was {onDemand}.");
        }
        return new BreakevenUtilization((double)(commitment / onDemand), onDemand, commitment);
    }

    /// <summary>The breakeven utilisation of a commitment offer against an on-demand offer, upfront amortised.</summary>
    /// <param name="onDemand">The on-demand (or any pay-per-use) offer.</param>
    /// <param name="commitment">The commitment offer.</param>
    /// <param name="convention">Hours per year for amortising an upfront payment.</param>
    /// <returns>The breakeven.</returns>
    /// <exception cref="ArgumentNullException">An offer is null.</exception>
    /// <exception cref="ValidationException">An offer breaks a rule of <see cref="PriceOfferValidator"/>.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static BreakevenUtilization Breakeven(PriceOffer onDemand, PriceOffer commitment, HoursPerYearConvention convention)
    {
        ArgumentNullException.ThrowIfNull(onDemand);
        ArgumentNullException.ThrowIfNull(commitment);
        ValidateOffer(onDemand);
        return Breakeven(onDemand.Price, EffectiveHourlyRate(commitment, convention));
    }

    /// <summary>Savings of a commitment against on demand at a utilisation: 1 - commitment / (on demand x utilisation).</summary>
    /// <param name="onDemand">The on-demand rate; greater than zero.</param>
    /// <param name="commitment">The commitment's effective rate.</param>
    /// <param name="utilization">Share of committed hours used, in (0, 1]; 1 by default.</param>
    /// <returns>The fraction saved (0.45 = 45%); negative when the commitment costs more.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="onDemand"/> is not positive or <paramref name="utilization"/> is outside (0, 1].</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static double SavingsFraction(PricePerHour onDemand, PricePerHour commitment, double utilization = 1d)
    {
        Preconditions.CheckUnitIntervalExclusiveZero(utilization);
        if (onDemand.PerHour.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(onDemand), onDemand, $"The on-demand rate must be greater than zero; it was {onDemand}.");
        }
        return 1d - (double)(commitment / onDemand) / utilization;
    }

    /// <summary>
    /// A spot price adjusted for interruptions: spot x (1 + overhead), the overhead being the extra hours spent
    /// re-running work lost to interruptions and on checkpoint and restart, per useful hour.
    /// </summary>
    /// <param name="spot">The spot rate.</param>
    /// <param name="interruptionOverhead">Extra hours per useful hour (0.15 = 15% more); finite, not negative.</param>
    /// <returns>The cost per useful hour.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interruptionOverhead"/> is negative or not finite.</exception>
    public static PricePerHour SpotEffectiveRate(PricePerHour spot, double interruptionOverhead)
    {
        Preconditions.CheckNonNegative(interruptionOverhead);
        return spot * (1m + (decimal)interruptionOverhead);
    }

    /// <summary>
    /// The dated monthly cost of a commitment under an expected utilisation profile, against paying on demand for
    /// the used hours. Month i runs from <c>start.PlusMonths(i)</c> to the day before <c>start.PlusMonths(i + 1)</c>
    /// and has <c>hours per year / 12</c> billed hours; the upfront payment falls in the first month.
    /// </summary>
    /// <param name="commitment">The commitment offer; its term (if any) must equal the profile's length.</param>
    /// <param name="onDemand">The on-demand rate to compare with.</param>
    /// <param name="start">First day of the commitment.</param>
    /// <param name="monthlyUtilization">Share of each month's hours used, each in [0, 1]; one per month of the term.</param>
    /// <param name="convention">Hours per year.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commitment"/> or <paramref name="monthlyUtilization"/> is null.</exception>
    /// <exception cref="ValidationException">The offer breaks a rule of <see cref="PriceOfferValidator"/>.</exception>
    /// <exception cref="ArgumentException">The profile is empty or its length differs from the term (<paramref name="monthlyUtilization"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A utilisation is outside [0, 1] or not finite.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static CommitmentCostSchedule CostUnderProfile(PriceOffer commitment, PricePerHour onDemand, LocalDate start, IReadOnlyList<double> monthlyUtilization, HoursPerYearConvention convention)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(monthlyUtilization);
        ValidateOffer(commitment);
        if (monthlyUtilization.Count == 0)
        {
            throw new ArgumentException("A utilisation profile needs at least one month.", nameof(monthlyUtilization));
        }
        if (commitment.Option.TermMonths is { } term && term != monthlyUtilization.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The profile must have one utilisation per month of the {term}-month term; it has {monthlyUtilization.Count}."), nameof(monthlyUtilization));
        }
        for (var i = 0; i < monthlyUtilization.Count; i++)
        {
            var u = monthlyUtilization[i];
            if (!double.IsFinite(u) || u < 0 || u > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(monthlyUtilization), u, string.Create(CultureInfo.InvariantCulture,
                    $"Each monthly utilisation must be between 0 and 1 inclusive; month {i + 1} was {Preconditions.Format(u)}."));
            }
        }
        var hours = convention.HoursPerMonth();
        var hourly = commitment.Price;
        var upfront = commitment.Upfront?.Value ?? Money.Zero(hourly.Currency);
        var months = new CommitmentMonth[monthlyUtilization.Count];
        var totalCommitment = Money.Zero(hourly.Currency);
        var totalOnDemand = Money.Zero(onDemand.Currency);
        for (var i = 0; i < months.Length; i++)
        {
            var u = monthlyUtilization[i];
            var committed = hourly.CostOf(UnitsNet.Duration.FromHours(hours)) + (i == 0 ? upfront : Money.Zero(hourly.Currency));
            var onDemandCost = onDemand.CostOf(UnitsNet.Duration.FromHours(hours * u));
            months[i] = new CommitmentMonth(start.PlusMonths(i), start.PlusMonths(i + 1).PlusDays(-1), hours, u, committed, onDemandCost);
            totalCommitment += committed;
            totalOnDemand += onDemandCost;
        }
        return new CommitmentCostSchedule(Array.AsReadOnly(months), totalCommitment, totalOnDemand);
    }
}
