using CloudEconomics.Power;
using FluentValidation.TestHelper;
using NodaTime;

namespace CloudEconomics.Tests.Power;

using Power = UnitsNet.Power;

public class PowerPurchaseAgreementValidatorTest
{
    private static readonly PowerPurchaseAgreementValidator Validator = new();

    private static PowerPurchaseAgreement Valid() => PowerTestData.Baseload("Talen Energy", 1920, 60, new LocalDate(2025, 6, 11), new LocalDate(2042, 12, 31));

    private static void ShouldFail(PowerPurchaseAgreement ppa, string property, string messagePart)
    {
        var result = Validator.TestValidate(ppa);
        result.Errors.Should().Contain(e => e.PropertyName == property && e.ErrorMessage.Contains(messagePart),
            $"expected an error on {property} containing \"{messagePart}\"; got: {string.Join(" | ", result.Errors.Select(e => e.PropertyName + ": " + e.ErrorMessage))}");
    }

    [Fact]
    public void Valid_Passes() => Validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void EndBeforeStart_Fails()
        => ShouldFail(Valid() with { End = new LocalDate(2025, 6, 10) }, "End", "End date must not be earlier than the start date; End was 2025-06-10, Start 2025-06-11");

    [Fact]
    public void SameDayTerm_Passes()
        => Validator.TestValidate(Valid() with { End = new LocalDate(2025, 6, 11) }).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void NegativePrice_Fails()
        => ShouldFail(Valid() with { Price = PricePerEnergy.UsdPerMegawattHour(-1) }, "Price", "Price must not be negative");

    [Fact]
    public void NegativeCfdStrike_Fails()
    {
        var cfd = Valid() with { Settlement = SettlementKind.VirtualContractForDifference, MarketPrices = MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(-20)), Price = PricePerEnergy.UsdPerMegawattHour(-3) };
        ShouldFail(cfd, "Price", "the CfD strike included");
    }

    [Fact]
    public void CfdWithNegativeMarketPrices_Passes()
    {
        // The market may clear below zero; the settlement (strike - market) is then a cost larger than the strike. Allowed.
        var cfd = Valid() with { Settlement = SettlementKind.VirtualContractForDifference, MarketPrices = MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(-20)) };
        Validator.TestValidate(cfd).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(-1.0001)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void EscalatorBelowMinus100PercentOrNotFinite_Fails(double escalator)
        => ShouldFail(Valid() with { AnnualEscalator = escalator }, "AnnualEscalator", "at least -1 (-100% a year)");

    [Fact]
    public void EscalatorOfMinus100Percent_Passes()
        => Validator.TestValidate(Valid() with { AnnualEscalator = -1 }).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void CapacityFactorOutsideUnitInterval_Fails(double cf)
        => ShouldFail(Valid() with { Shape = DeliveryShape.AsGenerated, CapacityFactor = cf }, "CapacityFactor", "between 0 and 1 inclusive");

    [Fact]
    public void MonthlyCapacityFactorOutsideUnitInterval_Fails()
    {
        var m = Enumerable.Repeat(0.2, 12).ToArray();
        m[3] = 1.5;
        ShouldFail(Valid() with { Shape = DeliveryShape.AsGenerated, MonthlyCapacityFactors = m }, "MonthlyCapacityFactors[3]", "one was 1.5");
    }

    [Fact]
    public void MonthlyCapacityFactorsNotTwelve_Fails()
        => ShouldFail(Valid() with { Shape = DeliveryShape.AsGenerated, MonthlyCapacityFactors = [0.2, 0.3] }, "MonthlyCapacityFactors", "twelve values");

    [Fact]
    public void BaseloadWithCapacityFactor_Fails()
        => ShouldFail(Valid() with { CapacityFactor = 0.9 }, "CapacityFactor", "must be 1 for a baseload contract");

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void TakeOrPayOutsideUnitInterval_Fails(double top)
        => ShouldFail(Valid() with { TakeOrPayMinimum = top }, "TakeOrPayMinimum", "between 0 and 1 inclusive");

    [Fact]
    public void ZeroCapacity_Fails()
        => ShouldFail(Valid() with { ContractedCapacity = Power.Zero }, "ContractedCapacity", "greater than zero");

    [Fact]
    public void EmptyCounterparty_Fails()
        => ShouldFail(Valid() with { Counterparty = "" }, "Counterparty", "must name the seller");

    [Fact]
    public void CfdWithoutMarketPrices_Fails()
        => ShouldFail(Valid() with { Settlement = SettlementKind.VirtualContractForDifference }, "MarketPrices", "must be given for a virtual contract for difference");

    [Fact]
    public void PhysicalWithMarketPrices_Fails()
        => ShouldFail(Valid() with { MarketPrices = MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(50)) }, "MarketPrices", "must be empty for a physical contract");

    [Fact]
    public void CfdPathNotCoveringTerm_Fails()
    {
        var path = MarketPricePath.Monthly(new YearMonth(2025, 6), [PricePerEnergy.UsdPerMegawattHour(50)]);
        ShouldFail(Valid() with { Settlement = SettlementKind.VirtualContractForDifference, MarketPrices = path }, "MarketPrices", "must cover every month of the term 2025-06..2042-12");
    }

    [Fact]
    public void CfdPathInOtherCurrency_Fails()
    {
        var path = MarketPricePath.Constant(new PricePerEnergy(Money.Eur(50)));
        ShouldFail(Valid() with { Settlement = SettlementKind.VirtualContractForDifference, MarketPrices = path }, "MarketPrices", "strike's currency USD");
    }
}
