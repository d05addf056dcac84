using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEconomics.Tests.Inference.Calibration;

namespace CloudEconomics.Tests.Cli;

public sealed class CliCalibrateTest : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cloudecon-calibrate-" + Guid.NewGuid().ToString("N"));

    public CliCalibrateTest() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string publisher, params JsonObject[] rows)
    {
        string path = Path.Combine(directory, name);
        using var stream = MeasurementFiles.File(publisher, rows);
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }

    private static JsonObject Row(string id, int prompt, int output, double tps)
    {
        var row = MeasurementFiles.Row(id);
        row["promptTokens"] = prompt;
        row["outputTokens"] = output;
        row["outputTokensPerSecond"] = tps;
        return row;
    }

    [Fact]
    public void Json_OneRow_FitsItAndHasEveryFamily()
    {
        // One measurement and five free knobs: the global fit can match it, so the error after is near zero;
        // every family has fewer than 5 rows and uses the global fit.
        var path = Write("mine.json", "Me", Row("r1", 128, 2048, 5000));
        var result = CliRunner.Run("calibrate", "--measurements", path, "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("rows").GetInt32().Should().Be(1);
        root.GetProperty("publishers").EnumerateArray().Select(p => p.GetString()).Should().Equal("Me");
        root.GetProperty("families").EnumerateArray().Select(f => f.GetProperty("family").GetString())
            .Should().Equal("nvidia-ampere", "nvidia-hopper", "nvidia-blackwell", "amd-cdna3", "amd-cdna4", "aws-neuron", "aws-trainium2", "google-tpu");
        root.GetProperty("families").EnumerateArray().Should().OnlyContain(f => !f.GetProperty("fitted").GetBoolean());
        var global = root.GetProperty("global");
        global.GetProperty("errorAfter").GetProperty("median").GetDouble().Should().BeLessThan(0.01);
        global.GetProperty("factors").GetProperty("mbu").GetDouble().Should().BeInRange(0.05, 1);
        root.GetProperty("validation").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Table_PrintsFactorsAndErrorColumns()
    {
        var path = Write("mine.json", "Me", Row("r1", 128, 2048, 5000), Row("r2", 2048, 128, 900));
        var result = CliRunner.Run("calibrate", "--measurements", path);
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("Calibration: 2 estimable measurements from 1 publishers (Me)");
        result.Out.Should().Contain("Before med/P90").And.Contain("After med/P90").And.Contain("nvidia-hopper").And.Contain("global");
    }

    [Fact]
    public void BadFile_OneLineErrorNamingRowAndField_Exit1()
    {
        var bad = Row("r1", 128, 2048, 5000);
        bad["chips"] = 3;
        var path = Write("bad.json", "Me", bad);
        var result = CliRunner.Run("calibrate", "--measurements", path);
        result.ExitCode.Should().Be(1);
        result.Out.Should().BeEmpty();
        result.Error.TrimEnd().Should().Be($"cloudecon: {path}: $.measurements[0].tensorParallel [r1]: ParallelismDoesNotDivideChips: Tensor x pipeline parallelism must divide the chip count; 3 chips is not a multiple of 2 x 1.");
    }

    [Fact]
    public void MissingFile_Exit1()
    {
        var result = CliRunner.Run("calibrate", "--measurements", Path.Combine(directory, "none.json"));
        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("cloudecon: Measurements file '").And.EndWith("does not exist.\n".ReplaceLineEndings());
    }

    [Fact]
    public void Validate_OnePublisher_Exit1()
    {
        var path = Write("mine.json", "Me", Row("r1", 128, 2048, 5000));
        var result = CliRunner.Run("calibrate", "--measurements", path, "--validate");
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("needs measurements from at least two publishers; these have 1.");
    }

    [Fact]
    public void Validate_TwoPublishers_PrintsHeldOutTable()
    {
        var a = Write("a.json", "A", Row("a1", 128, 2048, 5000), Row("a2", 2048, 128, 900));
        var b = Write("b.json", "B", Row("b1", 128, 2048, 5200), Row("b2", 1000, 1000, 2500));
        var result = CliRunner.Run("calibrate", "--measurements", a, "--measurements", b, "--validate", "--format", "json");
        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var all = json.RootElement.GetProperty("validation").GetProperty("all");
        all.GetProperty("before").GetProperty("count").GetInt32().Should().Be(4);
        all.GetProperty("publishers").EnumerateArray().Select(p => p.GetString()).Should().Equal("A", "B");
    }
}
