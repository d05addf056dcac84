using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Serialization;
using CloudEconomics.Catalog.Validation;
using CloudEconomics.Serialization;
using CloudEconomics.Tests.Helpers;
using FluentValidation;
using UnitsNet;

namespace CloudEconomics.Tests.Catalog;

/// <summary>
/// The catalog's start-up fast path against the slow path it replaces: the element reader against the reflection-based
/// serializer, the plain checks against the public FluentValidation validators, the unit table against UnitsNet.
/// </summary>
public class CatalogFastPathTest
{
    private static readonly string[] SeedFiles = ["providers.json", "accelerators.json", "instances.json", "offers.json"];

    private static IEnumerable<(string Section, JsonElement Record)> SeedRecords()
    {
        foreach (var file in SeedFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.Of("seeds/catalog/" + file)));
            foreach (var section in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var record in section.Value.EnumerateArray())
                {
                    yield return (section.Name, record.Clone());
                }
            }
        }
    }

    private static string ViaReader(string section, JsonElement e) => section switch
    {
        "providers" => JsonSerializer.Serialize(CatalogJsonReader.ReadProvider(e), CatalogReader.Options),
        "accelerators" => JsonSerializer.Serialize(CatalogJsonReader.ReadAccelerator(e), CatalogReader.Options),
        "instances" => JsonSerializer.Serialize(CatalogJsonReader.ReadInstance(e), CatalogReader.Options),
        _ => JsonSerializer.Serialize(CatalogJsonReader.ReadOffer(e), CatalogReader.Options),
    };

    private static string ViaSerializer(string section, JsonElement e) => section switch
    {
        "providers" => JsonSerializer.Serialize(e.Deserialize<Provider>(CatalogReader.Options), CatalogReader.Options),
        "accelerators" => JsonSerializer.Serialize(e.Deserialize<Accelerator>(CatalogReader.Options), CatalogReader.Options),
        "instances" => JsonSerializer.Serialize(e.Deserialize<InstanceType>(CatalogReader.Options), CatalogReader.Options),
        _ => JsonSerializer.Serialize(e.Deserialize<PriceOffer>(CatalogReader.Options), CatalogReader.Options),
    };

    [Fact]
    public void Reader_ReadsEverySeedRecord_AsTheSerializerDoes()
    {
        var records = SeedRecords().ToList();
        records.Should().HaveCountGreaterThan(80);
        foreach (var (section, record) in records)
        {
            ViaReader(section, record).Should().Be(ViaSerializer(section, record), "record {0} of {1}", record.GetProperty("id").GetString(), section);
        }
    }

    [Fact]
    public void Checks_PassEverySeedRecord()
    {
        foreach (var (section, record) in SeedRecords())
        {
            Check(section, record).Should().BeTrue("seed record {0} is valid", record.GetProperty("id").GetString());
        }
    }

    private static bool? Check(string section, JsonElement e)
    {
        try
        {
            return section switch
            {
                "providers" => Agree(CatalogJsonReader.ReadProvider(e), CatalogChecks.IsValid, new ProviderValidator()),
                "accelerators" => Agree(CatalogJsonReader.ReadAccelerator(e), CatalogChecks.IsValid, new AcceleratorValidator()),
                "instances" => Agree(CatalogJsonReader.ReadInstance(e), CatalogChecks.IsValid, new InstanceTypeValidator()),
                _ => Agree(CatalogJsonReader.ReadOffer(e), CatalogChecks.IsValid, new PriceOfferValidator()),
            };
        }
        catch (JsonException)
        {
            return null; // not a record: the reader refused it (the loader reports InvalidJson)
        }
    }

    /// <summary>The checks are never looser than the validator: a record they pass, the validator passes.</summary>
    private static bool Agree<T>(T record, Func<T, bool> check, IValidator<T> validator)
    {
        var fast = check(record);
        if (fast)
        {
            var result = validator.Validate(record);
            result.IsValid.Should().BeTrue("the plain checks passed {0}, so the validator must too; it says: {1}", record, string.Join("; ", result.Errors));
        }
        return fast;
    }

    [Fact]
    public void Checks_AreNeverLooserThanTheValidators_OnMutatedSeedRecords()
    {
        // 3,000 seeded mutations of seed records: a property removed, or a value replaced by a boundary value.
        var random = new Random(20261205);
        var records = SeedRecords().ToList();
        JsonNode?[] replacements = [null, 0, -1, 1, 0.5, 1e308, -1e-9, "", " ", "x y", "1950", 1949, 2201, 12, 36, 7, "reserved", "perAccelerator",
            "onDemand", "bundledCredits", "sustainedUse", new JsonObject(), new JsonArray(), "USD", "EUR", "2025-01-01", "1999-12-31"];
        int refused = 0, invalid = 0, valid = 0;
        for (var i = 0; i < 3000; i++)
        {
            var (section, record) = records[random.Next(records.Count)];
            var node = JsonNode.Parse(record.GetRawText())!;
            var leaves = JsonSlots.All(node).ToList();
            var (parent, key) = leaves[random.Next(leaves.Count)];
            var replacement = random.Next(4) == 0 ? null : replacements[random.Next(replacements.Length)]?.DeepClone();
            if (parent is JsonObject o && (replacement is null && random.Next(2) == 0))
            {
                o.Remove((string)key);
            }
            else if (parent is JsonObject o2)
            {
                o2[(string)key] = replacement;
            }
            else if (parent is JsonArray a)
            {
                a[(int)key] = replacement;
            }
            using var mutated = JsonDocument.Parse(node.ToJsonString());
            switch (Check(section, mutated.RootElement))
            {
                case null: refused++; break;
                case false: invalid++; break;
                default: valid++; break;
            }
        }
        // The mutations reach all three outcomes (a test that only ever saw valid records would prove nothing).
        refused.Should().BePositive();
        invalid.Should().BePositive();
        valid.Should().BePositive();
    }

    [Theory]
    [InlineData("ab c", false)]
    [InlineData("-abc", false)]
    [InlineData("", false)]
    [InlineData("aws-trainium2", true)]
    [InlineData("p5.48xlarge", true)]
    [InlineData("gcp/tpu:v5e_1", true)]
    [InlineData("é", false)]
    public void IdRule_MatchesThePattern(string id, bool valid)
    {
        CatalogChecks.IsId(id).Should().Be(valid);
        System.Text.RegularExpressions.Regex.IsMatch(id, Ids.Pattern).Should().Be(valid);
    }

    [Fact]
    public void UnitTable_AgreesWithUnitsNet_BothWays()
    {
        var entries = UnitAbbreviations.All.ToList();
        entries.Should().HaveCountGreaterThan(30);
        foreach (var (abbreviation, unit) in entries)
        {
            // Parsing: UnitsNet's parser gives the same unit ...
            UnitsNetSetup.Default.UnitParser.Parse(abbreviation, unit.GetType(), CultureInfo.InvariantCulture).Should().Be(unit, "\"{0}\" parses to {1}", abbreviation, unit);
            // ... and writing: the entry is UnitsNet's invariant default abbreviation of that unit.
            UnitsNetSetup.Default.UnitAbbreviations.GetDefaultAbbreviation(unit.GetType(), Convert.ToInt32(unit, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                .Should().Be(abbreviation);
            UnitAbbreviations.Of(unit).Should().Be(abbreviation);
        }
    }

    [Fact]
    public void UnitTable_CreatesTheSameQuantity_AsUnitsNet()
    {
        QuantityReading.Create<Information>(96, "GiB").Should().Be(Information.FromGibibytes(96));
        QuantityReading.Create<BitRate>(3.35, "TB/s").Should().Be(BitRate.FromTerabytesPerSecond(3.35));
        QuantityReading.Create<UnitsNet.Power>(700, "W").Should().Be(UnitsNet.Power.FromWatts(700));
        // Outside the table: UnitsNet's parser still reads it ("mW" is a milliwatt).
        QuantityReading.Create<UnitsNet.Power>(5, "mW").Should().Be(UnitsNet.Power.FromMilliwatts(5));
        var act = () => QuantityReading.Create<UnitsNet.Power>(5, "furlongs");
        act.Should().Throw<JsonException>().WithMessage("\"furlongs\" is not a unit of Power; use an abbreviation such as \"W\".");
    }
}
