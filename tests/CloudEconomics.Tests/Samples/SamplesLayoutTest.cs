namespace CloudEconomics.Tests.Samples;

/// <summary>
/// Static checks on samples/ and the notebook display script. Running the samples against the packed package is
/// .ci/run-samples.sh's job (it needs the packed package, dotnet-repl and dotnet fsi); these checks keep the layout honest.
/// </summary>
public class SamplesLayoutTest
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudEconomics.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("CloudEconomics.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> Samples() => Directory.EnumerateFiles(Path.Combine(RepoRoot(), "samples"))
        .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".fsx", StringComparison.Ordinal) || f.EndsWith(".dib", StringComparison.Ordinal));

    [Fact]
    public void EverySample_HasExpectedOutputLines()
    {
        var samples = Samples().ToList();
        samples.Should().NotBeEmpty();
        foreach (var sample in samples)
        {
            var expected = Path.Combine(RepoRoot(), "samples", "expected", Path.GetFileNameWithoutExtension(sample) + ".txt");
            File.Exists(expected).Should().BeTrue($"{Path.GetFileName(sample)} needs {expected}");
            File.ReadAllLines(expected).Should().Contain(l => l.Trim().Length > 0);
        }
    }

    [Fact]
    public void EverySample_ReferencesThePackageAtTheLibraryVersion()
    {
        foreach (var sample in Samples())
        {
            var text = File.ReadAllText(sample);
            var reference = sample.EndsWith(".cs", StringComparison.Ordinal) ? "#:package CloudEconomics@0.1.0" : "#r \"nuget: CloudEconomics, 0.1.0\"";
            text.Should().Contain(reference, Path.GetFileName(sample));
            text.Should().NotContain("#i \"nuget:", "CI inserts the local package source; a sample must not carry one");
        }
    }

    [Theory]
    [InlineData("CatalogRanking")]
    [InlineData("IReadOnlyList<RankedInferenceOffer>")]
    [InlineData("CustomSiliconComparison")]
    [InlineData("CashFlowSchedule")]
    [InlineData("PaybackResult")]
    [InlineData("ClusterTco")]
    [InlineData("RentalReturns")]
    [InlineData("SeedReport")]
    [InlineData("TornadoResult")]
    [InlineData("SimulationResult")]
    public void NotebookExtension_RegistersHtmlFormatter(string type)
    {
        var script = File.ReadAllText(Path.Combine(RepoRoot(), "src", "CloudEconomics", "interactive-extensions", "dotnet", "extension.dib"));
        script.Should().Contain($"Formatter.Register<{type}>(");
    }
}
