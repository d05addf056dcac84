using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Validation;
using FluentValidation.TestHelper;

namespace CloudEconomics.Tests.Catalog;

public class ProviderValidatorTest
{
    private readonly ProviderValidator validator = new();

    [Fact]
    public void Valid_Passes() => validator.TestValidate(CatalogTestData.Provider()).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void DuplicateRegion_IsRejected()
        => validator.TestValidate(CatalogTestData.Provider() with { Regions = [new Region { Id = "r1" }, new Region { Id = "r1" }] })
            .ShouldHaveValidationErrorFor(p => p.Regions).WithErrorCode("DuplicateId");

    [Fact]
    public void IdAndName_AreRequired()
    {
        var result = validator.TestValidate(CatalogTestData.Provider() with { Id = "", Name = "" });
        result.ShouldHaveValidationErrorFor(p => p.Id).WithErrorCode("MissingId");
        result.ShouldHaveValidationErrorFor(p => p.Name).WithErrorCode("MissingName");
    }

    [Fact]
    public void PositioningCell_WithoutSource_IsMissingSource()
    {
        var cell = new TextFigure("x", CatalogTestData.Source);
        var provider = CatalogTestData.Provider() with
        {
            Positioning = new CompetitivePositioning
            {
                Label = "Acme", ArchitectureKind = AcceleratorKind.Asic, PrimaryFocus = cell, ChipArchitecture = cell, PricingModel = cell,
                BenchmarkLead = new TextFigure("fastest", Provenance.None),
            },
        };
        validator.TestValidate(provider).Errors.Should().ContainSingle(e => e.ErrorCode == "MissingSource" && e.PropertyName.StartsWith("Positioning.BenchmarkLead", StringComparison.Ordinal));
    }
}
