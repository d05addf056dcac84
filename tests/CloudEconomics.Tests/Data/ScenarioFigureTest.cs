using CloudEconomics.Capital;
using FluentValidation.TestHelper;
using NodaTime;
using CloudEconomics.Data;

namespace CloudEconomics.Tests.Data;

public class ScenarioFigureTest
{
    private static Figure<ReportedNumber> Known(decimal amount, FigureUnit unit, Provenance provenance) => new(new ReportedNumber(amount, unit), provenance);

    private static readonly Provenance Filing = Provenance.Of("s", new LocalDate(2026, 3, 31), Confidence.Vendor);

    [Fact]
    public void ToMoney_ScalesBillionsAndMillions()
    {
        ReportedNumber.Billions(37.6m, "s", new LocalDate(2026, 3, 31), Confidence.Vendor).Value!.Value.ToMoney(Currency.Usd).Should().Be(Money.Usd(37_600_000_000m));
        new ReportedNumber(14_925, FigureUnit.Millions).ToMoney(Currency.Usd).Should().Be(Money.Usd(14_925_000_000m));
    }

    [Fact]
    public void ToMoney_OnAPercent_Throws()
    {
        var act = () => new ReportedNumber(28, FigureUnit.Percent).ToMoney(Currency.Usd);
        act.Should().Throw<InvalidOperationException>().WithMessage("A figure in unit 'Percent' is not an amount of money.");
    }

    [Fact]
    public void Provenance_ToString_IsInvariant()
    {
        var f = ReportedNumber.Billions(43.2m, "call recap", new LocalDate(2026, 3, 31), Confidence.Secondary, FigureBasis.Reported, "CONFLICT: 44.2 elsewhere");
        Helpers.TestHelper.InCulture("tr-TR", () => f.Provenance.ToString()).Should().Be("call recap (as of 2026-03-31, Secondary)");
    }

    [Fact]
    public void Validator_KnownFigureNeedsSourceAsOfAndConfidence()
    {
        var v = new ScenarioFigureValidator(ScenarioFigureValidator.MoneyUnits);
        var noSource = v.TestValidate(Known(1, FigureUnit.Billions, Provenance.None));
        noSource.ShouldHaveValidationErrorFor("Source").WithErrorMessage("A known figure must name its source.");
        noSource.ShouldHaveValidationErrorFor("AsOf").WithErrorMessage("A known figure must have an as-of date.");
        noSource.ShouldHaveValidationErrorFor("Confidence").WithErrorMessage("A known figure must state its confidence (vendor, curatedDataset, secondary or estimate).");
        v.TestValidate(new Figure<ReportedNumber>(null, Provenance.None)).ShouldHaveValidationErrorFor("Note");
        v.TestValidate(Known(1, FigureUnit.Ratio, Filing))
            .ShouldHaveValidationErrorFor("Unit").WithErrorMessage("The unit must be one of billions, millions, currencyUnits; it was ratio.");
        v.TestValidate(Known(-1, FigureUnit.Billions, Filing)).ShouldHaveValidationErrorFor("Value").WithErrorMessage("The value must not be negative; it was -1.");
        v.TestValidate(ReportedNumber.Billions(1, "s", new LocalDate(2026, 1, 1), Confidence.Vendor)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Json_ReadsValueUnitBasisAndTheProvenanceBeside()
    {
        const string json = """{"value": 25.0, "unit": "billions", "basis": "lowerBound", "source": "s", "asOf": "2024-03-31", "confidence": "secondary", "note": "n"}""";
        var f = System.Text.Json.JsonSerializer.Deserialize<Figure<ReportedNumber>>(json, ScenarioFile.ReadOptions)!;
        f.Value.Should().Be(new ReportedNumber(25.0m, FigureUnit.Billions, FigureBasis.LowerBound));
        f.Provenance.Should().Be(Provenance.Of("s", new LocalDate(2024, 3, 31), Confidence.Secondary, "n"));
    }

    [Fact]
    public void ScenarioSeries_SkipsUnknownQuarters()
    {
        // Gross purchases are known for Q1-2024 to Q2-2025 only (reference: "gross quarterly figure not found" after that).
        var series = ScenarioFile.Default.Series(q => q.PurchasesOfPropertyAndEquipment);
        series.Quarters.Select(q => q.ToString()).Should().Equal("Q1-2024", "Q2-2024", "Q3-2024", "Q4-2024", "Q1-2025", "Q2-2025");
        // FY2024 = 14,925 + 17,620 + 22,620 + 27,834 = 82,999, the 10-K FY2024 purchases (Q4-2024 is itself derived in the
        // reference as FY minus 9M, so this checks the transcription of the four quarters).
        series.TrailingTwelveMonths(FiscalQuarter.Parse("Q4-2024")).Total.Should().Be(Money.Usd(82_999_000_000m));
    }

    [Fact]
    public void LoadException_NeedsAProblem()
    {
        var act = () => new DataLoadException([]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "problems");
    }
}
