using BenchmarkDotNet.Running;
using CloudEconomics.Benchmarks.Catalog;

namespace CloudEconomics.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/CloudEconomics.Benchmarks -- --filter '*'</c>;
/// <c>-- startup-probe</c> prints the Stopwatch breakdown of a fresh process's first loads (<see cref="StartupProbe"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    public static void Main(string[] args)
    {
        if (args is ["startup-probe", "cold", ..])
        {
            // For a sampling profiler or a quick look: a bare parse of the seeds as one document, then the first load of it.
            var document = SyntheticCatalog.Build(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using (var parsed = System.Text.Json.JsonDocument.Parse(document))
            {
                Console.WriteLine($"bare parse (cold)  {watch.Elapsed.TotalMilliseconds:F1} ms  {parsed.RootElement.GetProperty("offers").GetArrayLength()}");
            }
            var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jitTime = System.Runtime.JitInfo.GetCompilationTime();
            watch.Restart();
            var offers = CloudEconomics.Catalog.CloudCatalog.Load(new MemoryStream(document, false)).Offers.Count;
            Console.WriteLine($"first Load (cold)  {watch.Elapsed.TotalMilliseconds:F1} ms  {offers}  (JIT: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods, {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F1} ms)");
            watch.Restart();
            offers = CloudEconomics.Catalog.CloudCatalog.Load(new MemoryStream(document, false)).Offers.Count;
            Console.WriteLine($"second Load        {watch.Elapsed.TotalMilliseconds:F1} ms  {offers}");
            return;
        }
        if (args is ["startup-probe", "loop", ..])
        {
            // For a sampling profiler: CloudCatalog.Load of the seeds as one document (or N copies), over and over for 10 seconds.
            var document = SyntheticCatalog.Build(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var count = 0;
            while (watch.Elapsed.TotalSeconds < 10)
            {
                count += CloudEconomics.Catalog.CloudCatalog.Load(new MemoryStream(document, false)).Offers.Count;
            }
            Console.WriteLine(count);
            return;
        }
        if (args is ["startup-probe", "alloc-sections", ..])
        {
            var full = SyntheticCatalog.Build(10);
            using var doc = System.Text.Json.JsonDocument.Parse(full);
            foreach (var keep in new[] { "providers", "accelerators", "instances", "offers" })
            {
                var buffer = new System.IO.MemoryStream();
                using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    foreach (var p in doc.RootElement.EnumerateObject())
                    {
                        if (p.Name == "formatVersion" || p.Name == keep) p.WriteTo(w);
                    }
                    w.WriteEndObject();
                }
                var bytes = buffer.ToArray();
                for (var i = 0; i < 5; i++) CloudEconomics.Catalog.Serialization.CatalogFastReader.TryRead(bytes, "x", new CloudEconomics.Catalog.CatalogParts());
                var before = GC.GetAllocatedBytesForCurrentThread();
                var parts = new CloudEconomics.Catalog.CatalogParts();
                var ok = CloudEconomics.Catalog.Serialization.CatalogFastReader.TryRead(bytes, "x", parts);
                var n = parts.Providers.Count + parts.Accelerators.Count + parts.Instances.Count + parts.Offers.Count;
                Console.WriteLine($"{keep,-14} ok={ok} {bytes.Length,10:N0} B JSON, {n,6} records, {GC.GetAllocatedBytesForCurrentThread() - before,12:N0} B allocated, {(GC.GetAllocatedBytesForCurrentThread() - before) / Math.Max(1, n),6} B/record");
            }
            return;
        }
        if (args is ["startup-probe", "alloc", ..])
        {
            // Bytes allocated by the catalog reader alone and by the whole load (after a warm-up), for the GC's share of a large load.
            var document = SyntheticCatalog.Build(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
            for (var i = 0; i < 20; i++)
            {
                CloudEconomics.Catalog.CloudCatalog.Load(new MemoryStream(document, false));
            }
            var before = GC.GetAllocatedBytesForCurrentThread();
            var parts = new CloudEconomics.Catalog.CatalogParts();
            CloudEconomics.Catalog.Serialization.CatalogFastReader.TryRead(document, "x", parts);
            var read = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            CloudEconomics.Catalog.CloudCatalog.Load(new MemoryStream(document, false));
            var load = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"{document.Length:N0} bytes of JSON, {parts.Offers.Count:N0} offers: reader {read:N0} B allocated, whole load {load:N0} B");
            var pause = GC.GetTotalPauseDuration();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 100; i++)
            {
                CloudEconomics.Catalog.CloudCatalog.Load(new MemoryStream(document, false));
            }
            Console.WriteLine($"100 loads: {watch.Elapsed.TotalMilliseconds / 100:F1} ms each, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / 100:F1} ms each; gen0/1/2 collections {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}");
            return;
        }
        if (args is ["startup-probe", "warm", ..])
        {
            StartupProbe.Warm(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
            return;
        }
        if (args is ["startup-probe", ..])
        {
            StartupProbe.Run(parts: args.Contains("parts"), checks: args.Contains("checks"));
            return;
        }
        if (args is ["scenarios-quick", ..])
        {
            Scenarios.QuickTiming.Run();
            return;
        }
        if (args is ["scenarios-profile", ..])
        {
            Scenarios.QuickTiming.Profile();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
