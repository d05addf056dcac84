using System.Globalization;
using NodaTime;

namespace CloudEconomics.Power;

/// <summary>
/// An energy price for each calendar month: a wholesale market price for contract-for-difference settlement, or
/// a grid tariff. Immutable. Prices may be negative (wholesale markets clear below zero).
/// </summary>
public sealed class MarketPricePath
{
    private readonly PricePerEnergy[] prices;
    private readonly int firstIndex; // year * 12 + month - 1

    private MarketPricePath(YearMonth? first, PricePerEnergy[] prices)
    {
        FirstMonth = first;
        this.prices = prices;
        firstIndex = first is { } f ? Index(f) : 0;
    }

    /// <summary>The same price in every month, without end.</summary>
    /// <param name="price">The price per MWh.</param>
    /// <returns>The path.</returns>
    public static MarketPricePath Constant(PricePerEnergy price) => new(null, [price]);

    /// <summary>One price per month, starting at <paramref name="firstMonth"/>, one month after another.</summary>
    /// <param name="firstMonth">The month of the first price.</param>
    /// <param name="monthlyPrices">The prices per MWh; at least one, all in one currency.</param>
    /// <returns>The path, which covers exactly those months.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="monthlyPrices"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="monthlyPrices"/> is empty or mixes currencies.</exception>
    public static MarketPricePath Monthly(YearMonth firstMonth, IEnumerable<PricePerEnergy> monthlyPrices)
    {
        ArgumentNullException.ThrowIfNull(monthlyPrices);
        var array = monthlyPrices.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("A market price path needs at least one monthly price.", nameof(monthlyPrices));
        }
        for (int i = 1; i < array.Length; i++)
        {
            if (array[i].Currency != array[0].Currency)
            {
                throw new ArgumentException($"Every price of a path must be in one currency; month {i + 1} is in {array[i].Currency}, the first in {array[0].Currency}.", nameof(monthlyPrices));
            }
        }
        return new MarketPricePath(firstMonth, array);
    }

    /// <summary>The first month of the path, or null for a constant path (which covers every month).</summary>
    public YearMonth? FirstMonth { get; }

    /// <summary>The last month of the path, or null for a constant path.</summary>
    public YearMonth? LastMonth => FirstMonth is { } f ? f.PlusMonths(prices.Length - 1) : null;

    /// <summary>The currency of every price in the path.</summary>
    public Currency Currency => prices[0].Currency;

    /// <summary>The monthly prices in order (one element for a constant path).</summary>
    public IReadOnlyList<PricePerEnergy> Prices => prices;

    /// <summary>Whether the path has a price for <paramref name="month"/>.</summary>
    /// <param name="month">The month.</param>
    /// <returns>True when covered.</returns>
    public bool Covers(YearMonth month)
    {
        if (FirstMonth is null)
        {
            return true;
        }
        int offset = Index(month) - firstIndex;
        return offset >= 0 && offset < prices.Length;
    }

    /// <summary>The price in a month.</summary>
    /// <param name="month">The month.</param>
    /// <returns>The price per MWh.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The path has no price for <paramref name="month"/>.</exception>
    public PricePerEnergy PriceIn(YearMonth month)
    {
        if (FirstMonth is null)
        {
            return prices[0];
        }
        int offset = Index(month) - firstIndex;
        if (offset < 0 || offset >= prices.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, string.Create(CultureInfo.InvariantCulture, $"The market price path covers {FirstMonth:yyyy-MM} to {LastMonth:yyyy-MM}; it has no price for {month:yyyy-MM}."));
        }
        return prices[offset];
    }

    private static int Index(YearMonth month) => (month.Year * 12) + month.Month - 1;
}
