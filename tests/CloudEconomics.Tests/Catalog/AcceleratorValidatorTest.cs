using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Validation;
using FluentValidation.TestHelper;
using UnitsNet;

namespace CloudEconomics.Tests.Catalog;

public class AcceleratorValidatorTest
{
    private readonly AcceleratorValidator validator = new();

    [Fact]
    public void Valid_Passes() => validator.TestValidate(CatalogTestData.Accelerator()).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("", "MissingId")]
    [InlineData("has space", "InvalidId")]
    public void Id_Rules(string id, string code)
        => validator.TestValidate(CatalogTestData.Accelerator() with { Id = id }).ShouldHaveValidationErrorFor(a => a.Id).WithErrorCode(code);

    [Fact]
    public void Names_AreRequired()
    {
        var result = validator.TestValidate(CatalogTestData.Accelerator() with { Name = "", Vendor = "", Family = "", Generation = "" });
        result.ShouldHaveValidationErrorFor(a => a.Name).WithErrorCode("MissingName");
        result.ShouldHaveValidationErrorFor(a => a.Vendor).WithErrorCode("MissingVendor");
        result.ShouldHaveValidationErrorFor(a => a.Family).WithErrorCode("MissingFamily");
        result.ShouldHaveValidationErrorFor(a => a.Generation).WithErrorCode("MissingGeneration");
    }

    [Fact]
    public void Kind_MustBeDefined()
        => validator.TestValidate(CatalogTestData.Accelerator() with { Kind = (AcceleratorKind)9 }).ShouldHaveValidationErrorFor(a => a.Kind).WithErrorCode("InvalidKind");

    [Fact]
    public void ZeroMemory_IsNotPositive()
        => validator.TestValidate(CatalogTestData.Accelerator() with { MemoryCapacityFigure = Figure.Known(Information.FromGigabytes(0), CatalogTestData.Source) })
            .ShouldHaveValidationErrorFor("MemoryCapacityFigure.Value").WithErrorCode("NotPositive");

    [Fact]
    public void ZeroPower_IsNotPositive()
        => validator.TestValidate(CatalogTestData.Accelerator() with { ThermalDesignPowerFigure = Figure.Known(UnitsNet.Power.FromWatts(0), CatalogTestData.Source) })
            .ShouldHaveValidationErrorFor("ThermalDesignPowerFigure.Value").WithErrorCode("NotPositive");

    [Fact]
    public void LaunchYear_OutOfRange()
        => validator.TestValidate(CatalogTestData.Accelerator() with { LaunchYear = Figure.Known(24, CatalogTestData.Source) })
            .ShouldHaveValidationErrorFor("LaunchYear.Value").WithErrorCode("YearOutOfRange");

    [Fact]
    public void DenseFigure_WithoutSource_IsMissingSource()
    {
        var accelerator = CatalogTestData.Accelerator() with
        {
            PeakDenseCompute = new Dictionary<NumericPrecision, Figure<ComputeRate>> { [NumericPrecision.Fp8] = new(ComputeRate.FromTeraflops(1000), Provenance.None) },
        };
        validator.TestValidate(accelerator).Errors.Should().Contain(e => e.ErrorCode == "MissingSource" && e.PropertyName.StartsWith("PeakDenseCompute", StringComparison.Ordinal));
    }

    [Fact]
    public void SparseBelowDense_IsRejected()
    {
        // Dense BF16 500 TFLOPS with a "sparse" BF16 of 250: the figures were swapped.
        var accelerator = CatalogTestData.Accelerator() with
        {
            PeakSparseCompute = new Dictionary<NumericPrecision, Figure<ComputeRate>> { [NumericPrecision.Bf16] = Figure.Known(ComputeRate.FromTeraflops(250), CatalogTestData.Source) },
        };
        validator.TestValidate(accelerator).ShouldHaveValidationErrorFor("PeakSparseCompute").WithErrorCode("SparseBelowDense");
    }

    [Fact]
    public void UnknownFigures_AreValid()
        => validator.TestValidate(CatalogTestData.Accelerator() with { MemoryCapacityFigure = Figure.Unknown<Information>("not found") }).ShouldNotHaveAnyValidationErrors();
}
