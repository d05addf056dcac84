using System.CommandLine;
using System.Globalization;
using CloudEconomics.Analysis;
using CloudEconomics.Charts;
using CloudEconomics.Reports;
using Spectre.Console;
using ChartTornadoBar = CloudEconomics.Charts.TornadoChartBar;
using static CloudEconomics.Cli.Commands;

namespace CloudEconomics.Cli;

/// <summary><c>sensitivity</c>: one-at-a-time sensitivity (tornado) of a standard scenario model.</summary>
internal sealed class SensitivityCommand
{
    /// <summary>What the command was asked: the model (built from the scenario) and where to write a chart.</summary>
    internal sealed record Settings(StandardModel Model, FileInfo? Chart, bool Json);

    private readonly StandardModelOptions models = new();
    private readonly Option<FileInfo?> chart = new("--chart") { Description = "Write the tornado as an SVG chart to this file." };

    internal static Command Build(CliContext context) => new SensitivityCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("sensitivity", "One-at-a-time sensitivity (tornado) of a scenario model: inputs moved to their low and high ends, sorted by swing.") { models.Scenario, models.Model, chart };
        command.WithExamples("""
            One-at-a-time sensitivity (tornado): each input moved to the low and high ends of its range, the others at base;
            bars sorted by swing, largest first.

            Examples:
              cloudecon sensitivity --model token-ratio
              cloudecon sensitivity --model cluster-payback --chart tornado.svg
              cloudecon sensitivity --model token-ratio --scenario my-scenario.json --format json
            """);
        command.SetAction(parse => Execute(context, new Settings(models.Load(parse), parse.GetValue(chart), IsJson(parse))));
        return command;
    }

    internal static SensitivityResult Run(StandardModel standard, out TornadoResult tornado)
    {
        tornado = standard.Model.Tornado();
        return new SensitivityResult(standard.Name, standard.Description, tornado.OutputUnit, tornado.BaseOutput,
            tornado.Bars.Select(b => new SensitivityBar(b.Input.Name, b.Input.Unit, b.Input.BaseValue, b.LowValue, b.HighValue, b.OutputAtLow, b.OutputAtHigh, b.Swing)).ToList(),
            standard.Assumptions);
    }

    private static int Execute(CliContext context, Settings settings)
    {
        var standard = settings.Model;
        var result = Run(standard, out var tornado);
        if (settings.Chart is { } chartFile)
        {
            var bars = tornado.Bars.Select(b => new ChartTornadoBar($"{b.Input.Name} ({Num(b.LowValue)} to {Num(b.HighValue)} {b.Input.Unit})", b.OutputAtLow, b.OutputAtHigh)).ToList();
            File.WriteAllText(chartFile.FullName, SvgCharts.Tornado(bars, tornado.BaseOutput, new ChartOptions($"Sensitivity of {standard.Name}", $"{standard.Name} ({tornado.OutputUnit})", "")));
        }
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }
        context.Out.WriteLine($"{standard.Name}: {standard.Description}");
        context.Out.WriteLine($"Base case: {Num(tornado.BaseOutput)} {tornado.OutputUnit}");
        var table = new Table().Title("Tornado: largest swing first")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Input").AddColumn(new TableColumn("Low").RightAligned()).AddColumn(new TableColumn("Base").RightAligned())
            .AddColumn(new TableColumn("High").RightAligned()).AddColumn(new TableColumn("Output at low").RightAligned()).AddColumn(new TableColumn("Output at high").RightAligned())
            .AddColumn(new TableColumn("Swing").RightAligned());
        int rank = 0;
        foreach (var b in tornado.Bars)
        {
            table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape($"{b.Input.Name} ({b.Input.Unit})"), Num(b.LowValue), Num(b.Input.BaseValue), Num(b.HighValue),
                Num(b.OutputAtLow), Num(b.OutputAtHigh), Num(b.Swing));
        }
        context.Console.Write(table);
        StandardModelOptions.WriteAssumptions(context, standard);
        return ExitCodes.Success;
    }
}

/// <summary>The JSON contract of <c>sensitivity --format json</c>.</summary>
/// <param name="Model">The standard model's name (<c>token-ratio</c>, <c>cluster-payback</c>).</param>
/// <param name="Description">What it computes.</param>
/// <param name="OutputUnit">The output's unit (<c>ratio</c>, <c>months</c>).</param>
/// <param name="BaseOutput">The output with every input at base.</param>
/// <param name="Bars">One bar per input, largest swing first.</param>
/// <param name="Assumptions">Every assumption behind the base values, with sources.</param>
internal sealed record SensitivityResult(string Model, string Description, string OutputUnit, double BaseOutput, IReadOnlyList<SensitivityBar> Bars, IReadOnlyList<string> Assumptions);

/// <summary>One tornado bar: an input moved to its low and high ends, the others at base.</summary>
/// <param name="Input">The input's name.</param>
/// <param name="Unit">The input's unit.</param>
/// <param name="BaseValue">Its base value.</param>
/// <param name="Low">Its low end.</param>
/// <param name="High">Its high end.</param>
/// <param name="OutputAtLow">The output with the input at <paramref name="Low"/>, in the model's unit.</param>
/// <param name="OutputAtHigh">The output with the input at <paramref name="High"/>.</param>
/// <param name="Swing">|output at high - output at low|.</param>
internal sealed record SensitivityBar(string Input, string Unit, double BaseValue, double Low, double High, double OutputAtLow, double OutputAtHigh, double Swing);
