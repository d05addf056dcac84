using System.Text.Json;

namespace CloudEconomics.Tests.Cli;

public class CliTokenCostTest
{
    [Fact]
    public void SimpleSum_MatchesHandValue()
    {
        // 98.32 USD/h / (10,000 tokens/s x 3,600 s x 1) x 1,000,000 = 98.32 / 36 = 2.73111... USD per million tokens.
        var result = CliRunner.Run("token-cost", "--price", "98.32", "--tokens-per-second", "10000", "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("pricePerMillionTokens").GetProperty("amount").GetDecimal().Should().BeApproximately(2.7311m, 0.00005m);

        var table = CliRunner.Run("token-cost", "--price", "98.32", "--tokens-per-second", "10000");
        table.Out.Should().Contain("2.7311 USD per million tokens");
    }

    [Fact]
    public void SimpleSum_Utilisation_DividesThroughput()
    {
        // At utilisation 0.5 the same hardware costs twice as much per token: 98.32 / 18 = 5.4622.
        var result = CliRunner.Run("token-cost", "--price", "98.32", "--tokens-per-second", "10000", "--utilization", "0.5");
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("5.4622 USD per million tokens");
    }

    [Fact]
    public void Rank_Json_IsAscendingByBlendedPrice_WithProvenanceAndExclusions()
    {
        var result = CliRunner.Run("token-cost", "--model", "llama-3.1-70b", "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var ranked = json.RootElement.GetProperty("ranked").EnumerateArray().ToList();
        ranked.Should().HaveCountGreaterThan(3);
        ranked.Select(r => r.GetProperty("blended").GetProperty("amount").GetDecimal()).Should().BeInAscendingOrder();
        ranked.Select(r => r.GetProperty("rank").GetInt32()).Should().Equal(Enumerable.Range(1, ranked.Count));
        ranked.Should().OnlyContain(r => r.GetProperty("provenance").GetString()!.Contains("price:"));
        // A 70B model in BF16 (141 GB of weights) cannot fit one 32 GB Inferentia2 (inf2.xlarge).
        json.RootElement.GetProperty("excluded").EnumerateArray()
            .Should().Contain(e => e.GetProperty("instance").GetString() == "inf2.xlarge" && e.GetProperty("reason").GetString()!.Contains("does not fit"));
    }

    [Fact]
    public void Rank_P5_MatchesHourlyPriceOverThroughput()
    {
        // The ranked blended price must equal price / (total tokens per second x 3,600 x utilisation) x 1e6 for the row's own throughput.
        var result = CliRunner.Run("token-cost", "--model", "llama-3.1-70b", "--instance", "p5.48xlarge", "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        // one row per region since the SkyPilot import (seeds/catalog/imported/aws.json); the curated us-east-1 price is checked
        var row = json.RootElement.GetProperty("ranked").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "us-east-1");
        row.GetProperty("instance").GetString().Should().Be("p5.48xlarge");
        double price = (double)row.GetProperty("pricePerHour").GetProperty("amount").GetDecimal();
        double tps = row.GetProperty("tokensPerSecond").GetDouble();
        double expected = price / (tps * 3600 * 0.6) * 1e6;
        ((double)row.GetProperty("blended").GetProperty("amount").GetDecimal()).Should().BeApproximately(expected, expected * 1e-9);
        price.Should().Be(55.04); // AWS Pricing API snapshot, on-demand us-east-1 from 2025-06-23
    }

    [Fact]
    public void Rank_Table_ShowsBoundsAndSources()
    {
        var result = CliRunner.Run("token-cost", "--model", "llama-3.1-70b", "--instance", "p5.48xlarge", "--instance", "inf2.xlarge");
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("p5.48xlarge").And.Contain("C/M").And.Contain("vendor").And.Contain("cannot serve: inf2.xlarge");
    }

    [Fact]
    public void Chart_WritesSvg()
    {
        var path = Path.Combine(Path.GetTempPath(), $"token-cost-{Guid.NewGuid():N}.svg");
        var result = CliRunner.Run("token-cost", "--model", "llama-3.1-70b", "--chart", path);
        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllText(path).Should().StartWith("<svg").And.Contain("p5.48xlarge");
        File.Delete(path);
    }

    [Theory]
    [InlineData("token-cost", "--model", "gpt-17")]
    [InlineData("token-cost", "--model", "llama-3.1-70b", "--instance", "x9.mega")]
    [InlineData("token-cost", "--price", "0", "--tokens-per-second", "1000")]
    public void BadData_IsExitOne_OneLineNamingIt(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ");
        result.Error.Should().NotContain("   at ");
        if (args.Contains("gpt-17")) result.Error.Should().Contain("'gpt-17'");
        if (args.Contains("x9.mega")) result.Error.Should().Contain("'x9.mega'");
    }

    [Theory]
    [InlineData("token-cost")]
    [InlineData("token-cost", "--tokens-per-second", "1000")]
    [InlineData("token-cost", "--price", "98.32")]
    [InlineData("token-cost", "--model", "llama-3.1-70b", "--option", "lease")]
    [InlineData("token-cost", "--price", "abc", "--tokens-per-second", "1000")]
    public void BadUsage_IsExitTwo(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ");
    }
}
