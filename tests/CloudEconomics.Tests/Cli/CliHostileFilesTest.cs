namespace CloudEconomics.Tests.Cli;

/// <summary>Every command that reads a file refuses endless, binary, enormous or deeply nested input with one line and exit code 1.</summary>
public class CliHostileFilesTest
{
    public static TheoryData<string[]> CommandsReadingAFile(string file)
    {
        var data = new TheoryData<string[]>();
        foreach (var args in new[]
                 {
                     new[] { "scenario", file }, ["payback", "--file", file], ["tco", "--file", file], ["catalog", "list", "--catalog", file],
                     ["catalog", "rank", "--catalog", file], ["calibrate", "--measurements", file], ["sensitivity", "--model", "token-ratio", "--scenario", file], ["simulate", "--model", "token-ratio", "--scenario", file],
                 })
        {
            data.Add(args);
        }
        return data;
    }

    public static TheoryData<string[]> DevZero => CommandsReadingAFile("/dev/zero");

    [Theory]
    [MemberData(nameof(DevZero))]
    public void DevZero_IsRefused_WithOneLine_ExitOne(string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(1);
        var line = result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which;
        line.Should().StartWith("cloudecon: ").And.Contain("/dev/zero").And.Contain("not a text file (a NUL byte at offset 0)").And.NotContain("unexpected");
        result.Out.Should().BeEmpty();
    }

    [Theory]
    [InlineData("skypilot", "not a text file")]
    [InlineData("aws-price-list", "malformed JSON")]
    [InlineData("azure-retail", "malformed JSON")]
    public void CatalogImport_OfDevZero_IsRefused_WithOneLineNamingTheFile_ExitOne(string format, string says)
    {
        var output = Path.Combine(Path.GetTempPath(), $"cloudecon-import-{Guid.NewGuid():N}.json");
        var result = CliRunner.Run("catalog", "import", "--format", format, "--provider", "x", "--as-of", "2026-01-01", "--source", "test", "/dev/zero", "--out", output);

        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: /dev/zero: ").And.Contain(says);
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void CatalogImport_OfACsvWithALineLongerThanTheLimit_IsRefusedNamingTheLine()
    {
        // A header, then one line of 5,000 characters: the SkyPilot reader stops at 4,096 (BoundedInput.MaxLineLength).
        var path = Path.Combine(Path.GetTempPath(), $"cloudecon-long-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region\n" + new string('a', 5000) + "\n");
        try
        {
            var result = CliRunner.Run("catalog", "import", "--format", "skypilot", "--provider", "x", "--as-of", "2026-01-01", "--source", "test", path, "--out", path + ".json");
            result.ExitCode.Should().Be(1);
            result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain(path).And.Contain("line 2 is longer than the limit of 4,096 characters");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void HugeFile_IsRefused_NamingTheLimit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cloudecon-huge-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, Enumerable.Repeat((byte)' ', 17 * 1024 * 1024).ToArray());
        try
        {
            foreach (var args in new[] { new[] { "payback", "--file", path }, ["scenario", path], ["tco", "--file", path], ["catalog", "list", "--catalog", path] })
            {
                var result = CliRunner.Run(args);
                result.ExitCode.Should().Be(1, string.Join(' ', args));
                result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain(path).And.Contain("16,777,216");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DeepJson_IsRefused_NamingTheLimit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cloudecon-deep-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new string('[', 100_000) + new string(']', 100_000));
        try
        {
            var scenario = CliRunner.Run("scenario", path);
            scenario.ExitCode.Should().Be(1);
            scenario.Error.Should().Contain("nests JSON deeper than the limit of 64 levels");
            var tco = CliRunner.Run("tco", "--file", path);
            tco.ExitCode.Should().Be(1);
            tco.Error.Should().Contain("nests JSON deeper than the limit of 64 levels");
            var catalog = CliRunner.Run("catalog", "list", "--catalog", path);
            catalog.ExitCode.Should().Be(1);
            catalog.Error.Should().Contain("DocumentTooDeep").And.Contain("limit of 32 levels");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CsvWithAnEndlessLine_IsRefused_WithoutLeakingAnInternalMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cloudecon-line-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "date,amount\n2025-01-01," + new string('9', 100_000) + "\n");
        try
        {
            var result = CliRunner.Run("payback", "--file", path);
            result.ExitCode.Should().Be(1);
            result.Error.TrimEnd().Should().Be($"cloudecon: {path}: $: LineTooLong: The document has a line (line 2) longer than the limit of 4,096 characters.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
