using System.Text.Json.Serialization;
using NodaTime;

namespace CloudEconomics.Catalog;

/// <summary>
/// A dated price: an instance (or a single accelerator) in a region, under a purchase option, at an hourly price with
/// an optional upfront payment, valid from one date to another (both inclusive; null means open).
/// </summary>
/// <remarks>
/// The hourly price is per instance-hour for a <see cref="BillingUnit.PerInstance"/> instance and per chip-hour for a
/// <see cref="BillingUnit.PerAccelerator"/> one or an accelerator offer. Its provenance is the offer's provenance.
/// </remarks>
public sealed record PriceOffer
{
    /// <summary>Catalog id, unique in a catalog; the key a user file overrides.</summary>
    public required string Id { get; init; }

    /// <summary>The instance priced; null for a single-accelerator offer.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The accelerator priced per chip-hour when the offer is not for an instance; null otherwise.</summary>
    public string? AcceleratorId { get; init; }

    /// <summary>Region id (<see cref="Catalog.Region.Id"/>).</summary>
    public required string Region { get; init; }

    /// <summary>The purchase option.</summary>
    public required PurchaseOption Option { get; init; }

    /// <summary>The hourly price with its provenance.</summary>
    public required Figure<PricePerHour> HourlyPrice { get; init; }

    /// <summary>An upfront payment for the whole term (partial or all-upfront reservations); null when none.</summary>
    public Figure<Money>? Upfront { get; init; }

    /// <summary>First day the price applies (inclusive); null when not stated, in which case the offer starts at its first evidence (<see cref="EffectiveFrom"/>).</summary>
    public LocalDate? ValidFrom { get; init; }

    /// <summary>Last day the price applies (inclusive); null when open-ended.</summary>
    public LocalDate? ValidTo { get; init; }

    /// <summary>The hourly price. Every loaded offer has one (validated).</summary>
    /// <exception cref="InvalidOperationException">The offer was built by hand without a price.</exception>
    [JsonIgnore]
    public PricePerHour Price => HourlyPrice.Value ?? throw new InvalidOperationException($"Offer '{Id}' has no hourly price.");

    /// <summary>The currency of the hourly price.</summary>
    [JsonIgnore]
    public Currency Currency => Price.Currency;

    /// <summary>The provenance of the price.</summary>
    [JsonIgnore]
    public Provenance Provenance => HourlyPrice.Provenance;

    /// <summary>The instance or accelerator id priced.</summary>
    [JsonIgnore]
    public string TargetId => InstanceId ?? AcceleratorId ?? "";

    /// <summary>
    /// The first day the price is known to apply: <see cref="ValidFrom"/>, or when that is not stated the as-of date of
    /// the price's evidence (<see cref="Provenance.AsOf"/>; when a source gives only a month or a year, the seed states the date used in the
    /// note). Before it there is no price, never a later one. Null only when neither is known (an undated offer,
    /// which applies on every date up to <see cref="ValidTo"/> and is listed by the catalog audit).
    /// </summary>
    [JsonIgnore]
    public LocalDate? EffectiveFrom => ValidFrom ?? HourlyPrice.Provenance.AsOf;

    /// <summary>Whether the offer applies on a date: from its <see cref="EffectiveFrom"/> to its <see cref="ValidTo"/>, both inclusive (an unknown bound is open).</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when <c>EffectiveFrom &lt;= date &lt;= ValidTo</c>.</returns>
    public bool IsValidOn(LocalDate date) => (EffectiveFrom is not { } from || from <= date) && (ValidTo is null || date <= ValidTo.Value);

    /// <summary>Whether the validity windows of two offers share at least one day.</summary>
    /// <param name="other">The other offer.</param>
    /// <returns>True when they overlap.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public bool Overlaps(PriceOffer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var startsBeforeOtherEnds = EffectiveFrom is not { } from || other.ValidTo is null || from <= other.ValidTo.Value;
        var otherStartsBeforeThisEnds = other.EffectiveFrom is not { } otherFrom || ValidTo is null || otherFrom <= ValidTo.Value;
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /// <summary>Readable text: id, price and validity.</summary>
    /// <returns>Invariant text.</returns>
    public override string ToString()
        => $"{Id}: {(HourlyPrice.Value is { } p ? p.ToString() : "no price")} ({(EffectiveFrom is { } from ? CloudEconomics.Serialization.IsoDate.Format(from) : "…")}..{(ValidTo is { } to ? CloudEconomics.Serialization.IsoDate.Format(to) : "…")})";
}
