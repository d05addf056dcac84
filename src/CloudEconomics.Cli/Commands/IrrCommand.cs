using System.CommandLine;
using System.Globalization;
using CloudEconomics.Finance;

namespace CloudEconomics.Cli;

/// <summary><c>irr</c>: internal rate of return per period of periodic cash flows, like Excel's IRR.</summary>
internal sealed class IrrCommand
{
    /// <summary>What the command was asked: the starting guess and the flows.</summary>
    internal sealed record Settings(double Guess, double[] Values, bool Json);

    private readonly Option<string> guess = new("--guess") { Description = "Starting guess, as Excel's (default 0.1).", DefaultValueFactory = _ => "0.1" };
    private readonly Argument<string[]> values = NpvCommand.ValuesArgument();

    internal static Command Build(CliContext context) => new IrrCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("irr", "Internal rate of return per period of periodic cash flows, like Excel's IRR.") { guess, values };
        command.SetAction(parse => Execute(context, new Settings(
            Commands.ParseNumber(parse.GetValue(guess)!, "--guess"), Commands.ParseNumbers(parse.GetValue(values)!, "A cash flow"), Commands.IsJson(parse))));
        return command;
    }

    internal static IrrResult Run(Settings settings) => new("IRR", settings.Values, CashFlowMath.Irr(settings.Values, settings.Guess));

    private static int Execute(CliContext context, Settings settings)
    {
        var result = Run(settings);
        if (settings.Json)
        {
            context.WriteJson(result);
        }
        else
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IRR per period of {result.Values.Count} flows: {result.Irr:0.##########} ({Commands.Percent(result.Irr)})"));
        }
        return ExitCodes.Success;
    }
}

/// <summary>The JSON contract of <c>irr --format json</c>.</summary>
/// <param name="Function">Always <c>"IRR"</c>.</param>
/// <param name="Values">The cash flows, one per period, in the order given.</param>
/// <param name="Irr">The internal rate of return per period, as a fraction (0.0889 = 8.89%).</param>
internal sealed record IrrResult(string Function, IReadOnlyList<double> Values, double Irr);
