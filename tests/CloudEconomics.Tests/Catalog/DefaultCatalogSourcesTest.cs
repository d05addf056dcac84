using System.Text.Json;
using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

/// <summary>Every figure of the embedded default catalog traces to a source; the dated AWS prices reproduce the snapshots.</summary>
public class DefaultCatalogSourcesTest
{
    private static IEnumerable<(string Where, bool Known, Provenance Provenance)> Figures(CloudCatalog catalog)
    {
        foreach (var a in catalog.Accelerators)
        {
            yield return ($"{a.Id}.processNode", a.ProcessNode.IsKnown, a.ProcessNode.Provenance);
            yield return ($"{a.Id}.launchYear", a.LaunchYear.IsKnown, a.LaunchYear.Provenance);
            yield return ($"{a.Id}.memoryCapacity", a.MemoryCapacityFigure.IsKnown, a.MemoryCapacityFigure.Provenance);
            yield return ($"{a.Id}.memoryBandwidth", a.MemoryBandwidthFigure.IsKnown, a.MemoryBandwidthFigure.Provenance);
            yield return ($"{a.Id}.thermalDesignPower", a.ThermalDesignPowerFigure.IsKnown, a.ThermalDesignPowerFigure.Provenance);
            yield return ($"{a.Id}.scaleUpBandwidth", a.ScaleUpBandwidth.IsKnown, a.ScaleUpBandwidth.Provenance);
            yield return ($"{a.Id}.scaleUpDomain", a.ScaleUpDomain.IsKnown, a.ScaleUpDomain.Provenance);
            foreach (var (p, f) in a.PeakDenseCompute.Concat(a.PeakSparseCompute))
            {
                yield return ($"{a.Id}.peak.{p}", f.IsKnown, f.Provenance);
            }
        }
        foreach (var i in catalog.Instances)
        {
            yield return ($"{i.Id}.acceleratorCount", i.AcceleratorCount.IsKnown, i.AcceleratorCount.Provenance);
            yield return ($"{i.Id}.vcpus", i.Vcpus.IsKnown, i.Vcpus.Provenance);
            yield return ($"{i.Id}.memory", i.Memory.IsKnown, i.Memory.Provenance);
            yield return ($"{i.Id}.networkBandwidth", i.NetworkBandwidth.IsKnown, i.NetworkBandwidth.Provenance);
            yield return ($"{i.Id}.scaleOutFabric", i.ScaleOutFabric.IsKnown, i.ScaleOutFabric.Provenance);
        }
        foreach (var o in catalog.Offers)
        {
            yield return ($"{o.Id}.hourlyPrice", o.HourlyPrice.IsKnown, o.HourlyPrice.Provenance);
            if (o.Upfront is { } upfront)
            {
                yield return ($"{o.Id}.upfront", upfront.IsKnown, upfront.Provenance);
            }
        }
        foreach (var p in catalog.Providers.Where(p => p.Positioning is not null))
        {
            var c = p.Positioning!;
            foreach (var cell in new[] { c.PrimaryFocus, c.ChipArchitecture, c.PricingModel, c.BenchmarkLead })
            {
                yield return ($"{p.Id}.positioning", cell.IsKnown, cell.Provenance);
            }
        }
    }

    [Fact]
    public void EveryKnownDefaultFigure_HasSourceAsOfAndConfidence()
    {
        var figures = Figures(CloudCatalog.Default).ToArray();
        figures.Where(f => f.Known).Should().HaveCountGreaterThan(200);
        figures.Where(f => f.Known && !f.Provenance.IsComplete).Select(f => f.Where).Should().BeEmpty();
    }

    [Fact]
    public void UnknownDefaultFigures_StayUnknown_WithANote()
    {
        // catalog-notes.md: no process node was found for Trainium; TPU v5e TDP left null.
        var d = CloudCatalog.Default;
        d.FindAccelerator("aws-trainium2")!.ProcessNode.IsKnown.Should().BeFalse();
        d.FindAccelerator("google-tpu-v5e")!.ThermalDesignPower.Should().BeNull();
        d.FindInstance("Standard_ND96isr_H100_v5")!.Vcpus.IsKnown.Should().BeFalse();
        Figures(d).Where(f => !f.Known).Should().OnlyContain(f => !string.IsNullOrWhiteSpace(f.Provenance.Note), "an unknown says why");
    }

    [Fact]
    public void Issue16Leftovers_AreSourced()
    {
        var d = CloudCatalog.Default;
        // AMD's MI325X specification: FP8 2,614.9 TFLOPS dense (5,229.8 with sparsity), quoted by a secondary page.
        d.FindAccelerator("amd-mi325x")!.PeakDense(NumericPrecision.Fp8)!.Value.Teraflops.Should().BeApproximately(2614.9, 1e-9);
        // SkyPilot v7 GCP catalog @017e2502, us-east4: a3-highgpu-8g VM spot 1.70352 + H100 x8 GPU spot 14.1056 = 15.80912.
        var spot = d.Offers.Single(o => o.Id == "gcp-a3-highgpu-8g/spot/us-east4");
        spot.Price.PerHour.Amount.Should().Be(15.81m);
        spot.Provenance.Confidence.Should().Be(Confidence.CuratedDataset);
    }

    [Fact]
    public void EstimatesAndLowConfidenceFigures_AreMarked()
    {
        var d = CloudCatalog.Default;
        // catalog-notes.md: the reference data's reserved / savings-plan / CUD figures are ESTIMATEs of a secondary TCO brief;
        // additions.json adds the sellers' published rates as a third-party catalog read them (secondary, valid from 2026-09-27).
        var commitments = d.Offers.Where(o => o.Option.Kind is PurchaseOptionKind.Reserved or PurchaseOptionKind.SavingsPlan or PurchaseOptionKind.CommittedUse).ToArray();
        commitments.Where(o => o.Provenance.Confidence == Confidence.Estimate).Should().HaveCount(10);
        commitments.Where(o => o.Provenance.Confidence != Confidence.Estimate).Should().HaveCount(20)
            .And.OnlyContain(o => o.Provenance.Confidence == Confidence.Secondary && o.ValidFrom == new LocalDate(2026, 9, 27) && o.Provenance.Note!.StartsWith("published rate", StringComparison.Ordinal));
        // Trainium2 TDP 500 W: Epoch row citing SemiAnalysis, LOW confidence, not an AWS figure.
        d.FindAccelerator("aws-trainium2")!.ThermalDesignPowerFigure.Provenance.Confidence.Should().Be(Confidence.Secondary);
        d.FindAccelerator("aws-trainium2")!.PeakDenseFigure(NumericPrecision.Bf16).Provenance.Confidence.Should().Be(Confidence.Vendor);
    }

    [Fact]
    public void BytePrefixes_AreAsTheSourcesState()
    {
        var d = CloudCatalog.Default;
        d.FindAccelerator("aws-trainium3")!.MemoryCapacity!.Value.Unit.Should().Be(UnitsNet.Units.InformationUnit.Gibibyte, "Neuron docs: 144 GiB");
        d.FindAccelerator("nvidia-h100-sxm")!.MemoryCapacity!.Value.Unit.Should().Be(UnitsNet.Units.InformationUnit.Gibibyte, "AWS reports 81,920 MiB per H100: NVIDIA's '80 GB' is 80 GiB (issue-16 audit)");
        d.FindAccelerator("nvidia-h200-sxm")!.MemoryCapacity!.Value.ToBytes().Should().BeApproximately(144_384d * 1024 * 1024, 1, "AWS reports 144,384 MiB per H200 = 141 GiB");
        d.FindAccelerator("aws-inferentia2")!.MemoryBandwidth!.Value.Unit.Should().Be(UnitsNet.Units.BitRateUnit.GibibytePerSecond, "Neuron docs: 820 GiB/s");
        d.FindAccelerator("aws-inferentia1")!.MemoryBandwidth!.Value.Unit.Should().Be(UnitsNet.Units.BitRateUnit.GibibytePerSecond, "Neuron docs: 50 GiB/s");
        d.FindAccelerator("nvidia-h100-sxm")!.PeakDense(NumericPrecision.Fp8)!.Value.Teraflops.Should().Be(1978.9, "dense, half the 3,958 sparse headline");
        d.FindAccelerator("nvidia-h100-sxm")!.PeakSparse(NumericPrecision.Fp8)!.Value.Teraflops.Should().Be(3957.8);
    }

    [Fact]
    public void UltraServers_AreInstancesWithTheirOwnScaleUpDomain()
    {
        var d = CloudCatalog.Default;
        // trn2-arch.rst: trn2.48xlarge 16 Trainium2 chips; a Trn2 UltraServer is four trn2u.48xlarge, 64 chips, 768 vCPUs, 8,192 GiB.
        var trn2 = d.GetInstance("trn2.48xlarge");
        d.FindAccelerator(trn2.AcceleratorId)!.ScaleUpDomain.Value.Should().Be(16);
        var ultra = d.GetInstance("u-trn2x64");
        ultra.AcceleratorCount.Value.Should().Be(64);
        ultra.Vcpus.Value.Should().Be(768);
        ultra.Memory.Value!.Value.Gibibytes.Should().Be(8192);
        var chip = d.FindAccelerator(ultra.AcceleratorId)!;
        chip.ScaleUpDomain.Value.Should().Be(64);
        chip.PeakDense(NumericPrecision.Bf16).Should().Be(d.FindAccelerator("aws-trainium2")!.PeakDense(NumericPrecision.Bf16), "the same chip");
        // The P6e-GB200 UltraServer: 72 GPUs in the GB200's 72-GPU NVLink domain.
        var gb = d.GetInstance("u-p6e-gb200x72");
        gb.AcceleratorCount.Value.Should().Be(72);
        d.FindAccelerator(gb.AcceleratorId)!.ScaleUpDomain.Value.Should().Be(72);
        // Its Capacity Block rate, 761.904 USD/h in the Dallas Local Zone, quoted 2026-06-15..19; the page announced an update in July 2026.
        d.AsOf(new LocalDate(2026, 6, 20)).OffersFor(gb, PurchaseOptionKind.CapacityBlock, "us-east-1-dfw-2a").Should().ContainSingle()
            .Which.Price.Should().Be(PricePerHour.Usd(761.904m));
        d.AsOf(new LocalDate(2026, 7, 1)).OffersFor(gb, PurchaseOptionKind.CapacityBlock, "us-east-1-dfw-2a").Should().BeEmpty();
    }

    [Fact]
    public void PublishedCommitmentRates_AreTheSellersFiguresAsRead()
    {
        var d = CloudCatalog.Default.AsOf(new LocalDate(2026, 10, 1));
        decimal Rate(string instance, string region, PurchaseOptionKind kind, int months)
            => d.OffersFor(d.GetInstance(instance), kind, region).Single(o => o.Option.TermMonths == months && o.Provenance.Confidence == Confidence.Secondary).Price.PerHour.Amount;
        // AWS EC2 Instance Savings Plan for p5.48xlarge, no upfront: 34.6752 (1 year) and 23.77728 (3 years) USD per instance-hour.
        Rate("p5.48xlarge", "us-east-1", PurchaseOptionKind.SavingsPlan, 12).Should().Be(34.6752m);
        Rate("p5.48xlarge", "us-east-1", PurchaseOptionKind.SavingsPlan, 36).Should().Be(23.77728m);
        // Azure ND H100 v5 eastus reservation: 551,221 USD for one year per VM = 551221 / 8760 h = 62.924772 USD/h (6 decimals).
        Rate("ND H100 v5", "eastus", PurchaseOptionKind.Reserved, 12).Should().Be(62.924772m);
        // 1,134,310 USD for three years / 26,280 h = 43.162481 USD/h.
        Rate("ND H100 v5", "eastus", PurchaseOptionKind.Reserved, 36).Should().Be(43.162481m);
        // Google Cloud a3-highgpu-8g resource CUD in us-central1: 61.383674231 (1 year).
        Rate("a3-highgpu-8g", "us-central1", PurchaseOptionKind.CommittedUse, 12).Should().Be(61.383674231m);
        // ND H200 v5: 84.8 USD per VM-hour pay-as-you-go in eastus2.
        d.OffersFor(d.GetInstance("ND H200 v5"), PurchaseOptionKind.OnDemand, "eastus2").Should().ContainSingle().Which.Price.PerHour.Amount.Should().Be(84.8m);
        // Before the reading date there is no such rate.
        CloudCatalog.Default.AsOf(new LocalDate(2026, 9, 26)).OffersFor(d.GetInstance("ND H200 v5"), PurchaseOptionKind.OnDemand, "eastus2").Should().BeEmpty();
    }

    [Fact]
    public void A10GAndL4_HaveTheMemoryAwsStates()
    {
        var d = CloudCatalog.Default;
        // AWS Batch 'Run GPU jobs' table: g5.xlarge and g6.xlarge, 1 GPU with 24 GiB.
        d.FindAccelerator("nvidia-a10g")!.MemoryCapacity!.Value.Gibibytes.Should().Be(24);
        d.FindAccelerator("nvidia-l4")!.MemoryCapacity!.Value.Gibibytes.Should().Be(24);
        d.GetInstance("g5.xlarge").AcceleratorId.Should().Be("nvidia-a10g");
        d.GetInstance("g2-standard-4").AcceleratorId.Should().Be("nvidia-l4");
        // L4 FP8: 485 TFLOPS with sparsity, 242.5 dense (secondary source, halved).
        d.FindAccelerator("nvidia-l4")!.PeakDense(NumericPrecision.Fp8)!.Value.Teraflops.Should().Be(242.5);
        d.FindAccelerator("nvidia-l4")!.PeakDenseFigure(NumericPrecision.Fp8).Provenance.Confidence.Should().Be(Confidence.Secondary);
    }

    [Fact]
    public void DatedAwsOffers_ReproduceEverySnapshot()
    {
        // Reference/aws-on-demand-price-history.json: [commit, commit date, generated-at, {instance type: USD/h}], a copy of
        // ../shared/reference. On each snapshot's generation date, AsOf must answer the snapshot's price for every instance in the catalog.
        using var history = JsonDocument.Parse(File.ReadAllText(ReferencePath("aws-on-demand-price-history.json")));
        var checkedPrices = 0;
        foreach (var snapshot in history.RootElement.EnumerateArray())
        {
            var date = LocalDate.FromDateTime(snapshot[2].GetDateTime());
            var catalog = CloudCatalog.Default.AsOf(date);
            foreach (var price in snapshot[3].EnumerateObject())
            {
                if (catalog.FindInstance(price.Name) is not { } instance || price.Name is "p4de.24xlarge" or "p6-b300.48xlarge")
                {
                    continue; // p4de and p6-b300 have no record in catalog-sources.json; their offers are imported from SkyPilot, valid from 2026-12-05
                }
                var offer = catalog.OffersFor(instance, PurchaseOptionKind.OnDemand, "us-east-1").Should().ContainSingle($"{price.Name} on {date}").Which;
                offer.Price.Should().Be(PricePerHour.Usd(price.Value.GetDecimal()), $"{price.Name} on {date}");
                checkedPrices++;
            }
        }
        checkedPrices.Should().BeGreaterThan(300);
    }

    [Fact]
    public void CompetitorTable_IsQueryable_WithTheArticleAsSource()
    {
        var d = CloudCatalog.Default;
        var aws = d.PositioningOfFamily("Trainium")!;
        aws.PricingModel.Value.Should().Be("Aggressive reserved instance discounts");
        aws.BenchmarkLead.Value.Should().Be("Price-performance for LLM inference");
        aws.PrimaryFocus.Provenance.Source.Should().Contain("AWS Booms but Amazon's Cash Flow Vanishes on AI Capex");
        d.PositioningOfFamily("maia")!.PricingModel.Value.Should().Be("Bundled with M365/OpenAI credits");
        d.ProvidersBuilding(AcceleratorKind.Tpu).Select(p => p.Id).Should().Equal("gcp");
        d.FindProvider("gcp")!.Positioning!.ChipArchitecture.Value.Should().Be("ASIC (TPU)");
    }

    [Fact]
    public void JsonSchema_IsEmbedded_AndMatchesTheSeedFile()
    {
        using var schema = JsonDocument.Parse(CloudCatalog.JsonSchema);
        schema.RootElement.GetProperty("$defs").GetProperty("offer").GetProperty("required").EnumerateArray().Select(e => e.GetString())
            .Should().Contain(["id", "region", "option", "hourlyPrice"]);
        CloudCatalog.JsonSchema.Should().Be(File.ReadAllText(RepoPath("seeds/catalog/catalog.schema.json")));
    }

    [Fact]
    public void FindInstances_ByProviderAcceleratorRegionAndOption()
    {
        var d = CloudCatalog.Default;
        d.FindInstances(provider: "aws", acceleratorId: "aws-inferentia2").Select(i => i.Name).Should().BeEquivalentTo("inf2.xlarge", "inf2.8xlarge", "inf2.24xlarge", "inf2.48xlarge");
        d.FindInstances(option: PurchaseOptionKind.CapacityBlock, region: "us-east-2").Select(i => i.Name).Should().BeEquivalentTo("trn2.48xlarge", "p4d.24xlarge", "p5e.48xlarge");
        // Curated: a3-highgpu-8g and the v6e chip; imported/gcp.json (SkyPilot v7 GCP excerpt) adds spot for a2-highgpu-8g, a3-megagpu-8g and
        // a3-ultragpu-8g, imported/gcp-g2.json (the g2 excerpt of the same file) for g2-standard-4, -48 and -96.
        d.FindInstances(provider: "gcp", option: PurchaseOptionKind.Spot).Select(i => i.Name)
            .Should().BeEquivalentTo("a2-highgpu-8g", "a3-highgpu-8g", "a3-megagpu-8g", "a3-ultragpu-8g", "tpu-v6e-chip", "g2-standard-4", "g2-standard-48", "g2-standard-96");
        d.FindInstance("ND H100 v5")!.Id.Should().Be("azure-nd96isr-h100-v5", "display names are found too");
        d.FindInstance("P5.48XLARGE")!.Id.Should().Be("aws-p5.48xlarge", "names are case-insensitive");
        d.FindInstance("nonexistent").Should().BeNull();
        var act = () => d.GetInstance("nonexistent");
        act.Should().Throw<KeyNotFoundException>().WithMessage("No instance type has the id or name 'nonexistent'.");
    }

    private static string ReferencePath(string name) => CloudEconomics.Tests.Helpers.RepositoryPaths.Reference(name);

    private static string RepoPath(string relative) => CloudEconomics.Tests.Helpers.RepositoryPaths.Of(relative);
}
