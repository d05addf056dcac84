using System.Text.Json;
using CloudEconomics.Reports;

namespace CloudEconomics.Tests.Cli;

public class CliAnalysisTest
{
    private static JsonDocument Json(params string[] args)
    {
        var result = CliRunner.Run([.. args, "--format", "json"]);
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Out);
    }

    [Fact]
    public void Sensitivity_TokenRatio_IsSortedBySwing_AndPriceSwingIsForty_PercentOfBase()
    {
        using var json = Json("sensitivity", "--model", "token-ratio");
        var root = json.RootElement;
        var bars = root.GetProperty("bars").EnumerateArray().ToList();
        bars.Should().HaveCount(8);
        bars.Select(b => b.GetProperty("swing").GetDouble()).Should().BeInDescendingOrder();
        // Blended cost is proportional to price: custom price at 0.8x and 1.2x moves the ratio to 0.8x and 1.2x base,
        // a swing of 0.4 x base.
        double baseOutput = root.GetProperty("baseOutput").GetDouble();
        var price = bars.Single(b => b.GetProperty("input").GetString() == "custom price");
        price.GetProperty("outputAtLow").GetDouble().Should().BeApproximately(0.8 * baseOutput, 1e-9);
        price.GetProperty("outputAtHigh").GetDouble().Should().BeApproximately(1.2 * baseOutput, 1e-9);
    }

    [Fact]
    public void Sensitivity_Table_AndTornadoChart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tornado-{Guid.NewGuid():N}.svg");
        var result = CliRunner.Run("sensitivity", "--model", "cluster-payback", "--chart", path);
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("Tornado").And.Contain("rental price").And.Contain("ASSUMPTION");
        File.ReadAllText(path).Should().StartWith("<svg");
        File.Delete(path);
    }

    [Fact]
    public void Breakeven_SubstitutedBack_HitsTheTarget()
    {
        using var json = Json("breakeven", "--model", "cluster-payback", "--input", "utilisation", "--target", "14");
        var root = json.RootElement;
        root.GetProperty("found").GetBoolean().Should().BeTrue();
        double value = root.GetProperty("value").GetDouble();
        var model = StandardModels.ClusterPayback().Model;
        model.Evaluate(model.GetInput("utilisation"), value).Should().BeApproximately(14, 1e-6);
    }

    [Fact]
    public void Breakeven_TokenRatio_CustomMfu_SubstitutedBack()
    {
        using var json = Json("breakeven", "--model", "token-ratio", "--input", "custom mfu", "--target", "0.7");
        var root = json.RootElement;
        root.GetProperty("input").GetString().Should().Be("custom MFU");
        if (root.GetProperty("found").GetBoolean())
        {
            var model = StandardModels.TokenRatio().Model;
            model.Evaluate(model.GetInput("custom MFU"), root.GetProperty("value").GetDouble()).Should().BeApproximately(0.7, 1e-6);
        }
    }

    [Fact]
    public void Breakeven_OutOfRange_SaysNoBreakeven_ExitZero()
    {
        // Power price moves payback by a fraction of a month over its range; 100 months is out of reach.
        var result = CliRunner.Run("breakeven", "--model", "cluster-payback", "--input", "power price", "--target", "100");
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("No breakeven in range");
        using var json = Json("breakeven", "--model", "cluster-payback", "--input", "power price", "--target", "100");
        json.RootElement.GetProperty("found").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Simulate_SameSeed_SameJson_OtherSeed_Differs()
    {
        string[] args = ["simulate", "--model", "cluster-payback", "--draws", "20000", "--seed", "2026", "--within", "60", "--format", "json"];
        var a = CliRunner.Run(args);
        var b = CliRunner.Run(args);
        a.ExitCode.Should().Be(0, a.Error);
        a.Out.Should().Be(b.Out);
        var c = CliRunner.Run("simulate", "--model", "cluster-payback", "--draws", "20000", "--seed", "7", "--within", "60", "--format", "json");
        c.Out.Should().NotBe(a.Out);

        using var json = JsonDocument.Parse(a.Out);
        var root = json.RootElement;
        root.GetProperty("draws").GetInt32().Should().Be(20000);
        double sd = root.GetProperty("standardDeviation").GetDouble();
        root.GetProperty("standardError").GetDouble().Should().BeApproximately(sd / Math.Sqrt(20000), 1e-12);
        var p = root.GetProperty("conditions")[0].GetProperty("probability").GetDouble();
        p.Should().BeInRange(0, 1);
        root.GetProperty("p5").GetDouble().Should().BeLessThanOrEqualTo(root.GetProperty("p50").GetDouble());
        // P95 is "not paid back within 120 months" exactly when at least 5% of draws are not paid back: then it is null,
        // not 120, and notReached carries the cap, its meaning and the share (the README run has 9.3% not paid back).
        var notReached = root.GetProperty("notReached");
        notReached.GetProperty("value").GetDouble().Should().Be(120);
        notReached.GetProperty("meaning").GetString().Should().Be("not paid back within 120 months");
        double share = notReached.GetProperty("probability").GetDouble();
        if (share >= 0.05)
        {
            root.GetProperty("p95").ValueKind.Should().Be(JsonValueKind.Null);
        }
        else
        {
            root.GetProperty("p50").GetDouble().Should().BeLessThanOrEqualTo(root.GetProperty("p95").GetDouble());
        }
        root.GetProperty("maximum").ValueKind.Should().Be(share > 0 ? JsonValueKind.Null : JsonValueKind.Number);
        root.GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(x => x.GetInt64()).Should().Be(20000);
    }

    [Fact]
    public void Simulate_Table_KeepsTimingOffStdout()
    {
        var a = CliRunner.Run("simulate", "--model", "token-ratio", "--draws", "2000", "--within", "0.6");
        var b = CliRunner.Run("simulate", "--model", "token-ratio", "--draws", "2000", "--within", "0.6");
        a.ExitCode.Should().Be(0, a.Error);
        a.Out.Should().Be(b.Out).And.Contain("P(<= 0.6)").And.Contain("Standard error");
        a.Error.Should().Contain("draws in");
    }

    [Fact]
    public void Simulate_HistogramChart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hist-{Guid.NewGuid():N}.svg");
        var result = CliRunner.Run("simulate", "--model", "cluster-payback", "--draws", "5000", "--chart", path);
        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllText(path).Should().StartWith("<svg");
        File.Delete(path);
    }

    [Theory]
    [InlineData("simulate", "--model", "cluster-payback", "--draws", "0")]
    [InlineData("simulate", "--model", "cluster-payback", "--draws", "many")]
    [InlineData("simulate", "--model", "npv-of-everything")]
    [InlineData("sensitivity")]
    [InlineData("breakeven", "--model", "token-ratio", "--input", "GPU price", "--target", "x")]
    [InlineData("breakeven", "--model", "token-ratio", "--input", "GPU price", "--target", "1", "--low", "5", "--high", "1")]
    public void BadUsage_IsExitTwo_OneLine(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ");
    }

    [Theory]
    [InlineData("breakeven", "--model", "token-ratio", "--input", "moon phase", "--target", "1")]
    [InlineData("sensitivity", "--model", "token-ratio", "--scenario", "/no/such/scenario.json")]
    public void BadData_IsExitOne_OneLine(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ");
        result.Error.Should().NotContain("   at ");
    }
}
