using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Data;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Data;

/// <summary>
/// The scenario's one-pass reader against the serializer it stands in for: on the seed scenario and on mutated documents
/// it either gives the scenario the serializer gives (compared as the scenario format's JSON) or gives up, never a
/// different scenario and never a document the serializer refuses.
/// </summary>
public class ScenarioFastReaderTest
{
    private static readonly byte[] Seed = File.ReadAllBytes(RepositoryPaths.Of("seeds/scenarios/aws-2026-q1.json"));

    private static string ViaSerializer(byte[] json) => JsonSerializer.Deserialize<ScenarioFile>(json, ScenarioFile.ReadOptions)!.ToJson();

    [Fact]
    public void FastReader_ReadsTheSeedScenario_AsTheSerializerDoes()
    {
        var fast = ScenarioFastReader.TryRead(Seed);

        fast.Should().NotBeNull("the seed scenario is a clean document");
        fast!.ToJson().Should().Be(ViaSerializer(Seed));
        // Spot checks against the seed file itself (seeds/scenarios/aws-2026-q1.json): the first quarter's AWS revenue and
        // the number of records per section.
        fast.Quarters[0].SegmentRevenue!.Value!.Value.Amount.Should().Be(25.0m);
        fast.Quarters[0].SegmentRevenue!.Provenance.AsOf.Should().Be(new NodaTime.LocalDate(2024, 3, 31));
        fast.Quarters.Should().HaveCount(9);
        fast.ArticleClaims.Should().HaveCount(8);
    }

    [Fact]
    public void DefaultScenario_IsTheSeedFileAsTheSerializerReadsIt()
        => ScenarioFile.Default.ToJson().Should().Be(ViaSerializer(Seed));

    [Fact]
    public void FastReader_OnMutatedDocuments_EitherAgreesWithTheSerializerOrGivesUp()
    {
        // 1,500 seeded mutations of the seed scenario: a property removed, renamed (first letter upper-cased), added or
        // repeated, or a value replaced by a boundary value or a value of another JSON kind.
        var random = new Random(20261205);
        JsonNode?[] replacements = [null, 0, -1, 1, 0.5, 1e308, 2147483648, "", " ", "x", "billions", "Billions", "percent", "lowerBound",
            "reported", "vendor", "Vendor", "estimate", "USD", "XXX", "Q1-2026", "2025-01-01", "2025-02-30", "2025-1-1", "10", new JsonObject(),
            new JsonArray(), true, "segmentRevenue", "notModelled"];
        int accepted = 0, refused = 0;
        for (var i = 0; i < 1500; i++)
        {
            var node = JsonNode.Parse(Seed)!;
            JsonMutation.Apply(node, random, replacements, JsonMutation.FirstUpper, kinds: 6);
            var text = node.ToJsonString();
            if (random.Next(10) == 0)
            {
                // A repeated property (JsonNode cannot hold one): the first property of the document written twice.
                var end = text.IndexOf(',', StringComparison.Ordinal);
                text = "{" + text[1..end] + "," + text[1..];
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            var fast = ScenarioFastReader.TryRead(bytes);
            if (fast is null)
            {
                refused++;
                continue;
            }
            accepted++;
            string serialized;
            try
            {
                serialized = ViaSerializer(bytes);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The fast reader accepted a document the serializer refuses ({e.Message}): {text}", e);
            }
            fast.ToJson().Should().Be(serialized, "document {0}", text);
        }
        // Both outcomes are reached (a test that only ever saw one would prove little).
        accepted.Should().BeGreaterThan(100);
        refused.Should().BeGreaterThan(100);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"id\": \"x\"} x")]
    [InlineData("{\"id\": \"x\", \"id\": \"y\"}")]
    [InlineData("{\"Id\": \"x\"}")]
    public void FastReader_GivesUpOnDocumentsItDoesNotFullyUnderstand(string json)
        => ScenarioFastReader.TryRead(Encoding.UTF8.GetBytes(json)).Should().BeNull();

    [Fact]
    public void Load_OfADocumentTheFastReaderGivesUpOn_StillReportsTheSerializersProblem()
    {
        // A quarter's figure value written as text: the fast reader gives up, the serializer path names the place.
        var text = Encoding.UTF8.GetString(Seed).Replace("\"value\": 25.0,", "\"value\": true,", StringComparison.Ordinal);
        text.Should().NotBe(Encoding.UTF8.GetString(Seed));

        var act = () => ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), "bad.json");

        act.Should().Throw<DataLoadException>().Which.Message.Should().Contain("bad.json").And.Contain("$.quarters[0].segmentRevenue");
    }
}
