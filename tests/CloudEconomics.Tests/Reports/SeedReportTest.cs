using CloudEconomics.Capital;
using NodaTime;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Tests.Reports;

public class SeedReportTest
{
    private static readonly Lazy<SeedReport> Report = new(() => SeedReport.Compute(ScenarioFile.Default));

    [Fact]
    public void Capital_ReproducesTheReportedFreeCashFlow()
    {
        // Reference data (Amazon releases): OCF TTM 148.5; net capex Q2-25..Q1-26 = 31.368 + 34.2 + 38.5 + 43.2 = 147.268;
        // FCF = 148.5 - 147.268 = 1.232 USD bn, against 1.2 reported.
        Report.Value.Capital.Cash.FreeCashFlowTtm.Value.Should().Be(1.232m);
    }

    [Fact]
    public void PricesAreTakenAtTheScenarioAssumptionsDate()
        => Report.Value.PriceAsOf.Should().Be(new LocalDate(2026, 7, 20)); // seeds/scenarios/aws-2026-q1.json assumptions.catalog.priceAsOf

    [Fact]
    public void TokenCost_ComparesLikeForLikeOnDemandOffers()
    {
        var section = Report.Value.TokenCost;
        section.NotComputed.Should().BeNull();
        section.CustomSilicon!.Option.Should().Be("on-demand");
        section.Gpu!.Option.Should().Be("on-demand");
        section.CustomSilicon.Accelerators.Should().MatchRegex("Trainium|Inferentia");
        section.Gpu.Accelerators.Should().MatchRegex("H100|H200");
        // The ratio is the two blended costs divided, not a separate figure.
        section.Ratio!.Value.Should().BeApproximately(section.CustomSilicon.Blended.PerMillionTokens.Amount / section.Gpu.Blended.PerMillionTokens.Amount, 1e-9m);
        section.ArticleClaimRatio.Should().Be(0.6m); // "approximately 40%" cheaper
        section.Assumptions.Should().Contain(a => a.Contains("workload"));
    }

    [Fact]
    public void Reserve_Trn1CapacityBlock_BreakevenIsPriceRatio()
    {
        // trn1.32xlarge: on demand 21.50 USD/h (AWS Pricing API); capacity block 9.532 USD/h (secondary, 2026):
        // breakeven utilisation = 9.532 / 21.50 = 0.44335.
        var trn1 = Report.Value.Reserve.Single(c => c.Instance == "trn1.32xlarge" && c.CommitmentKind == "CapacityBlock");
        trn1.BreakevenUtilization.Should().BeApproximately(9.532 / 21.5, 1e-9);
        trn1.Verdict.Should().Contain("44.3%");
    }

    [Fact]
    public void Reserve_Trn2WithoutOnDemandPrice_SaysSoInsteadOfInventingOne()
    {
        var trn2 = Report.Value.Reserve.First();
        trn2.Instance.Should().Be("trn2.48xlarge"); // the scenario's commitment instance comes first
        trn2.OnDemand.Should().BeNull();
        trn2.BreakevenUtilization.Should().BeNull();
        trn2.Verdict.Should().Contain("no on-demand price");
    }

    [Fact]
    public void Reserve_ExpectedUtilizationDecides()
    {
        var scenario = ScenarioFile.Default with
        {
            Assumptions = ScenarioFile.Default.Assumptions! with
            {
                Catalog = ScenarioFile.Default.Assumptions!.Catalog! with
                {
                    ExpectedUtilization = new Figure<ReportedNumber>(new ReportedNumber(0.8m, FigureUnit.Ratio, FigureBasis.Assumption), Provenance.Of("test assumption", new LocalDate(2026, 1, 1), Confidence.Estimate)),
                },
            },
        };
        var report = SeedReport.Compute(scenario);
        report.Reserve.Single(c => c.Instance == "trn1.32xlarge").Verdict.Should().StartWith("Reserve: the expected 80.0%");
    }
}
