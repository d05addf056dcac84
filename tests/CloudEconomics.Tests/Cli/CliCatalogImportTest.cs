using System.Text.Json;

namespace CloudEconomics.Tests.Cli;

/// <summary><c>cloudecon catalog import</c>, <c>audit</c> and <c>list</c> on the real excerpts of Catalog/Import/Data.</summary>
public class CliCatalogImportTest
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Catalog", "Import", "Data", name);

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.json");

    [Fact]
    public void Import_SkyPilot_WritesACatalogThatMergesAndRanks()
    {
        var output = TempFile();
        try
        {
            var result = CliRunner.Run("catalog", "import", "--format", "skypilot", "--provider", "nebius-excerpt", "--as-of", "2026-12-05",
                "--source", "github:skypilot-org/skypilot-catalog/catalogs/v8/nebius/vms.csv@0082b0435f3912ae4c566856b272455cc78f4f61", Data("skypilot-nebius-v8.csv"), "--out", output);
            result.ExitCode.Should().Be(0, result.Error);
            // 3 accelerator instances (H100 x8, H200 x8, L40S x1): 2 + 6 + 1 offers in 3 regions, from 6 rows
            result.Out.Should().StartWith("nebius-excerpt: 3 instances, 9 offers in 3 regions from 6 rows (0 not imported");

            var ranked = CliRunner.Run("catalog", "--catalog", output, "--as-of", "2026-12-05", "rank", "--metric", "accelerator-hour", "--provider", "nebius-excerpt", "--option", "spot", "--format", "json");
            ranked.ExitCode.Should().Be(0, ranked.Error);
            using var json = JsonDocument.Parse(ranked.Out);
            // spot 10.00 / 8 H100 = 1.25 USD per accelerator-hour, the cheapest spot offer of the excerpt (H200: 11.60 / 8 = 1.45)
            var first = json.RootElement.GetProperty("ranked")[0];
            first.GetProperty("instance").GetString().Should().Be("gpu-h100-sxm_8gpu-128vcpu-1600gb");
            first.GetProperty("value").GetProperty("amount").GetDecimal().Should().Be(1.25m);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Import_AwsPriceList_P4dExcerpt_RanksAmongTheEmbeddedAwsOffersOnItsDate()
    {
        var output = TempFile();
        try
        {
            var result = CliRunner.Run("catalog", "import", "--format", "aws-price-list", "--provider", "aws", "--as-of", "2024-05-28",
                "--source", "github:opencost/opencost/pkg/cloud/aws/testdata/pricing-us-east-1.json@9dcbc978d77ac84519f6e8c8a6a81747cf2cd7bc",
                Data("aws-price-list-p4d-us-east-1-2024.json"), "--out", output);
            result.ExitCode.Should().Be(0, result.Error);
            // Two products: p4d.24xlarge on demand (imported) and its capacity-block twin (not an offer).
            result.Out.Should().StartWith("aws: 1 instances, 1 offers in 1 regions from 2 rows (0 not imported");

            var ranked = CliRunner.Run("catalog", "--catalog", output, "--as-of", "2024-06-01", "rank", "--metric", "accelerator-hour", "--provider", "aws", "--option", "on-demand", "--format", "json");
            ranked.ExitCode.Should().Be(0, ranked.Error);
            using var json = JsonDocument.Parse(ranked.Out);
            // 32.7726 USD/h / 8 A100 = 4.096575 USD per accelerator-hour, from the imported file (vendor, as of 2024-05-28)
            var p4d = json.RootElement.GetProperty("ranked").EnumerateArray().Single(r => r.GetProperty("instance").GetString() == "p4d.24xlarge");
            p4d.GetProperty("value").GetProperty("amount").GetDecimal().Should().Be(4.096575m);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Import_AzureRetail_NdPage_RanksTheH100ReservationsAsVendorOneAndThreeYearOffers()
    {
        var output = TempFile();
        try
        {
            var result = CliRunner.Run("catalog", "import", "--format", "azure-retail", "--provider", "azure", "--as-of", "2026-07-27",
                "--source", "github:mrmonroe90/compute-price-tracker/tests/fixtures/azure_retail_eastus_nd_2026-07-27.json@bacf91ddc8a127e8c696ffaf1a9269fee2a675d8",
                Data("azure-retail-nd-eastus-2026-07-27.json"), "--out", output);
            result.ExitCode.Should().Be(0, result.Error);
            result.Out.Should().StartWith("azure: 2 instances, 4 offers in 1 regions from 10 rows (1 not imported");
            result.Error.Should().Contain("cloudecon: not imported: line 10: Standard_ND96is_H100_v5");

            var ranked = CliRunner.Run("catalog", "--catalog", output, "--as-of", "2026-12-05", "rank", "--metric", "accelerator-hour", "--provider", "azure", "--option", "reserved", "--format", "json");
            ranked.ExitCode.Should().Be(0, ranked.Error);
            using var json = JsonDocument.Parse(ranked.Out);
            var h100 = json.RootElement.GetProperty("ranked").EnumerateArray()
                .Where(r => r.GetProperty("instance").GetString() == "Standard_ND96isr_H100_v5" && r.GetProperty("region").GetString() == "eastus").ToList();
            // 1 Year 551221 / 8760 h = 62.924772 per VM-hour / 8 H100 = 7.8655965; 3 Years 1134310 / 26280 h = 43.162481 / 8 = 5.395310125
            h100.Select(r => r.GetProperty("value").GetProperty("amount").GetDecimal()).Should().BeEquivalentTo(new[] { 5.395310125m, 7.8655965m });
            h100.Should().OnlyContain(r => r.GetProperty("confidence").GetString() == "Vendor" && r.GetProperty("asOf").GetString() == "2026-07-27");

            // The table names the term, so the 1- and 3-year rows of one instance and region can be told apart.
            var table = CliRunner.Run("catalog", "--catalog", output, "--as-of", "2026-12-05", "rank", "--metric", "accelerator-hour", "--provider", "azure", "--option", "reserved");
            table.ExitCode.Should().Be(0, table.Error);
            table.Out.Should().Contain("│ Reserved 1y eastus │ 62.9248 │").And.Contain("│ Reserved 3y eastus │ 43.1625 │");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Import_UnmappedRows_AreListedOnStderr()
    {
        var output = TempFile();
        try
        {
            var result = CliRunner.Run("catalog", "import", "--format", "skypilot", "--provider", "lambda-excerpt", "--as-of", "2026-12-05", "--source", "t", Data("skypilot-lambda-v8.csv"), "--out", output);
            result.ExitCode.Should().Be(0, result.Error);
            result.Error.Should().Contain("cloudecon: not imported: line 4: gpu_1x_a100 (A100)");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Import_AzureRetail_NotAPage_IsOneLineDataError()
    {
        var page = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.json");
        File.WriteAllText(page, "[1, 2]");
        var result = CliRunner.Run("catalog", "import", "--format", "azure-retail", "--provider", "azure", "--as-of", "2026-12-05", "--source", "t", page, "--out", TempFile());
        File.Delete(page);
        result.ExitCode.Should().Be(1);
        result.Error.Should().Be($"cloudecon: {page}: An Azure Retail Prices page must be a JSON object with an 'Items' array." + Environment.NewLine);
    }

    [Theory]
    [InlineData("--format", "csv")]
    [InlineData("--as-of", "soon")]
    public void Import_BadArguments_AreUsageErrors(string option, string value)
    {
        var args = new List<string> { "catalog", "import", "--format", "skypilot", "--provider", "x", "--as-of", "2026-12-05", "--source", "t", Data("skypilot-lambda-v8.csv"), "--out", TempFile() };
        args[args.IndexOf(option) + 1] = value;
        var result = CliRunner.Run([.. args]);
        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("cloudecon: ");
    }

    [Fact]
    public void Import_MissingFile_IsOneLineDataError()
    {
        var result = CliRunner.Run("catalog", "import", "--format", "skypilot", "--provider", "x", "--as-of", "2026-12-05", "--source", "t", "/no/such/vms.csv", "--out", TempFile());
        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void Audit_ListsEstimatesAndSecondaryFiguresWithTheirAge()
    {
        var result = CliRunner.Run("catalog", "audit", "--as-of", "2026-12-05", "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        // seeds/catalog/offers.json: the a3-highgpu-8g 1-year CUD rate in us-east4 (61.52) is an ESTIMATE as of 2026-04-07,
        // 242 days before 2026-12-05 (23 days to 2026-04-30, 31+30+31+31+30+31+30 = 214 for May..Nov, 5 into December).
        // (The p5.48xlarge Savings Plan estimate this test used ended on 2026-09-26, replaced by the published rate.)
        var cud = findings.Single(f => f.GetProperty("record").GetString() == "gcp-a3-highgpu-8g/committedUse-12m/us-east4");
        cud.GetProperty("flags").EnumerateArray().Select(x => x.GetString()).Should().Contain("estimate");
        cud.GetProperty("ageDays").GetInt32().Should().Be(242);
        // additions.json: the published p5.48xlarge Savings Plan rate read by a third party is listed as secondary, 69 days old
        // (2026-09-27 to 2026-12-05: 3 + 31 + 30 + 5).
        var sp = findings.Single(f => f.GetProperty("record").GetString() == "aws-p5.48xlarge/savingsPlan-12m-noUpfront/us-east-1/2026-09-27");
        sp.GetProperty("flags").EnumerateArray().Select(x => x.GetString()).Should().Contain("secondary source");
        sp.GetProperty("ageDays").GetInt32().Should().Be(69);
        json.RootElement.GetProperty("summary").GetProperty("estimated").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public void List_ShowsRegionOptionPriceSourceAndAsOf()
    {
        var result = CliRunner.Run("catalog", "list", "--provider", "lambda", "--as-of", "2026-12-05", "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var h100 = json.RootElement.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("instance").GetString() == "gpu_8x_h100_sxm5");
        var offer = h100.GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("region").GetString() == "us-east-1");
        // catalogs/v8/lambda/vms.csv: gpu_8x_h100_sxm5,H100,8.0,208.0,1800.0,31.92,us-east-1
        offer.GetProperty("pricePerHour").GetProperty("amount").GetDecimal().Should().Be(31.92m);
        offer.GetProperty("option").GetString().Should().Be("OnDemand");
        offer.GetProperty("source").GetString().Should().Be("github:skypilot-org/skypilot-catalog/catalogs/v8/lambda/vms.csv@0f4070387edc953d7004cff197940e1918a1d6aa");
        offer.GetProperty("asOf").GetString().Should().Be("2026-12-05");
    }
}
