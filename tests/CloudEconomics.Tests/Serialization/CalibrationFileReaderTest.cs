using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Inference;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Serialization;

/// <summary>
/// The calibration file's element walk (<c>CalibrationFileJson.TryRead</c>) against the serializer it stands in for: on
/// the shipped calibration and on mutated documents it either reads what the serializer reads (compared as JSON) or
/// gives up, never a different record and never a document the serializer refuses.
/// </summary>
public class CalibrationFileReaderTest
{
    private static readonly byte[] Seed = File.ReadAllBytes(RepositoryPaths.Of("seeds/calibration/efficiency.json"));

    private static string Serialized(CalibrationFileJson? file) => JsonSerializer.Serialize(file, EfficiencyCalibration.CalibrationReadOptions);

    private static CalibrationFileJson? ViaSerializer(byte[] bytes) => JsonSerializer.Deserialize<CalibrationFileJson?>(bytes, EfficiencyCalibration.CalibrationReadOptions);

    [Fact]
    public void Walk_ReadsTheShippedCalibration_AsTheSerializerDoes()
    {
        var walked = CalibrationFileJson.TryRead(Seed, out var isNull);

        isNull.Should().BeFalse();
        walked.Should().NotBeNull();
        Serialized(walked).Should().Be(Serialized(ViaSerializer(Seed)));
        walked!.FormatVersion.Should().Be(1); // seeds/calibration/efficiency.json: "formatVersion": 1
        walked.Families.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Walk_OfJsonNull_SaysSo()
    {
        CalibrationFileJson.TryRead(Encoding.UTF8.GetBytes("null"), out var isNull).Should().BeNull();
        isNull.Should().BeTrue();
        ViaSerializer(Encoding.UTF8.GetBytes("null")).Should().BeNull();
    }

    [Fact]
    public void Walk_OnMutatedDocuments_EitherAgreesWithTheSerializerOrGivesUp()
    {
        var random = new Random(20261205);
        JsonNode?[] replacements = [null, 0, -1, 1, 0.5, 1e308, 2147483648, "", "x", "bf16", "hopper", "2025-01-01", new JsonObject(), new JsonArray(), true, false];
        int accepted = 0, refused = 0;
        for (var i = 0; i < 600; i++)
        {
            var node = JsonNode.Parse(Seed)!;
            JsonMutation.Apply(node, random, replacements, k => k.ToUpperInvariant(), kinds: 5);
            var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
            var walked = CalibrationFileJson.TryRead(bytes, out _);
            if (walked is null)
            {
                refused++;
                continue;
            }
            accepted++;
            CalibrationFileJson? serialized;
            try
            {
                serialized = ViaSerializer(bytes);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The walk accepted a document the serializer refuses ({e.Message})", e);
            }
            Serialized(walked).Should().Be(Serialized(serialized));
        }
        accepted.Should().BeGreaterThan(100);
        refused.Should().BeGreaterThan(50);
    }
    [Fact]
    public void FamiliesWalk_ReadsTheShippedFamilies_AsTheSerializerDoes_AndGivesUpOnOtherKinds()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Of("seeds/calibration/families.json"));
        string Json(AcceleratorFamilies.FamiliesFileJson? f) => JsonSerializer.Serialize(f, AcceleratorFamilies.ReadOptions);

        var walked = AcceleratorFamilies.FamiliesFileJson.TryRead(bytes, out _);

        walked.Should().NotBeNull();
        Json(walked).Should().Be(Json(JsonSerializer.Deserialize<AcceleratorFamilies.FamiliesFileJson?>(bytes, AcceleratorFamilies.ReadOptions)));
        walked!.Families.Should().Contain(f => f!.Id == "nvidia-hopper"); // seeds/calibration/families.json has "nvidia-hopper"
        // A family's accelerators written as a string, a family written as a number: the serializer refuses both.
        AcceleratorFamilies.FamiliesFileJson.TryRead(Encoding.UTF8.GetBytes("{\"families\": [{\"id\": \"x\", \"accelerators\": \"h100\"}]}"), out _).Should().BeNull();
        AcceleratorFamilies.FamiliesFileJson.TryRead(Encoding.UTF8.GetBytes("{\"families\": [1]}"), out _).Should().BeNull();
        // Unknown names are ignored and comments skipped, as by the serializer.
        AcceleratorFamilies.FamiliesFileJson.TryRead(Encoding.UTF8.GetBytes("// c\n{\"other\": 1, \"families\": []}"), out _)!.Families.Should().BeEmpty();
    }
}
