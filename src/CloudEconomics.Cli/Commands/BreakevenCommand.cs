using System.CommandLine;
using System.Globalization;
using CloudEconomics.Analysis;
using CloudEconomics.Reports;
using static CloudEconomics.Cli.Commands;

namespace CloudEconomics.Cli;

/// <summary><c>breakeven</c>: the value of one input that makes a standard model's output hit a target, or "no breakeven in range".</summary>
internal sealed class BreakevenCommand
{
    /// <summary>What the command was asked: the model, the input to solve for, the target and the search range.</summary>
    internal sealed record Settings(StandardModel Model, ScenarioInput Input, double Target, double Low, double High, bool Json);

    private readonly StandardModelOptions models = new();
    private readonly Option<string> input = new("--input") { Description = "The input to solve for, by name (quote names with spaces: --input \"custom MFU\"); 'cloudecon sensitivity --model ...' lists them.", Required = true };
    private readonly Option<string> target = new("--target") { Description = "The output to hit, in the model's unit (a ratio for token-ratio, months for cluster-payback).", Required = true };
    private readonly Option<string?> low = new("--low") { Description = "Low end of the search range (default: 0.01 for shares such as MFU, MBU and utilisation; otherwise the input's own low end)." };
    private readonly Option<string?> high = new("--high") { Description = "High end of the search range (default: 1 for shares; otherwise the input's own high end)." };

    internal static Command Build(CliContext context) => new BreakevenCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("breakeven", "The value of one input that makes a scenario model's output hit a target, or 'no breakeven in range'.") { models.Scenario, models.Model, input, target, low, high };
        command.WithExamples("""
            The value of one input that makes the model's output hit a target, the others at base (bracketing root search).
            When the output cannot reach the target inside the range, says so (exit code 0).

            Examples:
              cloudecon breakeven --model token-ratio --input "custom MFU" --target 0.6
              cloudecon breakeven --model cluster-payback --input utilisation --target 36
              cloudecon breakeven --model cluster-payback --input "rental price" --target 60
              cloudecon breakeven --model cluster-payback --input capex --target 24 --low 100000 --high 1000000 --format json
            """);
        command.SetAction(parse => Execute(context, Parse(parse)));
        return command;
    }

    private Settings Parse(ParseResult parse)
    {
        var standard = models.Load(parse);
        var x = StandardModelOptions.FindInput(standard.Model, parse.GetValue(input)!);
        double goal = ParseNumber(parse.GetValue(target)!, "--target");
        // Shares (MFU, MBU, utilisation) are searched over (0, 1] by default: the question is usually "at what share".
        bool share = x.Unit == "ratio";
        double searchLow = parse.GetValue(low) is { } l ? ParseNumber(l, "--low") : share ? Math.Min(x.Low, 0.01) : x.Low;
        double searchHigh = parse.GetValue(high) is { } h ? ParseNumber(h, "--high") : share ? Math.Max(x.High, 1) : x.High;
        if (!(searchLow < searchHigh))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"The search range must have --low below --high; it was [{searchLow:R}, {searchHigh:R}] for input '{x.Name}'."));
        }
        return new Settings(standard, x, goal, searchLow, searchHigh, IsJson(parse));
    }

    internal static BreakevenCommandResult Run(Settings settings)
    {
        var x = settings.Input;
        var result = settings.Model.Model.FindBreakeven(x, settings.Target, settings.Low, settings.High);
        double baseOutput = settings.Model.Model.Evaluate();
        return new BreakevenCommandResult(settings.Model.Name, result.OutputUnit, x.Name, x.Unit, x.BaseValue, baseOutput, settings.Target, result.SearchLow, result.SearchHigh,
            result.IsFound, result.IsFound ? result.Value : null, result.IsFound ? result.OutputAtValue : null, result.MinimumOutput, result.MaximumOutput, result.Evaluations,
            result.IsFound ? null : NoBreakeven(result, x));
    }

    private static int Execute(CliContext context, Settings settings)
    {
        var result = Run(settings);
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }
        var standard = settings.Model;
        var x = settings.Input;
        context.Out.WriteLine($"{standard.Name}: {standard.Description}");
        context.Out.WriteLine($"Base case: {Num(result.BaseOutput)} {result.OutputUnit} with {x.Name} = {Num(x.BaseValue)} {x.Unit}");
        context.Out.WriteLine(result.Found
            ? $"Breakeven: {x.Name} = {Num(result.Value!.Value)} {x.Unit} gives {Num(result.OutputAtValue!.Value)} {result.OutputUnit} (target {Num(settings.Target)}; searched {Num(result.SearchLow)} to {Num(result.SearchHigh)}, {result.Evaluations} evaluations)"
            : result.Message);
        return ExitCodes.Success;
    }

    private static string NoBreakeven(BreakevenResult result, ScenarioInput x)
        => $"No breakeven in range: with {x.Name} from {Num(result.SearchLow)} to {Num(result.SearchHigh)} {x.Unit} the output stays between {Num(result.MinimumOutput)} and {Num(result.MaximumOutput)} {result.OutputUnit}, never {Num(result.Target)}. Widen the range with --low/--high.";
}

/// <summary>The JSON contract of <c>breakeven --format json</c>. "Not found" is explicit: <c>found</c> false, <c>value</c> and <c>outputAtValue</c> null, and a <c>message</c>.</summary>
/// <param name="Model">The standard model's name.</param>
/// <param name="OutputUnit">The output's unit.</param>
/// <param name="Input">The input solved for.</param>
/// <param name="Unit">The input's unit.</param>
/// <param name="BaseValue">The input's base value.</param>
/// <param name="BaseOutput">The output with every input at base.</param>
/// <param name="Target">The output to hit.</param>
/// <param name="SearchLow">Low end of the range searched, in the input's unit.</param>
/// <param name="SearchHigh">High end of the range searched.</param>
/// <param name="Found">Whether the output hits the target inside the range.</param>
/// <param name="Value">The input value that hits it; null when not found.</param>
/// <param name="OutputAtValue">The output at <paramref name="Value"/>; null when not found.</param>
/// <param name="MinimumOutput">The lowest output seen over the range.</param>
/// <param name="MaximumOutput">The highest output seen over the range.</param>
/// <param name="Evaluations">Model evaluations made.</param>
/// <param name="Message">Why there is no breakeven, in words; null when found.</param>
internal sealed record BreakevenCommandResult(string Model, string OutputUnit, string Input, string Unit, double BaseValue, double BaseOutput, double Target,
    double SearchLow, double SearchHigh, bool Found, double? Value, double? OutputAtValue, double MinimumOutput, double MaximumOutput, int Evaluations, string? Message);
