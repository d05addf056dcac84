using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using NodaTime;

namespace CloudEconomics.Tests.Inference;

public class CatalogAdaptersTest
{
    private static readonly LocalDate June2026 = new(2026, 6, 1);

    [Fact]
    public void ToAcceleratorSpec_H100_CarriesCatalogFigures()
    {
        // catalog nvidia-h100-sxm: 989.4 TFLOPS BF16 dense, 80 GiB (AWS: 81,920 MiB) = 85,899,345,920 B, 3.35 TB/s,
        // NVLink 900 GB/s both ways = 450 GB/s one way, 700 W.
        var spec = CloudCatalog.Default.FindAccelerator("nvidia-h100-sxm")!.ToAcceleratorSpec();
        spec.PeakAt(NumericPrecision.Bf16).Teraflops.Should().BeApproximately(989.4, 1e-9);
        spec.MemoryCapacity.ToBytes().Should().BeApproximately(85_899_345_920, 1);
        spec.InterconnectBandwidth!.Value.ToBytesPerSecond().Should().BeApproximately(450e9, 1);
        spec.MemoryBandwidth.ToBytesPerSecond().Should().BeApproximately(3.35e12, 1);
        ((double)spec.Power!.Value.Watts).Should().Be(700);
        spec.Source.Should().Contain("nvidia-h100-sxm");
    }

    [Fact]
    public void ToAcceleratorSpec_UnknownFigures_ThrowsNamingThem()
    {
        // An accelerator whose bandwidth is unknown (null = not found in a source).
        var a100 = CloudCatalog.Default.FindAccelerator("nvidia-a100-40gb-sxm")! with { MemoryBandwidthFigure = Figure<UnitsNet.BitRate>.Unknown };
        var act = () => a100.ToAcceleratorSpec();
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "accelerator" && e.Message.Contains("memory bandwidth"));
    }

    [Fact]
    public void ToInferenceOffers_June2026_HasP5AtPostCutPrice_AndSkipsUnknownSpecs()
    {
        var offers = CloudCatalog.Default.ToInferenceOffers(June2026, Currency.Usd, out var skipped);
        var p5 = offers.Single(o => o.Id == "aws-p5.48xlarge/onDemand/us-east-1/2025-06-23");
        p5.Price.Should().Be(PricePerHour.Usd(55.04m));
        p5.AcceleratorCount.Should().Be(8);
        p5.PricedPerChip.Should().BeFalse();
        offers.Should().NotContain(o => o.Id == "aws-p5.48xlarge/onDemand/us-east-1/2023-09-18"); // the pre-cut price ended 2025-06-22
        // p4d's A100 40GB now has its data-sheet figures (1.555 TB/s, 312 TFLOPS BF16), so it is usable.
        offers.Should().Contain(o => o.Id.StartsWith("aws-p4d.24xlarge/onDemand", StringComparison.Ordinal) && Math.Abs(o.Accelerator.MemoryBandwidth.ToBytesPerSecond() - 1.555e12) < 1);
        // The TPU prices come from undated sources first recorded by the reference catalog of 2026-11-29: not priced in June.
        offers.Should().NotContain(o => o.Id == "gcp-tpu-v6e-chip/onDemand/us-central1");
        CloudCatalog.Default.ToInferenceOffers(new NodaTime.LocalDate(2026, 11, 29), Currency.Usd, out _)
            .Single(o => o.Id == "gcp-tpu-v6e-chip/onDemand/us-central1").PricedPerChip.Should().BeTrue();
    }

    [Fact]
    public void Rank_EveryCatalogOffer_ForLlama70B()
    {
        var offers = CloudCatalog.Default.ToInferenceOffers(June2026, Currency.Usd, out _);
        var ranking = OfferRanking.Rank(ModelLibrary.Default["llama-3.1-70b"], new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 }, offers);
        ranking.Should().HaveCount(offers.Count);
        var ranked = ranking.Where(r => r.Rank is not null).ToList();
        ranked.Should().NotBeEmpty();
        ranked.Select(r => r.Cost!.Blended.PerMillionTokens.Amount).Should().BeInAscendingOrder();
        ranked.Should().OnlyContain(r => r.Estimate!.Decode.Bound != LimitingBound.Measured && r.Provenance.Contains("price:"));
        // One Inferentia2 chip (32 GiB x 0.9 = 30.9 GB usable) cannot hold 141 GB of BF16 weights.
        ranking.Single(r => r.Offer.InstanceType == "inf2.xlarge").Excluded.Should().Contain("does not fit");
    }

    [Fact]
    public void CustomSiliconVsGpu_AwsOnDemand_ReportsRatioAndAssumptions()
    {
        var offers = CloudCatalog.Default.ToInferenceOffers(June2026, Currency.Usd, out _);
        var c = CustomSiliconComparison.Compare(
            ModelLibrary.Default["llama-3.1-70b"], new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 }, offers,
            include: o => o.Provider == ProviderId.Aws && o.PurchaseOption == PurchaseOption.OnDemand);
        c.CustomSilicon.Offer.Accelerator.Name.Should().MatchRegex("Trainium|Inferentia");
        c.Gpu.Offer.Accelerator.Name.Should().MatchRegex("H100|H200");
        c.Ratio.Should().BeGreaterThan(0);
        c.Assumptions.Should().Contain(a => a.Contains("efficiency"));
    }
}
