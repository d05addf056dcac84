namespace CloudEconomics;

/// <summary>
/// How far a figure can be trusted, after the source tiers of the reference notes: the company's own document (a
/// datasheet, price list, release or filing) is <see cref="Vendor"/>; press, analysts and aggregators are
/// <see cref="Secondary"/>; an estimate or assumption is <see cref="Estimate"/>. A figure computed from others names
/// them in <see cref="Provenance.DerivedFrom"/> and takes the weakest of their confidences.
/// </summary>
public enum Confidence
{
    /// <summary>Published by the vendor or provider itself (datasheet, documentation, pricing API).</summary>
    Vendor = 0,
    /// <summary>A curated public dataset that cites its sources (for example Epoch AI's ML hardware table, SkyPilot's catalog).</summary>
    CuratedDataset = 1,
    /// <summary>Press, blogs, recaps or third-party trackers, used where no primary source was found.</summary>
    Secondary = 2,
    /// <summary>An assumption or a computation from generic discount tiers, not a published figure.</summary>
    Estimate = 3,
}
