using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CloudEconomics.Capital;
using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using CloudEconomics.Power;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Benchmarks.Catalog;

/// <summary>
/// A Stopwatch breakdown of the first load of each embedded data set in a fresh process (the start-up profile of
/// benchmarks/README.md): <c>dotnet run -c Release --project benchmarks/CloudEconomics.Benchmarks -- startup-probe</c>.
/// Each step is timed once, in order, so a step pays the one-time costs (type initialisation, JIT) that earlier steps
/// did not already pay; run it in a fresh process each time.
/// </summary>
public static class StartupProbe
{
    /// <summary>Runs the probe and prints one line per step.</summary>
    /// <param name="parts">Whether to time the catalog loader's parts first (the breakdown of its one-time costs).</param>
    /// <param name="checks">Whether to time the catalog's element reader and plain checks first.</param>
    public static void Run(bool parts = false, bool checks = false)
    {
        var total = Stopwatch.StartNew();
        var names = SyntheticCatalog.ResourceNames();
        Step("bare JsonDocument parse of the catalog seeds (cold)", SyntheticCatalog.ParseSeedFiles);
        Step("bare JsonDocument parse of the catalog seeds (warm)", SyntheticCatalog.ParseSeedFiles);
        if (parts)
        {
            Step("NodaTime DateTimeZoneProviders.Tzdb", () => NodaTime.DateTimeZoneProviders.Tzdb.Ids.Count);
            Step("CloudEconomicsJson.CreateOptions()", () => CloudEconomicsJson.CreateOptions().Converters.Count);
            Step("UnitsNet: Information.FromGibibytes", () => (int)UnitsNet.Information.FromGibibytes(96).Gibibytes);
            Step("UnitsNet: first unit parse (\"GiB\")", () => UnitsNet.UnitsNetSetup.Default.UnitParser.Parse<UnitsNet.Units.InformationUnit>("GiB", CultureInfo.InvariantCulture) == UnitsNet.Units.InformationUnit.Gibibyte ? 1 : 0);
            Step("FluentValidation: new ProviderValidator()", () => new CloudEconomics.Catalog.Validation.ProviderValidator().CreateDescriptor().Rules.Count());
            Step("FluentValidation: new AcceleratorValidator()", () => new CloudEconomics.Catalog.Validation.AcceleratorValidator().CreateDescriptor().Rules.Count());
            Step("FluentValidation: new InstanceTypeValidator()", () => new CloudEconomics.Catalog.Validation.InstanceTypeValidator().CreateDescriptor().Rules.Count());
            Step("FluentValidation: new PriceOfferValidator()", () => new CloudEconomics.Catalog.Validation.PriceOfferValidator().CreateDescriptor().Rules.Count());
            Step("CatalogReader.Options (serializer options, read-only)", () => CatalogReader.Options.Converters.Count);
            Step("JsonSerializer: first Accelerator deserialize", () => FirstAccelerator(names));
            Step("JsonSerializer: first PriceOffer deserialize", () => FirstOffer(names));
        }
        if (checks)
        {
            Step("CatalogJsonReader + CatalogChecks over the seeds", () => ReadAndCheck(names));
            Step("CatalogJsonReader + CatalogChecks over the seeds (again)", () => ReadAndCheck(names));
        }
        Step("first CloudCatalog.Default", () => CloudCatalog.Default.Offers.Count);
        Step("CloudCatalog.LoadEmbedded again (warm)", () => CloudCatalog.LoadEmbedded().Offers.Count);
        Step("first ModelLibrary.Default", () => ModelLibrary.Default.Models.Count);
        Step("first PowerReferenceData.Default", () => PowerReferenceData.Default.Pue.Count);
        Step("first ScenarioFile.Default", () => ScenarioFile.Default.Quarters.Count);
        Step("first SeedReport.Compute (the report's figures)", () => CloudEconomics.Reports.SeedReport.Compute(ScenarioFile.Default).GetHashCode() & 1);
        Step("second SeedReport.Compute", () => CloudEconomics.Reports.SeedReport.Compute(ScenarioFile.Default).GetHashCode() & 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-60} {total.Elapsed.TotalMilliseconds,9:F1} ms"));
    }

    private static int FirstAccelerator(string[] names)
    {
        using var stream = typeof(CloudCatalog).Assembly.GetManifestResourceStream(names.Single(n => n.EndsWith("accelerators.json", StringComparison.Ordinal)))!;
        using var document = JsonDocument.Parse(stream);
        var first = document.RootElement.GetProperty("accelerators")[0];
        var accelerator = first.Deserialize<Accelerator>(CatalogReader.Options)!;
        var watch = Stopwatch.StartNew();
        var valid = new CloudEconomics.Catalog.Validation.AcceleratorValidator().Validate(accelerator).IsValid;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"  (of which first AcceleratorValidator.Validate)",-60} {watch.Elapsed.TotalMilliseconds,9:F1} ms"));
        return valid ? 1 : 0;
    }

    private static int FirstOffer(string[] names)
    {
        using var stream = typeof(CloudCatalog).Assembly.GetManifestResourceStream(names.Single(n => n.EndsWith("offers.json", StringComparison.Ordinal)))!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("offers")[0].Deserialize<PriceOffer>(CatalogReader.Options)!.Id.Length;
    }

    private static int ReadAndCheck(string[] names)
    {
        var valid = 0;
        foreach (var name in names)
        {
            using var stream = typeof(CloudCatalog).Assembly.GetManifestResourceStream(name)!;
            using var document = JsonDocument.Parse(stream);
            foreach (var section in document.RootElement.EnumerateObject())
            {
                if (section.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                foreach (var e in section.Value.EnumerateArray())
                {
                    var ok = section.Name switch
                    {
                        "providers" => CloudEconomics.Catalog.Validation.CatalogChecks.IsValid(CloudEconomics.Catalog.Serialization.CatalogJsonReader.ReadProvider(e)),
                        "accelerators" => CloudEconomics.Catalog.Validation.CatalogChecks.IsValid(CloudEconomics.Catalog.Serialization.CatalogJsonReader.ReadAccelerator(e)),
                        "instances" => CloudEconomics.Catalog.Validation.CatalogChecks.IsValid(CloudEconomics.Catalog.Serialization.CatalogJsonReader.ReadInstance(e)),
                        _ => CloudEconomics.Catalog.Validation.CatalogChecks.IsValid(CloudEconomics.Catalog.Serialization.CatalogJsonReader.ReadOffer(e)),
                    };
                    if (ok)
                    {
                        valid++;
                    }
                    else
                    {
                        Console.WriteLine("  fails a plain check: " + section.Name + " " + e.GetProperty("id").GetString());
                    }
                }
            }
        }
        return valid;
    }

    /// <summary>
    /// The warm (steady-state) profile of <see cref="CloudCatalog.Load(Stream)"/> on the seeds as one document
    /// (<see cref="SyntheticCatalog"/>): each part of the load path timed alone, median of <paramref name="rounds"/>
    /// rounds after a warm-up, beside the bare parse of the same bytes. <c>startup-probe warm [copies]</c>.
    /// </summary>
    public static void Warm(int copies, int rounds = 300)
    {
        var document = SyntheticCatalog.Build(copies);
        Console.WriteLine($"{document.Length:N0} bytes; the fast reader accepts the document: {CloudEconomics.Catalog.Serialization.CatalogFastReader.TryRead(document, "x", new CatalogParts())}");
        var parts = new (string Name, Func<int> Action)[]
        {
            ("bare JsonDocument parse (baseline)", () => { using var d = JsonDocument.Parse(document); return d.RootElement.GetProperty("offers").GetArrayLength(); }),
            ("Utf8JsonReader pass, tokens only", () => { var r = new Utf8JsonReader(document); var n = 0; while (r.Read()) { n++; } return n; }),
            ("BoundedInput.ReadPooled (copy, NUL check)", () => { var b = CloudEconomics.Utility.BoundedInput.ReadPooled(new MemoryStream(document, false), "x", 1 << 24, out var n); System.Buffers.ArrayPool<byte>.Shared.Return(b); return n; }),
            ("CatalogFastReader.TryRead (records + checks)", () => { var p = new CatalogParts(); CloudEconomics.Catalog.Serialization.CatalogFastReader.TryRead(document, "x", p) .GetHashCode(); return p.Offers.Count; }),
            ("CatalogReader.ReadWithDocument (the element walk)", () => { var p = new CatalogParts(); CatalogReader.ReadWithDocument(document, "x", p); return p.Offers.Count; }),
            ("CloudCatalog.Load (everything)", () => CloudCatalog.Load(new MemoryStream(document, false)).Offers.Count),
        };
        CloudCatalog.Load(new MemoryStream(document, false)); // the pooled read buffer, JIT and caches first
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = CloudCatalog.Load(new MemoryStream(document, false));
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(held);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"the loaded catalog holds (GC.GetTotalMemory)",-60} {retained / 1024.0,9:F0} KiB"));
        foreach (var (name, action) in parts)
        {
            for (var i = 0; i < 300; i++)
            {
                action();
            }
            var times = new double[rounds];
            for (var i = 0; i < rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                times[i] = watch.Elapsed.TotalMicroseconds;
            }
            Array.Sort(times);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            action();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-60} {times[rounds / 2],9:F0} us (median of {rounds}; p10 {times[rounds / 10]:F0}); {allocated / 1024.0,8:F0} KiB allocated"));
        }
    }

    private static void Step(string name, Func<int> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-60} {watch.Elapsed.TotalMilliseconds,9:F1} ms  ({result})"));
    }
}
