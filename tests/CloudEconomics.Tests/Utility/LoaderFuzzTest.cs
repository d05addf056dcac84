using System.Text;
using System.Text.Json.Nodes;
using CloudEconomics.Capital;
using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using CloudEconomics.Power;
using CloudEconomics.Tests.Cli;
using CloudEconomics.Tests.Helpers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using CloudEconomics.Data;

namespace CloudEconomics.Tests.Utility;

/// <summary>
/// Every loader fed random and mutated documents (truncations, byte flips, NUL bytes, huge numbers, deep nesting,
/// random bytes, values replaced or removed): each either loads or throws its documented exception with a message;
/// never another exception type. A hang would show as a test that never ends (no timed assertion here).
/// </summary>
public class LoaderFuzzTest
{
    private static readonly Lazy<byte[]> CatalogDocument = new(() => Encoding.UTF8.GetBytes(CloudCatalog.Default.ToJson()));
    private static readonly Lazy<byte[]> ScenarioDocument = new(() => Encoding.UTF8.GetBytes(ScenarioFile.Default.ToJson()));
    private static readonly string[] PowerFiles = ["pue.json", "ppa-prices.json", "electricity-prices.json", "power-deals.json"];

    /// <summary>A mutation of <paramref name="document"/> chosen by <paramref name="kind"/> and <paramref name="seed"/>.</summary>
    internal static byte[] Mutate(byte[] document, int kind, int seed)
    {
        var random = new Random(seed);
        var bytes = (byte[])document.Clone();
        switch (((kind % 9) + 9) % 9)
        {
            case 0: // truncation
                return bytes[..random.Next(bytes.Length + 1)];
            case 1: // byte flips
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
                return bytes;
            case 2: // a NUL byte
                bytes[random.Next(bytes.Length)] = 0;
                return bytes;
            case 3: // huge, tiny and long numbers in place of a digit
            {
                string[] numbers = ["1e400", "-1e400", "1e-400", "123456789012345678901234567890123", "-0", "1e308", "79228162514264337593543950336"];
                var at = Array.FindIndex(bytes, random.Next(bytes.Length), b => b is >= (byte)'0' and <= (byte)'9');
                return at < 0 ? bytes : [.. bytes[..at], .. Encoding.ASCII.GetBytes(numbers[random.Next(numbers.Length)]), .. bytes[(at + 1)..]];
            }
            case 4: // deep nesting, around and beyond the limits
            {
                var depth = random.Next(1, 3000);
                var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                var close = open == "[" ? "]" : "}";
                return Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
            }
            case 5: // random bytes
            {
                var noise = new byte[random.Next(0, 4096)];
                random.NextBytes(noise);
                return noise;
            }
            case 6: // random printable text
                return Encoding.ASCII.GetBytes(new string(Enumerable.Range(0, random.Next(0, 2000)).Select(_ => (char)random.Next(32, 127)).ToArray()));
            default: // a JSON value replaced or removed
            {
                var node = JsonNode.Parse(bytes)!;
                var all = JsonSlots.All(node).ToList();
                var (parent, key) = all[random.Next(all.Count)];
                JsonNode?[] values = [null, 0, -1, 1e300, -1e-300, "", "x", true, new JsonObject(), new JsonArray(), new JsonArray(1, 2), "2025-02-30", "USD", int.MaxValue, long.MinValue];
                var value = values[random.Next(values.Length)]?.DeepClone();
                if (parent is JsonObject o)
                {
                    if (kind % 2 == 0)
                    {
                        o.Remove((string)key);
                    }
                    else
                    {
                        o[(string)key] = value;
                    }
                }
                else if (parent is JsonArray a)
                {
                    a[(int)key] = value;
                }
                return Encoding.UTF8.GetBytes(node.ToJsonString());
            }
        }
    }

    /// <summary>Runs a load: true when it loaded, false when it refused with the documented exception and a message.</summary>
    private static bool LoadsOrRefuses<TDocumented>(Action load) where TDocumented : Exception
    {
        try
        {
            load();
            return true;
        }
        catch (TDocumented e)
        {
            e.Message.Should().NotBeNullOrWhiteSpace();
            return false;
        }
    }

    [Property(MaxTest = 400)]
    public void Catalog_LoadsOrThrowsCatalogLoadException(int kind, int seed)
    {
        var bytes = Mutate(CatalogDocument.Value, kind, seed);
        LoadsOrRefuses<DataLoadException>(() => CloudCatalog.Load(new MemoryStream(bytes), "fuzz.json"));
    }

    [Property(MaxTest = 300)]
    public void Scenario_LoadsOrThrowsDataLoadException(int kind, int seed)
    {
        var bytes = Mutate(ScenarioDocument.Value, kind, seed);
        LoadsOrRefuses<DataLoadException>(() => ScenarioFile.Load(new MemoryStream(bytes), "fuzz.json"));
    }

    [Property(MaxTest = 300)]
    public void Models_LoadOrThrowDataLoadException(int kind, int seed, PositiveInt file)
    {
        var files = Directory.GetFiles(RepositoryPaths.Of("seeds/models"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var bytes = Mutate(File.ReadAllBytes(files[file.Get % files.Length]), kind, seed);
        LoadsOrRefuses<DataLoadException>(() => ModelLibrary.Load(new MemoryStream(bytes), "fuzz.json"));
    }

    [Property(MaxTest = 300)]
    public void Power_LoadsOrThrowsDataLoadException(int kind, int seed, PositiveInt which)
    {
        var streams = PowerFiles.Select(f => File.ReadAllBytes(RepositoryPaths.Of("seeds/power/" + f))).ToArray();
        var index = which.Get % streams.Length;
        streams[index] = Mutate(streams[index], kind, seed);
        LoadsOrRefuses<DataLoadException>(() => PowerReferenceData.Load(
            new MemoryStream(streams[0]), new MemoryStream(streams[1]), new MemoryStream(streams[2]), new MemoryStream(streams[3])));
    }

    [Property(MaxTest = 200)]
    public void Measurements_LoadOrThrowDataLoadException(int kind, int seed, PositiveInt file)
    {
        var files = Directory.GetFiles(RepositoryPaths.Of("seeds/measurements"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var bytes = Mutate(File.ReadAllBytes(files[file.Get % files.Length]), kind, seed);
        LoadsOrRefuses<DataLoadException>(() => ThroughputMeasurements.Load(new MemoryStream(bytes), "fuzz.json"));
    }

    [Property(MaxTest = 200)]
    public void Calibration_LoadsOrThrowsDataLoadException(int kind, int seed)
    {
        var bytes = Mutate(File.ReadAllBytes(RepositoryPaths.Of("seeds/calibration/efficiency.json")), kind, seed);
        LoadsOrRefuses<DataLoadException>(() => EfficiencyCalibration.Load(new MemoryStream(bytes), "fuzz.json"));
    }

    [Property(MaxTest = 200)]
    public void AcceleratorFamilies_LoadOrThrowDataLoadException(int kind, int seed)
    {
        var bytes = Mutate(File.ReadAllBytes(RepositoryPaths.Of("seeds/calibration/families.json")), kind, seed);
        LoadsOrRefuses<DataLoadException>(() => AcceleratorFamilies.Load(new MemoryStream(bytes), "fuzz.json"));
    }

    [Fact]
    public void EveryMutationKind_ReachesBothOutcomes_ForTheCatalog()
    {
        // Guards the fuzz tests above against mutations that never break anything (or never leave a loadable file).
        int loaded = 0, refused = 0;
        for (var kind = 0; kind < 9; kind++)
        {
            for (var seed = 0; seed < 12; seed++)
            {
                if (LoadsOrRefuses<DataLoadException>(() => CloudCatalog.Load(new MemoryStream(Mutate(CatalogDocument.Value, kind, seed)), "fuzz.json")))
                {
                    loaded++;
                }
                else
                {
                    refused++;
                }
            }
        }
        loaded.Should().BePositive();
        refused.Should().BePositive();
    }

    [Property(MaxTest = 60)]
    public void CliFiles_ExitZeroOrOne_WithOneLine_NeverAnUnexpectedError(int kind, int seed, bool csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cloudecon-fuzz-{Guid.NewGuid():N}" + (csv ? ".csv" : ".json"));
        var baseline = csv
            ? Encoding.UTF8.GetBytes("date,amount\n2025-01-01,-100\n2026-01-01,60\n2027-01-01,60\n")
            : ScenarioDocument.Value;
        // CSV is not JSON: its JSON-value mutations fall back to byte flips.
        var mutated = csv && ((kind % 9) + 9) % 9 >= 7 ? Mutate(baseline, 1, seed) : Mutate(baseline, kind, seed);
        File.WriteAllBytes(path, mutated);
        try
        {
            var result = csv ? CliRunner.Run("payback", "--file", path, "--format", "json") : CliRunner.Run("scenario", path, "--format", "json");
            result.ExitCode.Should().BeOneOf(0, 1);
            if (result.ExitCode == 1)
            {
                result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ").And.NotContain("unexpected");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
