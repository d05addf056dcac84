using CloudEconomics.Catalog;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public class CatalogPropertiesTest
{
    [Property]
    public void AsOf_KeepsOnlyOffersValidOnTheDate_AndAtMostOnePerKey(ushort dayOffset)
    {
        var date = new LocalDate(2023, 9, 18).PlusDays(dayOffset % 1800); // from the first AWS snapshot: no price is known before it
        var catalog = CloudCatalog.Default.AsOf(date);
        catalog.Offers.Should().OnlyContain(o => o.IsValidOn(date));
        catalog.Offers.GroupBy(o => (o.TargetId, o.Region, o.Option, o.Currency)).Should().OnlyContain(g => g.Count() == 1);
    }

    [Property]
    public void SavingsAtBreakevenUtilisation_IsZero(PositiveInt onDemandCents, PositiveInt commitmentCents)
    {
        var onDemand = PricePerHour.Usd(onDemandCents.Get / 100m + 0.01m);
        var commitment = PricePerHour.Usd(Math.Min(commitmentCents.Get, onDemandCents.Get) / 100m);
        var breakeven = CommitmentEconomics.Breakeven(onDemand, commitment);
        breakeven.IsAttainable.Should().BeTrue();
        CommitmentEconomics.SavingsFraction(onDemand, commitment, breakeven.Utilization).Should().BeApproximately(0, 1e-9);
    }
}
