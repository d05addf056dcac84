using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public partial class CloudCatalogTest
{
    // Expected prices: ../shared/reference/aws-on-demand-price-history.json (copied to Reference/) and catalog-notes.md:
    // p5.48xlarge 98.32 USD/h in every snapshot up to the one generated 2025-04-28, 55.04 from the one generated 2025-06-23.
    [Theory]
    [InlineData("2023-09-18", "98.32")]
    [InlineData("2025-04-28", "98.32")]
    [InlineData("2025-06-22", "98.32")]
    [InlineData("2025-06-23", "55.04")]
    [InlineData("2026-07-20", "55.04")]
    [InlineData("2026-11-29", "55.04")]
    public void AsOf_P5OnDemand_FollowsTheJune2025PriceCut(string date, string expected)
    {
        var catalog = CloudCatalog.Default.AsOf(LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        var offers = catalog.OffersFor(catalog.GetInstance("p5.48xlarge"), PurchaseOptionKind.OnDemand, "us-east-1");
        offers.Should().ContainSingle();
        offers[0].Price.Should().Be(PricePerHour.Usd(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        offers[0].Provenance.Confidence.Should().Be(Confidence.Vendor);
    }

    [Fact]
    public void AsOf_BeforeTheFirstSnapshot_HasNoAwsOnDemandPrice()
    {
        var catalog = CloudCatalog.Default.AsOf(new LocalDate(2023, 9, 17));
        catalog.OffersFor("p5.48xlarge").Should().NotContain(o => o.Option.Kind == PurchaseOptionKind.OnDemand);
        catalog.Date.Should().Be(new LocalDate(2023, 9, 17));
    }

    [Fact]
    public void AsOf_KeepsEveryOfferValidOnTheDate_AndNoOther()
    {
        var date = new LocalDate(2025, 1, 15);
        var all = CloudCatalog.Default.Offers;
        CloudCatalog.Default.AsOf(date).Offers.Should().BeEquivalentTo(all.Where(o => o.IsValidOn(date)));
    }
}
