using System.Globalization;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>An amount of money paid or received on a date: negative when paid out, positive when received.</summary>
/// <param name="Date">The date on which the money moves.</param>
/// <param name="Amount">The amount: negative for an outflow (capex, a payment), positive for an inflow.</param>
public readonly record struct CashFlow(LocalDate Date, Money Amount)
{
    /// <summary>Formats invariantly, such as <c>"2026-01-01: -1,000,000.00 USD"</c>.</summary>
    /// <returns>The date in ISO form, a colon and the amount.</returns>
    public override string ToString() =>
        $"{CloudEconomics.Serialization.IsoDate.Format(Date)}: {Amount}";
}
