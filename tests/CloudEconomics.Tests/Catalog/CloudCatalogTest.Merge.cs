using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public partial class CloudCatalogTest
{
    [Fact]
    public void MergeWith_NegotiatedPriceFile_OverridesTheListPriceFromItsStart()
    {
        // A user's file with one negotiated offer for a default instance: not self-contained, merged into the defaults.
        var json = """
            { "offers": [ { "id": "my-p5", "instanceId": "aws-p5.48xlarge", "region": "us-east-1", "option": { "kind": "onDemand" },
                            "hourlyPrice": { "amount": 45.00, "currency": "USD", "per": "h", "source": "our AWS private pricing addendum", "asOf": "2026-01-01", "confidence": "vendor" },
                            "validFrom": "2026-01-01" } ] }
            """;
        var merged = CloudCatalog.Default.MergeWith(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "negotiated.json");
        PriceOn(merged, new LocalDate(2026, 3, 1)).Should().Be(PricePerHour.Usd(45m));
        PriceOn(merged, new LocalDate(2025, 12, 31)).Should().Be(PricePerHour.Usd(55.04m));
        var standalone = () => CloudCatalog.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "negotiated.json");
        standalone.Should().Throw<DataLoadException>().Which.Problems.Should().ContainSingle(p => p.Rule == "UnknownInstance" && p.File == "negotiated.json");
    }

    [Fact]
    public void MergeWith_InvalidOverrideFile_ListsProblems_AndChangesNothing()
    {
        var json = """{ "offers": [ { "id": "bad", "instanceId": "aws-nope", "region": "us-east-1", "option": { "kind": "onDemand" }, "hourlyPrice": { "amount": 0, "currency": "USD", "per": "h", "source": "s", "asOf": "2026-01-01", "confidence": "vendor" } } ] }""";
        var act = () => CloudCatalog.Default.MergeWith(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "bad.json");
        act.Should().Throw<DataLoadException>().Which.Problems.Select(p => p.Rule).Should().BeEquivalentTo(["NotPositive"]);
        CloudCatalog.Default.FindOffer("bad").Should().BeNull();
    }

    [Fact]
    public void MergeWith_TrimsOverlappingDefaults_AndKeepsTheRest()
    {
        var json = """
            { "offers": [ { "id": "my-p5", "instanceId": "aws-p5.48xlarge", "region": "us-east-1", "option": { "kind": "onDemand" },
                            "hourlyPrice": { "amount": 45, "currency": "USD", "per": "h", "source": "addendum", "asOf": "2026-01-01", "confidence": "vendor" },
                            "validFrom": "2026-01-01", "validTo": "2026-12-31" } ] }
            """;
        var merged = CloudCatalog.Default.MergeWith(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "negotiated.json");
        PriceOn(merged, new LocalDate(2025, 12, 31)).Should().Be(PricePerHour.Usd(55.04m), "the list price still applies before the negotiated one");
        PriceOn(merged, new LocalDate(2026, 1, 1)).Should().Be(PricePerHour.Usd(45m));
        PriceOn(merged, new LocalDate(2026, 12, 31)).Should().Be(PricePerHour.Usd(45m));
        PriceOn(merged, new LocalDate(2027, 1, 1)).Should().Be(PricePerHour.Usd(55.04m), "the open-ended list price resumes after a bounded negotiated price");
        PriceOn(merged, new LocalDate(2025, 1, 1)).Should().Be(PricePerHour.Usd(98.32m));
        merged.Offers.Count.Should().Be(CloudCatalog.Default.Offers.Count + 2);
        merged.FindOffer("aws-p5.48xlarge/onDemand/us-east-1/2025-06-23/from-2027-01-01").Should().NotBeNull();
        CloudCatalog.Default.Offers.Should().NotContain(o => o.Id == "my-p5");
    }

    [Fact]
    public void MergeWith_SameId_ReplacesTheRecord()
    {
        var h100 = CloudCatalog.Default.FindAccelerator("nvidia-h100-sxm")! with { Name = "My H100" };
        var merged = CloudCatalog.Default.MergeWith(CloudCatalog.Create([], [h100], [], []));
        merged.FindAccelerator("nvidia-h100-sxm")!.Name.Should().Be("My H100");
        merged.GetInstance("p5.48xlarge").Accelerator!.Name.Should().Be("My H100", "instances resolve to the overriding accelerator");
        merged.Accelerators.Should().HaveCount(CloudCatalog.Default.Accelerators.Count);
        CloudCatalog.Default.FindAccelerator("nvidia-h100-sxm")!.Name.Should().NotBe("My H100");
    }

    [Fact]
    public void MergeWith_NewProviderAndInstance_ReferencingDefaultAccelerators()
    {
        var json = """
            { "providers": [ { "id": "neocloud", "name": "Neo Cloud" } ],
              "instances": [ { "id": "neo-h100x8", "provider": "neocloud", "name": "h100x8", "acceleratorId": "nvidia-h100-sxm",
                               "acceleratorCount": { "value": 8, "source": "neocloud price sheet", "asOf": "2026-10-01", "confidence": "vendor" } } ],
              "offers": [ { "id": "neo-h100x8/od", "instanceId": "neo-h100x8", "region": "eu-1", "option": { "kind": "onDemand" },
                            "hourlyPrice": { "amount": 16.00, "currency": "USD", "per": "h", "source": "neocloud price sheet", "asOf": "2026-10-01", "confidence": "vendor" } } ] }
            """;
        var merged = CloudCatalog.Default.MergeWith(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "neo.json");
        merged.GetInstance("neo-h100x8").Accelerator!.Id.Should().Be("nvidia-h100-sxm");
        // 16 / (8 x 0.9894 PFLOP/s) = 16 / 7.9152 = 2.02143... USD per dense BF16 PFLOP/s-hour.
        merged.Rank(CatalogMetric.PricePerDensePetaflopHour, new RankingOptions { Provider = "neocloud" }).Ranked.Single().Value.Amount
            .Should().BeApproximately(2.02143m, 0.00001m);
    }

    private static PricePerHour PriceOn(CloudCatalog catalog, LocalDate date)
        => catalog.AsOf(date).OffersFor(catalog.GetInstance("p5.48xlarge"), PurchaseOptionKind.OnDemand, "us-east-1").Single().Price;
}
