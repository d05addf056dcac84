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
        root.SetAction(parse => RunReport(parse, context, WarmUpThen(() => ScenarioFile.Default)));
        var report = new Command("report", "The seed scenario report (AWS, Q1 2026) from the embedded, sourced defaults.");
        report.SetAction(parse => RunReport(parse, context, WarmUpThen(() => ScenarioFile.Default)));
        root.Subcommands.Add(report);

        var file = new Argument<FileInfo>("file") { Description = "A scenario JSON file (see seeds/scenarios/scenario.schema.json; copy seeds/scenarios/aws-2026-q1.json to start)." };
        var scenario = new Command("scenario", "The same report for a scenario file of yours.") { file };
        scenario.SetAction(parse => RunReport(parse, context, WarmUpThen(() => LoadScenario(parse.GetValue(file)!))));
        root.Subcommands.Add(scenario);
    }

    /// <summary>
    /// Loads the catalog, the model library and the calibrated factors on a thread-pool thread while this thread reads the
    /// scenario, then draws a throwaway table into a discarded console (Spectre.Console's one-time costs): the report needs
    /// all of these, and on two cores their one-time costs (mostly JIT) overlap with the main thread's. The three data sets
    /// are thread-safe lazy values, so the report's own use waits for the load in flight; a load that fails fails the same
    /// way when the report reaches it, and is reported there. The scratch table writes to <see cref="TextWriter.Null"/>.
    /// </summary>
    private static ScenarioFile WarmUpThen(Func<ScenarioFile> loadScenario)
    {
        ThreadPool.UnsafeQueueUserWorkItem(static _ =>
        {
            try
            {
                _ = CloudEconomics.Catalog.CloudCatalog.Default;
                _ = CloudEconomics.Inference.ModelLibrary.Default;
                _ = CloudEconomics.Inference.EfficiencyCalibration.Default;
                // Spectre.Console's first table (type set-up, JIT, the Unicode width tables) into a discarded console.
                var scratch = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Interactive = InteractionSupport.No,
                    Out = new AnsiConsoleOutput(TextWriter.Null),
                });
                scratch.Write(new Rule("warm-up"));
                scratch.Write(new Table().Title("warm-up").AddColumn("a").AddColumn(new TableColumn("b").RightAligned()).AddRow(Markup.Escape("x [y]"), "1,234.5"));
            }
            catch (Exception)
            {
                // Reported on the report's own thread, which meets the same cached failure.
            }
        }, null);
        return loadScenario();
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
