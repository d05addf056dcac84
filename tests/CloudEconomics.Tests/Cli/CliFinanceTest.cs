using System.Text.Json;

namespace CloudEconomics.Tests.Cli;

public class CliFinanceTest
{
    [Fact]
    public void Npv_MatchesExcelDocumentationExample()
    {
        // Excel's NPV documentation: =NPV(10%, -10000, 3000, 4200, 6800) = $1,188.44.
        var result = CliRunner.Run("npv", "--rate", "0.1", "--", "-10000", "3000", "4200", "6800");
        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("1,188.44");
    }

    [Fact]
    public void Irr_Json_MatchesExcelDocumentationExample()
    {
        // Excel's IRR documentation: =IRR(A2:A7) for -70,000, 12,000, 15,000, 18,000, 21,000, 26,000 = 8.66%.
        var result = CliRunner.Run("irr", "--format", "json", "--", "-70000,12000,15000,18000,21000,26000");
        result.ExitCode.Should().Be(0);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("irr").GetDouble().Should().BeApproximately(0.0866, 0.00005);
    }

    [Fact]
    public void Payback_InterpolatesInsideTheRecoveringPeriod()
    {
        // -1,000 on 2025-01-01; +600 on 2025-12-31 (cumulative -400); +600 on 2026-12-31 (cumulative +200).
        // Recovery inside the 365-day period: 400 / 600 x 365 = 243.3 days after 2025-12-31;
        // years = (364 + 243.3) / 365 = 1.664.
        var result = CliRunner.Run("payback", "--format", "json", "--flow", "2025-01-01=-1000", "--flow", "2025-12-31=600", "--flow", "2026-12-31=600");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var payback = json.RootElement.GetProperty("payback");
        payback.GetProperty("isReached").GetBoolean().Should().BeTrue();
        payback.GetProperty("years").GetDouble().Should().BeApproximately(1.664, 0.001);
    }

    [Fact]
    public void Payback_WritesChart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"payback-{Guid.NewGuid():N}.svg");
        var result = CliRunner.Run("payback", "--flow", "2025-01-01=-1000", "--flow", "2026-01-01=1500", "--chart", path);
        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllText(path).Should().StartWith("<svg").And.Contain("payback");
        File.Delete(path);
    }

    [Fact]
    public void Irr_AllPositive_IsDataErrorOneLine()
    {
        var result = CliRunner.Run("irr", "--", "1", "2", "3");
        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("cloudecon: ").And.Contain("positive and one negative");
        result.Error.TrimEnd().Split('\n').Should().ContainSingle();
    }

    [Theory]
    [InlineData("npv", "--rate", "abc", "1")]
    [InlineData("npv", "1", "2")]
    [InlineData("payback", "--flow", "2025-13-01=5")]
    [InlineData("payback", "--flow", "nonsense")]
    [InlineData("payback")]
    public void BadArguments_AreUsageErrors(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("cloudecon: ");
        result.Error.Should().NotContain("   at ");
    }

    [Fact]
    public void Payback_MissingFile_IsDataError()
    {
        var result = CliRunner.Run("payback", "--file", "/no/such/flows.csv");
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("does not exist");
    }

    [Fact]
    public void Payback_BadCsvLine_NamesFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flows-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "date,amount\n2025-01-01,-100\n2025-02-30,50\n");
        var result = CliRunner.Run("payback", "--file", path);
        File.Delete(path);
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(":3:").And.Contain("ISO date");
    }

    [Fact]
    public void Payback_UnknownCurrency_IsDataError()
    {
        var result = CliRunner.Run("payback", "--currency", "QQQ", "--flow", "2025-01-01=-1");
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("QQQ");
    }
}

public class CliPaybackSampleFileTest
{
    [Fact]
    public void Payback_SampleGpuServerFile_HandComputed()
    {
        // samples/data/gpu-server-flows.csv: -300,000 on 2025-07-01, then +60,322.56 at each quarter end.
        // After four quarters the position is -300,000 + 4 x 60,322.56 = -58,709.76; the fifth flow (2026-09-30) recovers it.
        // Inside that 92-day period: 58,709.76 / 60,322.56 x 92 = 89.54 days after 2026-06-30 -> 2026-09-28 (rounded up);
        // years = (364 + 89.54) / 365 = 1.2426.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CloudEconomics.sln"))) root = root.Parent!;
        var result = CliRunner.Run("payback", "--file", Path.Combine(root.FullName, "samples", "data", "gpu-server-flows.csv"), "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var payback = json.RootElement.GetProperty("payback");
        payback.GetProperty("years").GetDouble().Should().BeApproximately(1.2426, 0.0001);
        payback.GetProperty("date").GetString().Should().Be("2026-09-28");
    }
}
