using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using CloudEconomics.Catalog;

namespace CloudEconomics.Benchmarks.Catalog;

/// <summary>
/// Builds one catalog document from every embedded catalog seed file (the files <see cref="CloudCatalog.Default"/> reads,
/// in the same order) by text alone (no JSON API, so that building it warms none of the code a cold benchmark measures):
/// <c>copies</c> = 1 is the default catalog as one document; 10 repeats accelerators, instances and offers ten times with
/// their ids (and the ids that refer to them) suffixed <c>-x1</c> ... <c>-x10</c> (providers once).
/// </summary>
public static class SyntheticCatalog
{
    private static readonly Regex Ids = new("\"(id|acceleratorId|instanceId)\": \"([^\"]+)\"", RegexOptions.CultureInvariant);

    private static readonly string[] Sections = ["providers", "accelerators", "instances", "offers"];

    /// <summary>The embedded catalog seed files, in the order <see cref="CloudCatalog.Default"/> reads them.</summary>
    public static string[] ResourceNames() => typeof(CloudCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("CloudEconomics.Seeds.catalog.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith("schema.json", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// A bare parse of the seed files themselves: each embedded catalog seed file through <see cref="JsonDocument.Parse(Stream, JsonDocumentOptions)"/>;
    /// returns the number of array elements (records) seen.
    /// </summary>
    public static int ParseSeedFiles()
    {
        var count = 0;
        foreach (var name in ResourceNames())
        {
            using var stream = typeof(CloudCatalog).Assembly.GetManifestResourceStream(name)!;
            using var document = JsonDocument.Parse(stream);
            foreach (var section in document.RootElement.EnumerateObject())
            {
                count += section.Value.ValueKind == JsonValueKind.Array ? section.Value.GetArrayLength() : 0;
            }
        }
        return count;
    }

    /// <summary>The repository's root folder (the one with CloudEconomics.sln), found upwards from the running benchmark.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CloudEconomics.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CloudEconomics.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The document's UTF-8 bytes.</summary>
    public static byte[] Build(int copies)
    {
        var bodies = Sections.ToDictionary(s => s, _ => new List<string>());
        foreach (var name in ResourceNames())
        {
            using var stream = typeof(CloudCatalog).Assembly.GetManifestResourceStream(name)!;
            var file = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
            foreach (var section in Sections)
            {
                var body = ArrayBody(file, section);
                if (body.Trim().Length > 0)
                {
                    bodies[section].Add(body);
                }
            }
        }
        var text = new StringBuilder("{\n  \"formatVersion\": 1");
        foreach (var section in Sections)
        {
            text.Append(",\n  \"").Append(section).Append("\": [");
            var first = true;
            for (var k = 1; k <= (section == "providers" ? 1 : copies); k++)
            {
                foreach (var body in bodies[section])
                {
                    text.Append(first ? "" : ",").Append(copies == 1 || section == "providers" ? body : Ids.Replace(body, m => $"\"{m.Groups[1].Value}\": \"{m.Groups[2].Value}-x{k}\""));
                    first = false;
                }
            }
            text.Append(']');
        }
        return Encoding.UTF8.GetBytes(text.Append("\n}").ToString());
    }

    /// <summary>The text between the brackets of a top-level section's array (empty when the file has none).</summary>
    private static string ArrayBody(string file, string section)
    {
        var key = file.IndexOf($"\n  \"{section}\":", StringComparison.Ordinal);
        if (key < 0)
        {
            return "";
        }
        var start = file.IndexOf('[', key) + 1;
        var depth = 1;
        var inString = false;
        for (var i = start; i < file.Length; i++)
        {
            var c = file[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if ((c is ']' or '}') && --depth == 0)
            {
                return file[start..i];
            }
        }
        throw new InvalidOperationException($"Unclosed '{section}' array in a catalog seed file.");
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
/// The two ways the cold benchmarks run, each measurement one invocation in a fresh process (5 processes each):
/// <c>Jit</c>, a Release build as a library user gets it (the library precompiled ReadyToRun, as its package ships it;
/// NodaTime, UnitsNet and FluentValidation as their packages ship them, compiled by the JIT on first use), and
/// <c>ReadyToRunApp</c>, the same with those dependencies precompiled too, as in an application published with
/// <c>PublishReadyToRun</c> (build/ReadyToRunApp.targets, imported into BenchmarkDotNet's generated project).
/// </summary>
public sealed class ColdStartConfig : ManualConfig
{
    public ColdStartConfig()
    {
        var targets = Path.Combine(SyntheticCatalog.RepositoryRoot(), "build", "ReadyToRunApp.targets");
        var cold = Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(5).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1).WithUnrollFactor(1);
        AddJob(cold.WithId("Jit"));
        AddJob(cold.WithArguments([new MsBuildArgument($"/p:CustomAfterMicrosoftCommonTargets={targets}")]).WithId("ReadyToRunApp"));
    }
}

/// <summary>
/// Issue 15's start-up goal, cold, as the issue states it: "the first <c>CloudCatalog</c> load within 5x a bare parse of
/// the same files in the same process". The document is every catalog seed file <see cref="CloudCatalog.Default"/>
/// reads (673 offers), or ten times as many records. <see cref="CatalogStartupBenchmarks.BareParse"/> is the first JSON
/// parse of its process, paying System.Text.Json's own start-up; <see cref="CatalogStartupBenchmarks.Load"/> is the
/// first catalog load of a process in which that bare parse of the same bytes has just run (unmeasured, in the
/// iteration set-up), as in an application that reads JSON before it touches the catalog.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class CatalogStartupColdBenchmarks : CatalogStartupBenchmarks
{
    /// <summary>The bare parse that precedes the first load in the same process (not measured).</summary>
    [IterationSetup(Target = nameof(Load))]
    public void ParseFirstInTheSameProcess() => BareParse();
}

/// <summary>
/// The stricter cold comparison: the first catalog load in a fresh process with nothing before it (it pays
/// System.Text.Json's first use too) against the bare parse, also first in its process.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class CatalogStartupColdAloneBenchmarks : CatalogStartupBenchmarks
{
}

/// <summary>
/// Issue 15's start-up goal word for word: "the first <c>CloudCatalog.Default</c> within 5x a bare parse of the same
/// files in the same process". <see cref="BareParseOfTheSeedFiles"/> reads every embedded catalog seed file the default
/// catalog reads (the same resources, in the same order) and parses each with <see cref="JsonDocument"/>, first in its
/// process (so it pays System.Text.Json's own start-up); <see cref="Default"/> is the first
/// <see cref="CloudCatalog.Default"/> of a process in which that bare parse has just run (unmeasured, in the iteration
/// set-up). Both jobs of <see cref="ColdStartConfig"/>.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class CatalogDefaultColdBenchmarks
{
    [Benchmark(Baseline = true)]
    public int BareParseOfTheSeedFiles() => SyntheticCatalog.ParseSeedFiles();

    /// <summary>The bare parse that precedes the first load in the same process (not measured).</summary>
    [IterationSetup(Target = nameof(Default))]
    public void ParseFirstInTheSameProcess() => BareParseOfTheSeedFiles();

    [Benchmark]
    public int Default() => CloudCatalog.Default.Offers.Count;
}

/// <summary>The same, warm (steady state): <see cref="CloudCatalog.Load(Stream)"/> against a bare parse of the same bytes.</summary>
[MemoryDiagnoser]
public class CatalogStartupWarmBenchmarks : CatalogStartupBenchmarks
{
}

/// <summary>
/// Process-level start-up: <c>cloudecon</c> run as a whole process, as the README's quick start publishes it
/// (<c>Binary = publish</c>: <c>dotnet publish -c Release src/CloudEconomics.Cli -o artifacts/cloudecon</c>, ReadyToRun,
/// run it first) and as a plain Release build leaves it (<c>Binary = build</c>: <c>dotnet build -c Release</c>; its
/// dependencies run on the JIT). Baseline: <c>cloudecon npv</c>, which loads no data; against it the report,
/// <c>catalog list</c>, and <c>catalog list</c> merging a user catalog ten times the size of the seeds.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class CliStartupBenchmarks
{
    private string cli = "";
    private string largeCatalog = "";

    /// <summary>Which <c>cloudecon</c>: the published one (the quick start's) or the plain build.</summary>
    [Params("publish", "build")]
    public string Binary { get; set; } = "publish";

    [GlobalSetup]
    public void Setup()
    {
        var root = SyntheticCatalog.RepositoryRoot();
        (cli, var how) = Binary == "publish"
            ? (Path.Combine(root, "artifacts/cloudecon/cloudecon"), "dotnet publish -c Release src/CloudEconomics.Cli -o artifacts/cloudecon")
            : (Path.Combine(root, "src/CloudEconomics.Cli/bin/Release/net10.0/cloudecon"), "dotnet build -c Release src/CloudEconomics.Cli");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"Make the CLI first: {how} ({cli} is missing).");
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
