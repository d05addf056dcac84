using BenchmarkDotNet.Attributes;
using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Benchmarks.Catalog;

/// <summary>
/// Ranking all instances by price per dense BF16 PFLOP/s-hour. Baseline: the naive way, LINQ <c>OrderBy</c> over
/// metrics recomputed through the typed, provenance-carrying <see cref="CloudCatalog.Metric"/>. Ours:
/// <see cref="CloudCatalog.Rank"/> (denominators in doubles, one array sort). Sizes: the default catalog as of
/// 2026-07-20 (16 on-demand offers) and a synthetic catalog of 2,000 instances on the default accelerators.
/// </summary>
[MemoryDiagnoser]
public class CatalogRankingBenchmarks
{
    private CloudCatalog catalog = CloudCatalog.Empty;

    [Params("default", "synthetic-2000")]
    public string Size { get; set; } = "default";

    [GlobalSetup]
    public void Setup()
    {
        var dated = CloudCatalog.Default.AsOf(new LocalDate(2026, 7, 20));
        if (Size == "default")
        {
            catalog = dated;
            return;
        }
        var source = Provenance.Of("benchmark: synthetic", new NodaTime.LocalDate(2026, 7, 20), Confidence.Estimate);
        var accelerators = dated.Accelerators.Where(a => a.PeakDense(NumericPrecision.Bf16) is not null).ToArray();
        var instances = new List<InstanceType>();
        var offers = new List<PriceOffer>();
        for (var i = 0; i < 2000; i++)
        {
            var accelerator = accelerators[i % accelerators.Length];
            var id = "synthetic-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            instances.Add(new InstanceType { Id = id, Provider = "aws", Name = id, AcceleratorId = accelerator.Id, AcceleratorCount = Figure.Known(1 + i % 16, source) });
            offers.Add(new PriceOffer
            {
                Id = id + "/od", InstanceId = id, Region = "r" + (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), Option = PurchaseOption.OnDemand,
                HourlyPrice = Figure.Known(PricePerHour.Usd(1m + (i * 7919 % 10007) / 100m), source),
            });
        }
        catalog = CloudCatalog.Create(dated.Providers, dated.Accelerators, instances, offers);
    }

    [Benchmark(Baseline = true)]
    public int NaiveLinqOrderBy() => catalog.Offers
        .Where(o => o.Option.Kind == PurchaseOptionKind.OnDemand)
        .Select(o => (Offer: o, Value: catalog.Metric(o, CatalogMetric.PricePerDensePetaflopHour)))
        .Where(x => x.Value is not null)
        .OrderBy(x => x.Value!.Amount.Amount)
        .ToList().Count;

    [Benchmark]
    public int Rank() => catalog.Rank(CatalogMetric.PricePerDensePetaflopHour).Ranked.Count;
}
