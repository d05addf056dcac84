using CloudEconomics.Capital;
using FluentValidation.TestHelper;
using NodaTime;
using CloudEconomics.Data;

namespace CloudEconomics.Tests.Data;

public class SourcedFigureTest
{
    [Fact]
    public void ToMoney_ScalesBillionsAndMillions()
    {
        SourcedFigure.Billions(37.6m, "s", new LocalDate(2026, 3, 31)).ToMoney(Currency.Usd).Should().Be(Money.Usd(37_600_000_000m));
        new SourcedFigure { Value = 14_925, Unit = FigureUnit.Millions, Source = "s", AsOf = new LocalDate(2024, 3, 31) }.ToMoney(Currency.Usd)
            .Should().Be(Money.Usd(14_925_000_000m));
        SourcedFigure.Unknown(FigureUnit.Billions, "not found").ToMoney(Currency.Usd).Should().BeNull();
    }

    [Fact]
    public void ToMoney_OnAPercent_Throws()
    {
        var act = () => new SourcedFigure { Value = 28, Unit = FigureUnit.Percent }.ToMoney(Currency.Usd);
        act.Should().Throw<InvalidOperationException>().WithMessage("A figure in unit 'Percent' is not an amount of money.");
    }

    [Fact]
    public void Provenance_ToString_IsInvariant()
    {
        var p = SourcedFigure.Billions(43.2m, "call recap", new LocalDate(2026, 3, 31), FigureBasis.Reported, "CONFLICT: 44.2 elsewhere").ToProvenance("$.quarters[8].netCapitalExpenditures");
        Helpers.TestHelper.InCulture("tr-TR", () => p.ToString()).Should().Be("call recap (as of 2026-03-31; reported: CONFLICT: 44.2 elsewhere)");
        p.Path.Should().Be("$.quarters[8].netCapitalExpenditures");
    }

    [Fact]
    public void Validator_KnownFigureNeedsSourceAndAsOf()
    {
        var v = new SourcedFigureValidator(SourcedFigureValidator.MoneyUnits);
        v.TestValidate(new SourcedFigure { Value = 1, Unit = FigureUnit.Billions })
            .ShouldHaveValidationErrorFor(f => f.Source).WithErrorMessage("A known figure must name its source.");
        v.TestValidate(new SourcedFigure { Value = 1, Unit = FigureUnit.Billions, Source = "s" })
            .ShouldHaveValidationErrorFor(f => f.AsOf).WithErrorMessage("A known figure must have an as-of date.");
        v.TestValidate(new SourcedFigure { Value = null, Unit = FigureUnit.Billions })
            .ShouldHaveValidationErrorFor(f => f.Note);
        v.TestValidate(new SourcedFigure { Value = null, Unit = FigureUnit.Ratio, Basis = FigureBasis.Assumption, Note = null })
            .ShouldHaveValidationErrorFor(f => f.Unit).WithErrorMessage("The unit must be one of billions, millions, currencyUnits; it was ratio.");
        v.TestValidate(SourcedFigure.Billions(1, "s", new LocalDate(2026, 1, 1))).ShouldNotHaveAnyValidationErrors();
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
