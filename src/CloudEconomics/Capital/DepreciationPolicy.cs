using System.Globalization;
using NodaTime;

namespace CloudEconomics.Capital;

/// <summary>A change of an asset class's estimated useful life, effective from a date (prospective, as US GAAP ASC 250 requires).</summary>
/// <param name="Effective">The first day the new life applies; must be the first day of a month.</param>
/// <param name="FromYears">The useful life before the change, in years.</param>
/// <param name="ToYears">The useful life from <paramref name="Effective"/>, in years.</param>
/// <param name="Provenance">Where the change is reported; optional.</param>
public sealed record UsefulLifeChange(LocalDate Effective, double FromYears, double ToYears, FigureProvenance? Provenance = null);

/// <summary>
/// A depreciation policy for one asset class: straight-line over a useful life that may change on dates, with no
/// salvage value. Example: Amazon servers 3 years, 4 from 2020-01-01, 5 from 2022-01-01, 6 from 2024-01-01; a subset of
/// servers and networking equipment 5 again from 2025-01-01.
/// </summary>
/// <remarks>
/// <para>Lives are whole months (years x 12 must be an integer: 4.5 years is fine). A change applies to assets already
/// in service on its effective date and to assets placed in service later.</para>
/// </remarks>
public sealed class DepreciationPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="assetClass">The asset class (e.g. "servers"); not blank.</param>
    /// <param name="initialUsefulLifeYears">The useful life before the first change, in years; positive, a whole number of months.</param>
    /// <param name="changes">The changes; effective dates distinct and each the first of a month; each change's
    /// <see cref="UsefulLifeChange.FromYears"/> equal to the life in force before it.</param>
    /// <exception cref="ArgumentException"><paramref name="assetClass"/> is blank, or the changes break a rule above.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A life is not positive or not a whole number of months.</exception>
    public DepreciationPolicy(string assetClass, double initialUsefulLifeYears, IEnumerable<UsefulLifeChange>? changes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetClass);
        ToMonths(initialUsefulLifeYears, nameof(initialUsefulLifeYears));
        var sorted = (changes ?? []).OrderBy(c => c.Effective).ToList();
        double inForce = initialUsefulLifeYears;
        for (int i = 0; i < sorted.Count; i++)
        {
            var c = sorted[i] ?? throw new ArgumentException("A useful-life change must not be null.", nameof(changes));
            ToMonths(c.ToYears, nameof(changes));
            if (c.Effective.Day != 1)
            {
                throw new ArgumentException($"A useful-life change must take effect on the first day of a month; it was {Format(c.Effective)}.", nameof(changes));
            }
            if (i > 0 && sorted[i - 1].Effective == c.Effective)
            {
                throw new ArgumentException($"Two useful-life changes take effect on {Format(c.Effective)}; each date may appear once.", nameof(changes));
            }
            if (c.FromYears != inForce)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The change effective {Format(c.Effective)} starts from {c.FromYears} years, but the life in force before it is {inForce} years."), nameof(changes));
            }
            inForce = c.ToYears;
        }
        AssetClass = assetClass;
        InitialUsefulLifeYears = initialUsefulLifeYears;
        Changes = sorted;
    }

    private DepreciationPolicy(string assetClass, double initial, List<UsefulLifeChange> changes, bool _)
    {
        AssetClass = assetClass;
        InitialUsefulLifeYears = initial;
        Changes = changes;
    }

    /// <summary>The asset class.</summary>
    public string AssetClass { get; }

    /// <summary>The useful life before the first change, in years.</summary>
    public double InitialUsefulLifeYears { get; }

    /// <summary>The changes, in date order.</summary>
    public IReadOnlyList<UsefulLifeChange> Changes { get; }

    /// <summary>The useful life in force on <paramref name="date"/>, in years.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The life in years.</returns>
    public double UsefulLifeOn(LocalDate date)
    {
        double life = InitialUsefulLifeYears;
        foreach (var c in Changes)
        {
            if (c.Effective <= date) life = c.ToYears;
        }
        return life;
    }

    /// <summary>
    /// The counterfactual policy without <paramref name="change"/>: the life it replaced stays in force until the next
    /// change (later changes still apply). Used to measure the effect of one change.
    /// </summary>
    /// <param name="change">One of <see cref="Changes"/>.</param>
    /// <returns>The policy without the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="change"/> is not part of this policy.</exception>
    public DepreciationPolicy Without(UsefulLifeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        int index = Changes.ToList().IndexOf(change);
        if (index < 0)
        {
            throw new ArgumentException($"The change effective {Format(change.Effective)} is not part of the {AssetClass} policy.", nameof(change));
        }
        var rest = Changes.Where((_, i) => i != index).ToList();
        return new DepreciationPolicy(AssetClass, InitialUsefulLifeYears, rest, true);
    }

    internal int UsefulLifeMonthsOn(LocalDate date) => ToMonths(UsefulLifeOn(date), "date");

    internal static int ToMonths(double years, string paramName)
    {
        if (!double.IsFinite(years) || years <= 0 || years > 100)
        {
            throw new ArgumentOutOfRangeException(paramName, years, string.Create(CultureInfo.InvariantCulture, $"A useful life must be greater than 0 and at most 100 years; it was {years}."));
        }
        double months = years * 12;
        if (Math.Abs(months - Math.Round(months)) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(paramName, years, string.Create(CultureInfo.InvariantCulture, $"A useful life must be a whole number of months; {years} years is {months} months."));
        }
        return (int)Math.Round(months);
    }

    private static string Format(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
