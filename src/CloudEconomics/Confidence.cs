namespace CloudEconomics;

/// <summary>How far a figure can be trusted, after the source tiers of the reference notes.</summary>
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
