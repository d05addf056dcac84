using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Capital;
using NodaTime;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Tests.Data;

public class ScenarioFileTest
{
    private const string ResourceName = "CloudEconomics.Seeds.scenarios.aws-2026-q1.json";

    internal static string SeedText()
    {
        using var stream = typeof(ScenarioFile).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    internal static string ReferencePath()
    {
        // tests/CloudEconomics.Tests/Capital/Reference/financials.json: a copy of the financials section of
        // ../shared/reference/catalog-sources.json, found by walking up from the test binaries to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "CloudEconomics.Tests", "Capital", "Reference", "financials.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("tests/CloudEconomics.Tests/Capital/Reference/financials.json not found above " + AppContext.BaseDirectory);
    }

    private static DataLoadException LoadFails(string json, string file = "user.json")
    {
        var act = () => ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), file);
        return act.Should().Throw<DataLoadException>().Which;
    }

    private static string Mutate(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(SeedText())!;
        edit(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Default_LoadsAmazonQ1_2024ToQ1_2026()
    {
        var s = ScenarioFile.Default;
        s.Id.Should().Be("aws-2026-q1");
        s.Currency.Should().Be(Currency.Usd);
        s.Company.Segment.Should().Be("AWS");
        s.Calendar.IsCalendarYear.Should().BeTrue();
        s.Quarters.Select(q => q.Period).Should().Equal("Q1-2024", "Q2-2024", "Q3-2024", "Q4-2024", "Q1-2025", "Q2-2025", "Q3-2025", "Q4-2025", "Q1-2026");
        s.FiscalYears.Select(y => y.Period).Should().Equal("FY2024", "FY2025");
        s.LatestFiscalQuarter.Should().Be(new FiscalQuarter(2026, 1));
        s.Quarter(new FiscalQuarter(2026, 1))!.SegmentRevenue!.Value!.Value.ToMoney(Currency.Usd).Should().Be(Money.Usd(37_600_000_000m));
        s.Year(new FiscalYear(2025))!.PurchasesOfPropertyAndEquipment!.Value!.Value.ToMoney(Currency.Usd).Should().Be(Money.Usd(131_819_000_000m));
        s.DepreciationPolicies.Select(p => p.Id).Should().Equal("amazon-servers", "amazon-servers-subset-2025");
        s.BacklogAdditions.Single().Amount.Value!.Value.Basis.Should().Be(FigureBasis.LowerBound);
        s.Assumptions!.TokenCost!.CustomSiliconInstance.Should().Be("trn2.48xlarge");
        ReferenceEquals(ScenarioFile.Default, s).Should().BeTrue("the default is loaded once");
    }

    [Fact]
    public void Default_PassesTheValidator_WhichItsLoadDoesNotRunAtRunTime()
    {
        // ScenarioFile.Default skips ScenarioFileValidator at run time (start-up); this test is the check instead.
        var result = new ScenarioFileValidator().Validate(ScenarioFile.Default);
        result.IsValid.Should().BeTrue(string.Join("; ", result.Errors));
        // And the same bytes loaded as a user file (validated) give the same scenario.
        ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(SeedText())), "copy.json").ToJson().Should().Be(ScenarioFile.Default.ToJson());
    }

    [Fact]
    public void Default_EveryKnownFigureHasSourceAndAsOf_AndUnknownsSayWhy()
    {
        var figures = ScenarioFile.Default.Quarters.SelectMany(q => new[]
            {
                q.SegmentRevenue, q.SegmentRevenueGrowthYoY, q.SegmentOperatingIncome, q.NetSales, q.OperatingIncome, q.OperatingCashFlowTtm,
                q.FreeCashFlowTtm, q.PurchasesOfPropertyAndEquipment, q.NetCapitalExpenditures, q.Backlog, q.BacklogWeightedAverageRemainingLife,
            }.Concat(q.OtherFigures.Values))
            .Where(f => f is not null).Cast<Figure<ReportedNumber>>().ToList();
        figures.Should().HaveCountGreaterThan(90);
        figures.Where(f => f.IsKnown).Should().OnlyContain(f => f.Provenance.IsComplete);
        figures.Where(f => !f.IsKnown).Should().OnlyContain(f => !string.IsNullOrWhiteSpace(f.Provenance.Note));
    }

    [Fact]
    public void Default_All124KnownFigures_HaveSourceAsOfAndConfidence_AsLoaded()
    {
        // Issue 16 counts 124 known figures in the scenario. Walk the loaded document as the library writes it back
        // (ToJson writes each figure's value with the provenance the loader read) and check every known one.
        var root = System.Text.Json.Nodes.JsonNode.Parse(ScenarioFile.Default.ToJson())!;
        var known = new List<System.Text.Json.Nodes.JsonObject>();
        void Walk(System.Text.Json.Nodes.JsonNode? n)
        {
            if (n is System.Text.Json.Nodes.JsonObject o)
            {
                if (o.ContainsKey("unit") && o["value"] is not null) { known.Add(o); return; }
                foreach (var (_, v) in o) Walk(v);
            }
            else if (n is System.Text.Json.Nodes.JsonArray a)
            {
                foreach (var v in a) Walk(v);
            }
        }
        Walk(root);
        known.Should().HaveCount(124);
        known.Should().OnlyContain(o => o["source"] != null && o["asOf"] != null && o["confidence"] != null);
    }

    [Fact]
    public void Default_AwsRevenueQ1_2026_CarriesTheReleaseAsItsSource()
    {
        // ../shared/reference/catalog-sources.json, financials Q1-2026: aws_revenue_usd_bn 37.6, source the Business Wire
        // release on markets.ft.com (2026-04-29), as of 2026-03-31; the company's own release, so vendor confidence.
        var f = ScenarioFile.Default.Quarter(new FiscalQuarter(2026, 1))!.SegmentRevenue!;
        f.Value!.Value.Amount.Should().Be(37.6m);
        f.Provenance.Source.Should().Be("https://markets.ft.com/data/announce/detail?dockey=600-202604291601BIZWIRE_USPRX____20260428_BW268696-1 (Business Wire 2026-04-29)");
        f.Provenance.AsOf.Should().Be(new LocalDate(2026, 3, 31));
        f.Provenance.Confidence.Should().Be(Confidence.Vendor);
    }

    [Fact]
    public void Default_MatchesTheReferenceFinancials()
    {
        // Every Amazon quarterly figure of the reference (tests/.../Reference/financials.json) is in the seed with the same
        // value, source and as-of; nulls stay null.
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath()));
        var map = new (string Field, string Key)[]
        {
            ("segmentRevenue", "aws_revenue_usd_bn"), ("segmentRevenueGrowthYoY", "aws_revenue_growth_yoy_pct"),
            ("segmentOperatingIncome", "aws_operating_income_usd_bn"), ("netSales", "net_sales_usd_bn"), ("operatingIncome", "operating_income_usd_bn"),
            ("operatingCashFlowTtm", "operating_cash_flow_ttm_usd_bn"), ("freeCashFlowTtm", "free_cash_flow_ttm_usd_bn"),
            ("purchasesOfPropertyAndEquipment", "purchases_of_property_and_equipment_q_usd_mn"), ("netCapitalExpenditures", "cash_capex_net_q_usd_bn"),
            ("backlog", "aws_backlog_usd_bn"), ("backlogWeightedAverageRemainingLife", "aws_backlog_weighted_avg_remaining_life_years"),
        };
        var seed = JsonNode.Parse(SeedText())!;
        int compared = 0;
        foreach (var record in doc.RootElement.GetProperty("financials").EnumerateArray()
                     .Where(r => r.GetProperty("record_type").GetString() == "quarterly" && r.GetProperty("company").GetString() == "Amazon"))
        {
            var period = record.GetProperty("period").GetString()!;
            var quarter = seed["quarters"]!.AsArray().Single(q => (string)q!["period"]! == period)!;
            foreach (var (field, key) in map)
            {
                var expected = record.GetProperty(key);
                var figure = quarter[field]!;
                if (expected.ValueKind == JsonValueKind.Null)
                {
                    figure["value"]?.GetValueKind().Should().Be(JsonValueKind.Null, $"{period}.{field} is null in the reference");
                }
                else
                {
                    figure["value"]!.GetValue<decimal>().Should().Be(expected.GetDecimal(), $"{period}.{field}");
                    ((string)figure["source"]!).Should().Be(record.GetProperty(key + "_source").GetString(), $"{period}.{field} source");
                    ((string)figure["asOf"]!).Should().Be(record.GetProperty(key + "_as_of").GetString(), $"{period}.{field} as-of");
                }
                compared++;
            }
        }
        compared.Should().Be(9 * 11);
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var s = ScenarioFile.Default;
        var again = ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(s.ToJson())), "round-trip.json");
        again.Quarters.Select(q => q.NetCapitalExpenditures?.Value).Should().Equal(s.Quarters.Select(q => q.NetCapitalExpenditures?.Value));
        again.Quarters[8].Backlog.Should().Be(s.Quarters[8].Backlog);
        again.ArticleClaims.Select(c => c.ClaimedMetric).Should().Equal(s.ArticleClaims.Select(c => c.ClaimedMetric));
    }

    [Fact]
    public void Load_FromPath_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"capital-scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Mutate(n => n["quarters"]![8]!["segmentRevenue"]!.AsObject().Remove("source")));
        try
        {
            var act = () => ScenarioFile.Load(path);
            var e = act.Should().Throw<DataLoadException>().Which;
            e.File.Should().Be(path);
            e.Message.Should().StartWith($"{path}: $.quarters[8].segmentRevenue.source [Q1-2026]: A known figure must name its source.");
            e.Problems[0].Path.Should().Be("$.quarters[8].segmentRevenue.source");
            e.Problems[0].RecordId.Should().Be("Q1-2026");
            e.Problems[0].Message.Should().Be("A known figure must name its source.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        var act = () => ScenarioFile.Load("/nonexistent/scenario.json");
        act.Should().Throw<FileNotFoundException>().WithMessage("Scenario file '/nonexistent/scenario.json' does not exist.");
    }

    [Fact]
    public void Load_BlankPath_Throws()
    {
        var act = () => ScenarioFile.Load(" ");
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "path");
    }

    [Fact]
    public void Load_MalformedJson_NamesPathAndLine()
    {
        var e = LoadFails("{\"id\": \"x\",");
        e.File.Should().Be("user.json");
        e.Problems[0].Path.Should().StartWith("$");
        e.Problems[0].Message.Should().Contain("line 1");
    }

    [Fact]
    public void Load_NullDocument_IsRejected()
        => LoadFails("null").Problems[0].Message.Should().Be("The document must be a JSON object, not null.");

    [Fact]
    public void Load_UnknownProperty_IsRejectedWithItsPathAndRecord()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![3]!["revenu"] = 1));
        e.Problems[0].Path.Should().Be("$.quarters[3].revenu");
        e.Problems[0].RecordId.Should().Be("Q4-2024");
        e.Problems[0].Message.Should().Contain("'revenu' could not be mapped");
    }

    [Fact]
    public void Load_MissingRequiredProperty_IsRejected()
    {
        var e = LoadFails(Mutate(n => n.AsObject().Remove("latestQuarter")));
        e.Problems[0].Message.Should().Contain("latestQuarter");
    }

    [Fact]
    public void Load_UnknownUnit_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![0]!["segmentRevenue"]!["unit"] = "bn"));
        // The figure's value part (value, unit, basis) is read as one ReportedNumber: the path names the figure.
        e.Problems[0].Path.Should().Be("$.quarters[0].segmentRevenue");
        e.Problems[0].Message.Should().Contain("FigureUnit");
        e.Problems[0].RecordId.Should().Be("Q1-2024");
    }

    [Fact]
    public void Load_WrongUnitForField_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![0]!["segmentRevenue"]!["unit"] = "percent"));
        e.Problems[0].Path.Should().Be("$.quarters[0].segmentRevenue.unit");
        e.Problems[0].RecordId.Should().Be("Q1-2024");
        e.Problems[0].Message.Should().Be("The unit must be one of billions, millions, currencyUnits; it was percent.");
    }

    [Fact]
    public void Load_KnownFigureWithoutAsOf_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![2]!["backlog"]!.AsObject().Remove("asOf")));
        e.Problems[0].Path.Should().Be("$.quarters[2].backlog.asOf");
        e.Problems[0].RecordId.Should().Be("Q3-2024");
        e.Problems[0].Message.Should().Be("A known figure must have an as-of date.");
    }

    [Fact]
    public void Load_UnknownFigureWithoutNote_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![0]!["backlog"]!.AsObject().Remove("note")));
        e.Problems[0].Path.Should().Be("$.quarters[0].backlog.note");
        e.Problems[0].Message.Should().Be("An unknown figure (null value) must say why in its note.");
    }

    [Fact]
    public void Load_NegativeRevenue_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![1]!["segmentRevenue"]!["value"] = -1));
        e.Problems[0].Path.Should().Be("$.quarters[1].segmentRevenue.value");
        e.Problems[0].Message.Should().Be("The value must not be negative; it was -1.");
    }

    [Fact]
    public void Load_PeriodEndNotQuarterEnd_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![4]!["periodEnd"] = "2025-03-30"));
        e.Problems[0].Path.Should().Be("$.quarters[4].periodEnd");
        e.Problems[0].RecordId.Should().Be("Q1-2025");
        e.Problems[0].Message.Should().Be("The period end must be the last day of Q1-2025 (2025-03-31) in the calendar year; it was 2025-03-30.");
    }

    [Fact]
    public void Load_DuplicateQuarter_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]!.AsArray().Add(n["quarters"]![0]!.DeepClone())));
        e.Problems[0].Path.Should().Be("$.quarters");
        e.Problems[0].Message.Should().Be("Each quarter may appear once; Q1-2024 appears twice.");
    }

    [Fact]
    public void Load_LatestQuarterNotInFile_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["latestQuarter"] = "Q2-2026"));
        e.Problems[0].Path.Should().Be("$.latestQuarter");
        e.Problems[0].RecordId.Should().Be("aws-2026-q1");
        e.Problems[0].Message.Should().Be("The latest quarter must be one of the scenario's quarters; 'Q2-2026' is not.");
    }

    [Fact]
    public void Load_BadPeriod_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["quarters"]![0]!["period"] = "Q5-2024"));
        e.Problems.Should().Contain(x => x.Path == "$.quarters[0].period" && x.Message.Contains("must be a fiscal quarter"));
    }

    [Fact]
    public void Load_BrokenDepreciationChain_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["depreciationPolicies"]![0]!["changes"]![1]!["fromYears"]!["value"] = 3));
        e.Problems[0].Path.Should().Be("$.depreciationPolicies[0].changes");
        e.Problems[0].RecordId.Should().Be("amazon-servers");
        e.Problems[0].Message.Should().Contain("the change effective 2022-01-01 starts from 3 years but the previous change set 4 years");
    }

    [Fact]
    public void Load_MidMonthUsefulLifeChange_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["depreciationPolicies"]![0]!["changes"]![0]!["effective"] = "2020-01-15"));
        e.Problems[0].Path.Should().Be("$.depreciationPolicies[0].changes[0].effective");
        e.Problems[0].Message.Should().Be("A useful-life change must take effect on the first day of a month; it was 2020-01-15.");
    }

    [Fact]
    public void Load_BacklogAdditionWithoutAmount_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["backlogAdditions"]![0]!["amount"]!["value"] = null));
        e.Problems.Should().Contain(x => x.Path == "$.backlogAdditions[0].amount.value" && x.RecordId == "anthropic-commitment");
    }

    [Fact]
    public void Load_UtilisationAboveOne_IsRejected()
    {
        var e = LoadFails(Mutate(n =>
        {
            var u = n["assumptions"]!["tokenCost"]!["utilization"]!;
            u["value"] = 1.5;
            u["source"] = "user";
            u["asOf"] = "2026-07-20";
            u["confidence"] = "estimate";
        }));
        e.Problems[0].Path.Should().Be("$.assumptions.tokenCost.utilization.value");
        e.Problems[0].Message.Should().Be("Utilisation must be greater than 0 and at most 1; it was 1.5.");
    }

    [Fact]
    public void Load_FiscalYearStartMonth13_IsRejected()
    {
        var e = LoadFails(Mutate(n => n["company"]!["fiscalYearStartMonth"] = 13));
        e.Problems[0].Path.Should().Be("$.company.fiscalYearStartMonth");
        e.Problems[0].Message.Should().Be("The fiscal year's first month must be between 1 and 12; it was 13.");
    }

    [Theory]
    [InlineData("quarters", "$.quarters[9]", "A quarter must be an object, not null.")]
    [InlineData("fiscalYears", "$.fiscalYears[2]", "A fiscal year must be an object, not null.")]
    [InlineData("articleClaims", "$.articleClaims[8]", "An article claim must be an object, not null.")]
    [InlineData("backlogAdditions", "$.backlogAdditions[1]", "A backlog addition must be an object, not null.")]
    [InlineData("depreciationPolicies", "$.depreciationPolicies[2]", "A depreciation policy must be an object, not null.")]
    public void Load_NullRecord_IsRejected_NotACrash(string list, string path, string rule)
    {
        var e = LoadFails(Mutate(n => n[list]!.AsArray().Add(null)));
        e.Problems.Should().Contain(x => x.Path == path && x.Message == rule);
    }

    [Fact]
    public void Load_AnyPropertyRemovedOrNulled_LoadsOrFailsWithALoadError()
    {
        // Robustness: remove, or set to null, properties of the seed one at a time (a spread sample of every 17th of all
        // properties at every depth; all of them take ~30 s). Each
        // variant must load or fail with DataLoadException, and a loaded variant must compute a report.
        var seed = JsonNode.Parse(SeedText())!;
        var paths = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject o) foreach (var kv in o) { paths.Add(path + "/" + kv.Key); Walk(kv.Value, path + "/" + kv.Key); }
            else if (node is JsonArray a) for (int i = 0; i < a.Count; i++) Walk(a[i], path + "/" + i.ToString(CultureInfo.InvariantCulture));
        }
        Walk(seed, "");
        paths.Should().HaveCountGreaterThan(500);
        foreach (var path in paths.Where((_, i) => i % 17 == 0))
        {
            foreach (var remove in new[] { true, false })
            {
                var copy = JsonNode.Parse(SeedText())!;
                var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
                JsonNode parent = copy;
                foreach (var part in parts[..^1]) parent = parent is JsonArray arr ? arr[int.Parse(part, CultureInfo.InvariantCulture)]! : parent[part]!;
                if (remove) parent.AsObject().Remove(parts[^1]);
                else parent[parts[^1]] = null;
                try
                {
                    var s = ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(copy.ToJsonString())), "variant.json");
                    CapitalReport.Compute(s).AllFigures().Should().NotBeEmpty();
                }
                catch (DataLoadException)
                {
                }
            }
        }
    }

    [Fact]
    public void Load_NullCompany_IsRejected()
        => LoadFails(Mutate(n => n["company"] = null)).Problems.Should().Contain(x => x.Path == "$.company" && x.Message == "The scenario needs a company.");

    [Fact]
    public void Load_ReportsEveryProblem()
    {
        var e = LoadFails(Mutate(n =>
        {
            n["quarters"]![0]!["segmentRevenue"]!.AsObject().Remove("source");
            n["quarters"]![1]!["netSales"]!["value"] = -5;
        }));
        e.Problems.Should().HaveCount(2);
        // one line per problem after a line counting them
        e.Message.Split(Environment.NewLine).Should().Equal(
            "user.json not loaded: 2 problems.",
            " - user.json: $.quarters[0].segmentRevenue.source [Q1-2024]: A known figure must name its source.",
            " - user.json: $.quarters[1].netSales.value [Q2-2024]: The value must not be negative; it was -5.");
    }

    [Fact]
    public void Load_MicrosoftCalendar_Works()
    {
        // A July-June company: FY2026-Q3 ends 2026-03-31.
        var json = Mutate(n =>
        {
            n["company"]!["fiscalYearStartMonth"] = 7;
            var q = n["quarters"]!.AsArray();
            var last = q[8]!.DeepClone();
            q.Clear();
            last["period"] = "FY2026-Q3";
            q.Add(last);
            n["latestQuarter"] = "FY2026-Q3";
            n["backlogAdditions"]![0]!["afterPeriod"] = "FY2026-Q3";
            n["fiscalYears"]!.AsArray().Clear();
            foreach (var c in n["articleClaims"]!.AsArray()) c!["period"] = "FY2026-Q3";
        });
        var s = ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "msft.json");
        s.LatestFiscalQuarter.End.Should().Be(new LocalDate(2026, 3, 31));
        CapitalReport.Compute(s).Segment.Revenue.Value.Should().Be(37.6m);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Load_IgnoresCulture(string culture)
        => Helpers.TestHelper.InCulture(culture, () => ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(SeedText())), "c.json").Quarters[5].NetCapitalExpenditures!.Value!.Value.Amount)
            .Should().Be(31.368m);
}
