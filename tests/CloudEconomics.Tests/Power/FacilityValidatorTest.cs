using CloudEconomics.Power;
using FluentValidation.TestHelper;

namespace CloudEconomics.Tests.Power;

using Power = UnitsNet.Power;

public class FacilityValidatorTest
{
    private static readonly FacilityValidator Validator = new();

    private static void ShouldFail(Facility f, string property, string messagePart)
    {
        var result = Validator.TestValidate(f);
        result.Errors.Should().Contain(e => e.PropertyName == property && e.ErrorMessage.Contains(messagePart),
            $"expected an error on {property} containing \"{messagePart}\"; got: {string.Join(" | ", result.Errors.Select(e => e.PropertyName + ": " + e.ErrorMessage))}");
    }

    [Fact]
    public void Valid_Passes() => Validator.TestValidate(PowerTestData.H100Facility()).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0.99)]
    [InlineData(0)]
    [InlineData(double.NaN)]
    public void PueBelowOne_Fails(double pue)
        => ShouldFail(PowerTestData.H100Facility(pue: pue), "Pue", "Pue must be at least 1");

    [Fact]
    public void PueOfOne_Passes() => Validator.TestValidate(PowerTestData.H100Facility(pue: 1)).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void MonthlyPueBelowOne_Fails()
    {
        var m = Enumerable.Repeat(1.2, 12).ToArray();
        m[0] = 0.9;
        ShouldFail(PowerTestData.H100Facility() with { MonthlyPue = m }, "MonthlyPue[0]", "one was 0.9");
    }

    [Fact]
    public void MonthlyPueNotTwelve_Fails()
        => ShouldFail(PowerTestData.H100Facility() with { MonthlyPue = [1.1] }, "MonthlyPue", "twelve values");

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void UtilizationOutsideUnitInterval_Fails(double u)
        => ShouldFail(PowerTestData.H100Facility(utilization: u), "Utilization", "Utilization must be between 0 and 1 inclusive");

    [Fact]
    public void ZeroItCapacity_Fails()
        => ShouldFail(PowerTestData.H100Facility() with { ItCapacity = Power.Zero }, "ItCapacity", "greater than zero");

    [Fact]
    public void FleetAboveItCapacity_Fails()
        // 1,000 x 700 W = 0.7 MW at full load > 0.5 MW.
        => ShouldFail(PowerTestData.H100Facility() with { ItCapacity = Power.FromKilowatts(500) }, "Accelerators", "draw 0.7 MW of IT power, more than the ItCapacity of 0.5 MW");

    [Fact]
    public void IdleAboveMax_Fails()
    {
        var f = PowerTestData.H100Facility();
        ShouldFail(f with { Accelerators = f.Accelerators with { IdlePower = Power.FromWatts(800) } }, "Accelerators.IdlePower", "between 0 and MaxPower (700 W); it was 800 W");
    }

    [Fact]
    public void ZeroCount_Fails()
    {
        var f = PowerTestData.H100Facility();
        ShouldFail(f with { Accelerators = f.Accelerators with { Count = 0 } }, "Accelerators.Count", "greater than zero accelerators");
    }

    [Fact]
    public void OverheadBelowOne_Fails()
    {
        var f = PowerTestData.H100Facility();
        ShouldFail(f with { Accelerators = f.Accelerators with { ServerOverheadFactor = 0.9 } }, "Accelerators.ServerOverheadFactor", "at least 1");
    }

    [Fact]
    public void ZeroMaxPower_Fails()
    {
        var f = PowerTestData.H100Facility();
        ShouldFail(f with { Accelerators = f.Accelerators with { MaxPower = Power.Zero, IdlePower = Power.Zero } }, "Accelerators.MaxPower", "greater than zero");
    }
}
