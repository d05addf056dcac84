using System.Text;
using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Import;
using NodaTime;

namespace CloudEconomics.Tests.Catalog.Import;

/// <summary>
/// The importers on real excerpts of their formats (Data/README.md names each file's source). Every expected value is
/// read in the excerpt, or computed by hand from it in a comment.
/// </summary>
public class CatalogImporterTest
{
    private static readonly LocalDate AsOf = new(2026, 12, 5);

    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Catalog", "Import", "Data", name);

    private static CatalogImportResult Import(ImportFormat format, string file, string provider, AcceleratorNameMap? map = null, Confidence confidence = Confidence.CuratedDataset)
    {
        using var stream = File.OpenRead(DataFile(file));
        return CatalogImporter.Import(format, stream, new ImportSettings { Provider = provider, AsOf = AsOf, Source = "test excerpt " + file, Confidence = confidence, Map = map });
    }

    private static AcceleratorNameMap TestMap(string provider, string prefix, int? count = null)
        => new([new AcceleratorNameRule { Provider = provider, InstancePrefix = prefix, Accelerator = "nvidia-h100-sxm", Count = count, Note = "test-only mapping" }]);

    [Fact]
    public void SkyPilot_Lambda_MapsNamesThatStateTheFormFactorAndReportsTheOthers()
    {
        var result = Import(ImportFormat.SkyPilot, "skypilot-lambda-v8.csv", "lambda");

        // gpu_8x_h100_sxm5,H100,8.0,208.0,1800.0,31.92,us-east-1 and ...,us-west-1 (SpotPrice empty: no spot offer)
        var instance = result.Instances.Single(i => i.Name == "gpu_8x_h100_sxm5");
        instance.Id.Should().Be("lambda-gpu-8x-h100-sxm5");
        instance.AcceleratorId.Should().Be("nvidia-h100-sxm");
        instance.AcceleratorCount.Value.Should().Be(8);
        instance.Vcpus.Value.Should().Be(208);
        instance.Memory.Value!.Value.Gibibytes.Should().Be(1800);
        instance.AcceleratorCount.Provenance.Confidence.Should().Be(Confidence.CuratedDataset);
        var offers = result.Offers.Where(o => o.InstanceId == instance.Id).ToArray();
        offers.Select(o => (o.Region, o.Option.Kind, o.Price.PerHour.Amount)).Should().BeEquivalentTo(new[]
        {
            ("us-east-1", PurchaseOptionKind.OnDemand, 31.92m),
            ("us-west-1", PurchaseOptionKind.OnDemand, 31.92m),
        });
        offers.Should().OnlyContain(o => o.ValidFrom == AsOf && o.Provenance.AsOf == new LocalDate(2026, 12, 5) && o.Provenance.Source == "test excerpt skypilot-lambda-v8.csv");
        offers[0].Id.Should().Be("lambda-gpu-8x-h100-sxm5/onDemand/us-east-1/2026-12-05");

        // The instance type says pcie or sxm5; V100 and GH200 have their own accelerators.
        result.Instances.ToDictionary(i => i.Name, i => i.AcceleratorId).Should().Equal(new Dictionary<string, string>
        {
            ["gpu_8x_v100"] = "nvidia-v100-16gb",
            ["gpu_1x_h100_pcie"] = "nvidia-h100-pcie",
            ["gpu_8x_h100_sxm5"] = "nvidia-h100-sxm",
            ["gpu_1x_gh200"] = "nvidia-gh200",
        });
        // Line 4, gpu_1x_a100 (A100 with neither SXM nor PCIe in its name), is reported, never guessed; the CPU line is skipped.
        var unmapped = result.Unmapped.Should().ContainSingle().Subject;
        unmapped.Line.Should().Be(4);
        unmapped.Key.Should().Be("gpu_1x_a100 (A100)");
        result.RowsRead.Should().Be(7);
    }

    [Fact]
    public void SkyPilot_Nebius_ReadsSpotPricesPerRegion()
    {
        var result = Import(ImportFormat.SkyPilot, "skypilot-nebius-v8.csv", "nebius");

        // gpu-h100-sxm_8gpu-128vcpu-1600gb,H100,8,128,1600,23.60,eu-north1,...,10.00
        var h100 = result.Offers.Where(o => o.InstanceId == "nebius-gpu-h100-sxm-8gpu-128vcpu-1600gb").ToDictionary(o => o.Option.Kind, o => o.Price.PerHour.Amount);
        h100.Should().Equal(new Dictionary<PurchaseOptionKind, decimal> { [PurchaseOptionKind.OnDemand] = 23.60m, [PurchaseOptionKind.Spot] = 10.00m });

        // gpu-h200-sxm_8gpu-128vcpu-1600gb: 28.00 on demand and 11.60 spot in eu-north1, eu-west1 and us-central1
        var h200 = result.Offers.Where(o => o.InstanceId == "nebius-gpu-h200-sxm-8gpu-128vcpu-1600gb").ToArray();
        h200.Should().HaveCount(6);
        h200.Where(o => o.Option.Kind == PurchaseOptionKind.Spot).Select(o => o.Region).Should().Equal("eu-north1", "eu-west1", "us-central1");
        h200.Where(o => o.Option.Kind == PurchaseOptionKind.Spot).Should().OnlyContain(o => o.Price.PerHour.Amount == 11.60m);
        result.Instances.Single(i => i.Name == "gpu-h200-sxm_8gpu-128vcpu-1600gb").AcceleratorId.Should().Be("nvidia-h200-sxm");

        result.Instances.Single(i => i.Name == "gpu-l40s-a_1gpu-8vcpu-32gb").AcceleratorId.Should().Be("nvidia-l40s");
        result.Unmapped.Should().BeEmpty();
    }

    [Fact]
    public void SkyPilot_AwsAvailabilityZones_OneOfferPerRegionAtTheLowestZonePrice()
    {
        var result = Import(ImportFormat.SkyPilot, "skypilot-aws-v8-p4d.csv", "aws");

        var instance = result.Instances.Should().ContainSingle().Subject;
        instance.AcceleratorId.Should().Be("nvidia-a100-40gb-sxm", "the table maps the p4d. family");
        // eu-central-1 rows: on demand 27.43298 in all three zones; spot 13.338300 (euc1-az1), 27.433000, 27.433000: the lowest is kept.
        var spot = result.Offers.Single(o => o.Region == "eu-central-1" && o.Option.Kind == PurchaseOptionKind.Spot);
        spot.Price.PerHour.Amount.Should().Be(13.3383m);
        spot.Provenance.Note.Should().Contain("lowest of 3 availability-zone rows in the region (13.338300..27.433000)");
        var onDemand = result.Offers.Single(o => o.Region == "us-east-1" && o.Option.Kind == PurchaseOptionKind.OnDemand);
        onDemand.Price.PerHour.Amount.Should().Be(21.957642m);
        onDemand.Provenance.Note.Should().Contain("lowest of 4 availability-zone rows in the region (all the same price)");
        // us-east-1 spot: 2.465500 (use1-az1), 8.191500, 8.120300, 7.879900
        result.Offers.Single(o => o.Region == "us-east-1" && o.Option.Kind == PurchaseOptionKind.Spot).Price.PerHour.Amount.Should().Be(2.4655m);
        result.Offers.Should().HaveCount(4);
    }

    [Fact]
    public void SkyPilot_Gcp_JoinsMachineTypeRowsWithTheirGpuRowsPerZone()
    {
        var result = Import(ImportFormat.SkyPilot, "skypilot-gcp-v7-a2-a3.csv", "gcp");

        result.Instances.Select(i => (i.Name, i.AcceleratorId, i.AcceleratorCount.Value)).Should().BeEquivalentTo(new[]
        {
            ("a2-highgpu-8g", "nvidia-a100-40gb-sxm", (int?)8), ("a3-highgpu-8g", "nvidia-h100-sxm", 8),
            ("a3-megagpu-8g", "nvidia-h100-sxm", 8), ("a3-ultragpu-8g", "nvidia-h200-sxm", 8),
        });
        decimal Price(string instance, string region, PurchaseOptionKind kind)
            => result.Offers.Single(o => o.InstanceId == "gcp-" + instance && o.Region == region && o.Option.Kind == kind).Price.PerHour.Amount;
        // us-east4: a3-highgpu-8g row 9.46006 / spot 1.70352 + H100 x8 row 78.37241 / spot 14.1056.
        Price("a3-highgpu-8g", "us-east4", PurchaseOptionKind.OnDemand).Should().Be(87.83247m);
        Price("a3-highgpu-8g", "us-east4", PurchaseOptionKind.Spot).Should().Be(15.80912m);
        // europe-west4: a3-megagpu-8g row 9.93306 / 1.7888 + H100-MEGA x8 row 107.58048 / 19.3648.
        Price("a3-megagpu-8g", "europe-west4", PurchaseOptionKind.OnDemand).Should().Be(117.51354m);
        Price("a3-megagpu-8g", "europe-west4", PurchaseOptionKind.Spot).Should().Be(21.1536m);
        // us-central1: a2-highgpu-8g row 5.91582 / 2.36604 + A100 x8 row 23.47126 / 9.1776.
        Price("a2-highgpu-8g", "us-central1", PurchaseOptionKind.OnDemand).Should().Be(29.38708m);
        Price("a2-highgpu-8g", "us-central1", PurchaseOptionKind.Spot).Should().Be(11.54364m);
        // europe-west3: the machine type is listed in zone c only; the H100 rows of zones a and c join in c.
        Price("a3-highgpu-8g", "europe-west3", PurchaseOptionKind.OnDemand).Should().Be(11.16287m + 92.47944m);
        // Regions: a2 6, a3-highgpu 8, a3-megagpu 6, a3-ultragpu 3, each on demand and spot.
        result.Offers.Should().HaveCount((6 + 8 + 6 + 3) * 2);
        result.Offers.Where(o => o.InstanceId == "gcp-a3-highgpu-8g").Select(o => o.Region).Distinct().Should().HaveCount(8);
        result.Unmapped.Should().ContainSingle(u => u.Key.StartsWith("T4 x1", StringComparison.Ordinal)).Which.Reason.Should().Contain("no instance type");
    }

    [Fact]
    public void SkyPilot_AwsG5G6Inf1Trn1_MapEachFamilyToItsAccelerator()
    {
        var result = Import(ImportFormat.SkyPilot, "skypilot-aws-v8-g-inf-trn.csv", "aws");

        // AcceleratorName and AcceleratorCount columns of the excerpt; the family rules of the default table pick the accelerator.
        result.Instances.Select(i => (i.Name, i.AcceleratorId, i.AcceleratorCount.Value)).Should().BeEquivalentTo(new[]
        {
            ("g5.xlarge", "nvidia-a10g", (int?)1), ("g5.48xlarge", "nvidia-a10g", 8), ("g6.xlarge", "nvidia-l4", 1), ("g6.48xlarge", "nvidia-l4", 8),
            ("g6e.12xlarge", "nvidia-l40s", 4), ("g6e.48xlarge", "nvidia-l40s", 8), ("inf1.2xlarge", "aws-inferentia1", 1),
            ("inf1.6xlarge", "aws-inferentia1", 4), ("trn1.2xlarge", "aws-trainium1", 1),
        });
        result.Unmapped.Should().BeEmpty();
        decimal Price(string instance, string region, PurchaseOptionKind kind)
            => result.Offers.Single(o => o.InstanceId == "aws-" + instance && o.Region == region && o.Option.Kind == kind).Price.PerHour.Amount;
        // g5.xlarge us-east-1: Price 1.006 in all five zones; SpotPrice 0.4507, 0.4246, 0.4360, 0.4259, 0.4364: the lowest is use1-az2's.
        Price("g5.xlarge", "us-east-1", PurchaseOptionKind.OnDemand).Should().Be(1.006m);
        Price("g5.xlarge", "us-east-1", PurchaseOptionKind.Spot).Should().Be(0.4246m);
        // g6e.48xlarge us-east-1: 30.13118; spot 8.0189 (az1) < 10.2818 < 10.4635 < 20.64.
        Price("g6e.48xlarge", "us-east-1", PurchaseOptionKind.OnDemand).Should().Be(30.13118m);
        Price("g6e.48xlarge", "us-east-1", PurchaseOptionKind.Spot).Should().Be(8.0189m);
        // inf1.6xlarge us-east-1: 1.18; spot 0.2165 (az5).
        Price("inf1.6xlarge", "us-east-1", PurchaseOptionKind.Spot).Should().Be(0.2165m);
        // trn1.2xlarge: 1.34375 in us-east-1, us-east-2 and us-west-2; us-west-2 spot min(0.2564, 0.2298).
        result.Offers.Where(o => o.InstanceId == "aws-trn1.2xlarge" && o.Option.Kind == PurchaseOptionKind.OnDemand).Select(o => (o.Region, o.Price.PerHour.Amount))
            .Should().BeEquivalentTo(new[] { ("us-east-1", 1.34375m), ("us-east-2", 1.34375m), ("us-west-2", 1.34375m) });
        Price("trn1.2xlarge", "us-west-2", PurchaseOptionKind.Spot).Should().Be(0.2298m);
        // Eight instances in us-east-1 and trn1.2xlarge in three regions, each on demand and spot.
        result.Offers.Should().HaveCount((8 + 3) * 2);
        // vCPUs and MemoryGiB columns: g6e.48xlarge 192.0, 1536.0.
        var g6e = result.Instances.Single(i => i.Name == "g6e.48xlarge");
        g6e.Vcpus.Value.Should().Be(192);
        g6e.Memory.Value!.Value.Gibibytes.Should().Be(1536);
    }

    [Fact]
    public void SkyPilot_GcpG2_JoinsEachMachineTypeWithItsL4Row()
    {
        var result = Import(ImportFormat.SkyPilot, "skypilot-gcp-v7-g2-l4.csv", "gcp");

        // SkyPilot's join table: g2-standard-4 carries 1 L4, -48 carries 4, -96 carries 8.
        result.Instances.Select(i => (i.Name, i.AcceleratorId, i.AcceleratorCount.Value)).Should().BeEquivalentTo(new[]
        {
            ("g2-standard-4", "nvidia-l4", (int?)1), ("g2-standard-48", "nvidia-l4", 4), ("g2-standard-96", "nvidia-l4", 8),
        });
        decimal Price(string instance, string region, PurchaseOptionKind kind)
            => result.Offers.Single(o => o.InstanceId == "gcp-" + instance && o.Region == region && o.Option.Kind == kind).Price.PerHour.Amount;
        // us-central1: g2-standard-4 row 0.14679 / spot 0.05874 + L4 x1 row 0.56004 / 0.2231.
        Price("g2-standard-4", "us-central1", PurchaseOptionKind.OnDemand).Should().Be(0.70683m);
        Price("g2-standard-4", "us-central1", PurchaseOptionKind.Spot).Should().Be(0.28184m);
        // us-east1: g2-standard-96 row 3.52301 / 1.40966 + L4 x8 row 4.48032 / 1.7848.
        Price("g2-standard-96", "us-east1", PurchaseOptionKind.OnDemand).Should().Be(8.00333m);
        Price("g2-standard-96", "us-east1", PurchaseOptionKind.Spot).Should().Be(3.19446m);
        // us-central1: g2-standard-48 row 1.7615 + L4 x4 row 2.24016.
        Price("g2-standard-48", "us-central1", PurchaseOptionKind.OnDemand).Should().Be(4.00166m);
        result.Offers.Should().HaveCount(3 * 2 * 2);
        result.Unmapped.Should().BeEmpty();
    }

    [Fact]
    public void SkyPilot_Azure_MapsTheA100V4FamiliesByInstanceType()
    {
        var result = Import(ImportFormat.SkyPilot, "skypilot-azure-v6-a100.csv", "azure");

        result.Instances.Select(i => (i.Name, i.AcceleratorId, i.AcceleratorCount.Value)).Should().BeEquivalentTo(new[]
        {
            ("Standard_NC24ads_A100_v4", "nvidia-a100-80gb-pcie", (int?)1), ("Standard_NC48ads_A100_v4", "nvidia-a100-80gb-pcie", 2),
            ("Standard_NC96ads_A100_v4", "nvidia-a100-80gb-pcie", 4), ("Standard_ND96amsr_A100_v4", "nvidia-a100-80gb-sxm", 8),
            ("Standard_ND96asr_v4", "nvidia-a100-40gb-sxm", 8),
        });
        // westus3 row of Standard_NC24ads_A100_v4: Price 3.673, SpotPrice 0.40403.
        var nc24 = result.Offers.Where(o => o.InstanceId == "azure-nc24ads-a100-v4" && o.Region == "westus3").ToArray();
        nc24.Single(o => o.Option.Kind == PurchaseOptionKind.OnDemand).Price.PerHour.Amount.Should().Be(3.673m);
        nc24.Single(o => o.Option.Kind == PurchaseOptionKind.Spot).Price.PerHour.Amount.Should().Be(0.40403m);
        // 7 + 7 + 7 + 3 + 3 regions, each on demand and spot.
        result.Offers.Should().HaveCount(27 * 2);
        result.Unmapped.Should().BeEmpty();
    }

    [Fact]
    public void AwsPriceList_ReadsOnDemandAndStandardReservedTermsWithUpfrontFees()
    {
        var result = Import(ImportFormat.AwsPriceList, "aws-price-list-c4-large-2016.json", "aws", TestMap("aws", "c4.", count: 1), Confidence.Vendor);

        var instance = result.Instances.Should().ContainSingle().Subject;
        instance.Name.Should().Be("c4.large");
        instance.Vcpus.Value.Should().Be(2);
        instance.Memory.Value!.Value.Gibibytes.Should().Be(3.75m);

        // JRTCKXETXF 0.10/h; HU7G6KETJZ 1yr partial upfront 0.03/h + 263; 38NPMPTW36 3yr partial upfront 0.021/h + 539;
        // 4NA7Y494T4 1yr no upfront 0.063/h; R5XV2EPZQZ is convertible and left out.
        var offers = result.Offers.ToDictionary(o => o.Option.ToString(), o => (o.Price.PerHour.Amount, o.Upfront?.Value?.Amount));
        offers.Should().Equal(new Dictionary<string, (decimal, decimal?)>
        {
            ["on-demand"] = (0.10m, null),
            ["reserved 1y partial upfront"] = (0.03m, 263m),
            ["reserved 3y partial upfront"] = (0.021m, 539m),
            ["reserved 1y no upfront"] = (0.063m, null),
        });
        result.Offers.Should().OnlyContain(o => o.Region == "us-east-1" && o.Provenance.Confidence == Confidence.Vendor);
        result.Offers.Single(o => o.Option.Kind == PurchaseOptionKind.OnDemand).Provenance.Note.Should().Be("offer term JRTCKXETXF, effective 2016-12-01T00:00:00Z");
        result.RowsRead.Should().Be(2, "two products: c4.large and a data-transfer product");
    }

    [Fact]
    public void AwsPriceList_DefaultTable_ACpuInstanceIsNeitherImportedNorReported()
    {
        var result = Import(ImportFormat.AwsPriceList, "aws-price-list-c4-large-2016.json", "aws", null, Confidence.Vendor);
        result.Instances.Should().BeEmpty();
        result.Unmapped.Should().BeEmpty("c4.large has no 'gpu' attribute: not an accelerator instance");
    }

    [Fact]
    public void AwsPriceList_DefaultTable_ImportsTheP4dOnDemandProductAndSkipsItsCapacityBlockProduct()
    {
        var result = Import(ImportFormat.AwsPriceList, "aws-price-list-p4d-us-east-1-2024.json", "aws", null, Confidence.Vendor);

        // Product H7NGEAC6UEHNTKSJ: p4d.24xlarge, US East (N. Virginia), Linux, Shared, marketoption OnDemand,
        // vcpu "96", memory "1152 GiB", gpu "8"; the accelerator-name table maps the p4d. family to the A100 40GB SXM.
        var instance = result.Instances.Should().ContainSingle().Subject;
        instance.Id.Should().Be("aws-p4d.24xlarge");
        instance.Name.Should().Be("p4d.24xlarge");
        instance.AcceleratorId.Should().Be("nvidia-a100-40gb-sxm");
        instance.AcceleratorCount.Value.Should().Be(8);
        instance.AcceleratorCount.Provenance.Note.Should().Be("the product's 'gpu' attribute");
        instance.Vcpus.Value.Should().Be(96);
        instance.Memory.Value!.Value.Gibibytes.Should().Be(1152);

        // Its on-demand term H7NGEAC6UEHNTKSJ.JRTCKXETXF: "$32.7726 per On Demand Linux p4d.24xlarge Instance Hour",
        // pricePerUnit USD "32.7726000000", effectiveDate 2024-05-01. Product YSXJGN78QTXNVGDQ (same instance,
        // marketoption CapacityBlock, operation RunInstances:CB, "$0.00 per Capacity Block ...") is not an offer.
        var offer = result.Offers.Should().ContainSingle().Subject;
        offer.Id.Should().Be("aws-p4d.24xlarge/onDemand/us-east-1/2026-12-05");
        offer.Region.Should().Be("us-east-1");
        offer.Option.Kind.Should().Be(PurchaseOptionKind.OnDemand);
        offer.Price.PerHour.Amount.Should().Be(32.7726m);
        offer.Price.PerHour.Currency.Code.Should().Be("USD");
        offer.Upfront.Should().BeNull();
        offer.Provenance.Confidence.Should().Be(Confidence.Vendor);
        offer.Provenance.Note.Should().Be("offer term JRTCKXETXF, effective 2024-05-01T00:00:00Z");
        result.Provider.Regions.Select(r => r.Id).Should().Equal("us-east-1");
        result.RowsRead.Should().Be(2, "two products, both p4d.24xlarge");
        result.Unmapped.Should().BeEmpty("the capacity-block product is a known market option, left out like Windows or dedicated tenancy");
    }

    [Fact]
    public void AzureRetail_NdPage_ImportsTheH100ReservationsAsOneAndThreeYearVendorRates()
    {
        var result = Import(ImportFormat.AzureRetail, "azure-retail-nd-eastus-2026-07-27.json", "azure", null, Confidence.Vendor);

        // Items 1-3, Standard_ND96isr_H100_v5 in eastus (meter ND96isrH100v5, "Virtual Machines NDsr H100 v5 Series"):
        // Consumption 98.32 per hour; Reservation "1 Year" 551221.0 for the term: 551221 / 8760 h = 62.9247716895 ->
        // 62.924772; "3 Years" 1134310.0: 1134310 / 26280 h = 43.1624809741 -> 43.162481.
        var h100 = result.Offers.Where(o => o.InstanceId == "azure-nd96isr-h100-v5").ToDictionary(o => o.Option.ToString(), o => o.Price.PerHour.Amount);
        h100.Should().Equal(new Dictionary<string, decimal>
        {
            ["on-demand"] = 98.32m,
            ["reserved 1y"] = 62.924772m,
            ["reserved 3y"] = 43.162481m,
        });
        var oneYear = result.Offers.Single(o => o.InstanceId == "azure-nd96isr-h100-v5" && o.Option.TermMonths == 12);
        oneYear.Option.Kind.Should().Be(PurchaseOptionKind.Reserved);
        oneYear.Option.Payment.Should().BeNull("an Azure reservation item names no payment option");
        oneYear.Region.Should().Be("eastus");
        oneYear.Provenance.Confidence.Should().Be(Confidence.Vendor);
        oneYear.Provenance.Note.Should().Be("meter 'ND96isrH100v5', effective 2023-12-01T00:00:00Z; Azure quotes 551221.0 USD for the 1-year term, spread over 8760 hours");
        result.Offers.Single(o => o.InstanceId == "azure-nd96isr-h100-v5" && o.Option.TermMonths == 36).Id
            .Should().Be("azure-nd96isr-h100-v5/reserved-36m/eastus/2026-12-05");

        // Item 9: "ND96asr_A100_v4 Spot", Consumption, Linux product, 5.98334. Items 4, 5 and 8 (Low Priority), 6 and 7
        // (Windows products; 5 and 7 DevTestConsumption) are not offers.
        var a100 = result.Offers.Where(o => o.InstanceId == "azure-nd96asr-v4").Should().ContainSingle().Subject;
        a100.Option.Kind.Should().Be(PurchaseOptionKind.Spot);
        a100.Price.PerHour.Amount.Should().Be(5.98334m);
        result.Offers.Should().HaveCount(4);
        result.Instances.Select(i => (i.Name, i.AcceleratorId, i.AcceleratorCount.Value)).Should().Equal(
            ("Standard_ND96isr_H100_v5", "nvidia-h100-sxm", (int?)8), ("Standard_ND96asr_v4", "nvidia-a100-40gb-sxm", 8));

        // Item 10, Standard_ND96is_H100_v5 (88.488 per hour), is an N-series (GPU) SKU the table does not map: reported.
        var unmapped = result.Unmapped.Should().ContainSingle().Subject;
        unmapped.Line.Should().Be(10);
        unmapped.Key.Should().Be("Standard_ND96is_H100_v5");
        result.RowsRead.Should().Be(10);
    }

    [Fact]
    public void AzureRetail_ReadsConsumptionAndReservationTotalsAsHourlyRates()
    {
        var result = Import(ImportFormat.AzureRetail, "azure-retail-d8v4-westeurope.json", "azure", TestMap("azure", "Standard_D8_v4", count: 1), Confidence.Vendor);

        result.Instances.Should().ContainSingle().Which.Id.Should().Be("azure-d8-v4");
        // Consumption 0.46/h; 1 Year reservation 2377.0 for the term: 2377 / 8760 h = 0.2713470319 -> 0.271347;
        // 3 Years 4594.0: 4594 / 26280 h = 0.1748097412 -> 0.174810.
        var offers = result.Offers.ToDictionary(o => o.Option.ToString(), o => o.Price.PerHour.Amount);
        offers.Should().Equal(new Dictionary<string, decimal>
        {
            ["reserved 1y"] = 0.271347m,
            ["on-demand"] = 0.46m,
            ["reserved 3y"] = 0.174810m,
        });
        result.Offers.Should().OnlyContain(o => o.Region == "westeurope");
        result.Offers.Single(o => o.Option.TermMonths == 36).Provenance.Note.Should().Contain("Azure quotes 4594.0 USD for the 3-year term, spread over 26280 hours");
    }

    [Fact]
    public void AzureRetail_NdH100_SpotMeterIsASpotOffer_WindowsAndLowPriorityAreLeftOut()
    {
        // Linux on demand 98.32, Windows 102.736 (left out), Spot 18.169536, Windows Low Priority 41.094 (left out)
        var result = Import(ImportFormat.AzureRetail, "azure-retail-nd96isr-h100-v5-eastus.json", "azure", null, Confidence.Secondary);
        result.Offers.Select(o => (o.Option.Kind, o.Region, o.Price.PerHour.Amount)).Should().Equal(
            (PurchaseOptionKind.OnDemand, "eastus", 98.32m), (PurchaseOptionKind.Spot, "eastus", 18.169536m));
        var instance = result.Instances.Single();
        instance.Id.Should().Be("azure-nd96isr-h100-v5", "the id of the curated record, so that a merge replaces it rather than duplicating it");
        instance.AcceleratorCount.Value.Should().Be(8, "the embedded table gives 8 H100 per ND96isr H100 v5");
        result.RowsRead.Should().Be(4);
    }

    [Fact]
    public void ImportedDocument_MergesOverTheDefaultsAndRanks()
    {
        // A provider id the defaults do not have, so that the ranking sees only the imported records.
        var result = Import(ImportFormat.SkyPilot, "skypilot-lambda-v8.csv", "lambda-excerpt");
        using var json = new MemoryStream();
        result.WriteJson(json, CloudCatalog.Default);
        json.Position = 0;
        var merged = CloudCatalog.Default.MergeWith(json, "lambda.json");

        merged.FindProvider("lambda-excerpt").Should().NotBeNull();
        var ranking = merged.AsOf(AsOf).Rank(CatalogMetric.PricePerAcceleratorHour, new RankingOptions { Provider = "lambda-excerpt" });
        // 31.92 USD/h / 8 H100 = 3.99 USD per accelerator-hour, in both regions
        ranking.Ranked.Where(r => r.Instance.Name == "gpu_8x_h100_sxm5").Select(r => r.Value.Amount).Should().Equal(3.99m, 3.99m);
    }

    [Fact]
    public void SkyPilot_MissingPriceColumn_FailsNamingTheColumn()
    {
        var csv = "InstanceType,AcceleratorName,AcceleratorCount,Region\nx,H100,8,us-east-1\n";
        var act = () => CatalogImporter.Import(ImportFormat.SkyPilot, new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportSettings { Provider = "lambda", AsOf = AsOf, Source = "t" });
        act.Should().Throw<FormatException>().WithMessage("The SkyPilot CSV header must have a 'Price' column*");
    }

    [Fact]
    public void SkyPilot_PriceThatIsNotANumber_FailsNamingTheLine()
    {
        var csv = "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\ngpu_8x_h100_sxm5,H100,8,abc,us-east-1\n";
        var act = () => CatalogImporter.Import(ImportFormat.SkyPilot, new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportSettings { Provider = "lambda", AsOf = AsOf, Source = "t" });
        act.Should().Throw<FormatException>().WithMessage("SkyPilot CSV line 2: Price must be a non-negative number of USD per hour; it was 'abc'.");
    }

    [Fact]
    public void SkyPilot_FractionalAcceleratorCount_IsReported()
    {
        var csv = "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\ng6f.large,H100,0.125,0.2,us-east-1\n";
        var result = CatalogImporter.Import(ImportFormat.SkyPilot, new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportSettings { Provider = "x", AsOf = AsOf, Source = "t" });
        result.Unmapped.Should().ContainSingle().Which.Reason.Should().Be("the accelerator count '0.125' is not a whole number of accelerators");
    }

    [Fact]
    public void AwsPriceList_TruncatedJson_FailsWithAFormatException()
    {
        var text = File.ReadAllText(DataFile("aws-price-list-c4-large-2016.json"));
        var act = () => CatalogImporter.Import(ImportFormat.AwsPriceList, new MemoryStream(Encoding.UTF8.GetBytes(text[..2000])), new ImportSettings { Provider = "aws", AsOf = AsOf, Source = "t" });
        act.Should().Throw<FormatException>().WithMessage("AWS Price List: malformed JSON: *reached end of data*");
    }

    [Fact]
    public void AzureRetail_NotAPage_Fails()
    {
        var act = () => CatalogImporter.Import(ImportFormat.AzureRetail, new MemoryStream("[1,2]"u8.ToArray()), new ImportSettings { Provider = "azure", AsOf = AsOf, Source = "t" });
        act.Should().Throw<FormatException>().WithMessage("An Azure Retail Prices page must be a JSON object with an 'Items' array.");
    }

    [Fact]
    public void Settings_BadProviderId_IsRejected()
    {
        var act = () => CatalogImporter.Import(ImportFormat.SkyPilot, new MemoryStream(), new ImportSettings { Provider = "Lambda Labs", AsOf = AsOf, Source = "t" });
        act.Should().Throw<ArgumentException>().WithMessage("The provider id must be lower-case letters, digits and '-'*");
    }

    [Fact]
    public void AwsPriceList_ReadsAFileLargerThanItsBuffer()
    {
        // 20,000 data-transfer products (about 6 MB) before the c4.large product: the reader holds one product at a time.
        var excerpt = File.ReadAllText(DataFile("aws-price-list-c4-large-2016.json"));
        var filler = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            filler.Append("\"F").Append(i).Append("\":{\"sku\":\"F").Append(i).Append("\",\"productFamily\":\"Data Transfer\",\"attributes\":{\"servicecode\":\"AWSDataTransfer\",\"transferType\":\"")
                  .Append('x', 200).Append("\"}},");
        }
        var big = excerpt.Replace("\"products\" : {", "\"products\" : {" + filler, StringComparison.Ordinal);
        var result = CatalogImporter.Import(ImportFormat.AwsPriceList, new MemoryStream(Encoding.UTF8.GetBytes(big)),
            new ImportSettings { Provider = "aws", AsOf = AsOf, Source = "t", Map = TestMap("aws", "c4.", 1) });
        result.RowsRead.Should().Be(20_002);
        result.Offers.Should().HaveCount(4);
    }
}
