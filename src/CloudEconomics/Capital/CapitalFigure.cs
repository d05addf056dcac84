using System.Globalization;
using CloudEconomics.Data;

namespace CloudEconomics.Capital;

/// <summary>
/// A figure of a capital report, ready to render: label, value and unit, whether it is a lower bound, the formula
/// that produced it (null for a figure read straight from the scenario) and the sourced figures it rests on.
/// </summary>
/// <remarks>Money is in <see cref="FigureUnit.Billions"/> of <see cref="Currency"/>; ratios in
/// <see cref="FigureUnit.Percent"/> (37.77 = 37.77 %) or <see cref="FigureUnit.Ratio"/>/<see cref="FigureUnit.Years"/>.
/// Values are not rounded: round when rendering. A null <see cref="Value"/> is unknown and <see cref="Note"/> says why.</remarks>
public sealed record CapitalFigure
{
    /// <summary>A stable id for machine output, e.g. <c>"cash.freeCashFlowTtm"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A human label, e.g. <c>"Amazon free cash flow, TTM to Q1-2026"</c>.</summary>
    public required string Label { get; init; }

    /// <summary>The value in <see cref="Unit"/>; null when unknown.</summary>
    public decimal? Value { get; init; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public required FigureUnit Unit { get; init; }

    /// <summary>The currency of a money figure; null otherwise.</summary>
    public Currency? Currency { get; init; }

    /// <summary>Whether <see cref="Value"/> is only a lower bound (the true value is at least this).</summary>
    public bool IsLowerBound { get; init; }

    /// <summary>The calculation in words with its numbers; null for a figure read from the scenario.</summary>
    public string? Formula { get; init; }

    /// <summary>The provenance of the scenario figures this rests on (for a read figure: its own provenance); the library's one <see cref="Provenance"/> type.</summary>
    public IReadOnlyList<Provenance> Sources { get; init; } = [];

    /// <summary>A caveat, or why the figure is unknown.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the value is known.</summary>
    public bool IsKnown => Value.HasValue;

    /// <summary>The value as text with its unit, invariant, to <paramref name="decimals"/> places: <c>"1.2 USD bn"</c>, <c>"&gt;= 464.0 USD bn"</c>, <c>"28.3 %"</c>, <c>"unknown"</c>.</summary>
    /// <param name="decimals">Decimal places, 0 to 10.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 10.</exception>
    public string FormatValue(int decimals = 1)
    {
        if (decimals is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, $"Decimal places must be between 0 and 10; it was {decimals}.");
        }
        if (Value is not { } v) return "unknown";
        var number = Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var unit = Unit switch
        {
            FigureUnit.Billions => $" {Currency?.Code ?? "?"} bn",
            FigureUnit.Millions => $" {Currency?.Code ?? "?"} mn",
            FigureUnit.CurrencyUnits => $" {Currency?.Code ?? "?"}",
            FigureUnit.Percent => " %",
            FigureUnit.Years => " years",
            FigureUnit.Ratio => " x",
            FigureUnit.CurrencyPerKilowattHour => $" {Currency?.Code ?? "?"}/kWh",
            FigureUnit.CurrencyPerHour => $" {Currency?.Code ?? "?"}/h",
            _ => string.Empty,
        };
        return (IsLowerBound ? ">= " : string.Empty) + number + unit;
    }

    /// <summary>Invariant text: <c>"label: value"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Label}: {FormatValue()}";
}
