using System.Text.Json;

namespace CloudEconomics.Tests.Cli;

public class CliCatalogTest
{
    private static decimal P5PerAcceleratorHour(string asOf)
    {
        var result = CliRunner.Run("catalog", "rank", "--metric", "accelerator-hour", "--provider", "aws", "--as-of", asOf, "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var p5 = json.RootElement.GetProperty("ranked").EnumerateArray().Single(r => r.GetProperty("instance").GetString() == "p5.48xlarge");
        return p5.GetProperty("value").GetProperty("amount").GetDecimal();
    }

    [Fact]
    public void Rank_AsOf_FollowsTheJune2025PriceCut()
    {
        // AWS Pricing API snapshots: p5.48xlarge 98.32 USD/h before the June 2025 cut, 55.04 after; 8 H100s per instance.
        P5PerAcceleratorHour("2025-01-01").Should().Be(98.32m / 8);  // 12.29
        P5PerAcceleratorHour("2025-07-01").Should().Be(55.04m / 8);  // 6.88
    }

    [Fact]
    public void Rank_Table_ListsInstancesCheapestFirst()
    {
        var result = CliRunner.Run("catalog", "rank", "--metric", "pflop-hour");
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("p5.48xlarge").And.Contain("dense BF16 PFLOP/s-h");
    }

    [Fact]
    public void List_Json_HasInstancesWithOffers()
    {
        var result = CliRunner.Run("catalog", "list", "--provider", "aws", "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("instance").GetString())
            .Should().Contain(["trn1.32xlarge", "p5.48xlarge", "inf2.xlarge"]);
    }

    [Theory]
    [InlineData("catalog", "rank", "--metric", "nope")]
    [InlineData("catalog", "rank", "--option", "lease")]
    [InlineData("catalog", "rank", "--as-of", "yesterday")]
    public void BadArguments_AreUsageErrors(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("cloudecon: ");
    }

    [Fact]
    public void UserCatalog_InvalidJson_IsDataErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ not json");
        var result = CliRunner.Run("catalog", "list", "--catalog", path);
        File.Delete(path);
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(Path.GetFileName(path));
        result.Error.TrimEnd().Split('\n').Should().ContainSingle();
    }
}
