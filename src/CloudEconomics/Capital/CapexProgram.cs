using System.Globalization;
using NodaTime;

namespace CloudEconomics.Capital;

/// <summary>One amount of capital expenditure placed in service on a date.</summary>
/// <param name="InService">The date the assets are placed in service; depreciation starts in that month (full-month convention).</param>
/// <param name="Cost">The cost; positive.</param>
public readonly record struct CapexTranche(LocalDate InService, Money Cost);

/// <summary>A capital-expenditure program: tranches of spend placed in service on dates, in one currency.</summary>
public sealed class CapexProgram
{
    /// <summary>Creates a program.</summary>
    /// <param name="name">A name for reports (e.g. "AWS AI capex Q2-2025 to Q1-2026"); not blank.</param>
    /// <param name="tranches">At least one tranche; every cost positive and in one currency.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, <paramref name="tranches"/> is empty or mixes currencies.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cost is not positive.</exception>
    public CapexProgram(string name, IEnumerable<CapexTranche> tranches)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tranches);
        var list = tranches.OrderBy(t => t.InService).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A capex program needs at least one tranche.", nameof(tranches));
        }
        foreach (var t in list)
        {
            if (t.Cost.Amount <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tranches), t.Cost, $"Every tranche's cost must be positive; the tranche of {CloudEconomics.Serialization.IsoDate.Format(t.InService)} was {t.Cost}.");
            }
            if (t.Cost.Currency != list[0].Cost.Currency)
            {
                throw new ArgumentException($"Every tranche must be in one currency; found {list[0].Cost.Currency.Code} and {t.Cost.Currency.Code}.", nameof(tranches));
            }
        }
        Name = name;
        Tranches = list;
    }

    /// <summary>The program's name.</summary>
    public string Name { get; }

    /// <summary>The tranches, in in-service order.</summary>
    public IReadOnlyList<CapexTranche> Tranches { get; }

    /// <summary>The currency of the program.</summary>
    public Currency Currency => Tranches[0].Cost.Currency;

    /// <summary>The total cost.</summary>
    public Money TotalCost => Money.Sum(Tranches.Select(t => t.Cost));

    /// <summary>
    /// A program from quarterly spend, each quarter's spend placed in service on the first day of the quarter's
    /// middle month (a mid-quarter convention).
    /// </summary>
    /// <param name="name">The program's name.</param>
    /// <param name="spend">Spend by quarter; every amount positive.</param>
    /// <returns>The program.</returns>
    /// <exception cref="ArgumentException">The series is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is not positive.</exception>
    public static CapexProgram FromQuarterlySpend(string name, QuarterlySeries spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        return new CapexProgram(name, spend.Values.Select(kv => new CapexTranche(kv.Key.FirstMonth.OnDayOfMonth(1).PlusMonths(1), kv.Value)));
    }
}
