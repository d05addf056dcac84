using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Serialization;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Catalog;

/// <summary>
/// The one-pass <see cref="CatalogFastReader"/> against the element walk it stands in front of
/// (<see cref="CatalogReader.ReadWithDocument"/>): a document the fast reader accepts must give the walk no problem and
/// exactly the same records (compared through the catalog's JSON writer), the same files, paths and ids; a document it
/// refuses leaves the parts untouched (the walk then reads and reports it).
/// </summary>
public class CatalogFastReaderTest
{
    private static readonly string[] SeedFiles = ["providers.json", "accelerators.json", "accelerators-gpuinfo.json", "instances.json", "offers.json"];

    [Fact]
    public void FastReader_ReadsEverySeedFile_AsTheWalkDoes()
    {
        var imported = Directory.GetFiles(RepositoryPaths.Of("seeds/catalog/imported"), "*.json").Select(f => "imported/" + Path.GetFileName(f)).ToList();
        imported.Should().NotBeEmpty();
        foreach (var file in SeedFiles.Concat(imported))
        {
            var bytes = File.ReadAllBytes(RepositoryPaths.Of("seeds/catalog/" + file));
            var fast = new CatalogParts();
            CatalogFastReader.TryRead(bytes, file, fast).Should().BeTrue("seed file {0} is clean", file);
            var walk = new CatalogParts();
            CatalogReader.ReadWithDocument(bytes, file, walk);
            walk.Problems.Should().BeEmpty();
            Describe(fast).Should().Be(Describe(walk), "file {0}", file);
            (fast.Providers.Count + fast.Accelerators.Count + fast.Instances.Count + fast.Offers.Count).Should().BePositive();
        }
    }

    [Fact]
    public void FastReader_OnMutatedRecords_EitherAgreesWithTheWalkOrGivesUp()
    {
        // 2,000 seeded mutations of one seed record in a document of its own: a property removed, renamed (case changed),
        // repeated or added, or a value replaced by a boundary value or a value of another JSON kind.
        var random = new Random(20261206);
        var records = new List<(string Section, string Json)>();
        foreach (var file in SeedFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.Of("seeds/catalog/" + file)));
            foreach (var section in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
            {
                records.AddRange(section.Value.EnumerateArray().Select(r => (section.Name, r.GetRawText())));
            }
        }
        JsonNode?[] replacements = [null, 0, -1, 1, 0.5, 1e308, 2147483648, "", " ", "x y", "GiB", "TFLOPS", "mW", "h", "USD", "XXX", 12, 36,
            "reserved", "perAccelerator", "onDemand", "Vendor", "estimate", "2025-01-01", "2025-02-30", new JsonObject(), new JsonArray(), true];
        int accepted = 0, refused = 0;
        for (var i = 0; i < 2000; i++)
        {
            var (section, json) = records[random.Next(records.Count)];
            var node = JsonNode.Parse(json)!;
            JsonMutation.Apply(node, random, replacements, JsonMutation.FirstUpper, kinds: 6);
            var text = $"{{\"formatVersion\": 1, \"{section}\": [{node.ToJsonString()}]}}";
            if (random.Next(10) == 0)
            {
                // A repeated property (JsonNode cannot hold one): the first property of the record written twice.
                var at = text.IndexOf('[', StringComparison.Ordinal) + 2;
                var end = text.IndexOf(',', at);
                text = text[..at] + text[at..end] + "," + text[at..];
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            var fast = new CatalogParts();
            if (CatalogFastReader.TryRead(bytes, "mutant.json", fast))
            {
                accepted++;
                var walk = new CatalogParts();
                CatalogReader.ReadWithDocument(bytes, "mutant.json", walk);
                walk.Problems.Should().BeEmpty("the fast reader accepted {0}", text);
                Describe(fast).Should().Be(Describe(walk), "document {0}", text);
            }
            else
            {
                refused++;
                Describe(fast).Should().BeEmpty();
            }
        }
        // Both outcomes are reached (a test that only ever saw one would prove little).
        accepted.Should().BeGreaterThan(100);
        refused.Should().BeGreaterThan(100);
    }

    [Theory]
    [InlineData("{\"offers\": []} x")]
    [InlineData("{\"offers\": [")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"formatVersion\": 2}")]
    [InlineData("{\"gpus\": []}")]
    [InlineData("{\"$schema\": {\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}")]
    [InlineData("{\"offers\": [null]}")]
    [InlineData("{\"offers\": {}}")]
    public void FastReader_GivesUpOnDocumentsTheWalkReports(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var fast = new CatalogParts();
        CatalogFastReader.TryRead(bytes, "bad.json", fast).Should().BeFalse();
        Describe(fast).Should().BeEmpty();
        var walk = new CatalogParts();
        CatalogReader.ReadWithDocument(bytes, "bad.json", walk);
        walk.Problems.Should().NotBeEmpty("the walk reports what the fast reader gave up on");
    }

    [Fact]
    public void FastReader_AcceptsAnEmptyDocument_AsTheWalkDoes()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"$schema\": \"./catalog.schema.json\", \"offers\": []}\n");
        CatalogFastReader.TryRead(bytes, "c.json", new CatalogParts()).Should().BeTrue();
        var walk = new CatalogParts();
        CatalogReader.ReadWithDocument(bytes, "c.json", walk);
        walk.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Comments_AreLeftToTheWalk_WhichReadsTheSameRecords()
    {
        // The providers seed with a comment before it and one inside: the fast reader gives up (it allows no comments),
        // the walk skips them, and the loaded records are those of the file without comments.
        var plain = File.ReadAllBytes(RepositoryPaths.Of("seeds/catalog/providers.json"));
        var text = Encoding.UTF8.GetString(plain);
        var commented = Encoding.UTF8.GetBytes("// a user's copy\n" + text.Insert(text.IndexOf('{') + 1, " /* the three clouds */ "));

        CatalogFastReader.TryRead(commented, "p.json", new CatalogParts()).Should().BeFalse();
        var walk = new CatalogParts();
        CatalogReader.ReadWithDocument(commented, "p.json", walk);
        walk.Problems.Should().BeEmpty();
        var fast = new CatalogParts();
        CatalogFastReader.TryRead(plain, "p.json", fast).Should().BeTrue();
        Describe(walk).Should().Be(Describe(fast));
        CloudCatalog.Load(new MemoryStream(commented), "p.json").Providers.Select(p => p.Id).Should().Equal("aws", "azure", "gcp");
    }

    private static string Describe(CatalogParts parts)
    {
        var text = new StringBuilder();
        void Add<T>(SectionRecords<T> records)
        {
            for (var i = 0; i < records.Count; i++)
            {
                text.Append(records.FileOf(i)).Append(' ').Append(records.PathOf(i)).Append(' ').AppendLine(JsonSerializer.Serialize(records[i], CatalogReader.Options));
            }
        }
        Add(parts.Providers);
        Add(parts.Accelerators);
        Add(parts.Instances);
        Add(parts.Offers);
        return text.ToString();
    }
}
