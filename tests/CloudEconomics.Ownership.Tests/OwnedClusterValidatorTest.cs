using CloudEconomics.Finance;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using FluentValidation.TestHelper;
using NodaTime;

namespace CloudEconomics.Tests.Ownership;

public class OwnedClusterValidatorTest
{
    // A new validator per test: its rules are built in the constructor, so a validator shared by the whole test run
    // would keep the rules of the first run and a mutation tester (tools/mutation.sh ownership) could not see a
    // mutated rule.
    private static OwnedClusterValidator Validator => new();

    private static void ShouldPass(OwnedCluster c)
    {
        var result = Validator.TestValidate(c);
        result.Errors.Should().BeEmpty($"got: {string.Join(" | ", result.Errors.Select(e => e.PropertyName + ": " + e.ErrorMessage))}");
    }

    private static void ShouldFailExactly(OwnedCluster c, string property, string message)
    {
        var result = Validator.TestValidate(c);
        result.Errors.Should().ContainSingle($"got: {string.Join(" | ", result.Errors.Select(e => e.PropertyName + ": " + e.ErrorMessage))}");
        result.Errors[0].PropertyName.Should().Be(property);
        result.Errors[0].ErrorMessage.Should().Be(message);
    }

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

    // Every rule alone: exactly one error, with its property name and its full message.

    [Fact]
    public void NullFacility_Fails() => ShouldFailExactly(Valid() with { Facility = null! }, "Facility", "Facility must be given.");

    [Fact]
    public void ZeroAcceleratorsPerServer_FailsAlone()
        => ShouldFailExactly(Valid() with { AcceleratorsPerServer = 0 }, "AcceleratorsPerServer", "AcceleratorsPerServer must be greater than zero; it was 0.");

    [Fact]
    public void ZeroServerPrice_Passes() => ShouldPass(Valid() with { ServerPrice = Money.Usd(0) });

    [Fact]
    public void NegativeFacilityCapex_Fails()
        => ShouldFail(Valid() with { FacilityCapexPerMegawatt = Money.Usd(-1) }, "FacilityCapexPerMegawatt", "FacilityCapexPerMegawatt must not be negative");

    [Fact]
    public void FacilityCapexInOtherCurrency_Fails()
        => ShouldFailExactly(Valid() with { FacilityCapexPerMegawatt = Money.Eur(1) }, "FacilityCapexPerMegawatt",
            "FacilityCapexPerMegawatt must be in the server price's currency USD; it is in EUR.");

    [Fact]
    public void NetworkingBothWays_FailsAlone()
        => ShouldFailExactly(Valid() with { NetworkingCapex = Money.Usd(1) }, "Networking", "Networking must be given exactly once: either NetworkingShareOfServerCapex or NetworkingCapex.");

    [Fact]
    public void NetworkingAsAmountOnly_Passes() => ShouldPass(Valid() with { NetworkingShareOfServerCapex = null, NetworkingCapex = Money.Usd(0) });

    [Fact]
    public void NegativeNetworkingCapex_Fails()
        => ShouldFail(Valid() with { NetworkingShareOfServerCapex = null, NetworkingCapex = Money.Usd(-1) }, "NetworkingCapex", "NetworkingCapex must not be negative and must be in USD");

    [Fact]
    public void NetworkingCapexInOtherCurrency_Fails()
        => ShouldFail(Valid() with { NetworkingShareOfServerCapex = null, NetworkingCapex = Money.Eur(1) }, "NetworkingCapex", "must be in USD");

    [Fact]
    public void NaNNetworkingShare_Fails()
        => ShouldFailExactly(Valid() with { NetworkingShareOfServerCapex = double.NaN }, "NetworkingShareOfServerCapex", "NetworkingShareOfServerCapex must be a finite fraction not below zero; it was NaN.");

    [Fact]
    public void ZeroUsefulLife_FailsWithItsMessage()
        => ShouldFailExactly(Valid() with { UsefulLifeYears = 0 }, "UsefulLifeYears", "UsefulLifeYears must be greater than zero; it was 0.");

    [Fact]
    public void ZeroFacilityUsefulLife_Fails()
        => ShouldFailExactly(Valid() with { FacilityUsefulLifeYears = 0 }, "FacilityUsefulLifeYears", "FacilityUsefulLifeYears must be greater than zero; it was 0.");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void SalvageAtItsBounds_Passes(double salvage) => ShouldPass(Valid() with { SalvageFraction = salvage });

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    public void SalvageOutside_Fails(double salvage, string shown)
        => ShouldFailExactly(Valid() with { SalvageFraction = salvage }, "SalvageFraction", $"SalvageFraction must be between 0 and 1 inclusive; it was {shown}.");

    [Fact]
    public void LifeChangeOnTheCommissioningDate_Fails()
        // "after" the commissioning date 2025-01-01: the same day is refused.
        => ShouldFailExactly(Valid() with { UsefulLifeChange = new UsefulLifeChange(new LocalDate(2025, 1, 1), 72) }, "UsefulLifeChange.EffectiveDate",
            "UsefulLifeChange.EffectiveDate must be after the commissioning date 2025-01-01; it was 2025-01-01.");

    [Theory]
    // 2025-01-01 to 2028-01-01 is 36 whole months: a new life of 36 months is not longer than that, 37 is.
    [InlineData(36, false)]
    [InlineData(37, true)]
    public void LifeChangeNewLife_MustExceedTheElapsedMonths(int months, bool valid)
    {
        var c = Valid() with { UsefulLifeChange = new UsefulLifeChange(new LocalDate(2028, 1, 1), months) };
        if (valid)
        {
            ShouldPass(c);
        }
        else
        {
            ShouldFailExactly(c, "UsefulLifeChange.UsefulLifeMonths", "UsefulLifeChange.UsefulLifeMonths must be longer than the 36 months already elapsed at the change; it was 36 months.");
        }
    }

    [Theory]
    // The original life is 5 years = 60 months from 2025-01-01: 2029-12-01 is 59 months in (within), 2030-01-01 is 60 (not).
    [InlineData(2029, 12, true)]
    [InlineData(2030, 1, false)]
    public void LifeChange_MustFallWithinTheOriginalLife(int year, int month, bool valid)
    {
        var c = Valid() with { UsefulLifeChange = new UsefulLifeChange(new LocalDate(year, month, 1), 96) };
        if (valid)
        {
            ShouldPass(c);
        }
        else
        {
            ShouldFailExactly(c, "UsefulLifeChange.EffectiveDate", "UsefulLifeChange.EffectiveDate must fall within the original useful life of 5 years; it was 2030-01-01.");
        }
    }

    [Fact]
    public void NullFinancing_Fails() => ShouldFailExactly(Valid() with { Financing = null! }, "Financing", "Financing must be given.");

    [Fact]
    public void CostOfCapitalAtMinusOne_FailsWithItsMessage()
        => ShouldFailExactly(Valid() with { Financing = new ClusterFinancing { CostOfCapital = -1 } }, "Financing.CostOfCapital",
            "Financing.CostOfCapital must be a finite annual rate greater than -1; it was -1.");

    [Fact]
    public void LoanAtItsBounds_Passes()
        // Fraction 1 (all of the capex) and rate 0 are both allowed.
        => ShouldPass(Valid() with { Financing = new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = 1, AnnualRate = 0, TermYears = 1 } } });

    [Fact]
    public void LoanFractionAboveOne_Fails()
        => ShouldFailExactly(Valid() with { Financing = new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = 1.5, AnnualRate = 0.06, TermYears = 5 } } },
            "Financing.Loan.FractionOfCapex", "Financing.Loan.FractionOfCapex must be greater than 0 and at most 1; it was 1.5.");

    [Fact]
    public void LoanNegativeRate_FailsWithItsMessage()
        => ShouldFailExactly(Valid() with { Financing = new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = 0.5, AnnualRate = -0.01, TermYears = 5 } } },
            "Financing.Loan.AnnualRate", "Financing.Loan.AnnualRate must be a finite rate not below zero; it was -0.01.");

    [Fact]
    public void LoanZeroTerm_Fails()
        => ShouldFailExactly(Valid() with { Financing = new ClusterFinancing { CostOfCapital = 0.08, Loan = new LoanTerms { FractionOfCapex = 0.5, AnnualRate = 0.06, TermYears = 0 } } },
            "Financing.Loan.TermYears", "Financing.Loan.TermYears must be greater than zero; it was 0.");

    [Fact]
    public void NaNMaintenance_Fails()
        => ShouldFailExactly(Valid() with { MaintenanceRate = double.NaN }, "MaintenanceRate", "MaintenanceRate must be a finite annual fraction of capex not below zero; it was NaN.");

    [Fact]
    public void NegativeStaff_Fails() => ShouldFail(Valid() with { StaffCostPerYear = Money.Usd(-1) }, "StaffCostPerYear", "StaffCostPerYear must not be negative and must be in USD");

    [Fact]
    public void NegativeSpace_Fails() => ShouldFail(Valid() with { SpaceCostPerYear = Money.Usd(-1) }, "SpaceCostPerYear", "SpaceCostPerYear must not be negative and must be in USD");

    [Fact]
    public void SpaceInOtherCurrency_Fails() => ShouldFail(Valid() with { SpaceCostPerYear = Money.Eur(1) }, "SpaceCostPerYear", "must be in USD");

    [Fact]
    public void NoStaffOrSpace_Passes() => ShouldPass(Valid() with { StaffCostPerYear = null, SpaceCostPerYear = null });

    [Fact]
    public void EnergyNeither_Fails()
        => ShouldFailExactly(Valid() with { EnergyPrice = null }, "Energy", "Energy must be given exactly once: either EnergyPrice or PowerSupply.");

    [Fact]
    public void ZeroEnergyPrice_Passes() => ShouldPass(Valid() with { EnergyPrice = PricePerEnergy.UsdPerMegawattHour(0) });

    [Fact]
    public void EnergyPriceInOtherCurrency_Fails()
        => ShouldFailExactly(Valid() with { EnergyPrice = new PricePerEnergy(Money.Eur(80)) }, "EnergyPrice", "EnergyPrice must be in the server price's currency USD; it is in EUR.");

    [Fact]
    public void PowerSupplyInOtherCurrency_Fails()
        => ShouldFailExactly(Valid() with { EnergyPrice = null, PowerSupply = new PowerPortfolio([], MarketPricePath.Constant(new PricePerEnergy(Money.Eur(80)))) },
            "PowerSupply", "PowerSupply must be in the server price's currency USD; it is in EUR.");

    [Fact]
    public void PowerSupplyInstead_Passes()
        => ShouldPass(Valid() with { EnergyPrice = null, PowerSupply = new PowerPortfolio([], MarketPricePath.Constant(PricePerEnergy.UsdPerMegawattHour(80))) });

    [Fact]
    public void ZeroHorizon_FailsWithItsMessage() => ShouldFailExactly(Valid() with { HorizonYears = 0 }, "HorizonYears", "HorizonYears must be greater than zero; it was 0.");
}
