using System.Globalization;

namespace CloudEconomics;

/// <summary>Growth rates and simple ratios of reported figures, as fractions (0.28 = 28 %).</summary>
public static class Growth
{
    /// <summary>Year-over-year growth: <c>current / yearAgo - 1</c>.</summary>
    /// <param name="current">The figure for the current period.</param>
    /// <param name="yearAgo">The figure for the same period a year earlier; must be positive.</param>
    /// <returns>The growth as a fraction (0.2833 = 28.33 %).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearAgo"/> is zero or negative (growth from a non-positive base is undefined).</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static double YearOverYear(Money current, Money yearAgo) => OverPeriod(current, yearAgo, nameof(yearAgo), "year-ago");

    /// <summary>Growth over any earlier period (quarter over quarter, year over year): <c>current / previous - 1</c>.</summary>
    /// <param name="current">The figure for the current period.</param>
    /// <param name="previous">The figure for the earlier period; must be positive.</param>
    /// <returns>The growth as a fraction (0.4918 = 49.18 %).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="previous"/> is zero or negative (growth from a non-positive base is undefined).</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static double OverPeriod(Money current, Money previous) => OverPeriod(current, previous, nameof(previous), "previous");

    private static double OverPeriod(Money current, Money previous, string paramName, string what)
    {
        if (current.Currency != previous.Currency)
        {
            throw new CurrencyMismatchException(current.Currency, previous.Currency);
        }
        if (previous.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, previous, $"Growth needs a positive {what} figure; it was {previous}.");
        }
        return (double)(current.Amount / previous.Amount) - 1.0;
    }

    /// <summary>The ratio <paramref name="numerator"/> / <paramref name="denominator"/> as a fraction (margin, intensity, coverage of cash).</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator; must be positive.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="denominator"/> is zero or negative.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static double Ratio(Money numerator, Money denominator)
    {
        if (numerator.Currency != denominator.Currency)
        {
            throw new CurrencyMismatchException(numerator.Currency, denominator.Currency);
        }
        if (denominator.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, string.Create(CultureInfo.InvariantCulture, $"The denominator of a ratio must be positive; it was {denominator}."));
        }
        return (double)(numerator.Amount / denominator.Amount);
    }
}
