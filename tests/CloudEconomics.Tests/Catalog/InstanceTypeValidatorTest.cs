using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Validation;
using FluentValidation.TestHelper;

namespace CloudEconomics.Tests.Catalog;

public class InstanceTypeValidatorTest
{
    private readonly InstanceTypeValidator validator = new();

    [Fact]
    public void Valid_Passes() => validator.TestValidate(CatalogTestData.Instance()).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void AcceleratorCount_IsRequired()
        => validator.TestValidate(CatalogTestData.Instance() with { AcceleratorCount = Figure.Unknown<int>() })
            .ShouldHaveValidationErrorFor("AcceleratorCount.Value").WithErrorCode("Required");

    [Fact]
    public void AcceleratorCount_Zero_IsNotPositive()
        => validator.TestValidate(CatalogTestData.Instance(count: 0)).ShouldHaveValidationErrorFor("AcceleratorCount.Value").WithErrorCode("NotPositive");

    [Fact]
    public void PerAcceleratorBilling_NeedsCountOne()
        => validator.TestValidate(CatalogTestData.Instance() with { Billing = BillingUnit.PerAccelerator })
            .ShouldHaveValidationErrorFor("AcceleratorCount").WithErrorCode("PerAcceleratorCount");

    [Fact]
    public void MissingReferences()
    {
        var result = validator.TestValidate(CatalogTestData.Instance() with { Provider = "", AcceleratorId = "", Name = "" });
        result.ShouldHaveValidationErrorFor(i => i.Provider).WithErrorCode("MissingProvider");
        result.ShouldHaveValidationErrorFor(i => i.AcceleratorId).WithErrorCode("MissingAccelerator");
        result.ShouldHaveValidationErrorFor(i => i.Name).WithErrorCode("MissingName");
    }

    [Fact]
    public void Vcpus_WithoutSource_IsMissingSource()
        => validator.TestValidate(CatalogTestData.Instance() with { Vcpus = new Figure<int>(192, Provenance.None) })
            .ShouldHaveValidationErrorFor("Vcpus.Provenance.Source").WithErrorCode("MissingSource");
}
