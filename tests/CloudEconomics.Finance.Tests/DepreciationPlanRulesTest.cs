using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Every rule of <see cref="DepreciationPlanValidator"/> at its boundary (the last valid value passes, the first
/// invalid one fails with a message naming the field and the rule), and <see cref="UsefulLifeChange.LifeMonths"/>.
/// </summary>
public class DepreciationPlanRulesTest
{
    private static readonly LocalDate Start = new(2025, 1, 1);

    private static DepreciationPlan Valid() => new()
    {
        Cost = Money.Usd(1000m),
        Salvage = Money.Usd(100m),
        InServiceDate = Start,
        UsefulLifeMonths = 12,
    };

    private static IEnumerable<string> Errors(DepreciationPlan plan) =>
        new DepreciationPlanValidator().Validate(plan).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}");

    [Fact]
    public void ValidPlan_AtEveryBoundary_Passes()
    {
        Errors(Valid()).Should().BeEmpty();
        // Salvage 0 and salvage = cost, life 1 month, factor just above 0, no salvage at all.
        Errors(Valid() with { Salvage = Money.Usd(0m) }).Should().BeEmpty();
        Errors(Valid() with { Salvage = Money.Usd(1000m) }).Should().BeEmpty();
        Errors(Valid() with { Salvage = null }).Should().BeEmpty();
        Errors(Valid() with { UsefulLifeMonths = 1 }).Should().BeEmpty();
        Errors(Valid() with { DecliningBalanceFactor = 1e-9, Method = DepreciationMethod.DecliningBalance }).Should().BeEmpty();
        Errors(Valid() with { Method = DepreciationMethod.SumOfYearsDigits, OutlivedLife = OutlivedLifeTreatment.ExpenseRemainder }).Should().BeEmpty();
        Errors(Valid() with { LifeChanges = new[] { new UsefulLifeChange(Start.PlusDays(1), 1), new UsefulLifeChange(Start.PlusDays(2), 24) } }).Should().BeEmpty();
        Errors(Valid() with { Cost = Money.Usd(0.01m), Salvage = null }).Should().BeEmpty();
    }

    [Fact]
    public void EachRule_FailsWithItsMessage()
    {
        Errors(Valid() with { Cost = Money.Usd(0m), Salvage = null }).Should().ContainSingle().Which.Should().Match("Cost: Cost must be greater than zero; it was *");
        Errors(Valid() with { Salvage = Money.Eur(10m) }).Should().ContainSingle().Which.Should().Be("Salvage: Salvage must be in the cost's currency (USD); it was in EUR.");
        Errors(Valid() with { Salvage = Money.Usd(-0.01m) }).Should().ContainSingle().Which.Should().Match("Salvage: Salvage must be from zero to the cost (*); it was *");
        Errors(Valid() with { Salvage = Money.Usd(1000.01m) }).Should().ContainSingle().Which.Should().Match("Salvage: Salvage must be from zero to the cost*");
        Errors(Valid() with { UsefulLifeMonths = 0 }).Should().ContainSingle().Which.Should().Be("UsefulLifeMonths: Useful life must be at least 1 month; it was 0.");
        Errors(Valid() with { Method = (DepreciationMethod)3 }).Should().ContainSingle().Which.Should().Be("Method: Method must be StraightLine, DecliningBalance or SumOfYearsDigits; it was 3.");
        Errors(Valid() with { DecliningBalanceFactor = 0 }).Should().ContainSingle().Which.Should().Be("DecliningBalanceFactor: Declining-balance factor must be a finite number greater than zero; it was 0.");
        Errors(Valid() with { DecliningBalanceFactor = double.PositiveInfinity }).Should().ContainSingle().Which.Should().StartWith("DecliningBalanceFactor: ");
        Errors(Valid() with { DecliningBalanceFactor = double.NaN }).Should().ContainSingle().Which.Should().StartWith("DecliningBalanceFactor: ");
        Errors(Valid() with { OutlivedLife = (OutlivedLifeTreatment)2 }).Should().ContainSingle().Which.Should().Be("OutlivedLife: Outlived-life treatment must be Reject or ExpenseRemainder; it was 2.");
        Errors(Valid() with { LifeChanges = null! }).Should().ContainSingle().Which.Should().Be("LifeChanges: Life changes must not be null; use an empty list.");
        Errors(Valid() with { LifeChanges = new[] { new UsefulLifeChange(Start, 0) } }).Should().ContainSingle().Which.Should().Be("LifeChanges[0]: Each life change must give a useful life of at least 1 month.");
        Errors(Valid() with { LifeChanges = new UsefulLifeChange[] { null! } }).Should().ContainSingle().Which.Should().Be("LifeChanges[0]: Each life change must give a useful life of at least 1 month.");
        // Equal dates are not strictly increasing; decreasing neither.
        Errors(Valid() with { LifeChanges = new[] { new UsefulLifeChange(Start.PlusDays(5), 12), new UsefulLifeChange(Start.PlusDays(5), 24) } })
            .Should().ContainSingle().Which.Should().Be("LifeChanges: Life changes must be in strictly increasing order of effective date.");
        Errors(Valid() with { LifeChanges = new[] { new UsefulLifeChange(Start.PlusDays(6), 12), new UsefulLifeChange(Start.PlusDays(5), 24) } })
            .Should().ContainSingle().Which.Should().Be("LifeChanges: Life changes must be in strictly increasing order of effective date.");
        // A null entry is reported once (by the per-entry rule), not by the order rule.
        Errors(Valid() with { LifeChanges = new[] { new UsefulLifeChange(Start.PlusDays(6), 12), null!, new UsefulLifeChange(Start.PlusDays(5), 24) } })
            .Should().ContainSingle().Which.Should().StartWith("LifeChanges[1]: ");
        Errors(Valid() with { LifeChanges = new[] { null!, new UsefulLifeChange(Start.PlusDays(5), 24) } })
            .Should().ContainSingle().Which.Should().StartWith("LifeChanges[0]: ");
    }

    [Theory]
    [InlineData(1.0, 12)]
    [InlineData(0.25, 3)]
    [InlineData(100.0, 1200)]
    [InlineData(2.5, 30)]
    [InlineData(1.0 / 12, 1)]
    public void LifeMonths_WholeMonths(double years, int months)
    {
        UsefulLifeChange.LifeMonths(years, "life").Should().Be(months);
        UsefulLifeChange.InYears(Start, years).Should().Be(new UsefulLifeChange(Start, months));
    }

    [Theory]
    [InlineData(0.0, "*greater than 0 and at most 100 years; it was 0.")]
    [InlineData(-1.0, "*greater than 0 and at most 100 years; it was -1.")]
    [InlineData(100.01, "*at most 100 years; it was 100.01.")]
    [InlineData(double.NaN, "*greater than 0*NaN.")]
    [InlineData(1.125, "*whole number of months; 1.125 years is 13.5 months.")]
    public void LifeMonths_Refused(double years, string message)
    {
        var act = () => UsefulLifeChange.LifeMonths(years, "usefulLifeYears");
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("usefulLifeYears").WithMessage(message + "*");
        var viaInYears = () => UsefulLifeChange.InYears(Start, years);
        viaInYears.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("usefulLifeYears");
    }
}
