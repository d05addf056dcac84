using System.Text;
using System.Text.Json.Nodes;
using CloudEconomics.Inference;
using NodaTime;

namespace CloudEconomics.Tests.Inference.Calibration;

public class ThroughputMeasurementsTest
{
    /// <summary>A valid row in the agreed format (<see cref="MeasurementFiles.Row"/>), changed per test.</summary>
    internal static JsonObject Row(string id = "t-h200-70b-fp8") => MeasurementFiles.Row(id);

    internal static Stream File(params JsonObject[] rows) => MeasurementFiles.File("NVIDIA", rows);

    internal static Stream File(string publisher, params JsonObject[] rows) => MeasurementFiles.File(publisher, rows);

    // A problem's field and row, read from its path "$.measurements[3].chips".
    private static string Field(DataLoadProblem p) => p.Path[(p.Path.LastIndexOf('.') + 1)..];

    private static int? Row(DataLoadProblem p)
    {
        var m = System.Text.RegularExpressions.Regex.Match(p.Path, @"^\$\.measurements\[(\d+)\]");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static DataLoadException Fails(params JsonObject[] rows)
        => FluentActions.Invoking(() => ThroughputMeasurements.Load(File(rows), "bad.json")).Should().Throw<DataLoadException>().Which;

    [Fact]
    public void Load_ValidRow_ReadsEveryField()
    {
        var set = ThroughputMeasurements.Load(File(Row()), "ok.json");
        set.Should().HaveCount(1);
        var m = set[0];
        m.Id.Should().Be("t-h200-70b-fp8");
        m.Publisher.Should().Be("NVIDIA");
        (m.Model, m.Accelerator, m.Chips, m.TensorParallel, m.PipelineParallel).Should().Be(("llama-3.1-70b", "nvidia-h200-sxm", 2, 2, 1));
        m.Precision.Should().Be(NumericPrecision.Fp8);
        m.KvCachePrecision.Should().Be(NumericPrecision.Fp8);
        (m.PromptTokens, m.OutputTokens, m.Mode, m.Concurrency).Should().Be((TokenCount.FromTokens(128), TokenCount.FromTokens(2048), MeasurementMode.Offline, (int?)null));
        m.OutputThroughput.TokensPerSecond.Should().Be(12345.6);
        (m.ReportedMetric, m.ReportedValue).Should().Be(("output tokens/s per GPU", 6172.8));
        m.AsOf.Should().Be(new LocalDate(2025, 2, 1));
        m.Replicas.Should().Be(1);
        set.Sources.Should().Equal("ok.json");
    }

    [Fact]
    public void Load_MissingSource_NamesRowAndField()
    {
        var row = Row();
        row.Remove("source");
        var e = Fails(row);
        e.Problems.Should().ContainSingle();
        e.Problems[0].Should().Be(new DataLoadProblem("bad.json", "$.measurements[0].source", "t-h200-70b-fp8", "Required", "'source' is required (use null where the format allows unknown)."));
        e.Message.Should().Be("bad.json: $.measurements[0].source [t-h200-70b-fp8]: Required: 'source' is required (use null where the format allows unknown).");
    }

    [Fact]
    public void Load_EmptySource_IsRejected()
    {
        var row = Row();
        row["source"] = " ";
        Fails(row).Problems.Should().ContainSingle(p => Field(p) == "source" && p.Message.Contains("non-empty string"));
    }

    [Fact]
    public void Load_UnknownModelAndAccelerator_BothListed()
    {
        var row = Row();
        row["model"] = "llama-9";
        row["accelerator"] = "nvidia-x999";
        var e = Fails(row);
        e.Problems.Select(Field).Should().Equal("model", "accelerator");
        e.Problems[0].Message.Should().Contain("it was 'llama-9'");
        e.Problems[1].Message.Should().Be("'accelerator' must be a catalog accelerator id; it was 'nvidia-x999'.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Load_NonPositiveThroughput_IsRejected(double value)
    {
        var row = Row();
        row["outputTokensPerSecond"] = value;
        Fails(row).Problems.Should().ContainSingle(p => Field(p) == "outputTokensPerSecond" && p.Message.StartsWith("'outputTokensPerSecond' must be a number greater than zero"));
    }

    [Fact]
    public void Load_ParallelismNotDividingChips_IsRejected()
    {
        var row = Row();
        row["chips"] = 6;
        row["tensorParallel"] = 4;
        Fails(row).Problems.Should().ContainSingle().Which.Message.Should().Be("Tensor x pipeline parallelism must divide the chip count; 6 chips is not a multiple of 4 x 1.");
    }

    [Fact]
    public void Load_DuplicateIds_AcrossFiles_IsRejected()
    {
        var e = FluentActions.Invoking(() => ThroughputMeasurements.LoadMany([(File(Row("dup")), "a.json"), (File("AMD", Row("dup")), "b.json")]))
            .Should().Throw<DataLoadException>().Which;
        e.Problems.Should().ContainSingle().Which.Message.Should().Be("Measurement ids must be unique; 'dup' appears 2 times.");
    }

    [Fact]
    public void Load_SeveralBadRows_ListsEveryProblemAndLoadsNothing()
    {
        var a = Row("a");
        a["chips"] = 0;
        var b = Row("b");
        b["precision"] = "fp12";
        var c = Row("c");
        c["mode"] = "concurrency";
        var e = Fails(a, Row("fine"), b, c);
        e.Problems.Select(p => (Row(p), Field(p))).Should().Equal((0, "chips"), (2, "precision"), (3, "concurrency"));
        e.Message.Should().StartWith("bad.json not loaded: 3 problems." + Environment.NewLine + " - bad.json: $.measurements[0].chips [a]: NotAWholeNumber: 'chips' must be a whole number of at least 1; it was 0.");
    }

    [Fact]
    public void Load_WrongTypes_EveryFieldListedWithItsRawValue()
    {
        // The serializer reads the row; a value of the wrong JSON type is a problem of that field, not the end of the file.
        var row = Row();
        row["chips"] = "two";
        row["outputTokensPerSecond"] = "fast";
        row["weightOnlyQuantization"] = 1;
        row["reported"] = null;
        row["note"] = 5;
        var e = Fails(row, Row("fine"), new JsonObject { ["id"] = 7 });
        e.Problems.Where(p => Row(p) == 0).Select(p => (Field(p), p.Rule)).Should().Equal(
            ("chips", "NotAWholeNumber"), ("weightOnlyQuantization", "NotABoolean"), ("outputTokensPerSecond", "NotPositive"),
            ("reported", "InvalidReported"), ("note", "NotAString"));
        e.Problems[0].Message.Should().Be("'chips' must be a whole number of at least 1; it was \"two\".");
        e.Problems[2].Message.Should().Be("'outputTokensPerSecond' must be a number greater than zero; it was \"fast\".");
        e.Problems.Where(p => Row(p) == 2).Should().Contain(p => Field(p) == "id" && p.Rule == "InvalidId")
            .And.Contain(p => Field(p) == "model" && p.Message == "'model' is required (use null where the format allows unknown).");
    }

    [Fact]
    public void Load_NotAnObject_RootAndRow()
    {
        FluentActions.Invoking(() => ThroughputMeasurements.Load(new MemoryStream("[1]"u8.ToArray()), "x.json")).Should().Throw<DataLoadException>()
            .Which.Problems.Should().ContainSingle().Which.Message.Should().Be("The file must be a JSON object with 'formatVersion', 'publisher' and 'measurements'.");
        var e = FluentActions.Invoking(() => ThroughputMeasurements.Load(new MemoryStream("{\"formatVersion\":2,\"publisher\":\"\",\"measurements\":[3]}"u8.ToArray()), "x.json"))
            .Should().Throw<DataLoadException>().Which;
        e.Problems.Select(p => (p.Path, p.Rule)).Should().Equal(("$.formatVersion", "UnsupportedVersion"), ("$.publisher", "Required"), ("$.measurements[0]", "NotAnObject"));
    }

    [Fact]
    public void Default_LoadsTheDocumentedCounts()
    {
        // seeds/measurements/README.md, "Counts (443 rows, 4 publishers)": NVIDIA 270, dstack 108, AWS Neuron 33, AMD 32;
        // per model llama-3.1-70b 141, deepseek-v3 108, mixtral-8x7b 99, llama-3.1-405b 45, llama-3.1-8b 38, llama-2-70b 12;
        // modes 333 offline, 110 concurrency; 78 rows carry TTFT and TPOT.
        var set = ThroughputMeasurements.Default;
        set.Count.Should().Be(443);
        set.GroupBy(m => m.Publisher.Split(' ')[0]).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(
            new Dictionary<string, int> { ["NVIDIA"] = 270, ["dstack"] = 108, ["AWS"] = 33, ["AMD"] = 32 });
        set.GroupBy(m => m.Model).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["llama-3.1-70b"] = 141, ["deepseek-v3"] = 108, ["mixtral-8x7b"] = 99, ["llama-3.1-405b"] = 45, ["llama-3.1-8b"] = 38, ["llama-2-70b"] = 12,
        });
        set.Count(m => m.Mode == MeasurementMode.Offline).Should().Be(333);
        set.Count(m => m.Mode == MeasurementMode.Concurrency).Should().Be(110);
        set.Count(m => m.TimeToFirstTokenMilliseconds is not null && m.TimePerOutputTokenMilliseconds is not null).Should().Be(78);
    }

    [Fact]
    public void Load_BadIdAndDate_AreRejected()
    {
        var row = Row("Upper Case");
        row["asOf"] = "01/02/2025";
        Fails(row).Problems.Select(Field).Should().Equal("id", "asOf");
    }

    [Fact]
    public void Load_TooDeep_FailsBeforeParsing()
    {
        string json = "{\"formatVersion\":1,\"publisher\":\"x\",\"measurements\":[" + new string('[', 70) + new string(']', 70) + "]}";
        var e = FluentActions.Invoking(() => ThroughputMeasurements.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "deep.json"))
            .Should().Throw<DataLoadException>().Which;
        // "{" is level 1 at byte 0, the "[" of measurements level 2 at byte 50, the k-th "[" after it level 2 + k at byte
        // 50 + k: level 65 (one past the limit) is k = 63, byte 113.
        e.Message.Should().Be("deep.json: $: DocumentTooDeep: The document nests JSON deeper than the limit of 64 levels (at byte 113).");
    }

    [Fact]
    public void Load_TooLarge_FailsWithTheLimit()
    {
        var big = new MemoryStream(new byte[16 * 1024 * 1024 + 1]);
        FluentActions.Invoking(() => ThroughputMeasurements.Load(big, "big.json")).Should().Throw<DataLoadException>()
            .WithMessage("big.json: $: DocumentTooLarge: The document is larger than the limit of 16,777,216 bytes (16 MiB); it has at least 16,777,217.");
    }

    [Fact]
    public void Load_NotJson_OneProblem()
    {
        FluentActions.Invoking(() => ThroughputMeasurements.Load(new MemoryStream("{oops"u8.ToArray()), "x.json")).Should().Throw<DataLoadException>()
            .Which.Problems.Should().ContainSingle().Which.Message.Should().StartWith("The file must be valid JSON");
    }

    [Fact]
    public void Default_LoadsEmbeddedFiles_WithUniqueIdsAndSources()
    {
        var set = ThroughputMeasurements.Default;
        set.Select(m => m.Id).Should().OnlyHaveUniqueItems();
        // Issue 12: at least 80 rows from at least 4 independent publishers.
        set.Count.Should().BeGreaterThanOrEqualTo(80);
        set.Publishers.Should().HaveCountGreaterThanOrEqualTo(4);
        set.Should().OnlyContain(m => m.Source.Length > 0 && m.OutputThroughput.TokensPerSecond > 0);
    }
}
