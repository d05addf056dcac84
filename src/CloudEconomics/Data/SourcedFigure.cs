using System.Globalization;
using NodaTime;

namespace CloudEconomics.Data;

/// <summary>How a figure was obtained.</summary>
public enum FigureBasis
{
    /// <summary>As reported by the company or quoted from a named source.</summary>
    Reported = 0,

    /// <summary>Simple arithmetic on reported figures, done by the source data (e.g. 6-month minus 3-month cash flow).</summary>
    Derived,

    /// <summary>Approximate: the source gives the figure roughly (e.g. "~$38.5B").</summary>
    Approximate,

    /// <summary>A lower bound: the true value is at least this (e.g. "over $100B").</summary>
    LowerBound,

    /// <summary>An estimate, not data: treat as an assumption.</summary>
    Estimate,

    /// <summary>A user or scenario assumption, not a fact.</summary>
    Assumption,

    /// <summary>Calculated by this library from other figures; the formula names the inputs.</summary>
    Calculated,
}

/// <summary>The unit of a <see cref="SourcedFigure"/> value.</summary>
public enum FigureUnit
{
    /// <summary>Billions of the scenario's currency (US$ billions for Amazon).</summary>
    Billions = 0,

    /// <summary>Millions of the scenario's currency.</summary>
    Millions,

    /// <summary>Units of the scenario's currency (dollars).</summary>
    CurrencyUnits,

    /// <summary>Percent: 28 means 28 %.</summary>
    Percent,

    /// <summary>Years.</summary>
    Years,

    /// <summary>A plain ratio or multiple: 1.14 means 1.14 x.</summary>
    Ratio,

    /// <summary>Units of the scenario's currency per kilowatt-hour (0.0861 = 8.61 US cents/kWh).</summary>
    CurrencyPerKilowattHour,

    /// <summary>A count of things.</summary>
    Count,

    /// <summary>Units of the scenario's currency per hour (an instance-hour price).</summary>
    CurrencyPerHour,
}

/// <summary>Where a figure comes from: the source, the date it speaks for, a note, and how it was obtained.</summary>
/// <param name="Source">The source (a URL with publisher and date, or a description); null only for an unknown figure.</param>
/// <param name="AsOf">The date the figure speaks for (period end) or the date of the source; null when unknown.</param>
/// <param name="Basis">How the figure was obtained.</param>
/// <param name="Note">A caveat or derivation; optional.</param>
/// <param name="Path">Where the figure lives in the scenario file (a JSON path such as <c>$.quarters[8].segmentRevenue</c>); null for a figure built in code.</param>
public sealed record FigureProvenance(string? Source, LocalDate? AsOf, FigureBasis Basis, string? Note = null, string? Path = null)
{
    /// <summary>Invariant one-line text: <c>"source (as of 2026-03-31; derived: note)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var asOf = AsOf is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "unknown date";
        var basis = Basis.ToString().ToLowerInvariant();
        return Note is null ? $"{Source ?? "no source"} (as of {asOf}; {basis})" : $"{Source ?? "no source"} (as of {asOf}; {basis}: {Note})";
    }
}

/// <summary>
/// One number from a scenario file with its unit, source, as-of date and basis. A null <see cref="Value"/> is an
/// unknown figure: no source was found, and it stays unknown (never zero).
/// </summary>
/// <remarks>JSON: <c>{"value": 37.6, "unit": "billions", "source": "https://...", "asOf": "2026-03-31", "note": "...", "basis": "reported"}</c>.</remarks>
public sealed record SourcedFigure
{
    /// <summary>The value in <see cref="Unit"/>; null when unknown.</summary>
    public decimal? Value { get; init; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public FigureUnit Unit { get; init; }

    /// <summary>The source; required when the value is known.</summary>
    public string? Source { get; init; }

    /// <summary>The date the figure speaks for, or the source's date; required when the value is known.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>A caveat, derivation or reason the value is unknown.</summary>
    public string? Note { get; init; }

    /// <summary>How the figure was obtained.</summary>
    public FigureBasis Basis { get; init; }

    /// <summary>Whether the value is known.</summary>
    public bool IsKnown => Value.HasValue;

    /// <summary>Whether the unit is an amount of money (billions, millions or units of the currency).</summary>
    public bool IsMoney => Unit is FigureUnit.Billions or FigureUnit.Millions or FigureUnit.CurrencyUnits;

    /// <summary>The provenance of the figure.</summary>
    /// <param name="path">The figure's JSON path in its file, if known.</param>
    /// <returns>The provenance.</returns>
    public FigureProvenance ToProvenance(string? path = null) => new(Source, AsOf, Basis, Note, path);

    /// <summary>The value as money in <paramref name="currency"/> (billions and millions scaled to currency units), or null when unknown.</summary>
    /// <param name="currency">The currency of the scenario.</param>
    /// <returns>The amount, or null when the value is unknown.</returns>
    /// <exception cref="InvalidOperationException">The unit is not an amount of money.</exception>
    public Money? ToMoney(Currency currency) => Value is not { } v ? null : Unit switch
    {
        FigureUnit.Billions => new Money(v * 1_000_000_000m, currency),
        FigureUnit.Millions => new Money(v * 1_000_000m, currency),
        FigureUnit.CurrencyUnits => new Money(v, currency),
        _ => throw new InvalidOperationException($"A figure in unit '{Unit}' is not an amount of money."),
    };

    /// <summary>Creates a known money figure in billions.</summary>
    /// <param name="value">The value in billions.</param>
    /// <param name="source">The source.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="basis">How the figure was obtained.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The figure.</returns>
    public static SourcedFigure Billions(decimal value, string source, LocalDate asOf, FigureBasis basis = FigureBasis.Reported, string? note = null)
        => new() { Value = value, Unit = FigureUnit.Billions, Source = source, AsOf = asOf, Basis = basis, Note = note };

    /// <summary>Creates an unknown figure.</summary>
    /// <param name="unit">The unit the figure would have.</param>
    /// <param name="note">Why it is unknown.</param>
    /// <returns>The figure.</returns>
    public static SourcedFigure Unknown(FigureUnit unit, string? note = null) => new() { Value = null, Unit = unit, Note = note };
}
