using BenchmarkDotNet.Attributes;
using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using NodaTime;

namespace CloudEconomics.Benchmarks.Inference;

/// <summary>Ranking every catalog offer valid on 2026-06-01 for Llama 3.1 70B (each offer tries every tensor-parallel layout).</summary>
[MemoryDiagnoser]
public class OfferRankingBenchmarks
{
    private IReadOnlyList<InferenceOffer> offers = [];
    private ModelProfile model = null!;
    private readonly Workload workload = new() { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 };

    /// <summary>Adapts the embedded catalog once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        offers = CloudCatalog.Default.ToInferenceOffers(new LocalDate(2026, 6, 1), Currency.Usd, out _);
        model = ModelLibrary.Default["llama-3.1-70b"];
    }

    /// <summary>One offer (p5.48xlarge on-demand), all its layouts.</summary>
    [Benchmark(Baseline = true)]
    public RankedInferenceOffer EvaluateOneOffer() => OfferRanking.Evaluate(model, workload, offers[0], EfficiencyFactors.Default);

    /// <summary>All offers, ranked.</summary>
    [Benchmark]
    public IReadOnlyList<RankedInferenceOffer> RankAllCatalogOffers() => OfferRanking.Rank(model, workload, offers);
}
