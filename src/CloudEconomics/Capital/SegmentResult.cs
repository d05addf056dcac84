namespace CloudEconomics.Capital;

/// <summary>A reporting segment's results for one period: revenue, operating income and operating margin.</summary>
public sealed record SegmentResult
{
    /// <summary>Creates a segment result.</summary>
    /// <param name="segment">The segment name (e.g. "AWS"); not blank.</param>
    /// <param name="period">The fiscal quarter.</param>
    /// <param name="revenue">Segment revenue (net sales) for the quarter; positive.</param>
    /// <param name="operatingIncome">Segment operating income for the quarter; may be negative (a loss).</param>
    /// <exception cref="ArgumentException"><paramref name="segment"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revenue"/> is not positive.</exception>
    /// <exception cref="CurrencyMismatchException">Revenue and operating income are in different currencies.</exception>
    public SegmentResult(string segment, FiscalQuarter period, Money revenue, Money operatingIncome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(segment);
        if (revenue.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(revenue), revenue, $"Segment revenue must be positive; it was {revenue}.");
        }
        if (revenue.Currency != operatingIncome.Currency)
        {
            throw new CurrencyMismatchException(revenue.Currency, operatingIncome.Currency);
        }
        Segment = segment;
        Period = period;
        Revenue = revenue;
        OperatingIncome = operatingIncome;
    }

    /// <summary>The segment name.</summary>
    public string Segment { get; }

    /// <summary>The fiscal quarter.</summary>
    public FiscalQuarter Period { get; }

    /// <summary>Segment revenue.</summary>
    public Money Revenue { get; }

    /// <summary>Segment operating income.</summary>
    public Money OperatingIncome { get; }

    /// <summary>Operating margin = operating income / revenue, as a fraction (0.3777 = 37.77 %).</summary>
    public double OperatingMargin => Growth.Ratio(OperatingIncome, Revenue);

    /// <summary>Year-over-year revenue growth against <paramref name="yearAgo"/>, as a fraction.</summary>
    /// <param name="yearAgo">The same segment's result a year earlier.</param>
    /// <returns>The growth.</returns>
    /// <exception cref="ArgumentException"><paramref name="yearAgo"/> is not the same quarter a year earlier, or is another segment.</exception>
    public double RevenueGrowth(SegmentResult yearAgo)
    {
        ArgumentNullException.ThrowIfNull(yearAgo);
        if (yearAgo.Period != Period.YearAgo || yearAgo.Segment != Segment)
        {
            throw new ArgumentException($"Year-over-year growth needs {Segment} in {Period.YearAgo}; it was {yearAgo.Segment} in {yearAgo.Period}.", nameof(yearAgo));
        }
        return Growth.YearOverYear(Revenue, yearAgo.Revenue);
    }
}
