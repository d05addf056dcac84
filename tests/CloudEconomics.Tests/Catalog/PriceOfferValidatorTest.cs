using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Validation;
using FluentValidation.TestHelper;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public class PriceOfferValidatorTest
{
    private readonly PriceOfferValidator validator = new();

    [Fact]
    public void Valid_Passes() => validator.TestValidate(CatalogTestData.Offer()).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void ZeroPrice_IsNotPositive()
        => validator.TestValidate(CatalogTestData.Offer(price: 0m)).ShouldHaveValidationErrorFor("HourlyPrice.Value").WithErrorCode("NotPositive");

    [Fact]
    public void NegativePrice_CannotEvenBeConstructed()
    {
        var act = () => PricePerHour.Usd(-1m);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("perHour");
    }

    [Fact]
    public void MissingPrice_IsRequired()
        => validator.TestValidate(CatalogTestData.Offer() with { HourlyPrice = Figure.Unknown<PricePerHour>() })
            .ShouldHaveValidationErrorFor("HourlyPrice.Value").WithErrorCode("Required");

    [Fact]
    public void PriceWithoutSource_IsMissingSource()
        => validator.TestValidate(CatalogTestData.Offer() with { HourlyPrice = new Figure<PricePerHour>(PricePerHour.Usd(1m), Provenance.None) })
            .ShouldHaveValidationErrorFor("HourlyPrice.Provenance.Source").WithErrorCode("MissingSource");

    [Fact]
    public void ValidToBeforeValidFrom_IsRejected()
        => validator.TestValidate(CatalogTestData.Offer(from: new LocalDate(2025, 6, 23), to: new LocalDate(2025, 6, 22)))
            .ShouldHaveValidationErrorFor(o => o.ValidTo).WithErrorCode("ValidToBeforeValidFrom");

    [Fact]
    public void SingleDayValidity_IsAllowed()
        => validator.TestValidate(CatalogTestData.Offer(from: new LocalDate(2025, 6, 23), to: new LocalDate(2025, 6, 23))).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void BothOrNoTarget_IsRejected()
    {
        validator.TestValidate(CatalogTestData.Offer() with { AcceleratorId = "acme-x1" }).ShouldHaveValidationErrorFor("InstanceId").WithErrorCode("TargetRequired");
        validator.TestValidate(CatalogTestData.Offer() with { InstanceId = null }).ShouldHaveValidationErrorFor("InstanceId").WithErrorCode("TargetRequired");
    }

    [Fact]
    public void Region_IsRequired()
        => validator.TestValidate(CatalogTestData.Offer() with { Region = "" }).ShouldHaveValidationErrorFor(o => o.Region).WithErrorCode("MissingRegion");

    [Fact]
    public void Upfront_OnlyOnCommitments()
        => validator.TestValidate(CatalogTestData.Offer() with { Upfront = Figure.Known(Money.Usd(100m), CatalogTestData.Source) })
            .ShouldHaveValidationErrorFor("Upfront").WithErrorCode("UnexpectedUpfront");

    [Fact]
    public void Upfront_InAnotherCurrency_IsRejected()
        => validator.TestValidate(CatalogTestData.Offer(option: PurchaseOption.Reserved(1, PaymentOption.PartialUpfront)) with { Upfront = Figure.Known(Money.Eur(100m), CatalogTestData.Source) })
            .ShouldHaveValidationErrorFor("Upfront").WithErrorCode("CurrencyMismatch");

    [Fact]
    public void NegativeUpfront_IsRejected()
        => validator.TestValidate(CatalogTestData.Offer(option: PurchaseOption.Reserved(1, PaymentOption.PartialUpfront)) with { Upfront = Figure.Known(Money.Usd(-1m), CatalogTestData.Source) })
            .ShouldHaveValidationErrorFor("Upfront.Value").WithErrorCode("Negative");

    [Fact]
    public void InvalidOption_IsReportedThroughTheOffer()
        => validator.TestValidate(CatalogTestData.Offer(option: new PurchaseOption { Kind = PurchaseOptionKind.Reserved }))
            .ShouldHaveValidationErrorFor("Option.TermMonths").WithErrorCode("InvalidTerm");
}
