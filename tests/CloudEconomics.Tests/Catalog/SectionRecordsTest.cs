using System.Text;
using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Serialization;
using CloudEconomics.Tests.Helpers;
using FluentAssertions;
using Xunit;

namespace CloudEconomics.Tests.Catalog;

/// <summary>
/// Where each gathered catalog record came from (the file and JSON path problem reports name), kept per run of
/// records: the expected paths are the records' places in the sources, counted by hand.
/// </summary>
public sealed class SectionRecordsTest
{
    [Fact]
    public void Paths_FollowEachSource_AcrossGapsFilesAndAppendedSections()
    {
        var records = new SectionRecords<string>();
        records.Add("a", "one.json", "$.offers", 0);
        records.Add("b", "one.json", "$.offers", 1);
        records.Add("c", "one.json", "$.offers", 3); // [2] was refused: a new run
        records.Add("d", "two.json", "$.offers", 0);
        var other = new SectionRecords<string>();
        other.Add("e", "(overrides)", "$.offers", 0);
        other.Add("f", "(overrides)", "$.offers", 1);
        records.AddRange(other);

        var places = Enumerable.Range(0, records.Count).Select(i => $"{records[i]} {records.FileOf(i)} {records.PathOf(i)}");

        places.Should().Equal(
            "a one.json $.offers[0]",
            "b one.json $.offers[1]",
            "c one.json $.offers[3]",
            "d two.json $.offers[0]",
            "e (overrides) $.offers[0]",
            "f (overrides) $.offers[1]");
    }

    [Fact]
    public void Truncate_RemovesTheLaterRecordsAndTheirPlaces_AndLaterAddsContinueCorrectly()
    {
        var records = new SectionRecords<string>();
        records.Add("a", "one.json", "$.offers", 0);
        records.Add("b", "two.json", "$.offers", 0);
        records.Add("c", "two.json", "$.offers", 1);

        records.Truncate(1);
        records.Add("x", "three.json", "$.offers", 5);

        records.Records.Should().Equal("a", "x");
        records.PathOf(1).Should().Be("$.offers[5]");
        records.FileOf(1).Should().Be("three.json");
        var outside = () => records.PathOf(2);
        outside.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void FastReader_GivingUpOnALaterDocument_LeavesTheEarlierRecordsAsTheyWere()
    {
        var parts = new CatalogParts();
        CatalogFastReader.TryRead(File.ReadAllBytes(RepositoryPaths.Of("seeds/catalog/offers.json")), "offers.json", parts).Should().BeTrue();
        var before = Enumerable.Range(0, parts.Offers.Count).Select(i => parts.Offers[i].Id + " " + parts.Offers.PathOf(i)).ToList();

        // A clean first offer, then one with an unknown property: the reader has added the first when it gives up.
        var bad = Encoding.UTF8.GetBytes("""
            {"offers": [
              {"id": "u1", "instanceId": "x", "region": "r1", "option": {"kind": "onDemand"},
               "hourlyPrice": {"amount": 1.5, "currency": "USD", "source": "test", "asOf": "2026-01-01", "confidence": "vendor"}},
              {"id": "u2", "surprise": true}
            ]}
            """);
        CatalogFastReader.TryRead(bad, "user.json", parts).Should().BeFalse();

        Enumerable.Range(0, parts.Offers.Count).Select(i => parts.Offers[i].Id + " " + parts.Offers.PathOf(i)).Should().Equal(before);
        parts.Offers.FileOf(parts.Offers.Count - 1).Should().Be("offers.json");
    }
}
