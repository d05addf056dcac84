using CloudEconomics.Finance;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using FluentValidation.TestHelper;
using NodaTime;

namespace CloudEconomics.Tests.Ownership;

public class OwnedClusterValidatorTest
{
    private static readonly OwnedClusterValidator Validator = new();

    private static void ShouldFail(OwnedCluster c, string property, string messagePart)
    {
        var result = Validator.TestValidate(c);
        result.Errors.Should().Contain(e => e.PropertyName == property && e.ErrorMessage.Contains(messagePart),
            $"expected an error on {property} containing \"{messagePart}\"; got: {string.Join(" | ", result.Errors.Select(e => e.PropertyName + ": " + e.ErrorMessage))}");
    }

    private static OwnedCluster Valid() => OwnershipTestData.Cluster();

    [Fact]
    public void Valid_Passes() => Validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void FacilityPueBelowOne_Fails() => ShouldFail(Valid() with { Facility = Valid().Facility with { Pue = 0.8 } }, "Facility.Pue", "at least 1");

    [Fact]
    public void UtilizationAboveOne_Fails() => ShouldFail(Valid() with { Facility = Valid().Facility with { Utilization = 1.2 } }, "Facility.Utilization", "between 0 and 1");

    [Fact]
    public void NegativeServerPrice_Fails() => ShouldFail(Valid() with { ServerPrice = Money.Usd(-1) }, "ServerPrice", "must not be negative");

    [Fact]
    public void NetworkingBothWays_Fails() => ShouldFail(Valid() with { NetworkingCapex = Money.Usd(1) }, "Networking", "exactly once");

    [Fact]
    public void NetworkingNeither_Fails() => ShouldFail(Valid() with { NetworkingShareOfServerCapex = null }, "Networking", "exactly once");

    [Fact]
    public void NegativeNetworkingShare_Fails() => ShouldFail(Valid() with { NetworkingShareOfServerCapex = -0.1 }, "NetworkingShareOfServerCapex", "not below zero");

    [Fact]
    public void ZeroAcceleratorsPerServer_Fails() => ShouldFail(Valid() with { AcceleratorsPerServer = 0 }, "AcceleratorsPerServer", "greater than zero");

    [Fact]
    public void ZeroUsefulLife_Fails() => ShouldFail(Valid() with { UsefulLifeYears = 0 }, "UsefulLifeYears", "greater than zero");

    [Fact]
    public void SalvageAboveOne_Fails() => ShouldFail(Valid() with { SalvageFraction = 1.5 }, "SalvageFraction", "between 0 and 1");

    [Fact]
    public void LifeChangeBeforeCommissioning_Fails()
        => ShouldFail(Valid() with { UsefulLifeChange = new UsefulLifeChange(new LocalDate(2024, 12, 31), 72) }, "UsefulLifeChange.EffectiveDate", "after the commissioning date 2025-01-01");

    [Fact]
    public void LifeChangeShorterThanElapsed_Fails()
        // 36 months elapsed by 2028-01-01; a new life of 2 years (24 months) cannot be.
        => ShouldFail(Valid() with { UsefulLifeChange = new UsefulLifeChange(new LocalDate(2028, 1, 1), 24) }, "UsefulLifeChange.UsefulLifeMonths", "longer than the 36 months already elapsed");

    [Fact]
    public void LifeChangeAfterOriginalLife_Fails()
        => ShouldFail(Valid() with { UsefulLifeChange = new UsefulLifeChange(new LocalDate(2031, 1, 1), 96) }, "UsefulLifeChange.EffectiveDate", "within the original useful life of 5 years");

    [Fact]
    public void CostOfCapitalAtMinusOne_Fails()
        => ShouldFail(Valid() with { Financing = new ClusterFinancing { CostOfCapital = -1 } }, "Financing.CostOfCapital", "greater than -1");

    [Fact]
    public void LoanFractionZero_Fails()
        => ShouldFail(Valid() with { Financing = new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = 0, AnnualRate = 0.06, TermYears = 5 } } }, "Financing.Loan.FractionOfCapex", "greater than 0 and at most 1");

    [Fact]
    public void LoanNegativeRate_Fails()
        => ShouldFail(Valid() with { Financing = new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = 0.5, AnnualRate = -0.01, TermYears = 5 } } }, "Financing.Loan.AnnualRate", "not below zero");

    [Fact]
    public void NegativeMaintenance_Fails() => ShouldFail(Valid() with { MaintenanceRate = -0.01 }, "MaintenanceRate", "not below zero");

    [Fact]
    public void StaffInOtherCurrency_Fails() => ShouldFail(Valid() with { StaffCostPerYear = Money.Eur(1) }, "StaffCostPerYear", "must be in USD");

    [Fact]
    public void NegativeEnergyPrice_Fails() => ShouldFail(Valid() with { EnergyPrice = PricePerEnergy.UsdPerMegawattHour(-1) }, "EnergyPrice", "must not be negative");

    [Fact]
    public void EnergyTwice_Fails()
        => ShouldFail(Valid() with { PowerSupply = new PowerPortfolio([], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80))) }, "Energy", "exactly once");

    [Fact]
    public void ZeroHorizon_Fails() => ShouldFail(Valid() with { HorizonYears = 0 }, "HorizonYears", "greater than zero");
}
