namespace CloudEconomics;

/// <summary>
/// Amounts of one flow (revenue, capex, cash flow) by fiscal quarter, in one currency and one fiscal calendar.
/// Quarters absent from the series are unknown, never zero.
/// </summary>
/// <remarks>Immutable. Trailing-twelve-month sums are the sum of the four quarters ending with the given quarter;
/// if any of them is unknown the sum is unknown and the result names the missing quarters.</remarks>
public sealed class QuarterlySeries
{
    private readonly SortedDictionary<FiscalQuarter, Money> values;

    /// <summary>Creates a series.</summary>
    /// <param name="currency">The currency of every amount.</param>
    /// <param name="values">Amounts by quarter; each quarter at most once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A quarter appears twice, quarters use different fiscal calendars, or an amount is in another currency.</exception>
    public QuarterlySeries(Currency currency, IEnumerable<KeyValuePair<FiscalQuarter, Money>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Currency = currency;
        this.values = new SortedDictionary<FiscalQuarter, Money>();
        FiscalCalendar? calendar = null;
        foreach (var (quarter, amount) in values)
        {
            if (amount.Currency != currency)
            {
                throw new ArgumentException($"Every amount must be in {currency.Code}; {quarter} is in {amount.Currency.Code}.", nameof(values));
            }
            if (calendar is { } c && c != quarter.Calendar)
            {
                throw new ArgumentException($"Every quarter must use one fiscal calendar; {quarter} uses the {quarter.Calendar}, earlier quarters the {c}.", nameof(values));
            }
            calendar = quarter.Calendar;
            if (!this.values.TryAdd(quarter, amount))
            {
                throw new ArgumentException($"Each quarter may appear once; {quarter} appears twice.", nameof(values));
            }
        }
    }

    /// <summary>The currency of the series.</summary>
    public Currency Currency { get; }

    /// <summary>The known quarters, oldest first.</summary>
    public IReadOnlyList<FiscalQuarter> Quarters => [.. values.Keys];

    /// <summary>The known amounts by quarter.</summary>
    public IReadOnlyDictionary<FiscalQuarter, Money> Values => values;

    /// <summary>The amount for <paramref name="quarter"/>, or null when unknown.</summary>
    /// <param name="quarter">The quarter.</param>
    /// <returns>The amount or null.</returns>
    public Money? this[FiscalQuarter quarter] => values.TryGetValue(quarter, out var m) ? m : null;

    /// <summary>The sum over the four quarters ending with <paramref name="endQuarter"/>.</summary>
    /// <param name="endQuarter">The last quarter of the twelve months.</param>
    /// <returns>The sum, or an unknown result naming the missing quarters.</returns>
    public TrailingTwelveMonths TrailingTwelveMonths(FiscalQuarter endQuarter)
    {
        var quarters = endQuarter.TrailingFourQuarters();
        var missing = quarters.Where(q => !values.ContainsKey(q)).ToList();
        Money? total = missing.Count == 0 ? Money.Sum(quarters.Select(q => values[q]), Currency) : null;
        return new TrailingTwelveMonths(endQuarter, quarters, total, missing);
    }

    /// <summary>Year-over-year growth of <paramref name="quarter"/> against the same quarter a year earlier, or null when either is unknown.</summary>
    /// <param name="quarter">The quarter.</param>
    /// <returns>The growth as a fraction, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year-ago amount is not positive.</exception>
    public double? YearOverYearGrowth(FiscalQuarter quarter)
        => this[quarter] is { } now && this[quarter.YearAgo] is { } then ? Growth.YearOverYear(now, then) : null;

    /// <summary>Year-over-year growth of the trailing twelve months ending with <paramref name="quarter"/>, or null when any of the eight quarters is unknown.</summary>
    /// <param name="quarter">The last quarter.</param>
    /// <returns>The growth as a fraction, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year-ago sum is not positive.</exception>
    public double? TrailingTwelveMonthsGrowth(FiscalQuarter quarter)
        => TrailingTwelveMonths(quarter).Total is { } now && TrailingTwelveMonths(quarter.YearAgo).Total is { } then ? Growth.YearOverYear(now, then) : null;
}

/// <summary>A trailing-twelve-month sum.</summary>
/// <param name="EndQuarter">The last of the four quarters.</param>
/// <param name="Quarters">The four quarters, oldest first.</param>
/// <param name="Total">The sum, or null when any quarter is unknown.</param>
/// <param name="MissingQuarters">The quarters whose amount is unknown (empty when <paramref name="Total"/> is known).</param>
public sealed record TrailingTwelveMonths(FiscalQuarter EndQuarter, IReadOnlyList<FiscalQuarter> Quarters, Money? Total, IReadOnlyList<FiscalQuarter> MissingQuarters)
{
    /// <summary>Whether all four quarters are known.</summary>
    public bool IsComplete => Total.HasValue;
}
