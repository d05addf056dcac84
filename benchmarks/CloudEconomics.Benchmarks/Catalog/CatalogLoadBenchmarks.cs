using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CloudEconomics.Catalog;

namespace CloudEconomics.Benchmarks.Catalog;

/// <summary>
/// Loading the default catalog, warm (steady state, JIT done): the embedded seeds (4 files) read, validated and
/// cross-checked; the same data as one JSON document; and the cached <see cref="CloudCatalog.Default"/>. Baseline: a
/// naive parse of the same document into a <see cref="JsonDocument"/> with no typing and no validation.
/// </summary>
[MemoryDiagnoser]
public class CatalogLoadWarmBenchmarks
{
    private byte[] document = [];

    [GlobalSetup]
    public void Setup() => document = Encoding.UTF8.GetBytes(CloudCatalog.Default.ToJson());

    [Benchmark(Baseline = true)]
    public int NaiveParseOnly()
    {
        using var parsed = JsonDocument.Parse(document);
        return parsed.RootElement.GetProperty("offers").GetArrayLength();
    }

    [Benchmark]
    public CloudCatalog LoadEmbeddedSeeds() => CloudCatalog.LoadEmbedded();

    [Benchmark]
    public CloudCatalog LoadOneDocument() => CloudCatalog.Load(new MemoryStream(document, writable: false));

    [Benchmark]
    public CloudCatalog DefaultCached() => CloudCatalog.Default;
}

/// <summary>
/// Loading the default catalog cold: the first <see cref="CloudCatalog.Default"/> in a fresh process (type
/// initialisation, JIT, resource reads, validation), one invocation per process.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class CatalogLoadColdBenchmarks
{
    [Benchmark]
    public int FirstDefault() => CloudCatalog.Default.Offers.Count;
}
