using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

/// <summary><see cref="CatalogAudit"/> on a hand-made catalog whose every figure's age and flags are counted by hand.</summary>
public class CatalogAuditTest
{
    private static PriceOffer Offer(string id, PurchaseOption option, Provenance provenance, LocalDate? to = null)
        => CatalogTestData.Offer(id, option: option, to: to) with { HourlyPrice = Figure.Known(PricePerHour.Usd(10m), provenance) };

    // Known figures: the accelerator's memory capacity, memory bandwidth and BF16 peak, the instance's accelerator count
    // (all vendor, as of 2026-01-01: 181 days before 2026-07-01), and the prices of the offers still valid on 2026-07-01.
    private static readonly CloudCatalog Catalog = CatalogTestData.Catalog(
        Offer("old-secondary", PurchaseOption.OnDemand, Provenance.Of("a blog", new LocalDate(2025, 1, 1), Confidence.Secondary)),
        Offer("recent-estimate", PurchaseOption.Spot, Provenance.Of("a guess", new LocalDate(2026, 6, 1), Confidence.Estimate)),
        Offer("expired", PurchaseOption.CapacityBlock, Provenance.Of("a blog", new LocalDate(2020, 1, 1), Confidence.Secondary), to: new LocalDate(2026, 6, 30)));

    [Fact]
    public void Run_CountsAndFlagsEachFigure()
    {
        var audit = CatalogAudit.Run(Catalog, new LocalDate(2026, 7, 1), staleAfterDays: 365);

        // 4 spec figures + 2 prices (the offer that ended on 2026-06-30 is not audited) = 6; the spec figures are 181 days
        // old and vendor-sourced, so only the two prices are flagged.
        audit.Summary.Should().Be(new CatalogAuditSummary(Figures: 6, Flagged: 2, Stale: 1, Secondary: 1, Estimated: 1, Undated: 0));
        // Oldest first. (A known figure cannot be undated in a loaded catalog: the loader requires every as-of.)
        audit.Findings.Select(f => f.Record).Should().Equal("old-secondary", "recent-estimate");
        var old = audit.Findings[0];
        // 2025-01-01 to 2026-07-01: 365 + 181 = 546 days.
        old.AgeDays.Should().Be(546);
        old.Flags.Should().Equal("stale (546 days old)", "secondary source");
        old.Kind.Should().Be(CatalogRecordKind.Price);
        old.Value.Should().Be("10 USD/h");
        old.Confidence.Should().Be(Confidence.Secondary);
        var estimate = audit.Findings[1];
        // 2026-06-01 to 2026-07-01: 30 days, not stale.
        estimate.AgeDays.Should().Be(30);
        estimate.AsOf.Should().Be(new LocalDate(2026, 6, 1));
        estimate.Flags.Should().Equal("estimate");
    }

    [Fact]
    public void Run_SpecFiguresGoStaleToo()
    {
        // On 2027-01-02 the spec figures (as of 2026-01-01) are 366 days old: stale after 365, after the prices in order.
        var audit = CatalogAudit.Run(Catalog, new LocalDate(2027, 1, 2), staleAfterDays: 365);
        audit.Summary.Stale.Should().Be(5);
        audit.Findings.Skip(2).Should().OnlyContain(f => f.Kind != CatalogRecordKind.Price && f.AgeDays == 366);
        audit.Findings.Skip(2).Select(f => f.Figure).Should().BeEquivalentTo(["acceleratorCount", "memoryCapacity", "memoryBandwidth", "peakDense.bf16"]);
    }

    [Fact]
    public void Run_RefusesANonPositiveLimit()
    {
        var act = () => CatalogAudit.Run(Catalog, new LocalDate(2026, 7, 1), 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("staleAfterDays");
    }

    [Fact]
    public void LatestPriceDate_IsTheNewestStartOrAsOfDate()
    {
        // Starts 2026-03-01 with evidence of 2026-01-01; the other has no start and evidence of 2026-05-05: the newest is 2026-05-05.
        var catalog = CatalogTestData.Catalog(
            CatalogTestData.Offer("a", from: new LocalDate(2026, 3, 1)),
            Offer("b", PurchaseOption.Spot, Provenance.Of("s", new LocalDate(2026, 5, 5), Confidence.Vendor)));
        catalog.LatestPriceDate.Should().Be(new LocalDate(2026, 5, 5));
        CatalogTestData.Catalog(CatalogTestData.Offer("a", from: new LocalDate(2026, 3, 1))).LatestPriceDate.Should().Be(new LocalDate(2026, 3, 1));
    }

    [Fact]
    public void LatestPriceDate_IsNullWithoutADatedPrice()
    {
        CatalogTestData.Catalog().LatestPriceDate.Should().BeNull();
    }

    [Fact]
    public void LatestPriceDate_OfTheEmbeddedCatalog_IsTheSkyPilotImportDate()
    {
        // seeds/catalog/imported/*.json: the SkyPilot catalog prices imported with "asOf": "2026-12-05", the newest in the seeds.
        CloudCatalog.Default.LatestPriceDate.Should().Be(new LocalDate(2026, 12, 5));
    }
}
