using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Power;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Serialization;

/// <summary>
/// The power files' element walk (<c>PowerSeedWalk.TryRead</c>) against the serializer it stands in for: on the four
/// shipped files and on mutated documents it either reads what the serializer reads (compared as JSON) or gives up,
/// never a different record and never a document the serializer refuses.
/// </summary>
public class PowerSeedWalkTest
{
    private static readonly JsonSerializerOptions Options = CloudEconomicsJson.CreateDocumentOptions();

    private static byte[] Seed(string file) => File.ReadAllBytes(RepositoryPaths.Of("seeds/power/" + file));

    private static string Json<T>(List<T> records) => JsonSerializer.Serialize(records, Options);

    private static void CheckFile<T>(string file) where T : class
    {
        var bytes = Seed(file);

        var walked = PowerSeedWalk.TryRead<T>(bytes);

        walked.Should().NotBeNull("the shipped {0} has the files' own shape", file);
        Json(walked!).Should().Be(Json(PowerReferenceData.ReadWithSerializer<T>(bytes, file)));
    }

    [Fact]
    public void Walk_ReadsEveryShippedFile_AsTheSerializerDoes()
    {
        CheckFile<PueRecord>("pue.json");
        CheckFile<PpaPriceIndexRecord>("ppa-prices.json");
        CheckFile<ElectricityPriceRecord>("electricity-prices.json");
        CheckFile<PowerDealRecord>("power-deals.json");
    }

    [Fact]
    public void Walk_KeepsTheFilesFigures()
    {
        // seeds/power/power-deals.json, "talen-amazon-susquehanna": "contractedMw": { "value": 1920, ... "confidence": "secondary" }
        var deal = PowerSeedWalk.TryRead<PowerDealRecord>(Seed("power-deals.json"))!.Single(d => d.Id == "talen-amazon-susquehanna");
        deal.Source.Should().Be(EnergySourceKind.Nuclear);
        deal.Figure("contractedMw")!.Value.Should().Be(1920m);
        deal.Figure("contractedMw")!.Provenance.Confidence.Should().Be(Confidence.Secondary);
    }

    [Theory]
    [InlineData("{\"records\": [{\"id\": \"a\", \"name\": \"A\", \"pue\": {\"value\": \"1.2\", \"source\": \"s\"}}]}")] // a number as text
    [InlineData("{\"Records\": []}")]                                                                                   // another case
    [InlineData("{\"records\": [{\"id\": null, \"name\": \"A\", \"pue\": {\"value\": 1.2}}]}")]                       // a null id
    [InlineData("{\"records\": [{\"id\": \"a\", \"id\": \"b\", \"name\": \"A\", \"pue\": {\"value\": 1.2}}]}")]       // a repeated property
    [InlineData("// note\n{\"records\": []}")]                                                                        // a comment
    public void Walk_GivesUp_OnWhatOnlyTheSerializerDecides(string json)
        => PowerSeedWalk.TryRead<PueRecord>(Encoding.UTF8.GetBytes(json)).Should().BeNull();

    [Theory]
    [InlineData("pue.json")]
    [InlineData("ppa-prices.json")]
    [InlineData("electricity-prices.json")]
    [InlineData("power-deals.json")]
    public void Walk_OnMutatedDocuments_EitherAgreesWithTheSerializerOrGivesUp(string file)
    {
        switch (file)
        {
            case "pue.json": Mutate<PueRecord>(file); break;
            case "ppa-prices.json": Mutate<PpaPriceIndexRecord>(file); break;
            case "electricity-prices.json": Mutate<ElectricityPriceRecord>(file); break;
            default: Mutate<PowerDealRecord>(file); break;
        }
    }

    private static void Mutate<T>(string file) where T : class
    {
        var seed = Seed(file);
        var random = new Random(20261205);
        JsonNode?[] replacements = [null, 0, -1, 1.25, 1e30, 2147483648, "", "x", "nuclear", "Nuclear", "2025-01-01", "2025-13-01", "vendor", new JsonObject(), new JsonArray(), true];
        int accepted = 0, refused = 0;
        for (var i = 0; i < 400; i++)
        {
            var node = JsonNode.Parse(seed)!;
            JsonMutation.Apply(node, random, replacements, JsonMutation.FirstUpper, kinds: 5);
            var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
            var walked = PowerSeedWalk.TryRead<T>(bytes);
            if (walked is null)
            {
                refused++;
                continue;
            }
            accepted++;
            List<T> serialized;
            try
            {
                serialized = PowerReferenceData.ReadWithSerializer<T>(bytes, file);
            }
            catch (Exception e) when (e is JsonException or DataLoadException)
            {
                throw new InvalidOperationException($"The walk accepted a document the serializer refuses ({e.Message})", e);
            }
            Json(walked).Should().Be(Json(serialized));
        }
        accepted.Should().BeGreaterThan(60);
        refused.Should().BeGreaterThan(30);
    }
}
