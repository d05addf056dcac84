using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Tests.Catalog.Import;

/// <summary>An offer's validity starts at its first evidence: before it there is no price, never a later one.</summary>
public class OfferValidityTest
{
    private static PriceOffer Offer(LocalDate? asOf, LocalDate? validFrom = null) => new()
    {
        Id = "o",
        InstanceId = "i",
        Region = "r",
        Option = PurchaseOption.OnDemand,
        HourlyPrice = new Figure<PricePerHour>(PricePerHour.Usd(1m), asOf is { } d ? Provenance.Of("s", d, Confidence.Vendor) : new Provenance { Source = "s", Confidence = Confidence.Vendor }),
        ValidFrom = validFrom,
    };

    [Fact]
    public void NoStartDate_StartsAtTheEvidenceDate()
    {
        // a source giving the month 2026-05 is recorded as 2026-05-01 (the note says so): first evidence that day
        var offer = Offer(new LocalDate(2026, 5, 1));
        offer.EffectiveFrom.Should().Be(new LocalDate(2026, 5, 1));
        offer.IsValidOn(new LocalDate(2026, 4, 30)).Should().BeFalse();
        offer.IsValidOn(new LocalDate(2026, 5, 1)).Should().BeTrue();
        offer.IsValidOn(new LocalDate(2099, 1, 1)).Should().BeTrue("open-ended after its evidence");
    }

    [Fact]
    public void StatedStartDate_WinsOverTheEvidenceDate()
    {
        // an AWS price first seen in the 2023-09-18 snapshot, read again in 2026-07-20
        var offer = Offer(new LocalDate(2026, 7, 20), new LocalDate(2023, 9, 18));
        offer.IsValidOn(new LocalDate(2023, 9, 17)).Should().BeFalse();
        offer.IsValidOn(new LocalDate(2024, 1, 1)).Should().BeTrue();
    }

    [Fact]
    public void UndatedEvidence_RemainsOpen_AndIsTheOnlyCase()
        => Offer(null).EffectiveFrom.Should().BeNull();

    [Fact]
    public void DefaultCatalog_EveryOfferHasAFirstEvidenceDate()
        => CloudCatalog.Default.Offers.Where(o => o.EffectiveFrom is null).Select(o => o.Id).Should().BeEmpty();

    [Fact]
    public void DefaultCatalog_In1900_HasNoPrice_AndSaysSo()
    {
        var catalog = CloudCatalog.Default.AsOf(new LocalDate(1900, 1, 1));
        catalog.Offers.Should().BeEmpty();
        var ranking = catalog.Rank(CatalogMetric.PricePerDensePetaflopHour);
        ranking.Ranked.Should().BeEmpty();
        ranking.Unranked.Single(u => u.Instance.Name == "tpu-v6e-chip").Reason.Should().Be("no on-demand USD price known on 1900-01-01");
    }

    [Fact]
    public void DefaultCatalog_TpuV6e_IsPricedFromItsFirstEvidence()
    {
        // seeds/catalog/offers.json: the SkyPilot commit 017e2502 is undated; its first evidence is the reference
        // catalog compiled 2026-11-29, so 2.70 USD/chip-h is known from that day and not before.
        var tpu = CloudCatalog.Default.GetInstance("tpu-v6e-chip");
        CloudCatalog.Default.AsOf(new LocalDate(2026, 11, 28)).OffersFor(tpu).Should().BeEmpty();
        CloudCatalog.Default.AsOf(new LocalDate(2026, 11, 29)).OffersFor(tpu, PurchaseOptionKind.OnDemand).Single().Price.Should().Be(PricePerHour.Usd(2.7m));
    }
}
