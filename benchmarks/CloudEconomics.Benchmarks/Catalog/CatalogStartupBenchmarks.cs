using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CloudEconomics.Catalog;

namespace CloudEconomics.Benchmarks.Catalog;

/// <summary>
/// Builds a catalog document from the embedded seed files by text alone (no JSON API, so that building it warms none of
/// the code a cold benchmark measures): <c>copies</c> = 1 is the seeds as one document; 10 repeats accelerators,
/// instances and offers ten times with their ids (and the ids that refer to them) suffixed <c>-x1</c> ... <c>-x10</c>.
/// </summary>
public static class SyntheticCatalog
{
    private static readonly Regex Ids = new("\"(id|acceleratorId|instanceId)\": \"([^\"]+)\"", RegexOptions.CultureInvariant);

    /// <summary>The document's UTF-8 bytes.</summary>
    public static byte[] Build(int copies)
    {
        var text = new StringBuilder("{\n  \"formatVersion\": 1,\n  \"providers\": ").Append(Array("providers")).Append(",\n");
        foreach (var section in new[] { "accelerators", "instances", "offers" })
        {
            var body = Array(section).Trim()[1..^1];
            text.Append("  \"").Append(section).Append("\": [");
            for (var k = 1; k <= copies; k++)
            {
                text.Append(k > 1 ? "," : "").Append(copies == 1 ? body : Ids.Replace(body, m => $"\"{m.Groups[1].Value}\": \"{m.Groups[2].Value}-x{k}\""));
            }
            text.Append(section == "offers" ? "]\n" : "],\n");
        }
        return Encoding.UTF8.GetBytes(text.Append('}').ToString());
    }

    /// <summary>The text of a seed file's array (from its first <c>[</c> after the section name to its last <c>]</c>).</summary>
    private static string Array(string section)
    {
        using var stream = typeof(CloudCatalog).Assembly.GetManifestResourceStream($"CloudEconomics.Seeds.catalog.{section}.json")!;
        var file = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
        var start = file.IndexOf('[', file.IndexOf($"\"{section}\"", StringComparison.Ordinal));
        return file[start..(file.LastIndexOf(']') + 1)];
    }
}

/// <summary>
/// The start-up comparison shared by the cold and warm runs: <see cref="CloudCatalog.Load(Stream)"/> of a synthetic
/// catalog document (the seeds, or ten times as many records) against a bare <see cref="JsonDocument"/> parse of the
/// same bytes.
/// </summary>
public abstract class CatalogStartupBenchmarks
{
    private byte[] document = [];

    [Params(1, 10)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup() => document = SyntheticCatalog.Build(Copies);

    [Benchmark(Baseline = true)]
    public int BareParse()
    {
        using var parsed = JsonDocument.Parse(document);
        return parsed.RootElement.GetProperty("offers").GetArrayLength();
    }

    [Benchmark]
    public int Load() => CloudCatalog.Load(new MemoryStream(document, writable: false)).Offers.Count;
}

/// <summary>
/// Issue 15's start-up goal, cold, as the issue states it: "the first <c>CloudCatalog</c> load within 5x a bare parse of
/// the same files in the same process". Each measurement is one invocation in a fresh process (5 processes each):
/// <see cref="CatalogStartupBenchmarks.BareParse"/> is the first JSON parse of the process, paying System.Text.Json's own
/// start-up; <see cref="CatalogStartupBenchmarks.Load"/> is the first catalog load of a process in which that bare parse
/// of the same bytes has just run (unmeasured, in the iteration set-up), as in an application that reads JSON before it
/// touches the catalog. Sizes: the seeds and ten times as many records.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class CatalogStartupColdBenchmarks : CatalogStartupBenchmarks
{
    /// <summary>The bare parse that precedes the first load in the same process (not measured).</summary>
    [IterationSetup(Target = nameof(Load))]
    public void ParseFirstInTheSameProcess() => BareParse();
}

/// <summary>
/// The stricter cold comparison: the first catalog load in a fresh process with nothing before it (it pays the JIT of
/// the catalog reader, System.Text.Json's and UnitsNet's first use) against the bare parse, also first in its process.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class CatalogStartupColdAloneBenchmarks : CatalogStartupBenchmarks
{
}

/// <summary>The same, warm (steady state): <see cref="CloudCatalog.Load(Stream)"/> against a bare parse of the same bytes.</summary>
[MemoryDiagnoser]
public class CatalogStartupWarmBenchmarks : CatalogStartupBenchmarks
{
}

/// <summary>
/// Process-level start-up: the built <c>cloudecon</c> (Release, <c>dotnet build -c Release src/CloudEconomics.Cli</c>
/// first) run as a whole process. Baseline: <c>cloudecon npv</c>, which loads no data; against it the report,
/// <c>catalog list</c>, and <c>catalog list</c> merging a user catalog ten times the size of the seeds.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class CliStartupBenchmarks
{
    private string cli = "";
    private string largeCatalog = "";

    [GlobalSetup]
    public void Setup()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CloudEconomics.sln")))
        {
            directory = directory.Parent;
        }
        cli = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("CloudEconomics.sln not found"), "src/CloudEconomics.Cli/bin/Release/net10.0/cloudecon");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"Build the CLI first: dotnet build -c Release src/CloudEconomics.Cli ({cli} is missing).");
        }
        largeCatalog = Path.Combine(Path.GetTempPath(), "cloudecon-benchmark-catalog-x10.json");
        File.WriteAllBytes(largeCatalog, SyntheticCatalog.Build(10));
    }

    [Benchmark(Baseline = true)]
    public int Npv() => Run("npv", "--rate", "0.1", "--", "-100", "60", "60");

    [Benchmark]
    public int Report() => Run();

    [Benchmark]
    public int CatalogList() => Run("catalog", "list");

    [Benchmark]
    public int CatalogListTenTimesLarger() => Run("catalog", "list", "--catalog", largeCatalog);

    private int Run(params string[] args)
    {
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"cloudecon {string.Join(' ', args)} exited with {process.ExitCode}.");
    }
}
