using System.Globalization;
using CloudEconomics.Data;
using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Capital;

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
    /// <summary>
    /// The policy of a scenario file's record: the first change's <c>fromYears</c> as the initial life, then each change's
    /// <c>toYears</c> (the chain is checked when the file is loaded).
    /// </summary>
    /// <param name="record">The record of a loaded scenario file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A life is not a whole number of months (the validator catches this on load).</exception>
    public static DepreciationPolicy FromRecord(DepreciationPolicyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.AssetClass,
            (double)record.Changes[0].FromYears.Value!.Value.Amount,
            record.Changes.Select(c => UsefulLifeChange.InYears(c.Effective, (double)c.ToYears.Value!.Value.Amount)));
    }

    /// <summary>Creates a policy.</summary>
    /// <param name="assetClass">The asset class (e.g. "servers"); not blank.</param>
    /// <param name="initialUsefulLifeYears">The useful life before the first change, in years; positive, a whole number of months.</param>
    /// <param name="changes">The changes (<see cref="UsefulLifeChange.InYears"/> makes one from years); effective dates
    /// distinct and each the first of a month.</param>
    /// <exception cref="ArgumentException"><paramref name="assetClass"/> is blank, or the changes break a rule above.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A life is not positive or not a whole number of months.</exception>
    public DepreciationPolicy(string assetClass, double initialUsefulLifeYears, IEnumerable<UsefulLifeChange>? changes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetClass);
        UsefulLifeChange.LifeMonths(initialUsefulLifeYears, nameof(initialUsefulLifeYears));
        var list = (changes ?? []).ToList();
        if (list.Any(c => c is null))
        {
            throw new ArgumentException("A useful-life change must not be null.", nameof(changes));
        }
        var sorted = list.OrderBy(c => c.EffectiveDate).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            var c = sorted[i];
            if (c.UsefulLifeMonths < 1 || c.UsefulLifeMonths > 1200)
            {
                throw new ArgumentOutOfRangeException(nameof(changes), c.UsefulLifeMonths, $"A useful life must be from 1 to 1,200 months; the change effective {Format(c.EffectiveDate)} gives {c.UsefulLifeMonths}.");
            }
            if (c.EffectiveDate.Day != 1)
            {
                throw new ArgumentException($"A useful-life change must take effect on the first day of a month; it was {Format(c.EffectiveDate)}.", nameof(changes));
            }
            if (i > 0 && sorted[i - 1].EffectiveDate == c.EffectiveDate)
            {
                throw new ArgumentException($"Two useful-life changes take effect on {Format(c.EffectiveDate)}; each date may appear once.", nameof(changes));
            }
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
            if (c.EffectiveDate <= date) life = c.UsefulLifeMonths / 12.0;
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
            throw new ArgumentException($"The change effective {Format(change.EffectiveDate)} is not part of the {AssetClass} policy.", nameof(change));
        }
        var rest = Changes.Where((_, i) => i != index).ToList();
        return new DepreciationPolicy(AssetClass, InitialUsefulLifeYears, rest, true);
    }

    /// <summary>The useful life in force on <paramref name="date"/>, in months.</summary>
    internal int UsefulLifeMonthsOn(LocalDate date) => Changes.LastOrDefault(c => c.EffectiveDate <= date)?.UsefulLifeMonths ?? UsefulLifeChange.LifeMonths(InitialUsefulLifeYears, "date");

    private static string Format(LocalDate d) => CloudEconomics.Serialization.IsoDate.Format(d);
}
