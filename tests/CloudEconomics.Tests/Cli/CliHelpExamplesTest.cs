namespace CloudEconomics.Tests.Cli;

public class CliHelpExamplesTest
{
    [Theory]
    [InlineData("token-cost")]
    [InlineData("tco")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    [InlineData("simulate")]
    public void CommandHelp_ShowsExamples_EvenWithRequiredOptionsMissing(string command)
    {
        var result = CliRunner.Run(command, "--help");
        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("Examples:").And.Contain($"cloudecon {command}");
    }

    [Fact]
    public void RootHelp_ListsNewCommandsOnOneLineEach()
    {
        var result = CliRunner.Run("--help");
        result.ExitCode.Should().Be(0);
        foreach (var command in new[] { "token-cost", "tco", "sensitivity", "breakeven", "simulate" })
        {
            result.Out.Split('\n').Should().ContainSingle(l => l.TrimStart().StartsWith(command + " "));
        }
    }
}
