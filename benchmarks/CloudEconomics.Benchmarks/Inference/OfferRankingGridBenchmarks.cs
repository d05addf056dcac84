using BenchmarkDotNet.Attributes;
using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using NodaTime;

namespace CloudEconomics.Benchmarks.Inference;

/// <summary>
/// Ranking every catalog offer valid on 2026-06-01 for the 5 embedded models x 10 workloads (issue 12's speed target:
/// stay within 2x of the time before the physics rework). Baseline: the same grid for one model (Llama 3.1 70B).
/// </summary>
[MemoryDiagnoser]
public class OfferRankingGridBenchmarks
{
    private static readonly (double Prompt, double Output, int Batch)[] Shapes =
    [
        (128, 128, 256), (128, 2048, 256), (2048, 128, 64), (2048, 2048, 64), (500, 2000, 128),
        (1000, 1000, 128), (5000, 500, 32), (20000, 2000, 16), (200, 50, 512), (4000, 1000, 64),
    ];

    private IReadOnlyList<InferenceOffer> offers = [];
    private ModelProfile[] models = [];
    private Workload[] workloads = [];

    /// <summary>Adapts the embedded catalog once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        offers = CloudCatalog.Default.ToInferenceOffers(new LocalDate(2026, 6, 1), Currency.Usd, out _);
        models = ModelLibrary.Default.Models.ToArray();
        workloads = Shapes.Select(s => new Workload { PromptTokens = TokenCount.FromTokens(s.Prompt), OutputTokens = TokenCount.FromTokens(s.Output), BatchSize = s.Batch, Utilization = 0.6 }).ToArray();
    }

    /// <summary>One model (Llama 3.1 70B) x 10 workloads.</summary>
    [Benchmark(Baseline = true)]
    public int RankOneModelTenWorkloads()
    {
        int n = 0;
        var model = ModelLibrary.Default["llama-3.1-70b"];
        foreach (var w in workloads)
        {
            n += OfferRanking.Rank(model, w, offers).Count;
        }
        return n;
    }

    /// <summary>5 models x 10 workloads.</summary>
    [Benchmark]
    public int RankFiveModelsTenWorkloads()
    {
        int n = 0;
        foreach (var m in models)
        {
            foreach (var w in workloads)
            {
                n += OfferRanking.Rank(m, w, offers).Count;
            }
        }
        return n;
    }
}
