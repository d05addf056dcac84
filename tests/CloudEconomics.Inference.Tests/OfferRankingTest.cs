using CloudEconomics.Catalog;
using CloudEconomics.Inference;

namespace CloudEconomics.Tests.Inference;

public class OfferRankingTest
{
    // Prices from /work/shared/reference/catalog-sources.json: p5.48xlarge on-demand 55.04 USD/h (after the June 2025 cut),
    // trn2.48xlarge capacity block 35.7608 USD/h.
    private static InferenceOffer P5 => new()
    {
        Id = "aws-p5.48xlarge/on-demand", Provider = ProviderId.Aws, ProviderName = "AWS", InstanceType = "p5.48xlarge", Accelerator = Specs.H100, AcceleratorCount = 8,
        ScaleUpDomain = 8, Price = PricePerHour.Usd(55.04m), PurchaseOption = PurchaseOption.OnDemand, Region = "us-east-1",
    };

    private static InferenceOffer Trn2 => new()
    {
        Id = "aws-trn2.48xlarge/capacity-block", Provider = ProviderId.Aws, ProviderName = "AWS", InstanceType = "trn2.48xlarge", Accelerator = Specs.Trainium2, AcceleratorCount = 16,
        ScaleUpDomain = 64, Price = PricePerHour.Usd(35.7608m), PurchaseOption = PurchaseOption.CapacityBlock,
    };

    private static readonly Workload Chat = new() { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 };

    [Fact]
    public void Rank_OrdersByBlendedPrice_AndExcludesNonFitting()
    {
        var tiny = P5 with { Id = "one-h100", InstanceType = "one H100", AcceleratorCount = 1, Price = PricePerHour.Usd(6.88m) };
        var ranking = OfferRanking.Rank(Specs.Llama70B, Chat, [P5, Trn2, tiny]);
        ranking.Should().HaveCount(3);
        ranking[0].Rank.Should().Be(1);
        ranking[1].Rank.Should().Be(2);
        ranking[0].Cost!.Blended.Should().BeLessThanOrEqualTo(ranking[1].Cost!.Blended);
        ranking[2].Offer.Id.Should().Be("one-h100");
        ranking[2].Rank.Should().BeNull();
        ranking[2].Excluded.Should().Contain("does not fit");
        ranking[0].Provenance.Should().Contain("llama-3.1-70b").And.Contain("catalog-sources.json");
    }

    [Fact]
    public void Evaluate_PicksCheapestTensorParallelLayout()
    {
        // Llama 3.1 8B fits on one H100; the cheapest layout of an 8-GPU instance is at most as expensive as TP 8.
        var model = ModelLibrary.Default["llama-3.1-8b"];
        var r = OfferRanking.Evaluate(model, Chat, P5, EfficiencyFactors.Default);
        var tp8 = Roofline.Estimate(model, Chat, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = 8 });
        r.Cost!.Blended.Should().BeLessThanOrEqualTo(TokenCost.ForEstimate(P5.Price, tp8).Blended);
    }

    [Fact]
    public void Rank_MixedCurrencies_ThrowsNamingOffers()
    {
        var eur = Trn2 with { Price = new PricePerHour(Money.Eur(30m)) };
        var act = () => OfferRanking.Rank(Specs.Llama70B, Chat, [P5, eur]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "offers" && e.Message.Contains("one currency"));
    }

    [Fact]
    public void CustomSiliconComparison_RatioIsBestCustomOverBestGpu()
    {
        var c = CustomSiliconComparison.Compare(Specs.Llama70B, Chat, [P5, Trn2]);
        c.Ratio.Should().Be(c.CustomSilicon.Cost!.Blended.PerMillionTokens.Amount / c.Gpu.Cost!.Blended.PerMillionTokens.Amount);
        c.Sensitivity.Select(s => s.Factor).Should().Equal("custom-silicon MFU", "custom-silicon MBU", "custom-silicon utilization", "custom-silicon price");
        // Price enters linearly: x0.8 and x1.2 on the custom side scale the ratio by exactly 0.8 and 1.2.
        var price = c.Sensitivity.Single(s => s.Factor == "custom-silicon price");
        ((double)price.RatioAtLow!.Value).Should().BeApproximately(0.8 * (double)c.Ratio, 1e-9);
        ((double)price.RatioAtHigh!.Value).Should().BeApproximately(1.2 * (double)c.Ratio, 1e-9);
        // Lower utilisation on the custom side makes it dearer.
        c.Sensitivity.Single(s => s.Factor == "custom-silicon utilization").RatioAtLow.Should().BeGreaterThan(c.Ratio);
        c.ToMarkdown().Should().Contain("custom silicon vs GPU");
    }

    [Fact]
    public void CustomSiliconComparison_NoGpuOffer_Throws()
    {
        var act = () => CustomSiliconComparison.Compare(Specs.Llama70B, Chat, [Trn2]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "offers" && e.Message.Contains("GPU offer"));
    }

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public bool Evaluate_CostScalesWithPrice(FsCheck.PositiveInt factor)
    {
        // The physics does not see the price: k times the hourly price gives k times every price per million tokens.
        decimal k = 1 + (factor.Get % 20);
        var cheap = OfferRanking.Evaluate(Specs.Llama70B, Chat, P5, EfficiencyFactors.Default);
        var dear = OfferRanking.Evaluate(Specs.Llama70B, Chat, P5 with { Price = PricePerHour.Usd(55.04m * k) }, EfficiencyFactors.Default);
        return Math.Abs(dear.Cost!.Blended.PerMillionTokens.Amount - (k * cheap.Cost!.Blended.PerMillionTokens.Amount)) <= 1e-9m * k * cheap.Cost.Blended.PerMillionTokens.Amount
            && dear.Estimate!.Deployment.TensorParallelDegree == cheap.Estimate!.Deployment.TensorParallelDegree;
    }

    [Fact]
    public void Evaluate_Inf2_48xlarge_Llama70B_SaysWhetherItPadsOrIdles()
    {
        // 12 Inferentia2 chips: TP 12 pads 64 heads to 72; TP 8 idles 4 chips; whichever is cheaper is kept and named.
        var inf2 = CloudEconomics.Catalog.CloudCatalog.Default.FindAccelerator("aws-inferentia2")!.ToAcceleratorSpec();
        var offer = new InferenceOffer
        {
            Id = "inf2.48xlarge", Provider = ProviderId.Aws, InstanceType = "inf2.48xlarge", Accelerator = inf2, AcceleratorCount = 12,
            ScaleUpDomain = 12, Price = PricePerHour.Usd(12.98m), PurchaseOption = PurchaseOption.OnDemand,
        };
        var r = OfferRanking.Evaluate(Specs.Llama70B, Chat, offer, EfficiencyFactors.Default);
        r.Estimate.Should().NotBeNull();
        int tp = r.Estimate!.Deployment.TensorParallelDegree;
        if (tp == 12)
        {
            r.LayoutNote.Should().Contain("padded to 72");
        }
        else
        {
            r.LayoutNote.Should().Contain("idle");
            (r.IdleChips + r.Estimate.Deployment.AcceleratorCount).Should().Be(12);
        }
    }
}
