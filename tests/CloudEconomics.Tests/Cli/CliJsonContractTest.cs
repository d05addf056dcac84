using System.Text.Json;
using CloudEconomics.Cli;
using CloudEconomics.Catalog;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Cli;

/// <summary>
/// The JSON contract of every <c>--format json</c> output (README, "JSON output of the command line"): the field names
/// documented there, in order, and, where the record can be read back, the output parsed into the command's named result
/// record and written again gives the same text (so the record is the whole contract: no field the record does not name).
/// <c>--format json</c> goes first, before the command: it then also works after <c>--</c> (npv, irr) and for
/// <c>catalog import</c>, whose own <c>--format</c> names the price file's format.
/// </summary>
public class CliJsonContractTest
{
    private static readonly JsonSerializerOptions Options = CloudEconomicsJson.CreateOptions();

    private static JsonDocument Run(params string[] args)
    {
        var result = CliRunner.Run(["--format", "json", .. args]);
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Out);
    }

    /// <summary>Parses the output into the record and writes it again: the same JSON (names, order, values).</summary>
    private static (T Record, JsonDocument Json) ParsesInto<T>(params string[] args)
    {
        var result = CliRunner.Run(["--format", "json", .. args]);
        result.ExitCode.Should().Be(0, result.Error);
        var record = JsonSerializer.Deserialize<T>(result.Out, Options)!;
        JsonSerializer.Serialize(record, Options).Should().Be(result.Out.TrimEnd(), $"the output of {string.Join(' ', args)} is the {typeof(T).Name} record");
        return (record, JsonDocument.Parse(result.Out));
    }

    private static IEnumerable<string> Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Npv_IsNpvResult()
    {
        var (r, json) = ParsesInto<NpvResult>("npv", "--rate", "0.08", "--", "-1000", "300", "400", "500");
        using var _ = json;
        Names(json.RootElement).Should().Equal("function", "rate", "values", "npv");
        // -1000/1.08 + 300/1.08^2 + 400/1.08^3 + 500/1.08^4 = -925.9259 + 257.2016 + 317.5329 + 367.5149 = 16.3235 (by hand)
        r.Function.Should().Be("NPV");
        r.Npv.Should().BeApproximately(16.32354297, 1e-6);
    }

    [Fact]
    public void Irr_IsIrrResult()
    {
        var (r, json) = ParsesInto<IrrResult>("irr", "--", "-1000", "300", "400", "500");
        using var _ = json;
        Names(json.RootElement).Should().Equal("function", "values", "irr");
        // The rate r with -1000 + 300/(1+r) + 400/(1+r)^2 + 500/(1+r)^3 = 0, by bisection: 0.0889634
        r.Irr.Should().BeApproximately(0.0889634, 1e-6);
    }

    [Fact]
    public void Payback_FieldNames()
    {
        // PaybackResult has no public constructor, so this output is checked by name, not read back.
        using var json = Run("payback", "--flow", "2025-01-01=-1000", "--flow", "2025-12-31=600", "--flow", "2026-12-31=600", "--rate", "0.1");
        var root = json.RootElement;
        Names(root).Should().Equal("currency", "flows", "total", "payback", "discountedPayback", "annualRate", "irr", "npv");
        Names(root.GetProperty("flows")[0]).Should().Equal("date", "amount");
        Names(root.GetProperty("total")).Should().Equal("amount", "currency");
        root.GetProperty("payback").GetProperty("isReached").GetBoolean().Should().BeTrue();
        // Cumulative -1000, -400 on 2025-12-31 (day 364), +200 on 2026-12-31: 400 of the 600 recovered 365 x 400/600 = 243.33
        // days into 2026, day 607.33 = 1.66393 years of 365 days; reached during 2026-08-31, so the first whole day is 2026-09-01.
        root.GetProperty("payback").GetProperty("years").GetDouble().Should().BeApproximately(607.3333333 / 365, 1e-9);
        root.GetProperty("payback").GetProperty("date").GetString().Should().Be("2026-09-01");
    }

    [Fact]
    public void CatalogList_IsCatalogListResult()
    {
        var (r, json) = ParsesInto<CatalogListResult>("catalog", "list", "--provider", "aws", "--as-of", "2026-07-20");
        using var _ = json;
        r.Date.Should().Be(new NodaTime.LocalDate(2026, 7, 20));
        var p5 = json.RootElement.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("instance").GetString() == "p5.48xlarge");
        Names(json.RootElement).Should().Equal("date", "instances");
        Names(p5).Should().Equal("instance", "provider", "accelerator", "count", "offers");
        Names(p5.GetProperty("offers")[0]).Should().Equal("option", "region", "pricePerHour", "confidence", "source", "asOf");
        Names(p5.GetProperty("offers")[0].GetProperty("pricePerHour")).Should().Equal("amount", "currency", "per");
    }

    [Fact]
    public void CatalogRank_IsCatalogRankResult()
    {
        var (r, json) = ParsesInto<CatalogRankResult>("catalog", "rank", "--metric", "accelerator-hour", "--as-of", "2026-07-20");
        using var _ = json;
        r.Metric.Should().Be("accelerator-hour");
        r.Ranked.Select(x => x.Rank).Should().BeInAscendingOrder();
        Names(json.RootElement).Should().Equal("date", "metric", "unit", "ranked", "unranked");
        Names(json.RootElement.GetProperty("ranked")[0]).Should().Equal("rank", "instance", "accelerator", "region", "option", "pricePerHour", "value", "confidence", "source", "asOf");
    }

    [Fact]
    public void CatalogAudit_IsTheLibrarysCatalogAudit()
    {
        using var json = Run("catalog", "audit", "--as-of", "2026-07-20", "--stale-after", "180");
        var root = json.RootElement;
        Names(root).Should().Equal("date", "staleAfterDays", "summary", "findings");
        Names(root.GetProperty("summary")).Should().Equal("figures", "flagged", "stale", "secondary", "estimated", "undated");
        Names(root.GetProperty("findings")[0]).Should().Equal("kind", "record", "figure", "value", "confidence", "asOf", "ageDays", "flags", "source");
        root.GetProperty("date").GetString().Should().Be("2026-07-20");
        root.GetProperty("staleAfterDays").GetInt32().Should().Be(180);
        root.GetProperty("findings")[0].GetProperty("kind").GetString().Should().Be("price");
        var audit = JsonSerializer.Deserialize<CatalogAudit>(root.GetRawText(), Options)!;
        audit.Findings.Count.Should().Be(audit.Summary.Flagged);
    }

    [Fact]
    public void CatalogImport_IsCatalogImportCommandResult()
    {
        var output = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.json");
        try
        {
            var data = Path.Combine(AppContext.BaseDirectory, "Catalog", "Import", "Data", "skypilot-nebius-v8.csv");
            var (r, json) = ParsesInto<CatalogImportCommandResult>("catalog", "import", "--format", "skypilot", "--provider", "nebius-excerpt", "--as-of", "2026-12-05",
                "--source", "github:skypilot-org/skypilot-catalog/catalogs/v8/nebius/vms.csv@0082b04", data, "--out", output);
            // The excerpt's 6 rows: H100 x8, H200 x8 and L40S x1 instances (CliCatalogImportTest counts them by hand).
            r.Instances.Should().Be(3);
            r.RowsRead.Should().Be(6);
            using var _ = json;
            Names(json.RootElement).Should().Equal("provider", "format", "out", "instances", "offers", "regions", "rowsRead", "unmapped");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void TokenCost_IsTokenCostResult()
    {
        var (r, json) = ParsesInto<TokenCostResult>("token-cost", "--model", "llama-3.1-70b", "--instance", "p5.48xlarge", "--as-of", "2026-07-20");
        using var _ = json;
        r.Model.Should().Be("llama-3.1-70b");
        r.Workload.PromptTokens.Should().Be(2000);   // the seed report's workload (README, "Inference")
        Names(json.RootElement).Should().Equal("model", "modelName", "date", "workload", "ranked", "excluded", "skipped");
        Names(json.RootElement.GetProperty("workload")).Should().Equal("promptTokens", "outputTokens", "batchSize", "utilization");
        var row = json.RootElement.GetProperty("ranked")[0];
        Names(row).Should().Equal("rank", "offer", "instance", "provider", "option", "region", "pricePerHour", "accelerators", "accelerator", "tensorParallel", "batch",
            "prefillBound", "decodeBound", "tokensPerSecond", "calibration", "blended", "input", "output", "provenance");
        Names(row.GetProperty("calibration")).Should().Equal("family", "modelClass", "basis", "backedByMeasurements", "mfu", "mbu", "estimateOverMeasuredP10", "estimateOverMeasuredP90");
        Names(row.GetProperty("blended")).Should().Equal("amount", "currency", "per");
    }

    [Fact]
    public void TokenCostSimple_IsSimpleTokenCostResult()
    {
        var (r, json) = ParsesInto<SimpleTokenCostResult>("token-cost", "--price", "98.32", "--tokens-per-second", "10000");
        using var _ = json;
        // 98.32 / (10,000 x 3,600 x 1) x 1,000,000 = 2.731111... USD per million tokens
        r.PricePerMillionTokens.PerMillionTokens.Amount.Should().BeApproximately(2.7311111m, 1e-6m);
        Names(json.RootElement).Should().Equal("pricePerHour", "tokensPerSecond", "utilization", "pricePerMillionTokens");
    }

    [Fact]
    public void Tco_FieldNames()
    {
        // The renting-out payback is a PaybackResult (no public constructor): checked by name, not read back.
        using var json = Run("tco");
        var root = json.RootElement;
        Names(root).Should().Equal("cluster", "inputs", "capex", "acceleratorHours", "utilizedAcceleratorHours", "components", "total", "perAcceleratorHour",
            "perUtilizedAcceleratorHour", "breakevenRentalPrice", "rent", "rentingOut");
        Names(root.GetProperty("cluster")).Should().Equal("name", "accelerators", "servers", "commissioning", "horizonMonths", "utilization");
        Names(root.GetProperty("inputs")[0]).Should().Equal("name", "value", "unit", "source");
        Names(root.GetProperty("capex")).Should().Equal("servers", "networking", "facility", "total");
        Names(root.GetProperty("components")[0]).Should().Equal("kind", "total", "perAcceleratorHour", "perUtilizedAcceleratorHour");
        Names(root.GetProperty("rent")).Should().Equal("offer", "instance", "instancePrice", "priceSource", "pricePerAcceleratorHour", "ownedToRentalRatio",
            "savingPerUtilizedAcceleratorHour", "savingOverHorizon", "owningIsCheaper");
        Names(root.GetProperty("rentingOut")).Should().Equal("pricePerAcceleratorHour", "utilization", "payback", "irr", "npv");
        // 1,024 accelerators at 8 per server = 128 servers (the defaults, OwnedCluster.DefaultAcceleratorCount / DefaultAcceleratorsPerServer).
        root.GetProperty("cluster").GetProperty("servers").GetInt32().Should().Be(128);
    }

    [Fact]
    public void Sensitivity_IsSensitivityResult()
    {
        var (r, json) = ParsesInto<SensitivityResult>("sensitivity", "--model", "token-ratio");
        using var _ = json;
        r.Bars.Select(b => b.Swing).Should().BeInDescendingOrder();
        Names(json.RootElement).Should().Equal("model", "description", "outputUnit", "baseOutput", "bars", "assumptions");
        Names(json.RootElement.GetProperty("bars")[0]).Should().Equal("input", "unit", "baseValue", "low", "high", "outputAtLow", "outputAtHigh", "swing");
    }

    [Fact]
    public void Breakeven_IsBreakevenCommandResult_FoundOrNot()
    {
        var (found, json) = ParsesInto<BreakevenCommandResult>("breakeven", "--model", "cluster-payback", "--input", "utilisation", "--target", "36");
        using var _ = json;
        found.Found.Should().BeTrue();
        found.Value.Should().NotBeNull();
        found.Message.Should().BeNull();
        // A payback of 1 month cannot be reached by any utilisation: "not found" is explicit, never a number.
        var (notFound, notFoundJson) = ParsesInto<BreakevenCommandResult>("breakeven", "--model", "cluster-payback", "--input", "utilisation", "--target", "1");
        notFoundJson.Dispose();
        notFound.Found.Should().BeFalse();
        notFound.Value.Should().BeNull();
        notFound.OutputAtValue.Should().BeNull();
        notFound.Message.Should().StartWith("No breakeven in range");
        Names(json.RootElement).Should().Equal("model", "outputUnit", "input", "unit", "baseValue", "baseOutput", "target", "searchLow", "searchHigh", "found", "value",
            "outputAtValue", "minimumOutput", "maximumOutput", "evaluations", "message");
    }

    [Fact]
    public void Simulate_IsSimulateResult()
    {
        var (r, json) = ParsesInto<SimulateResult>("simulate", "--model", "cluster-payback", "--within", "60", "--draws", "2000", "--bins", "10");
        using var _ = json;
        r.Draws.Should().Be(2000);
        r.Histogram.Counts.Sum().Should().Be(2000);
        r.Conditions.Should().ContainSingle();
        Names(json.RootElement).Should().Equal("model", "description", "outputUnit", "draws", "seed", "mean", "standardDeviation", "standardError", "minimum",
            "p5", "p10", "p50", "p90", "p95", "maximum", "notReached", "conditions", "histogram", "assumptions");
        Names(json.RootElement.GetProperty("notReached")).Should().Equal("value", "meaning", "probability");
        r.NotReached!.Value.Should().Be(120);
        r.NotReached.Meaning.Should().Be("not paid back within 120 months");
        Names(json.RootElement.GetProperty("conditions")[0]).Should().Equal("condition", "count", "probability", "standardError");
        Names(json.RootElement.GetProperty("histogram")).Should().Equal("minimum", "maximum", "binWidth", "counts");
    }

    [Fact]
    public void Calibrate_IsCalibrateResult()
    {
        var (r, json) = ParsesInto<CalibrateResult>("calibrate", "--validate");
        using var _ = json;
        r.Validation.Should().NotBeNull();
        r.Validation!.Method.Should().Be("leave-one-publisher-out");
        var root = json.RootElement;
        Names(root).Should().Equal("rows", "publishers", "sources", "fittedParameters", "global", "families", "classFits", "skipped", "measurements", "validation");
        Names(root.GetProperty("global")).Should().Equal("family", "modelClass", "name", "accelerators", "fitted", "rows", "factors", "errorBefore", "errorAfter");
        Names(root.GetProperty("global").GetProperty("factors")).Should().Equal("mfu", "mbu", "interconnectEfficiency", "allReduceLatencySeconds", "stepOverheadSeconds", "usableMemoryFraction");
        Names(root.GetProperty("measurements")[0]).Should().Equal("id", "publisher", "accelerator", "family", "modelClass", "measured", "estimateBefore", "estimateAfter", "ratioBefore", "ratioAfter");
        Names(root.GetProperty("validation")).Should().Equal("method", "families", "all");
        Names(root.GetProperty("validation").GetProperty("all")).Should().Equal("family", "publishers", "before", "after");
    }

    [Fact]
    public void Report_IsTheLibrarysSeedReport()
    {
        using var json = Run("report");
        Names(json.RootElement).Should().Contain(["title", "scenarioId", "priceAsOf", "capital", "tokenCost", "reserve"]);
        using var scenario = Run("scenario", RepositoryPaths.Of("seeds/scenarios/aws-2026-q1.json"));
        Names(scenario.RootElement).Should().Equal(Names(json.RootElement));
    }

    [Fact]
    public void Simulate_Table_HasNoStatusLineOrControlCodes_WhenNotATerminal()
    {
        // Tests (like CI and redirected output) pass their own writers: no Spectre status display, no carriage returns or escapes.
        var result = CliRunner.Run("simulate", "--model", "cluster-payback", "--draws", "2000");
        result.ExitCode.Should().Be(0, result.Error);
        (result.Out + result.Error).Should().NotContain("\r").And.NotContain("\u001b");
        result.Error.Should().StartWith("cloudecon: 2,000 draws in ");
    }

    [Theory]
    [InlineData("payback", "--flow", "2025-01-01=-1000", "--flow", "2025-12-31=600", "--flow", "2026-12-31=600", "--rate", "0.1")]
    [InlineData("tco", "--accelerators", "4096", "--electricity", "0.05")]
    [InlineData("--format", "json", "sensitivity", "--model", "cluster-payback")]
    public void Output_IsTheSame_UnderACommaDecimalCulture(params string[] args)
    {
        // de-DE writes 1.234,5 and parses "0.05" as 5; the command line must neither read nor write numbers by culture.
        var invariant = CliRunner.Run(args);
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("de-DE");
            var german = CliRunner.Run(args);
            german.ExitCode.Should().Be(0, german.Error);
            german.Out.Should().Be(invariant.Out);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory]
    [InlineData(2, "tco", "--rent-option", "weird")]
    [InlineData(1, "tco", "--rent", "no-such-instance")]
    [InlineData(2, "--format", "json", "npv", "--rate", "abc", "--", "1", "2")]
    [InlineData(1, "--format", "json", "breakeven", "--model", "token-ratio", "--input", "no-such-input", "--target", "1")]
    public void Errors_AreOneLine_WithANonZeroExit_AndNoJson(int code, params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(code);
        result.Out.Should().BeEmpty();
        result.Error.TrimEnd().Should().StartWith("cloudecon: ").And.NotContain("\n").And.NotContain("   at ");
    }
}
