using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Cli;

/// <summary>The command tree.</summary>
internal static partial class Commands
{
    internal static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Output format: table (default) or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("""
            cloudecon: the economics of AI infrastructure. With no command, prints the seed scenario report.

            Examples:
              cloudecon                                   the seed scenario report (AWS, Q1 2026)
              cloudecon npv --rate 0.08 -- -1000 300 400 500
              cloudecon irr -- -1000 300 400 500
              cloudecon payback --flow 2025-01-01=-1000 --flow 2025-12-31=600 --flow 2026-12-31=600
              cloudecon catalog rank --metric pflop-hour --format json
              cloudecon token-cost --model llama-3.1-70b
              cloudecon tco --rent p5.48xlarge
              cloudecon sensitivity --model token-ratio
              cloudecon simulate --model cluster-payback --within 60
              cloudecon calibrate --validate
            """);
        root.Options.Add(Format);
        AddReportCommands(root, context);
        AddFinanceCommands(root, context);
        AddCatalogCommands(root, context);
        root.Subcommands.Add(TokenCostCommand(context));
        root.Subcommands.Add(TcoCommand(context));
        root.Subcommands.Add(CalibrateCommand.Build(context));
        AddAnalysisCommands(root, context);
        HelpExamples.Install(root);
        return root;
    }

    internal static double ParseNumber(string text, string what)
    {
        if (double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        throw new UsageException($"{what} must be a finite number written with a dot for decimals; it was '{text}'.");
    }

    internal static TokenCount ParseTokens(string text, string what)
    {
        double value = ParseNumber(text, what);
        return value >= 1
            ? TokenCount.FromTokens(value)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{what} must be at least 1 token; it was {value:R}."));
    }

    internal static decimal ParseDecimal(string text, string what)
    {
        if (decimal.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new UsageException($"{what} must be a number written with a dot for decimals; it was '{text}'.");
    }

    internal static LocalDate ParseDate(string text, string what)
    {
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : throw new UsageException($"{what} must be an ISO date such as 2025-06-01; it was '{text}'.");
    }

    /// <summary>Numbers given as separate arguments or comma-separated ("-1000,300,400").</summary>
    internal static double[] ParseNumbers(IEnumerable<string> tokens, string what) =>
        tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
              .Select(t => ParseNumber(t, what)).ToArray();

    internal static string Percent(double rate) => rate.ToString("0.####%", CultureInfo.InvariantCulture);
}
