using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Validation;
using FluentValidation.TestHelper;

namespace CloudEconomics.Tests.Catalog;

public class PurchaseOptionTest
{
    private readonly PurchaseOptionValidator validator = new();

    [Fact]
    public void Factories_AreValid_AndReadable()
    {
        foreach (var option in new[] { PurchaseOption.OnDemand, PurchaseOption.Spot, PurchaseOption.CapacityBlock, PurchaseOption.Reserved(1, PaymentOption.PartialUpfront),
                     PurchaseOption.Reserved(3, PaymentOption.AllUpfront), PurchaseOption.SavingsPlan(1), PurchaseOption.CommittedUse(3),
                     PurchaseOption.SustainedUse("75-100% of the month"), PurchaseOption.BundledCredits("OpenAI credits") })
        {
            validator.TestValidate(option).ShouldNotHaveAnyValidationErrors();
        }
        PurchaseOption.Reserved(3, PaymentOption.PartialUpfront).ToString().Should().Be("reserved 3y partial upfront");
        PurchaseOption.SavingsPlan(1).ToString().Should().Be("savings plan 1y");
        PurchaseOption.OnDemand.ToString().Should().Be("on-demand");
    }

    [Fact]
    public void Options_CompareByValue()
    {
        PurchaseOption.Reserved(1, PaymentOption.NoUpfront).Should().Be(PurchaseOption.Reserved(1, PaymentOption.NoUpfront));
        PurchaseOption.Reserved(1, PaymentOption.NoUpfront).Should().NotBe(PurchaseOption.Reserved(3, PaymentOption.NoUpfront));
        PurchaseOption.CommittedUse(1).TermYears.Should().Be(1);
        PurchaseOption.CapacityBlock.IsCommitment.Should().BeTrue();
        PurchaseOption.Spot.IsCommitment.Should().BeFalse();
    }

    [Fact]
    public void Reserved_TwoYears_Throws()
    {
        var act = () => PurchaseOption.Reserved(2, PaymentOption.NoUpfront);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("years").WithMessage("A term must be 1 or 3 years; it was 2.*");
    }

    [Fact]
    public void SustainedUse_BlankTier_Throws()
    {
        var act = () => PurchaseOption.SustainedUse(" ");
        act.Should().Throw<ArgumentException>().WithParameterName("tier").WithMessage("A sustained-use tier must be named*");
    }

    [Fact]
    public void BundledCredits_BlankProgram_Throws()
    {
        var act = () => PurchaseOption.BundledCredits("");
        act.Should().Throw<ArgumentException>().WithParameterName("program").WithMessage("A credit programme must be named*");
    }

    [Theory]
    [InlineData(PurchaseOptionKind.Reserved, null)]
    [InlineData(PurchaseOptionKind.SavingsPlan, 24)]
    [InlineData(PurchaseOptionKind.CommittedUse, 0)]
    public void Commitments_NeedA1Or3YearTerm(PurchaseOptionKind kind, int? months)
        => validator.TestValidate(new PurchaseOption { Kind = kind, TermMonths = months }).ShouldHaveValidationErrorFor(o => o.TermMonths).WithErrorCode("InvalidTerm");

    [Theory]
    [InlineData(PurchaseOptionKind.OnDemand)]
    [InlineData(PurchaseOptionKind.Spot)]
    public void PayAsYouGo_HasNoTerm(PurchaseOptionKind kind)
        => validator.TestValidate(new PurchaseOption { Kind = kind, TermMonths = 12 }).ShouldHaveValidationErrorFor(o => o.TermMonths).WithErrorCode("UnexpectedTerm");

    [Fact]
    public void Payment_OnlyOnReservationsAndSavingsPlans()
        => validator.TestValidate(new PurchaseOption { Kind = PurchaseOptionKind.CommittedUse, TermMonths = 12, Payment = PaymentOption.AllUpfront })
            .ShouldHaveValidationErrorFor(o => o.Payment).WithErrorCode("UnexpectedPayment");

    [Fact]
    public void SustainedUse_NeedsTier_Credits_NeedProgram()
    {
        validator.TestValidate(new PurchaseOption { Kind = PurchaseOptionKind.SustainedUse }).ShouldHaveValidationErrorFor(o => o.Tier).WithErrorCode("MissingTier");
        validator.TestValidate(new PurchaseOption { Kind = PurchaseOptionKind.BundledCredits }).ShouldHaveValidationErrorFor(o => o.Program).WithErrorCode("MissingProgram");
    }

    [Fact]
    public void Kind_MustBeDefined()
        => validator.TestValidate(new PurchaseOption { Kind = (PurchaseOptionKind)42 }).ShouldHaveValidationErrorFor(o => o.Kind).WithErrorCode("InvalidOption");
}
