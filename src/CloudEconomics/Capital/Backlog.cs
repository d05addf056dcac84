using System.Globalization;
using FluentValidation;
using NodaTime;
using CloudEconomics.Data;

namespace CloudEconomics.Capital;

/// <summary>How a contract's value is recognised as revenue.</summary>
public enum RecognitionPattern
{
    /// <summary>Evenly over the contract term, pro rata by day.</summary>
    Ratable = 0,

    /// <summary>On the dates and in the amounts of an explicit schedule.</summary>
    Custom,
}

/// <summary>An amount of revenue recognised on a date (an entry of a custom recognition schedule).</summary>
/// <param name="Date">The date of recognition.</param>
/// <param name="Amount">The amount; positive.</param>
public readonly record struct RecognitionAmount(LocalDate Date, Money Amount);

/// <summary>
/// A customer contract in the backlog (remaining performance obligations): value, term and recognition pattern.
/// </summary>
/// <remarks>Ratable recognition spreads <see cref="Value"/> over the days of the term (both ends inclusive), each
/// quarter's share rounded to 10 decimal places of the currency unit and the last quarter taking the exact remainder,
/// so the quarters sum exactly to the value; a custom schedule must sum exactly to <see cref="Value"/> and fall within
/// the term.</remarks>
public sealed record BacklogContract
{
    /// <summary>An identifier; not blank.</summary>
    public required string Id { get; init; }

    /// <summary>The total contract value still to be recognised at <see cref="Start"/>; positive.</summary>
    public required Money Value { get; init; }

    /// <summary>The first day of the term.</summary>
    public required LocalDate Start { get; init; }

    /// <summary>The last day of the term (inclusive); not before <see cref="Start"/>.</summary>
    public required LocalDate End { get; init; }

    /// <summary>The recognition pattern.</summary>
    public RecognitionPattern Pattern { get; init; }

    /// <summary>The custom schedule; required (non-empty) for <see cref="RecognitionPattern.Custom"/>, empty otherwise.</summary>
    public IReadOnlyList<RecognitionAmount> Schedule { get; init; } = [];

    /// <summary>The term, both ends inclusive.</summary>
    public DateInterval Term => new(Start, End);

    /// <summary>Revenue recognised in each fiscal quarter the contract touches; the amounts sum exactly to <see cref="Value"/>.</summary>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <returns>Quarters in order with their amounts.</returns>
    /// <exception cref="ValidationException">The contract is invalid (see <see cref="BacklogContractValidator"/>).</exception>
    public IReadOnlyList<KeyValuePair<FiscalQuarter, Money>> RecognitionByQuarter(FiscalCalendar calendar = default)
    {
        new BacklogContractValidator().ValidateAndThrow(this);
        var result = new List<KeyValuePair<FiscalQuarter, Money>>();
        if (Pattern == RecognitionPattern.Custom)
        {
            foreach (var group in Schedule.GroupBy(s => FiscalQuarter.Containing(s.Date, calendar)).OrderBy(g => g.Key))
            {
                result.Add(new(group.Key, Money.Sum(group.Select(s => s.Amount), Value.Currency)));
            }
            return result;
        }
        decimal totalDays = Period.DaysBetween(Start, End) + 1;
        decimal recognised = 0m;
        var quarter = FiscalQuarter.Containing(Start, calendar);
        var last = FiscalQuarter.Containing(End, calendar);
        while (quarter <= last)
        {
            decimal amount;
            if (quarter == last)
            {
                amount = Value.Amount - recognised;
            }
            else
            {
                var from = quarter.Start > Start ? quarter.Start : Start;
                var to = quarter.End < End ? quarter.End : End;
                amount = Math.Round(Value.Amount * (Period.DaysBetween(from, to) + 1) / totalDays, 10, MidpointRounding.ToEven);
                recognised += amount;
            }
            result.Add(new(quarter, new Money(amount, Value.Currency)));
            quarter = quarter.Next;
        }
        return result;
    }

    /// <summary>The value not yet recognised at the end of <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The measurement date (recognition on that day counts as done).</param>
    /// <returns>The remaining value; zero after the term, the full value before it.</returns>
    /// <exception cref="ValidationException">The contract is invalid.</exception>
    public Money RemainingValue(LocalDate asOf)
    {
        new BacklogContractValidator().ValidateAndThrow(this);
        if (Pattern == RecognitionPattern.Custom)
        {
            return Money.Sum(Schedule.Where(s => s.Date > asOf).Select(s => s.Amount), Value.Currency);
        }
        if (asOf < Start) return Value;
        if (asOf >= End) return Money.Zero(Value.Currency);
        decimal totalDays = Period.DaysBetween(Start, End) + 1;
        return new Money(Value.Amount * Period.DaysBetween(asOf, End) / totalDays, Value.Currency);
    }
}

/// <summary>Rules for <see cref="BacklogContract"/>.</summary>
public sealed class BacklogContractValidator : AbstractValidator<BacklogContract>
{
    /// <summary>Creates the validator.</summary>
    public BacklogContractValidator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("A backlog contract needs an id.");
        RuleFor(x => x.Value).Must(v => v.Amount > 0).WithMessage((_, v) => $"A contract's value must be positive; it was {v}.");
        RuleFor(x => x.End).Must((x, end) => end >= x.Start)
            .WithMessage(x => $"The end date must not be earlier than the start date; contract '{x.Id}' runs {D(x.Start)} to {D(x.End)}.");
        RuleFor(x => x.Schedule).NotNull();
        When(x => x.Pattern == RecognitionPattern.Ratable, () =>
            RuleFor(x => x.Schedule).Must(s => s is null || s.Count == 0)
                .WithMessage(x => $"A ratable contract has no custom schedule; contract '{x.Id}' has {x.Schedule.Count} entries."));
        When(x => x.Pattern == RecognitionPattern.Custom && x.Schedule is not null, () =>
        {
            RuleFor(x => x.Schedule).NotEmpty().WithMessage(x => $"A custom-recognition contract needs a schedule; contract '{x.Id}' has none.");
            RuleForEach(x => x.Schedule).Must(s => s.Amount.Amount > 0)
                .WithMessage((_, s) => $"Every scheduled amount must be positive; {D(s.Date)} has {s.Amount}.");
            RuleForEach(x => x.Schedule).Must((x, s) => s.Amount.Currency == x.Value.Currency)
                .WithMessage((x, s) => $"Every scheduled amount must be in {x.Value.Currency.Code}; {D(s.Date)} is in {s.Amount.Currency.Code}.");
            RuleForEach(x => x.Schedule).Must((x, s) => s.Date >= x.Start && s.Date <= x.End)
                .WithMessage((x, s) => $"Every scheduled date must fall within the term {D(x.Start)} to {D(x.End)}; it was {D(s.Date)}.");
            RuleFor(x => x.Schedule).Must((x, s) => s.Count == 0 || s.Any(e => e.Amount.Currency != x.Value.Currency) || s.Sum(e => e.Amount.Amount) == x.Value.Amount)
                .WithMessage(x => string.Create(CultureInfo.InvariantCulture,
                    $"A custom schedule must sum to the contract value {x.Value}; it sums to {x.Schedule.Sum(e => e.Amount.Amount)}."));
        });
    }

    private static string D(LocalDate d) => CloudEconomics.Serialization.IsoDate.Format(d);
}

/// <summary>A book of contracts: total, recognition by quarter and weighted-average remaining life.</summary>
public sealed class Backlog
{
    /// <summary>Creates a backlog.</summary>
    /// <param name="contracts">The contracts; at least one, one currency, ids distinct, each valid.</param>
    /// <exception cref="ArgumentException">The list is empty, mixes currencies or repeats an id.</exception>
    /// <exception cref="ValidationException">A contract is invalid.</exception>
    public Backlog(IEnumerable<BacklogContract> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var list = contracts.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A backlog needs at least one contract.", nameof(contracts));
        }
        var validator = new BacklogContractValidator();
        foreach (var c in list)
        {
            validator.ValidateAndThrow(c);
            if (c.Value.Currency != list[0].Value.Currency)
            {
                throw new ArgumentException($"Every contract must be in one currency; found {list[0].Value.Currency.Code} and {c.Value.Currency.Code} ('{c.Id}').", nameof(contracts));
            }
        }
        var duplicate = list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Contract ids must be distinct; '{duplicate.Key}' appears {duplicate.Count()} times.", nameof(contracts));
        }
        Contracts = list;
    }

    /// <summary>The contracts.</summary>
    public IReadOnlyList<BacklogContract> Contracts { get; }

    /// <summary>The currency.</summary>
    public Currency Currency => Contracts[0].Value.Currency;

    /// <summary>The value not yet recognised at the end of <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The measurement date.</param>
    /// <returns>The remaining value.</returns>
    public Money RemainingValue(LocalDate asOf) => Money.Sum(Contracts.Select(c => c.RemainingValue(asOf)), Currency);

    /// <summary>Revenue recognised by fiscal quarter over all contracts; sums to the total contract value.</summary>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <returns>Quarters in order with their amounts.</returns>
    public IReadOnlyList<KeyValuePair<FiscalQuarter, Money>> RecognitionByQuarter(FiscalCalendar calendar = default)
        => Contracts.SelectMany(c => c.RecognitionByQuarter(calendar))
            .GroupBy(kv => kv.Key)
            .OrderBy(g => g.Key)
            .Select(g => new KeyValuePair<FiscalQuarter, Money>(g.Key, Money.Sum(g.Select(kv => kv.Value), Currency)))
            .ToList();

    /// <summary>
    /// Weighted-average remaining life in years at <paramref name="asOf"/>: each contract's remaining term
    /// (days from <paramref name="asOf"/> to its end / 365) weighted by its remaining value.
    /// </summary>
    /// <param name="asOf">The measurement date.</param>
    /// <returns>The life in years, or null when nothing remains at <paramref name="asOf"/>.</returns>
    /// <remarks>This mirrors the "weighted-average remaining life of long-term contracts" that Amazon discloses for AWS.</remarks>
    public double? WeightedAverageRemainingLife(LocalDate asOf)
    {
        decimal weight = 0m, sum = 0m;
        foreach (var c in Contracts)
        {
            var remaining = c.RemainingValue(asOf).Amount;
            if (remaining <= 0) continue;
            decimal years = Period.DaysBetween(asOf, c.End) / 365m;
            weight += remaining;
            sum += remaining * years;
        }
        return weight == 0 ? null : (double)(sum / weight);
    }

    /// <summary>The share of the remaining value at <paramref name="asOf"/> that is recognised within the next <paramref name="months"/> months.</summary>
    /// <param name="asOf">The measurement date.</param>
    /// <param name="months">The horizon in months; positive.</param>
    /// <returns>The share as a fraction, or null when nothing remains.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is not positive.</exception>
    public double? ShareRecognisedWithin(LocalDate asOf, int months)
    {
        if (months <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, $"The horizon must be a positive number of months; it was {months}.");
        }
        var now = RemainingValue(asOf);
        if (now.Amount <= 0) return null;
        var later = RemainingValue(asOf.PlusMonths(months));
        return (double)((now.Amount - later.Amount) / now.Amount);
    }
}

/// <summary>Backlog ratios against revenue.</summary>
public static class BacklogMetrics
{
    /// <summary>
    /// Coverage in years of revenue run-rate: backlog / (quarterly revenue x 4).
    /// </summary>
    /// <param name="backlog">The backlog (remaining performance obligations).</param>
    /// <param name="quarterlyRevenue">The latest quarter's revenue; positive.</param>
    /// <returns>Years of run-rate revenue the backlog represents.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarterlyRevenue"/> is not positive.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static double CoverageYears(Money backlog, Money quarterlyRevenue) => Growth.Ratio(backlog, quarterlyRevenue * 4m);

    /// <summary>Bookings in a period: revenue recognised + (closing backlog - opening backlog).</summary>
    /// <param name="revenue">Revenue recognised in the period.</param>
    /// <param name="openingBacklog">Backlog at the start of the period.</param>
    /// <param name="closingBacklog">Backlog at the end of the period.</param>
    /// <returns>The bookings.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Bookings(Money revenue, Money openingBacklog, Money closingBacklog) => revenue + closingBacklog - openingBacklog;

    /// <summary>Book-to-bill: bookings / revenue, with bookings = revenue + change in backlog.</summary>
    /// <param name="revenue">Revenue recognised in the period; positive.</param>
    /// <param name="openingBacklog">Backlog at the start of the period.</param>
    /// <param name="closingBacklog">Backlog at the end of the period.</param>
    /// <returns>The ratio (above 1 = the backlog grew).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revenue"/> is not positive.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static double BookToBill(Money revenue, Money openingBacklog, Money closingBacklog)
        => Growth.Ratio(Bookings(revenue, openingBacklog, closingBacklog), revenue);
}

/// <summary>An addition to a reported backlog, such as a contract announced after the reporting date.</summary>
/// <param name="Id">An identifier.</param>
/// <param name="Description">What the addition is.</param>
/// <param name="Amount">The amount (the bound, when <paramref name="IsLowerBound"/>).</param>
/// <param name="IsLowerBound">Whether the source gives only a lower bound ("over $100B").</param>
/// <param name="Provenance">Where the figure comes from.</param>
public sealed record BacklogAddition(string Id, string Description, Money Amount, bool IsLowerBound, Provenance Provenance);

/// <summary>A reported backlog plus later additions, e.g. AWS's reported $364B plus a later contract of over $100B = at least $464B.</summary>
public sealed record BacklogBridge
{
    /// <summary>Creates a bridge.</summary>
    /// <param name="reported">The reported backlog.</param>
    /// <param name="reportedProvenance">Where the reported figure comes from.</param>
    /// <param name="additions">The additions, in one currency with <paramref name="reported"/>.</param>
    /// <exception cref="CurrencyMismatchException">An addition is in another currency.</exception>
    public BacklogBridge(Money reported, Provenance reportedProvenance, IEnumerable<BacklogAddition> additions)
    {
        ArgumentNullException.ThrowIfNull(additions);
        Reported = reported;
        ReportedProvenance = reportedProvenance;
        Additions = additions.ToList();
        Total = Additions.Aggregate(reported, (acc, a) => acc + a.Amount);
    }

    /// <summary>The reported backlog.</summary>
    public Money Reported { get; }

    /// <summary>Where the reported figure comes from.</summary>
    public Provenance ReportedProvenance { get; }

    /// <summary>The additions.</summary>
    public IReadOnlyList<BacklogAddition> Additions { get; }

    /// <summary>Reported + additions; a lower bound when <see cref="IsLowerBound"/>.</summary>
    public Money Total { get; }

    /// <summary>Whether <see cref="Total"/> is only a lower bound (some addition is given as "over X").</summary>
    public bool IsLowerBound => Additions.Any(a => a.IsLowerBound);
}
