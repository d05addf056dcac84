using System.CommandLine;

namespace CloudEconomics.Cli;

/// <summary><c>scenario FILE</c>: the seed report for a scenario file of the user's (JSON contract: the library's <c>SeedReport</c>).</summary>
internal sealed class ScenarioCommand
{
    private readonly Argument<FileInfo> file = new("file") { Description = "A scenario JSON file (see seeds/scenarios/scenario.schema.json; copy seeds/scenarios/aws-2026-q1.json to start)." };

    internal static Command Build(CliContext context) => new ScenarioCommand().Create(context);

    private Command Create(CliContext context)
    {
        var scenario = new Command("scenario", "The same report for a scenario file of yours.") { file };
        scenario.SetAction(parse => ReportCommand.Run(context, ReportCommand.Parse(parse, ReportCommand.WarmUpThen(() => Commands.LoadScenario(parse.GetValue(file)!)))));
        return scenario;
    }
}
