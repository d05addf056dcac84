using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Inference;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Serialization;

/// <summary>
/// The model files' element walk (<c>ModelLibrary.ModelJson.TryReadAll</c>) against the serializer it stands in for: on
/// every seed model file and on mutated documents it either reads what the serializer reads (compared as JSON) or gives
/// up (null), never a different record and never a document the serializer refuses.
/// </summary>
public class ModelFileReaderTest
{
    private static readonly string[] SeedFiles = Directory.GetFiles(RepositoryPaths.Of("seeds/models"), "*.json");

    private static string Serialized(List<ModelLibrary.ModelJson?> records) => JsonSerializer.Serialize(records, ModelLibrary.ReadOptions);

    private static List<ModelLibrary.ModelJson?> ViaSerializer(byte[] bytes, bool isArray) => isArray
        ? JsonSerializer.Deserialize<List<ModelLibrary.ModelJson?>>(bytes, ModelLibrary.ReadOptions) ?? []
        : [JsonSerializer.Deserialize<ModelLibrary.ModelJson?>(bytes, ModelLibrary.ReadOptions)];

    [Fact]
    public void Walk_ReadsEverySeedModelFile_AsTheSerializerDoes()
    {
        SeedFiles.Should().HaveCountGreaterThanOrEqualTo(6);
        foreach (var file in SeedFiles)
        {
            var bytes = File.ReadAllBytes(file);
            var walked = ModelLibrary.ModelJson.TryReadAll(bytes, isArray: false);
            walked.Should().NotBeNull("{0} is a clean model file", file);
            Serialized(walked!).Should().Be(Serialized(ViaSerializer(bytes, isArray: false)), "file {0}", file);
        }
        // A spot check against seeds/models/llama-2-70b.json itself: 80 layers, 8 KV heads.
        var llama = ModelLibrary.ModelJson.TryReadAll(File.ReadAllBytes(RepositoryPaths.Of("seeds/models/llama-2-70b.json")), false)![0]!;
        llama.Layers.Should().Be(80);
        llama.KeyValueHeads.Should().Be(8);
    }

    [Fact]
    public void Walk_OnMutatedDocuments_EitherAgreesWithTheSerializerOrGivesUp()
    {
        // 1,500 seeded mutations of the seed files (each alone, and as a one-element array): a property removed, renamed
        // (upper-cased, which the web defaults still match), added, or its value replaced by another kind or a boundary.
        var random = new Random(20261205);
        JsonNode?[] replacements = [null, 0, -1, 1, 0.5, 1e308, 2147483648, "", "x", "bf16", "vendor", "2025-01-01", new JsonObject(), new JsonArray(), true, false];
        int accepted = 0, refused = 0;
        for (var i = 0; i < 1500; i++)
        {
            var node = JsonNode.Parse(File.ReadAllBytes(SeedFiles[random.Next(SeedFiles.Length)]))!;
            JsonMutation.Apply(node, random, replacements, k => k.ToUpperInvariant(), kinds: 5);
            var isArray = random.Next(2) == 0;
            var bytes = Encoding.UTF8.GetBytes(isArray ? "[" + node.ToJsonString() + "]" : node.ToJsonString());
            var walked = ModelLibrary.ModelJson.TryReadAll(bytes, isArray);
            if (walked is null)
            {
                refused++;
                continue;
            }
            accepted++;
            List<ModelLibrary.ModelJson?> serialized;
            try
            {
                serialized = ViaSerializer(bytes, isArray);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The walk accepted a document the serializer refuses ({e.Message}): {Encoding.UTF8.GetString(bytes)}", e);
            }
            Serialized(walked).Should().Be(Serialized(serialized));
        }
        accepted.Should().BeGreaterThan(100);
        refused.Should().BeGreaterThan(100);
    }
}
