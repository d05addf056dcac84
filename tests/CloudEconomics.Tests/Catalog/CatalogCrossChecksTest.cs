using CloudEconomics.Catalog;
using CloudEconomics.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CloudEconomics.Tests.Catalog;

/// <summary>
/// The catalog's cross-record checks on groups larger than a pair and on repeated ids, and its look-ups from many
/// threads: each expectation worked out by hand from the rules in the catalog schema (one offer per key and day; ids
/// unique, later uses named against the first).
/// </summary>
public sealed class CatalogCrossChecksTest
{
    private static readonly LocalDate Jan1 = new(2025, 1, 1);

    private static PriceOffer InRegion(PriceOffer offer, string region) => offer with { Region = region };

    [Fact]
    public void OverlapGroups_AreCheckedByStartDate_EachLaterOverlapNamedAgainstTheEarlierOffer_GroupsInOrderOfTheirFirstOffer()
    {
        // Key A (region r1): a1 Mar 1-31, a2 Jan 1-Feb 28, a3 from Mar 15 (open). By start date: a2, a1, a3.
        //   a2-a1: Feb 28 < Mar 1, no overlap; a2-a3: no; a1-a3: Mar 15-31 overlap -> a3 named against a1.
        // Key B (region r2): b1 from Jan 1 (open), b2 from Jun 1 (open): overlap from Jun 1 -> b2 against b1.
        // Key C (region r3): c1 alone, never compared.
        // Listed interleaved: a1, b1, c1, a2, a3, b2 (indexes 0-5); a's group comes first because a1 is listed first.
        var offers = new[]
        {
            CatalogTestData.Offer("a1", from: new LocalDate(2025, 3, 1), to: new LocalDate(2025, 3, 31)),
            InRegion(CatalogTestData.Offer("b1", from: Jan1), "r2"),
            InRegion(CatalogTestData.Offer("c1", from: Jan1), "r3"),
            CatalogTestData.Offer("a2", from: Jan1, to: new LocalDate(2025, 2, 28)),
            CatalogTestData.Offer("a3", from: new LocalDate(2025, 3, 15)),
            InRegion(CatalogTestData.Offer("b2", from: new LocalDate(2025, 6, 1)), "r2"),
        };
        var provider = CatalogTestData.Provider() with { Regions = [new Region { Id = "r1" }, new Region { Id = "r2" }, new Region { Id = "r3" }] };

        var act = () => CloudCatalog.Create([provider], [CatalogTestData.Accelerator()], [CatalogTestData.Instance()], offers);

        var problems = act.Should().Throw<DataLoadException>().Which.Problems;
        problems.Select(p => (p.RecordId, p.Path, p.Rule)).Should().Equal(
            ("a3", "$.offers[4]", "OverlappingOffers"),
            ("b2", "$.offers[5]", "OverlappingOffers"));
        problems[0].Message.Should().Contain("'a3' and offer 'a1'");
        problems[1].Message.Should().Contain("'b2' and offer 'b1'");
    }

    [Fact]
    public void OverlapGroups_WithThreeOffersOnTheSameDays_NameEveryLaterOfferAgainstEachEarlierOne()
    {
        // Three open-ended offers from the same day: pairs (x,y), (x,z), (y,z) all overlap; equal start dates keep the
        // listed order, so y is named once (against x) and z twice (against x, then y).
        var offers = new[] { CatalogTestData.Offer("x", from: Jan1), CatalogTestData.Offer("y", from: Jan1), CatalogTestData.Offer("z", from: Jan1) };

        var act = () => CatalogTestData.Catalog(offers);

        act.Should().Throw<DataLoadException>().Which.Problems.Select(p => p.Message[..p.Message.IndexOf(" price", StringComparison.Ordinal)]).Should().Equal(
            "Offer 'y' and offer 'x'",
            "Offer 'z' and offer 'x'",
            "Offer 'z' and offer 'y'");
    }

    [Fact]
    public void RepeatedIds_AreEachNamedAgainstTheFirstRecordWithThatId()
    {
        // Ids x, y, x, x (different regions, so only the ids clash): indexes 2 and 3 repeat index 0.
        var offers = new[]
        {
            CatalogTestData.Offer("x"), InRegion(CatalogTestData.Offer("y"), "r2"), InRegion(CatalogTestData.Offer("x"), "r3"), InRegion(CatalogTestData.Offer("x"), "r4"),
        };
        var provider = CatalogTestData.Provider() with { Regions = [new Region { Id = "r1" }, new Region { Id = "r2" }, new Region { Id = "r3" }, new Region { Id = "r4" }] };

        var act = () => CloudCatalog.Create([provider], [CatalogTestData.Accelerator()], [CatalogTestData.Instance()], offers);

        var problems = act.Should().Throw<DataLoadException>().Which.Problems;
        problems.Select(p => (p.File, p.Path, p.RecordId, p.Rule)).Should().Equal(
            ("(code)", "$.offers[2].id", "x", "DuplicateId"),
            ("(code)", "$.offers[3].id", "x", "DuplicateId"));
        problems.Should().OnlyContain(p => p.Message.Contains("first at (code) $.offers[0]"));
    }

    [Fact]
    public void OffersFor_OnAFreshCatalog_FromManyThreadsAtOnce_GivesEveryThreadTheSameOffers()
    {
        // Two instances, offers listed alternately: each instance's offers are its own, in catalog order.
        var instances = new[] { CatalogTestData.Instance(), CatalogTestData.Instance("acme-x1.xlarge") };
        var offers = Enumerable.Range(0, 40).Select(i => CatalogTestData.Offer(
            $"o{i}", instanceId: i % 2 == 0 ? "acme-x1.large" : "acme-x1.xlarge", from: Jan1.PlusDays(10 * (i / 2)), to: Jan1.PlusDays((10 * (i / 2)) + 9))).ToArray();

        for (var round = 0; round < 20; round++)
        {
            var catalog = CloudCatalog.Create([CatalogTestData.Provider()], [CatalogTestData.Accelerator()], instances, offers);
            var results = new IReadOnlyList<PriceOffer>[8];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t => results[t] = catalog.OffersFor(t % 2 == 0 ? "acme-x1.large" : "acme-x1.xlarge"));

            for (var t = 0; t < results.Length; t++)
            {
                var expected = Enumerable.Range(0, 20).Select(k => $"o{(2 * k) + (t % 2)}");
                results[t].Select(o => o.Id).Should().Equal(expected);
            }
        }
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)] // not a leap year
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("0000-01-01", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-1-01", false)]
    [InlineData("2024-01-01 ", false)]
    [InlineData("+024-01-01", false)]
    [InlineData("2024/01/01", false)]
    [InlineData("2024-01-0\u0661", false)] // an Arabic-Indic digit: 11 UTF-8 bytes, and not an ASCII digit either way
    [InlineData("", false)]
    public void IsoDate_FromUtf8_ReadsWhatTheTextReaderReads(string text, bool valid)
    {
        var fromText = IsoDate.TryParse(text, out var textDate);
        var fromUtf8 = IsoDate.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var utf8Date);

        fromText.Should().Be(valid);
        fromUtf8.Should().Be(valid);
        utf8Date.Should().Be(textDate);
    }
}

/// <summary>
/// Every instance of a catalog carries the catalog's own accelerator record (the one its look-ups return), however the
/// records arrived: read from the embedded files, or replaced by an override document.
/// </summary>
public sealed class InstanceAcceleratorResolutionTest
{
    [Fact]
    public void EmbeddedCatalog_EveryInstanceHoldsTheCatalogsAcceleratorRecord()
    {
        var catalog = CloudCatalog.Default;

        catalog.Instances.Should().NotBeEmpty().And.OnlyContain(i => ReferenceEquals(i.Accelerator, catalog.FindAccelerator(i.AcceleratorId)) && i.Accelerator != null);
    }

    [Fact]
    public void OverriddenAccelerator_IsTheOneTheInstancesHold()
    {
        // The override renames the accelerator the hand-made instance uses; the merged instance must hold the new record.
        var baseCatalog = CloudCatalog.Create([CatalogTestData.Provider()], [CatalogTestData.Accelerator()], [CatalogTestData.Instance()], []);
        var renamed = CatalogTestData.Accelerator() with { Name = "Acme X1 (renamed)" };
        var overrides = CloudCatalog.Create([CatalogTestData.Provider()], [renamed], [], []);

        var merged = baseCatalog.MergeWith(overrides);

        merged.Instances.Single().Accelerator!.Name.Should().Be("Acme X1 (renamed)");
        merged.Instances.Single().Accelerator.Should().BeSameAs(merged.FindAccelerator("acme-x1"));
        baseCatalog.Instances.Single().Accelerator!.Name.Should().NotBe("Acme X1 (renamed)");
    }
}
