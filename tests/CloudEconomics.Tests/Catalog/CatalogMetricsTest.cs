using CloudEconomics.Catalog;
using CloudEconomics.Tests.Helpers;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public class CatalogMetricsTest
{
    private static readonly CloudCatalog July2026 = CloudCatalog.Default.AsOf(new LocalDate(2026, 7, 20));

    private static PriceOffer OnDemand(string instance) => July2026.OffersFor(July2026.GetInstance(instance), PurchaseOptionKind.OnDemand).Single();

    [Fact]
    public void PricePerDensePetaflopHour_P5_MatchesHandComputation()
    {
        // 55.04 USD/h / (8 x 989.4 TFLOPS dense BF16 = 7.9152 PFLOP/s) = 6.953709318779058 USD per PFLOP/s-hour
        var value = July2026.Metric(OnDemand("p5.48xlarge"), CatalogMetric.PricePerDensePetaflopHour)!;
        value.Amount.Amount.Should().BeApproximately(6.9537093188m, 1e-9m);
        value.Unit.Should().Be("dense BF16 PFLOP/s-h");
        value.Provenance.DerivedFrom.Should().HaveCount(3);
        value.Provenance.Confidence.Should().Be(Confidence.Secondary, "the H100 dense figure comes from a secondary source");
        value.Provenance.Source.Should().StartWith("DERIVED:");
    }

    [Fact]
    public void PricePerAcceleratorHour_Trn1()
        // 21.50 / 16 chips = 1.34375 USD per chip-hour
        => CatalogMetrics.PricePerAcceleratorHour(OnDemand("trn1.32xlarge"), July2026.GetInstance("trn1.32xlarge")).Should().Be(PricePerHour.Usd(1.34375m));

    [Fact]
    public void PricePerMemoryGigabyteHour_ConvertsGibibytes()
    {
        // inf2.xlarge: 0.7582 USD/h / 32 GiB; 32 GiB = 32 x 2^30 B = 34.359738368 GB -> 0.022066524 USD per GB-hour (not 0.7582/32 = 0.02369)
        July2026.Metric(OnDemand("inf2.xlarge"), CatalogMetric.PricePerMemoryGigabyteHour)!.Amount.Amount.Should().BeApproximately(0.0220665243m, 1e-10m);
    }

    [Fact]
    public void PricePerMemoryBandwidthHour_P5()
        // 55.04 / (8 x 3.35 TB/s) = 2.053731343 USD per TB/s-hour
        => July2026.Metric(OnDemand("p5.48xlarge"), CatalogMetric.PricePerMemoryBandwidthHour)!.Amount.Amount.Should().BeApproximately(2.0537313433m, 1e-9m);

    [Fact]
    public void PerChipProducts_AreNotDividedAgain()
        // Cloud TPU v6e 2.70 USD per chip-hour / 918 TFLOPS = 2.70 / 0.918 = 2.941176 USD per PFLOP/s-hour
        => July2026.Metric(OnDemand("tpu-v6e-chip"), CatalogMetric.PricePerDensePetaflopHour)!.Amount.Amount.Should().BeApproximately(2.9411764706m, 1e-9m);

    // The embedded catalog now knows every input of this metric (the A100 40GB got its data-sheet figures, issue 16), so
    // the unknown case is a user override that forgets the A100 40GB's dense peaks.
    private static readonly CloudCatalog July2026WithoutA100Peaks = CloudCatalog.Default
        .MergeWith(CloudCatalog.Create([], [CloudCatalog.Default.FindAccelerator("nvidia-a100-40gb-sxm")! with { PeakDenseCompute = new Dictionary<NumericPrecision, Figure<ComputeRate>>() }], [], []))
        .AsOf(new LocalDate(2026, 7, 20));

    [Fact]
    public void UnknownInput_GivesNull_NeverZero()
    {
        var p4d = July2026WithoutA100Peaks.OffersFor(July2026WithoutA100Peaks.GetInstance("p4d.24xlarge"), PurchaseOptionKind.OnDemand).Single();
        July2026WithoutA100Peaks.Metric(p4d, CatalogMetric.PricePerDensePetaflopHour).Should().BeNull("the override has no A100 40GB dense BF16 figure");
    }

    [Fact]
    public void A100_40GB_HasItsDataSheetPeak()
        // p4d.24xlarge 21.957642 USD/h / (8 x 312 TFLOPS = 2.496 PFLOP/s) = 8.797132 USD per PFLOP/s-hour (NVIDIA A100 data sheet).
        => July2026.Metric(OnDemand("p4d.24xlarge"), CatalogMetric.PricePerDensePetaflopHour)!.Amount.Amount.Should().BeApproximately(8.7971322115m, 1e-9m);

    [Fact]
    public void Rank_IsAscending_AndExplainsWhatIsLeftOut()
    {
        var ranking = July2026.Rank(CatalogMetric.PricePerDensePetaflopHour);
        ranking.Ranked.Select(r => r.Value.Amount).Should().BeInAscendingOrder();
        ranking.Ranked.Select(r => r.Rank).Should().Equal(Enumerable.Range(1, ranking.Ranked.Count));
        July2026WithoutA100Peaks.Rank(CatalogMetric.PricePerDensePetaflopHour).Unranked.Should().Contain(u => u.Instance.Name == "p4d.24xlarge" && u.Reason.Contains("unknown"));
        ranking.Unranked.Should().Contain(u => u.Instance.Name == "trn2.48xlarge" && u.Offer == null && u.Reason == "no on-demand USD offer valid on 2026-07-20");
        ranking.Ranked.Should().OnlyContain(r => r.Offer.Option.Kind == PurchaseOptionKind.OnDemand);
        // The ranking's value equals the metric with provenance for every row.
        foreach (var row in ranking.Ranked)
        {
            row.Value.Should().Be(July2026.Metric(row.Offer, CatalogMetric.PricePerDensePetaflopHour)!.Amount);
        }
    }

    [Fact]
    public void Rank_Filters()
    {
        var aws = July2026.Rank(CatalogMetric.PricePerAcceleratorHour, new RankingOptions { Provider = "aws", Option = PurchaseOptionKind.CapacityBlock });
        aws.Ranked.Should().OnlyContain(r => r.Instance.Provider == "aws" && r.Offer.Option.Kind == PurchaseOptionKind.CapacityBlock);
        aws.Ranked.Should().Contain(r => r.Instance.Name == "trn2.48xlarge");
        July2026.Rank(CatalogMetric.PricePerAcceleratorHour, new RankingOptions { Region = "us-central1" }).Ranked.Should().OnlyContain(r => r.Offer.Region == "us-central1");
        July2026.Rank(CatalogMetric.PricePerAcceleratorHour, new RankingOptions { Currency = Currency.Eur }).Ranked.Should().BeEmpty();
    }

    [Fact]
    public void ToTable_IsCultureInvariant()
    {
        var ranking = July2026.Rank(CatalogMetric.PricePerDensePetaflopHour);
        var invariant = ranking.ToTable();
        TestHelper.InCulture("de-DE", () => ranking.ToTable().Should().Be(invariant));
        TestHelper.InCulture("tr-TR", () => ranking.ToTable().Should().Be(invariant));
        invariant.Should().Contain("| p5.48xlarge |").And.Contain("6.95");
    }

    [Fact]
    public void UnitOf_UndefinedMetric_Throws()
    {
        var act = () => CatalogMetrics.UnitOf((CatalogMetric)99);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("metric");
    }
}
