using System.Text.Json;

namespace CloudEconomics.Tests.Cli;

public class CliReportTest
{
    private static readonly Lazy<CliRunner.Result> Table = new(() => CliRunner.Run());
    private static readonly Lazy<CliRunner.Result> Json = new(() => CliRunner.Run("report", "--format", "json"));

    [Fact]
    public void NoArguments_PrintsTheSeedReport()
    {
        var result = Table.Value;
        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        result.Out.Should().Contain("37.6 USD bn")          // AWS revenue Q1-2026 (reported)
            .And.Contain("28.3 %")                           // growth calculated: 37.6 / 29.3 - 1
            .And.Contain("1.2 USD bn")                        // FCF TTM: 148.5 - 147.268
            .And.Contain(">= 464.0 USD bn")                   // backlog: 364 + at least 100
            .And.Contain("Misattributed")                     // the $23.9B is consolidated, AWS's was 14.2
            .And.Contain("14.2 USD bn")
            .And.Contain("Custom silicon vs GPU")
            .And.Contain("44.3%");                            // trn1 capacity block breakeven 9.532 / 21.5
    }

    [Fact]
    public void Json_ParsesAndMatchesTheTable()
    {
        var result = Json.Value;
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("scenarioId").GetString().Should().Be("aws-2026-q1");
        root.GetProperty("capital").GetProperty("cash").GetProperty("freeCashFlowTtm").GetProperty("value").GetDecimal().Should().Be(1.232m);
        root.GetProperty("capital").GetProperty("backlog").GetProperty("withAdditions").GetProperty("isLowerBound").GetBoolean().Should().BeTrue();
        var ratio = root.GetProperty("tokenCost").GetProperty("ratio").GetDecimal();
        Table.Value.Out.Should().Contain($"Ratio custom silicon / GPU: {ratio.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public void Scenario_MissingFile_IsDataErrorOneLine()
    {
        var result = CliRunner.Run("scenario", "/no/such/scenario.json");
        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("cloudecon: ").And.Contain("does not exist");
    }

    [Fact]
    public void Scenario_InvalidFile_NamesFileAndPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        var text = File.ReadAllText(Path.Combine(FindRoot(), "seeds", "scenarios", "aws-2026-q1.json"));
        // Break one figure: a known value without a source violates "every figure has a source".
        using (var doc = JsonDocument.Parse(text)) { }
        File.WriteAllText(path, text.Replace("\"latestQuarter\": \"Q1-2026\"", "\"latestQuarter\": \"Q9-2026\""));
        var result = CliRunner.Run("scenario", path);
        File.Delete(path);
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(Path.GetFileName(path));
        result.Error.TrimEnd().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void Scenario_DefaultCopy_GivesTheSameReport()
    {
        var result = CliRunner.Run("scenario", Path.Combine(FindRoot(), "seeds", "scenarios", "aws-2026-q1.json"), "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Be(Json.Value.Out);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudEconomics.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
