using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CloudEconomics.Analysis;
using CloudEconomics.Charts;
using CloudEconomics.Reports;
using Spectre.Console;
using static CloudEconomics.Cli.Commands;

namespace CloudEconomics.Cli;

/// <summary><c>simulate</c>: Monte Carlo of a standard scenario model.</summary>
internal sealed class SimulateCommand
{
    /// <summary>What the command was asked: the model, the simulation options (draws, seed, bins, the condition) and where to write a chart.</summary>
    internal sealed record Settings(StandardModel Model, SimulationOptions Options, FileInfo? Chart, bool Json);

    private readonly StandardModelOptions models = new();
    private readonly Option<int> draws = new("--draws") { Description = $"Number of draws, 2 to {MonteCarlo.MaxDraws:N0} (default 1,000,000).", DefaultValueFactory = _ => 1_000_000 };
    private readonly Option<ulong> seed = new("--seed") { Description = "Random seed: the same seed gives bit-for-bit the same result on any number of cores (default 2026).", DefaultValueFactory = _ => 2026UL };
    private readonly Option<string?> within = new("--within") { Description = "Report the probability that the output is at most this value (months for cluster-payback, e.g. 60 = a 5-year depreciation life; a ratio for token-ratio)." };
    private readonly Option<int> bins = new("--bins") { Description = "Histogram bins (default 40).", DefaultValueFactory = _ => 40 };
    private readonly Option<FileInfo?> chart = new("--chart") { Description = "Write the histogram as an SVG chart to this file." };

    internal static Command Build(CliContext context) => new SimulateCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("simulate", "Monte Carlo of a scenario model: mean, standard deviation, percentiles, standard error and P(output <= --within).") { models.Scenario, models.Model, draws, seed, within, bins, chart };
        command.WithExamples("""
            Monte Carlo: draws every uncertain input from its distribution and summarises the output: mean, standard deviation,
            percentiles, the standard error of the mean, and the probability of a condition. Stdout depends only on the inputs
            and the seed; the elapsed time goes to stderr, with a status display on an interactive terminal (never in JSON or redirected output).

            Examples:
              cloudecon simulate --model cluster-payback --within 60
              cloudecon simulate --model token-ratio --within 0.6 --draws 200000 --seed 7
              cloudecon simulate --model cluster-payback --within 36 --chart payback.svg --format json
            """);
        command.SetAction(parse => Execute(context, Parse(parse)));
        return command;
    }

    private Settings Parse(ParseResult parse)
    {
        var standard = models.Load(parse);
        int n = parse.GetValue(draws);
        if (n < 2 || n > MonteCarlo.MaxDraws)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--draws must be between 2 and {MonteCarlo.MaxDraws:N0}; it was {n:N0}."));
        }
        int binCount = parse.GetValue(bins);
        if (binCount < 1 || binCount > 1000)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--bins must be between 1 and 1,000; it was {binCount}."));
        }
        double? threshold = parse.GetValue(within) is { } w ? ParseNumber(w, "--within") : null;
        var options = new SimulationOptions
        {
            Draws = n,
            Seed = parse.GetValue(seed),
            HistogramBins = binCount,
            Conditions = threshold is { } t ? [OutputCondition.AtMost(t)] : [],
        };
        return new Settings(standard, options, parse.GetValue(chart), IsJson(parse));
    }

    internal static SimulateResult ToResult(StandardModel standard, SimulationResult result) => new(
        standard.Name, standard.Description, result.OutputUnit, result.Draws, result.Seed, result.Mean, result.StandardDeviation, result.StandardError,
        result.Minimum, result.Percentile(0.05).Value, result.Percentile(0.10).Value, result.Percentile(0.50).Value, result.Percentile(0.90).Value,
        result.Percentile(0.95).Value, result.IsReached(result.Maximum) ? result.Maximum : null,
        result.NotReached is { } limit ? new SimulateNotReached(limit.Value, limit.Meaning, result.ProbabilityNotReached!.Value) : null,
        result.Conditions.Select(c => new SimulateCondition(c.Condition.Name, c.Count, c.Probability, c.StandardError)).ToList(),
        new SimulateHistogram(result.Histogram.Minimum, result.Histogram.Maximum, result.Histogram.BinWidth, result.Histogram.Counts),
        standard.Assumptions);

    private static int Execute(CliContext context, Settings settings)
    {
        var standard = settings.Model;
        int n = settings.Options.Draws;
        var stopwatch = Stopwatch.StartNew();
        var result = context.WithStatus(string.Create(CultureInfo.InvariantCulture, $"simulating {n:N0} draws of {standard.Name}"), settings.Json,
            () => standard.Model.Simulate(settings.Options));
        stopwatch.Stop();
        if (settings.Chart is { } chartFile)
        {
            var h = result.Histogram;
            var histogramBins = h.Counts.Select((c, i) => new HistogramBin(h.LowerEdge(i), h.LowerEdge(i) + h.BinWidth, c)).ToList();
            File.WriteAllText(chartFile.FullName, SvgCharts.Histogram(histogramBins, new ChartOptions(
                string.Create(CultureInfo.InvariantCulture, $"{standard.Name}: {n:N0} draws, seed {result.Seed}"), $"{standard.Name} ({result.OutputUnit})", "Draws")));
        }
        if (settings.Json)
        {
            context.WriteJson(ToResult(standard, result));
        }
        else
        {
        context.Out.WriteLine($"{standard.Name}: {standard.Description}");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Monte Carlo: {result.Draws:N0} draws, seed {result.Seed}; base case {Num(standard.Model.Evaluate())} {result.OutputUnit}"));
        var table = new Table().AddColumn("Statistic").AddColumn(new TableColumn(result.OutputUnit).RightAligned());
        string notReached = result.NotReached?.Meaning ?? "";
        string Stat(double? value) => value is { } v ? Num(v) : notReached;
        bool censored = result.ProbabilityNotReached > 0;
        table.AddRow(censored ? Markup.Escape($"Mean (counts not reached as {Num(result.NotReached!.Value)})") : "Mean", Num(result.Mean));
        table.AddRow("Standard error of the mean", Num(result.StandardError));
        table.AddRow("Standard deviation", Num(result.StandardDeviation));
        table.AddRow("Minimum", Num(result.Minimum));
        table.AddRow("P5", Stat(result.Percentile(0.05).Value));
        table.AddRow("P10", Stat(result.Percentile(0.10).Value));
        table.AddRow("P50 (median)", Stat(result.Percentile(0.50).Value));
        table.AddRow("P90", Stat(result.Percentile(0.90).Value));
        table.AddRow("P95", Stat(result.Percentile(0.95).Value));
        table.AddRow("Maximum", Stat(result.IsReached(result.Maximum) ? result.Maximum : null));
        if (result.NotReached is not null && result.ProbabilityNotReached is { } share)
        {
            table.AddRow(Markup.Escape($"P({notReached})"), string.Create(CultureInfo.InvariantCulture, $"{share:0.####}"));
        }
        foreach (var c in result.Conditions)
        {
            table.AddRow(Markup.Escape($"P({c.Condition.Name})"), string.Create(CultureInfo.InvariantCulture, $"{c.Probability:0.####} (+-{c.StandardError:0.####})"));
        }
        context.Console.Write(table);
        StandardModelOptions.WriteAssumptions(context, standard);
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cloudecon: {result.Draws:N0} draws in {stopwatch.Elapsed.TotalSeconds:0.00} s"));
        }
        return ExitCodes.Success;
    }
}

/// <summary>The JSON contract of <c>simulate --format json</c>. Every statistic is in <c>outputUnit</c>.</summary>
/// <param name="Model">The standard model's name.</param>
/// <param name="Description">What it computes.</param>
/// <param name="OutputUnit">The output's unit (<c>ratio</c>, <c>months</c>).</param>
/// <param name="Draws">Draws made.</param>
/// <param name="Seed">The random seed (same seed, same result on any number of cores).</param>
/// <param name="Mean">The mean output; draws that are not reached (see <paramref name="NotReached"/>) count at the capped value, so it is then a lower bound.</param>
/// <param name="StandardDeviation">The standard deviation of the output.</param>
/// <param name="StandardError">The standard error of the mean.</param>
/// <param name="Minimum">The lowest output drawn.</param>
/// <param name="P5">The 5th percentile; null when it is not reached (<paramref name="NotReached"/> says what that means).</param>
/// <param name="P10">The 10th percentile; null when not reached.</param>
/// <param name="P50">The median; null when not reached.</param>
/// <param name="P90">The 90th percentile; null when not reached.</param>
/// <param name="P95">The 95th percentile; null when not reached.</param>
/// <param name="Maximum">The highest output drawn; null when some draw was not reached.</param>
/// <param name="NotReached">The model's "not reached" output, its meaning and the share of draws at it; null when the model has none.</param>
/// <param name="Conditions">The probability of each condition (<c>--within</c>); empty when none.</param>
/// <param name="Histogram">The histogram of the output.</param>
/// <param name="Assumptions">Every assumption behind the inputs' distributions, with sources.</param>
internal sealed record SimulateResult(string Model, string Description, string OutputUnit, int Draws, ulong Seed, double Mean, double StandardDeviation, double StandardError,
    double Minimum, double? P5, double? P10, double? P50, double? P90, double? P95, double? Maximum, SimulateNotReached? NotReached, IReadOnlyList<SimulateCondition> Conditions, SimulateHistogram Histogram,
    IReadOnlyList<string> Assumptions);

/// <summary>A model's "not reached" output: the capped value its censored draws carry and what it means.</summary>
/// <param name="Value">The capped output, e.g. 120 (months) for cluster-payback.</param>
/// <param name="Meaning">What it means, e.g. <c>not paid back within 120 months</c>.</param>
/// <param name="Probability">The share of draws at it, 0 to 1.</param>
internal sealed record SimulateNotReached(double Value, string Meaning, double Probability);

/// <summary>A condition's probability.</summary>
/// <param name="Condition">The condition, such as <c>output &lt;= 60</c>.</param>
/// <param name="Count">Draws that meet it.</param>
/// <param name="Probability">Count / draws, 0 to 1.</param>
/// <param name="StandardError">The probability's standard error.</param>
internal sealed record SimulateCondition(string Condition, long Count, double Probability, double StandardError);

/// <summary>The histogram of the output: equal-width bins from <paramref name="Minimum"/> to <paramref name="Maximum"/>.</summary>
/// <param name="Minimum">Lower edge of the first bin.</param>
/// <param name="Maximum">Upper edge of the last bin.</param>
/// <param name="BinWidth">Width of a bin.</param>
/// <param name="Counts">Draws per bin.</param>
internal sealed record SimulateHistogram(double Minimum, double Maximum, double BinWidth, IReadOnlyList<long> Counts);
