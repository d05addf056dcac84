namespace CloudEconomics.Tests.Cli;

public class CliUsageTest
{
    [Fact]
    public void UnknownCommand_IsUsageError_OneLine()
    {
        var result = CliRunner.Run("no-such-command", "x");
        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("cloudecon: ");
        result.Error.Should().NotContain("   at ", "a user never sees a stack trace");
    }

    [Fact]
    public void UnknownOption_IsUsageError()
    {
        var result = CliRunner.Run("--no-such-option");
        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--no-such-option");
    }

    [Fact]
    public void BadFormat_IsUsageError()
    {
        var result = CliRunner.Run("--format", "xml");
        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("cloudecon: ");
    }

    [Fact]
    public void Help_ShowsUsage()
    {
        var result = CliRunner.Run("--help");
        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("cloudecon").And.Contain("--format");
    }
}
