using CloudEconomics.Catalog;
using CloudEconomics.Catalog.Validation;
using FluentValidation.TestHelper;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public class ProvenanceTest
{
    [Theory]
    [InlineData("2024-12")]
    [InlineData("doc (undated)")]
    [InlineData("2025-12-02 (retrieved)")]
    [InlineData("2025-02-30")]
    public void Json_AsOfThatIsNotAnIsoDate_IsRejected_NamingTheRule(string asOf)
    {
        // The as-of is a date; words about it (a month-only source, an undated page) belong in the note.
        var json = "{\"value\":1,\"source\":\"s\",\"asOf\":\"" + asOf + "\",\"confidence\":\"vendor\"}";
        var act = () => System.Text.Json.JsonSerializer.Deserialize<Figure<int>>(json);
        act.Should().Throw<System.Text.Json.JsonException>().WithMessage($"\"asOf\" must be an ISO date (uuuu-MM-dd)*it was \"{asOf}\"*note*");
    }

    [Fact]
    public void Json_AsOf_IsReadAsALocalDate()
        => System.Text.Json.JsonSerializer.Deserialize<Figure<int>>("""{"value":8,"source":"s","asOf":"2024-12-01","confidence":"secondary","note":"the source gives the month only"}""")!
            .Provenance.AsOf.Should().Be(new LocalDate(2024, 12, 1));

    [Fact]
    public void Of_BlankSource_Throws()
    {
        var act = () => Provenance.Of(" ", new LocalDate(2026, 1, 1), Confidence.Vendor);
        act.Should().Throw<ArgumentException>().WithParameterName("source").WithMessage("A provenance needs a source*");
    }

    [Fact]
    public void ToString_IsInvariant_WithTheIsoDate()
        => Provenance.Of("s", new LocalDate(2025, 4, 28), Confidence.Vendor).ToString().Should().Be("s (as of 2025-04-28, Vendor)");

    [Fact]
    public void Derived_WithoutInputs_Throws()
    {
        var act = () => Provenance.Derived("x / y", new LocalDate(2026, 1, 1), Confidence.Vendor, []);
        act.Should().Throw<ArgumentException>().WithParameterName("inputs").WithMessage("A derived figure must name at least one input*");
    }

    [Fact]
    public void Derived_NamesItsInputs()
    {
        var p = Provenance.Derived("a / b", new LocalDate(2026, 1, 1), Confidence.Secondary, ["a: 1 [src a]", "b: 2 [src b]"]);
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
        validator.TestValidate(new Figure<int>(16, new Provenance { AsOf = new LocalDate(2026, 1, 1), Confidence = Confidence.Vendor }))
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
