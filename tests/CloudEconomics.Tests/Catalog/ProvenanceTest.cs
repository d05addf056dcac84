using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Validation;
using FluentValidation.TestHelper;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public class ProvenanceTest
{
    [Theory]
    [InlineData("2025-04-28", 2025, 4, 28)]
    [InlineData("2024-12", 2024, 12, 1)]
    [InlineData("2026 (undated; reports AWS Q1-2026 results)", 2026, 1, 1)]
    [InlineData("2025-11-13", 2025, 11, 13)]
    public void AsOfDate_ReadsTheLeadingDate(string asOf, int year, int month, int day)
        => (Provenance.Of("s", asOf, Confidence.Vendor).AsOfDate).Should().Be(new LocalDate(year, month, day));

    [Theory]
    [InlineData("doc (undated)")]
    [InlineData("catalog commit 017e2502")]
    [InlineData("retrieved 2026")]
    [InlineData("2025-13")]
    [InlineData("2025/2026 (undated blog)")]
    public void AsOfDate_IsNull_WhenTheSourceIsUndated(string asOf)
        => Provenance.Of("s", asOf, Confidence.Vendor).AsOfDate.Should().BeNull(asOf == "2025/2026 (undated blog)" ? "a range is not one date" : "there is no leading date");

    [Fact]
    public void Of_BlankSource_Throws()
    {
        var act = () => Provenance.Of(" ", "2026-01-01", Confidence.Vendor);
        act.Should().Throw<ArgumentException>().WithParameterName("source").WithMessage("A provenance needs a source*");
    }

    [Fact]
    public void Of_BlankAsOf_Throws()
    {
        var act = () => Provenance.Of("s", "", Confidence.Vendor);
        act.Should().Throw<ArgumentException>().WithParameterName("asOf").WithMessage("A provenance needs an as-of date*");
    }

    [Fact]
    public void Derived_WithoutInputs_Throws()
    {
        var act = () => Provenance.Derived("x / y", "2026-01-01", Confidence.Vendor, []);
        act.Should().Throw<ArgumentException>().WithParameterName("inputs").WithMessage("A derived figure must name at least one input*");
    }

    [Fact]
    public void Derived_NamesItsInputs()
    {
        var p = Provenance.Derived("a / b", "2026-01-01", Confidence.Secondary, ["a: 1 [src a]", "b: 2 [src b]"]);
        p.Source.Should().Be("DERIVED: a / b");
        p.DerivedFrom.Should().Equal("a: 1 [src a]", "b: 2 [src b]");
        p.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Validator_MissingSource_AsOf_Confidence()
    {
        var result = new ProvenanceValidator().TestValidate(new Provenance { Note = "n" });
        result.ShouldHaveValidationErrorFor(p => p.Source).WithErrorCode("MissingSource");
        result.ShouldHaveValidationErrorFor(p => p.AsOf).WithErrorCode("MissingAsOf");
        result.ShouldHaveValidationErrorFor(p => p.Confidence).WithErrorCode("MissingConfidence");
    }

    [Fact]
    public void Validator_CompleteProvenance_Passes()
        => new ProvenanceValidator().TestValidate(CatalogTestData.Source).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void FigureValidator_KnownValueWithoutSource_Fails_UnknownWithoutSource_Passes()
    {
        var validator = FigureValidator<int>.Positive(v => v);
        validator.TestValidate(new Figure<int>(16, new Provenance { AsOf = "2026", Confidence = Confidence.Vendor }))
            .ShouldHaveValidationErrorFor("Provenance.Source").WithErrorCode("MissingSource");
        validator.TestValidate(Figure.Unknown<int>("not found in any source read")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void FigureValidator_NonPositive_Fails()
        => FigureValidator<int>.Positive(v => v).TestValidate(Figure.Known(0, CatalogTestData.Source))
            .ShouldHaveValidationErrorFor("Value").WithErrorCode("NotPositive");

    [Fact]
    public void FigureValidator_Required_UnknownFails()
        => FigureValidator<int>.Positive(v => v, required: true).TestValidate(Figure.Unknown<int>())
            .ShouldHaveValidationErrorFor(f => f.Value).WithErrorCode("Required");

    [Fact]
    public void TextFigureValidator_KnownTextWithoutSource_Fails()
        => new TextFigureValidator().TestValidate(new TextFigure("TSMC 4N", Provenance.None))
            .ShouldHaveValidationErrorFor("Provenance.Source").WithErrorCode("MissingSource");
}
