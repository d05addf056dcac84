using System.CommandLine;
using System.Globalization;
using CloudEconomics.Capital;
using Spectre.Console;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Cli;

internal static partial class Commands
{
    /// <summary>The report: no arguments, <c>report</c> (the embedded seed scenario) or <c>scenario FILE</c>.</summary>
    private static void AddReportCommands(RootCommand root, CliContext context)
    {
        root.Options.Add(AsOf);
        root.SetAction(parse => RunReport(parse, context, ScenarioFile.Default));
        var report = new Command("report", "The seed scenario report (AWS, Q1 2026) from the embedded, sourced defaults.");
        report.SetAction(parse => RunReport(parse, context, ScenarioFile.Default));
        root.Subcommands.Add(report);

        var file = new Argument<FileInfo>("file") { Description = "A scenario JSON file (see seeds/scenarios/scenario.schema.json; copy seeds/scenarios/aws-2026-q1.json to start)." };
        var scenario = new Command("scenario", "The same report for a scenario file of yours.") { file };
        scenario.SetAction(parse => RunReport(parse, context, LoadScenario(parse.GetValue(file)!)));
        root.Subcommands.Add(scenario);
    }

    private static ScenarioFile LoadScenario(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Scenario file '{file.FullName}' does not exist.");
        }
        return ScenarioFile.Load(file.FullName);
    }

    private static int RunReport(ParseResult parse, CliContext context, ScenarioFile scenario)
    {
        var report = SeedReport.Compute(scenario, parse.GetValue(AsOf) is { } text ? ParseDate(text, "--as-of") : null);
        if (parse.GetValue(Format) == OutputFormat.Json)
        {
            context.WriteJson(report);
            return ExitCodes.Success;
        }
        ReportRenderer.Render(report, context);
        return ExitCodes.Success;
    }
}
