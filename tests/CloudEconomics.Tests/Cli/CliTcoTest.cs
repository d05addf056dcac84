using System.Text.Json;
using CloudEconomics.Ownership;
using CloudEconomics.Tests.Ownership;

namespace CloudEconomics.Tests.Cli;

public class CliTcoTest
{
    private static JsonDocument Json(params string[] args)
    {
        var result = CliRunner.Run([.. args, "--format", "json"]);
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Out);
    }

    private static decimal Amount(JsonElement e) => e.GetProperty("amount").GetDecimal();

    [Fact]
    public void Defaults_ComponentsSumToTotal_AndBreakevenIsTheLibrarysLevelisedPrice()
    {
        using var json = Json("tco");
        var root = json.RootElement;
        var components = root.GetProperty("components").EnumerateArray().ToList();
        components.Select(c => c.GetProperty("kind").GetString()).Should().Equal("Depreciation", "LoanInterest", "EquityCharge", "Energy", "Maintenance", "Staff", "Space");
        var total = Amount(root.GetProperty("total"));
        components.Sum(c => Amount(c.GetProperty("total"))).Should().BeApproximately(total, 0.01m);
        var perUsed = Amount(root.GetProperty("perUtilizedAcceleratorHour"));
        components.Sum(c => Amount(c.GetProperty("perUtilizedAcceleratorHour"))).Should().BeApproximately(perUsed, 1e-9m);
        // Compared with p5.48xlarge on-demand: 55.04 USD/h / 8 H100s = 6.88 per accelerator-hour (AWS Pricing API snapshot).
        Amount(root.GetProperty("rent").GetProperty("pricePerAcceleratorHour")).Should().Be(6.88m);
        root.GetProperty("inputs").EnumerateArray().Should().Contain(i => i.GetProperty("source").GetString() == "ASSUMPTION");
    }

    [Fact]
    public void SimpleInputs_MatchHandComputation()
    {
        // 8 accelerators in one server at 100,000 USD, no networking, facility, maintenance, staff, space or cost of capital;
        // life 1 year from 2025-01-01 (365 days = 8,760 h). Depreciation = 100,000.
        // Energy: at utilisation 0.5 each accelerator draws 100 + 0.5 x (700 - 100) = 400 W; 8 x 400 W x PUE 1 x 8,760 h
        // = 28,032 kWh x 0.1 USD = 2,803.20. Total = 102,803.20 USD.
        // Used accelerator-hours = 8 x 8,760 x 0.5 = 35,040; breakeven = 102,803.20 / 35,040 = 2.933881... USD.
        using var json = Json("tco", "--accelerators", "8", "--per-server", "8", "--server-capex", "100000", "--networking-share", "0",
            "--facility-capex-per-mw", "0", "--life", "1", "--cost-of-capital", "0", "--maintenance", "0", "--staff", "0", "--space", "0",
            "--electricity", "0.1", "--pue", "1", "--tdp", "700", "--idle", "100", "--utilization", "0.5", "--start", "2025-01-01");
        var root = json.RootElement;
        Amount(root.GetProperty("total")).Should().BeApproximately(102_803.20m, 0.01m);
        var energy = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Energy");
        Amount(energy.GetProperty("total")).Should().BeApproximately(2_803.20m, 0.01m);
        Amount(root.GetProperty("breakevenRentalPrice")).Should().BeApproximately(102_803.20m / 35_040m, 1e-9m);
    }

    [Fact]
    public void File_MatchesTheLibrary()
    {
        var cluster = OwnershipTestData.Cluster();
        var path = Path.Combine(Path.GetTempPath(), $"cluster-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(cluster, CloudEconomicsJson.CreateOptions()));
        try
        {
            using var json = Json("tco", "--file", path, "--rental-price", "2.5");
            var tco = ClusterTco.Calculate(cluster);
            var root = json.RootElement;
            Amount(root.GetProperty("total")).Should().Be(tco.Total.Amount);
            Amount(root.GetProperty("breakevenRentalPrice")).Should().Be(tco.BreakevenRentalPrice.PerHour.Amount);
            var returns = RentalReturns.Evaluate(cluster, PricePerHour.Usd(2.5m));
            root.GetProperty("rentingOut").GetProperty("irr").GetDouble().Should().Be(returns.InternalRateOfReturn!.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Table_ShowsComponentsBreakevenAndBuildVersusRent()
    {
        var result = CliRunner.Run("tco");
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("Depreciation").And.Contain("Breakeven rental price").And.Contain("Build vs rent: p5.48xlarge")
            .And.Contain("ASSUMPTION").And.Contain("payback");
    }

    [Fact]
    public void Chart_WritesStackedSvg()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tco-{Guid.NewGuid():N}.svg");
        var result = CliRunner.Run("tco", "--chart", path);
        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllText(path).Should().StartWith("<svg").And.Contain("Depreciation");
        File.Delete(path);
    }

    [Theory]
    [InlineData("tco", "--rent", "x9.mega")]
    [InlineData("tco", "--life", "0")]
    [InlineData("tco", "--utilization", "1.5")]
    [InlineData("tco", "--file", "/no/such/cluster.json")]
    public void BadData_IsExitOne_OneLine(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ");
        result.Error.Should().NotContain("   at ");
    }

    [Theory]
    [InlineData("tco", "--life", "five")]
    [InlineData("tco", "--start", "someday")]
    [InlineData("tco", "--rent-option", "lease")]
    public void BadUsage_IsExitTwo(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ");
    }
}
