using System.CommandLine;
using CloudEconomics.Analysis;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Cli;

/// <summary>The options <c>sensitivity</c>, <c>breakeven</c> and <c>simulate</c> share: the scenario file and the standard model.</summary>
internal sealed class StandardModelOptions
{
    internal Option<FileInfo?> Scenario { get; } = new("--scenario")
    {
        Description = "A scenario JSON file whose assumptions set the base values (default: the embedded seed scenario, seeds/scenarios/aws-2026-q1.json).",
    };

    internal Option<string> Model { get; } = ModelNameOption();

    private static Option<string> ModelNameOption()
    {
        var option = new Option<string>("--model")
        {
            Description = $"""
                The model: {StandardModels.TokenRatioName} (custom silicon / GPU blended cost per million tokens, the seed report's AWS like-for-like comparison)
                or {StandardModels.ClusterPaybackName} (months to payback of one owned 8-GPU H100-class server renting out its GPUs).
                """,
            Required = true,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !StandardModels.Names.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--model must be one of {string.Join(", ", StandardModels.Names)}; it was '{value}'.");
            }
        });
        return option;
    }

    /// <summary>The standard model named by <c>--model</c>, built from the scenario (<c>--scenario</c> or the embedded one) at the price date (<c>--as-of</c> or the scenario's).</summary>
    internal StandardModel Load(ParseResult parse)
    {
        var file = parse.GetValue(Scenario);
        var scenarioFile = file is null ? ScenarioFile.Default : Commands.LoadScenario(file);
        var date = parse.GetValue(Commands.AsOf) is { } text ? Commands.ParseDate(text, "--as-of") : (NodaTime.LocalDate?)null;
        return StandardModels.Create(parse.GetValue(Model)!, scenarioFile, priceAsOf: date);
    }

    internal static ScenarioInput FindInput(ScenarioModel model, string name)
        => model.Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException($"Model '{model.Name}' has no input '{name}'; its inputs are: {string.Join(", ", model.Inputs.Select(i => "'" + i.Name + "'"))}.");

    internal static void WriteAssumptions(CliContext context, StandardModel model)
    {
        context.Out.WriteLine("Assumptions:");
        foreach (var a in model.Assumptions)
        {
            context.Out.WriteLine("  - " + a);
        }
    }
}
