using System.Globalization;
using System.Text.Json.Serialization;
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

/// <summary>The unit of a <see cref="ReportedNumber"/>.</summary>
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

/// <summary>
/// A number of the scenario document as its source gives it: the amount, its unit, and how it was obtained. A scenario
/// figure is a <see cref="Figure{T}"/> of it: the one sourced-value type of the library, whose <see cref="Provenance"/>
/// gives source, as-of date, confidence and note. A null <see cref="Figure{T}.Value"/> is an unknown figure: no
/// source was found, and it stays unknown (never zero).
/// </summary>
/// <param name="Amount">The value in <paramref name="Unit"/> (JSON <c>"value"</c>).</param>
/// <param name="Unit">The unit of <paramref name="Amount"/>.</param>
/// <param name="Basis">How the figure was obtained (JSON <c>"basis"</c>; <see cref="FigureBasis.Reported"/> when omitted).</param>
/// <remarks>JSON, the number and its provenance side by side: <c>{"value": 37.6, "unit": "billions", "basis": "reported",
/// "source": "https://...", "asOf": "2026-03-31", "confidence": "vendor", "note": "..."}</c>; unknown is
/// <c>{"value": null, "note": "why"}</c>.</remarks>
public readonly record struct ReportedNumber(
    [property: JsonPropertyName("value")] decimal Amount,
    FigureUnit Unit,
    FigureBasis Basis = FigureBasis.Reported)
{
    /// <summary>Whether the unit is an amount of money (billions, millions or units of the currency).</summary>
    [JsonIgnore]
    public bool IsMoney => Unit is FigureUnit.Billions or FigureUnit.Millions or FigureUnit.CurrencyUnits;

    /// <summary>The amount as money in <paramref name="currency"/> (billions and millions scaled to currency units).</summary>
    /// <param name="currency">The currency of the scenario.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="InvalidOperationException">The unit is not an amount of money.</exception>
    public Money ToMoney(Currency currency) => Unit switch
    {
        FigureUnit.Billions => new Money(Amount * 1_000_000_000m, currency),
        FigureUnit.Millions => new Money(Amount * 1_000_000m, currency),
        FigureUnit.CurrencyUnits => new Money(Amount, currency),
        _ => throw new InvalidOperationException($"A figure in unit '{Unit}' is not an amount of money."),
    };

    /// <summary>Invariant text: <c>"37.6 billions (reported)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Unit.ToString().ToLowerInvariant()} ({Basis.ToString().ToLowerInvariant()})");

    /// <summary>A known scenario figure in billions.</summary>
    /// <param name="amount">The value in billions.</param>
    /// <param name="source">The source.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="basis">How the figure was obtained.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is blank.</exception>
    public static Figure<ReportedNumber> Billions(decimal amount, string source, LocalDate asOf, Confidence confidence, FigureBasis basis = FigureBasis.Reported, string? note = null)
        => new(new ReportedNumber(amount, FigureUnit.Billions, basis), Provenance.Of(source, asOf, confidence, note));
}
