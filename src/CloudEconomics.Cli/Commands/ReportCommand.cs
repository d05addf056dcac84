using System.CommandLine;
using Spectre.Console;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Cli;

/// <summary>
/// <c>report</c> (and <c>cloudecon</c> with no command): the seed scenario report from the embedded scenario. Its JSON
/// contract is the library's <see cref="SeedReport"/>; the tables are drawn by <see cref="ReportRenderer"/>.
/// </summary>
internal sealed class ReportCommand
{
    /// <summary>What the report was asked: the scenario and the price date (null: the scenario's own).</summary>
    internal sealed record Settings(ScenarioFile Scenario, NodaTime.LocalDate? PriceAsOf, bool Json);

    internal static Command Build(CliContext context)
    {
        var report = new Command("report", "The seed scenario report (AWS, Q1 2026) from the embedded, sourced defaults.");
        report.SetAction(parse => Run(context, Parse(parse, WarmUpThen(() => ScenarioFile.Default))));
        return report;
    }

    /// <summary>The root command's action: no command prints the report.</summary>
    internal static void Install(RootCommand root, CliContext context)
        => root.SetAction(parse => Run(context, Parse(parse, WarmUpThen(() => ScenarioFile.Default))));

    internal static Settings Parse(ParseResult parse, ScenarioFile scenario)
        => new(scenario, parse.GetValue(Commands.AsOf) is { } text ? Commands.ParseDate(text, "--as-of") : null, Commands.IsJson(parse));

    internal static int Run(CliContext context, Settings settings)
    {
        var report = SeedReport.Compute(settings.Scenario, settings.PriceAsOf);
        if (settings.Json)
        {
            context.WriteJson(report);
            return ExitCodes.Success;
        }
        ReportRenderer.Render(report, context);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Loads the catalog on one thread-pool work item and the model library and the calibrated factors on another while
    /// this thread reads the scenario, then draws a throwaway table into a discarded console (Spectre.Console's one-time
    /// costs): the report needs
    /// all of these, and on two cores their one-time costs (mostly JIT) overlap with the main thread's. The three data sets
    /// are thread-safe lazy values, so the report's own use waits for the load in flight; a load that fails fails the same
    /// way when the report reaches it, and is reported there. The scratch table writes to <see cref="TextWriter.Null"/>.
    /// </summary>
    internal static ScenarioFile WarmUpThen(Func<ScenarioFile> loadScenario)
    {
        // The catalog alone on one work item (the report waits for it first), the rest on another, so that the second
        // core is not idle while the main thread, done with the scenario and the capital figures, waits for the catalog.
        ThreadPool.UnsafeQueueUserWorkItem(static _ =>
        {
            try
            {
                _ = CloudEconomics.Catalog.CloudCatalog.Default;
            }
            catch (Exception)
            {
                // Reported on the report's own thread, which meets the same cached failure.
            }
        }, null);
        ThreadPool.UnsafeQueueUserWorkItem(static _ =>
        {
            try
            {
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
                scratch.Write(new Table().Title("warm-up").AddColumn("a").AddColumn(new TableColumn("b").RightAligned()).AddRow(new Text("x [y]"), new Text("1,234.5")));
            }
            catch (Exception)
            {
                // Reported on the report's own thread, which meets the same cached failure.
            }
        }, null);
        return loadScenario();
    }
}
