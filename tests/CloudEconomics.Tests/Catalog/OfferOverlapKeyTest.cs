using CloudEconomics.Catalog;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CloudEconomics.Tests.Catalog;

/// <summary>
/// The overlap rule's key (catalog schema, "offers"): two offers may not apply on the same day when they price the same
/// target in the same region with the same purchase option (kind, term, payment, tier, program) and currency. Each row
/// changes one part of the key of an otherwise identical, open-ended offer: the catalog then loads; with nothing
/// changed it refuses the later one. Written from the rule's text, not from the code's key.
/// </summary>
public sealed class OfferOverlapKeyTest
{
    private static readonly PurchaseOption Reserved = new()
    {
        Kind = PurchaseOptionKind.Reserved, TermMonths = 12, Payment = PaymentOption.NoUpfront, Tier = "standard", Program = "ri",
    };

    private static PriceOffer First() => CatalogTestData.Offer("first", from: new LocalDate(2025, 1, 1), option: Reserved);

    // The second offer starts later and is open-ended too, so the two overlap from 2025-06-01 on.
    private static PriceOffer Second() => CatalogTestData.Offer("second", price: 11m, from: new LocalDate(2025, 6, 1), option: Reserved);

    public static TheoryData<string> KeyParts => ["region", "kind", "term", "payment", "tier", "program", "currency", "target"];

    [Theory]
    [MemberData(nameof(KeyParts))]
    public void OffersThatDifferInOneKeyPart_MayOverlap(string part)
    {
        var second = Second();
        second = part switch
        {
            "region" => second with { Region = "r2" },
            "kind" => second with { Option = Reserved with { Kind = PurchaseOptionKind.SavingsPlan } },
            "term" => second with { Option = Reserved with { TermMonths = 36 } },
            "payment" => second with { Option = Reserved with { Payment = PaymentOption.AllUpfront } },
            "tier" => second with { Option = Reserved with { Tier = "convertible" } },
            "program" => second with { Option = Reserved with { Program = "other" } },
            "currency" => second with { HourlyPrice = Figure.Known(PricePerHour.From(Money.Eur(11m)), CatalogTestData.Source) },
            "target" => second with { InstanceId = "acme-x1.xlarge" },
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };
        var instances = new[] { CatalogTestData.Instance(), CatalogTestData.Instance("acme-x1.xlarge") };
        var provider = CatalogTestData.Provider() with { Regions = [new Region { Id = "r1" }, new Region { Id = "r2" }] };

        var catalog = CloudCatalog.Create([provider], [CatalogTestData.Accelerator()], instances, [First(), second]);

        catalog.Offers.Should().HaveCount(2);
    }

    [Fact]
    public void OffersWithTheSameKey_MayNotOverlap_AndTheLaterOneIsNamed()
    {
        // Listed later-first: the check orders a group by start date before comparing.
        var act = () => CatalogTestData.Catalog(Second(), First());

        var problem = act.Should().Throw<DataLoadException>().Which.Problems.Should().ContainSingle(p => p.Rule == "OverlappingOffers").Subject;
        problem.RecordId.Should().Be("second");
        problem.Message.Should().Contain("'first'");
    }

    [Fact]
    public void OffersWithTheSameKey_MayFollowEachOther()
    {
        var first = First() with { ValidTo = new LocalDate(2025, 5, 31) };

        CatalogTestData.Catalog(first, Second()).Offers.Should().HaveCount(2);
    }
}
