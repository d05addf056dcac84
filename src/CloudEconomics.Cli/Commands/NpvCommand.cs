using System.CommandLine;
using System.Globalization;
using CloudEconomics.Finance;

namespace CloudEconomics.Cli;

/// <summary><c>npv</c>: net present value of periodic cash flows, like Excel's NPV.</summary>
internal sealed class NpvCommand
{
    /// <summary>What the command was asked: the rate per period and the flows.</summary>
    internal sealed record Settings(double Rate, double[] Values, bool Json);

    private readonly Option<string> rate = new("--rate") { Description = "Discount rate per period, e.g. 0.08.", Required = true };
    private readonly Argument<string[]> values = ValuesArgument();

    internal static Command Build(CliContext context) => new NpvCommand().Create(context);

    /// <summary>The cash-flow argument of <c>npv</c> and <c>irr</c>.</summary>
    internal static Argument<string[]> ValuesArgument() => new("values")
    {
        Description = "Cash flows, one per period, as separate arguments or comma-separated. Put -- before them when the first is negative.",
        Arity = ArgumentArity.OneOrMore,
    };

    private Command Create(CliContext context)
    {
        var command = new Command("npv", "Net present value of periodic cash flows, like Excel's NPV (the first value is discounted by one period).") { rate, values };
        command.SetAction(parse => Execute(context, new Settings(
            Commands.ParseNumber(parse.GetValue(rate)!, "--rate"), Commands.ParseNumbers(parse.GetValue(values)!, "A cash flow"), Commands.IsJson(parse))));
        return command;
    }

    internal static NpvResult Run(Settings settings) => new("NPV", settings.Rate, settings.Values, CashFlowMath.Npv(settings.Rate, settings.Values));

    private static int Execute(CliContext context, Settings settings)
    {
        var result = Run(settings);
        if (settings.Json)
        {
            context.WriteJson(result);
        }
        else
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NPV at {Commands.Percent(result.Rate)} per period of {result.Values.Count} flows: {result.Npv:#,0.######}"));
        }
        return ExitCodes.Success;
    }
}

/// <summary>The JSON contract of <c>npv --format json</c>.</summary>
/// <param name="Function">Always <c>"NPV"</c>.</param>
/// <param name="Rate">The discount rate per period, as a fraction (0.08 = 8%).</param>
/// <param name="Values">The cash flows, one per period, in the order given (the first is discounted by one period).</param>
/// <param name="Npv">The net present value, in the flows' unit.</param>
internal sealed record NpvResult(string Function, double Rate, IReadOnlyList<double> Values, double Npv);
