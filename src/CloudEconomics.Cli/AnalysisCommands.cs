using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CloudEconomics.Capital;
using CloudEconomics.Charts;
using Spectre.Console;
using CloudEconomics.Analysis;
using CloudEconomics.Data;
using CloudEconomics.Reports;
using ChartTornadoBar = CloudEconomics.Charts.TornadoChartBar;

namespace CloudEconomics.Cli;

/// <summary><c>sensitivity</c>, <c>breakeven</c> and <c>simulate</c> over the standard scenario models.</summary>
internal static partial class Commands
{
    private static void AddAnalysisCommands(RootCommand root, CliContext context)
    {
        root.Subcommands.Add(SensitivityCommand(context));
        root.Subcommands.Add(BreakevenCommand(context));
        root.Subcommands.Add(SimulateCommand(context));
    }

    private static Option<FileInfo?> ScenarioFileOption() => new("--scenario")
    {
        Description = "A scenario JSON file whose assumptions set the base values (default: the embedded seed scenario, seeds/scenarios/aws-2026-q1.json).",
    };

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

    private static StandardModel LoadStandardModel(ParseResult parse, Option<FileInfo?> scenario, Option<string> model)
    {
        var file = parse.GetValue(scenario);
        var scenarioFile = file is null ? ScenarioFile.Default : LoadScenario(file);
        var date = parse.GetValue(AsOf) is { } text ? ParseDate(text, "--as-of") : (NodaTime.LocalDate?)null;
        return StandardModels.Create(parse.GetValue(model)!, scenarioFile, priceAsOf: date);
    }

    private static string N(double v) => v.ToString(Math.Abs(v) >= 1000 ? "#,0.##" : "0.####", CultureInfo.InvariantCulture);

    private static void WriteAssumptions(CliContext context, StandardModel model)
    {
        context.Out.WriteLine("Assumptions:");
        foreach (var a in model.Assumptions)
        {
            context.Out.WriteLine("  - " + a);
        }
    }

    private static Command SensitivityCommand(CliContext context)
    {
        var scenario = ScenarioFileOption();
        var model = ModelNameOption();
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the tornado as an SVG chart to this file." };
        var command = new Command("sensitivity", "One-at-a-time sensitivity (tornado) of a scenario model: inputs moved to their low and high ends, sorted by swing.") { scenario, model, chart };
        command.WithExamples("""
            One-at-a-time sensitivity (tornado): each input moved to the low and high ends of its range, the others at base;
            bars sorted by swing, largest first.

            Examples:
              cloudecon sensitivity --model token-ratio
              cloudecon sensitivity --model cluster-payback --chart tornado.svg
              cloudecon sensitivity --model token-ratio --scenario my-scenario.json --format json
            """);
        command.SetAction(parse =>
        {
            var standard = LoadStandardModel(parse, scenario, model);
            var tornado = standard.Model.Tornado();
            if (parse.GetValue(chart) is { } chartFile)
            {
                var bars = tornado.Bars.Select(b => new ChartTornadoBar($"{b.Input.Name} ({N(b.LowValue)} to {N(b.HighValue)} {b.Input.Unit})", b.OutputAtLow, b.OutputAtHigh)).ToList();
                File.WriteAllText(chartFile.FullName, SvgCharts.Tornado(bars, tornado.BaseOutput, new ChartOptions($"Sensitivity of {standard.Name}", $"{standard.Name} ({tornado.OutputUnit})", "")));
            }
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new
                {
                    model = standard.Name,
                    description = standard.Description,
                    outputUnit = tornado.OutputUnit,
                    baseOutput = tornado.BaseOutput,
                    bars = tornado.Bars.Select(b => new
                    {
                        input = b.Input.Name,
                        unit = b.Input.Unit,
                        baseValue = b.Input.BaseValue,
                        low = b.LowValue,
                        high = b.HighValue,
                        outputAtLow = b.OutputAtLow,
                        outputAtHigh = b.OutputAtHigh,
                        swing = b.Swing,
                    }),
                    assumptions = standard.Assumptions,
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"{standard.Name}: {standard.Description}");
            context.Out.WriteLine($"Base case: {N(tornado.BaseOutput)} {tornado.OutputUnit}");
            var table = new Table().Title("Tornado: largest swing first")
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Input").AddColumn(new TableColumn("Low").RightAligned()).AddColumn(new TableColumn("Base").RightAligned())
                .AddColumn(new TableColumn("High").RightAligned()).AddColumn(new TableColumn("Output at low").RightAligned()).AddColumn(new TableColumn("Output at high").RightAligned())
                .AddColumn(new TableColumn("Swing").RightAligned());
            int rank = 0;
            foreach (var b in tornado.Bars)
            {
                table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape($"{b.Input.Name} ({b.Input.Unit})"), N(b.LowValue), N(b.Input.BaseValue), N(b.HighValue),
                    N(b.OutputAtLow), N(b.OutputAtHigh), N(b.Swing));
            }
            context.Console.Write(table);
            WriteAssumptions(context, standard);
            return ExitCodes.Success;
        });
        return command;
    }

    private static ScenarioInput FindInput(ScenarioModel model, string name)
        => model.Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException($"Model '{model.Name}' has no input '{name}'; its inputs are: {string.Join(", ", model.Inputs.Select(i => "'" + i.Name + "'"))}.");

    private static Command BreakevenCommand(CliContext context)
    {
        var scenario = ScenarioFileOption();
        var model = ModelNameOption();
        var input = new Option<string>("--input") { Description = "The input to solve for, by name (quote names with spaces: --input \"custom MFU\"); 'cloudecon sensitivity --model ...' lists them.", Required = true };
        var target = new Option<string>("--target") { Description = "The output to hit, in the model's unit (a ratio for token-ratio, months for cluster-payback).", Required = true };
        var low = new Option<string?>("--low") { Description = "Low end of the search range (default: 0.01 for shares such as MFU, MBU and utilisation; otherwise the input's own low end)." };
        var high = new Option<string?>("--high") { Description = "High end of the search range (default: 1 for shares; otherwise the input's own high end)." };
        var command = new Command("breakeven", "The value of one input that makes a scenario model's output hit a target, or 'no breakeven in range'.") { scenario, model, input, target, low, high };
        command.WithExamples("""
            The value of one input that makes the model's output hit a target, the others at base (bracketing root search).
            When the output cannot reach the target inside the range, says so (exit code 0).

            Examples:
              cloudecon breakeven --model token-ratio --input "custom MFU" --target 0.6
              cloudecon breakeven --model cluster-payback --input utilisation --target 36
              cloudecon breakeven --model cluster-payback --input "rental price" --target 60
              cloudecon breakeven --model cluster-payback --input capex --target 24 --low 100000 --high 1000000 --format json
            """);
        command.SetAction(parse =>
        {
            var standard = LoadStandardModel(parse, scenario, model);
            var x = FindInput(standard.Model, parse.GetValue(input)!);
            double goal = ParseNumber(parse.GetValue(target)!, "--target");
            // Shares (MFU, MBU, utilisation) are searched over (0, 1] by default: the question is usually "at what share".
            bool share = x.Unit == "ratio";
            double searchLow = parse.GetValue(low) is { } l ? ParseNumber(l, "--low") : share ? Math.Min(x.Low, 0.01) : x.Low;
            double searchHigh = parse.GetValue(high) is { } h ? ParseNumber(h, "--high") : share ? Math.Max(x.High, 1) : x.High;
            if (!(searchLow < searchHigh))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"The search range must have --low below --high; it was [{searchLow:R}, {searchHigh:R}] for input '{x.Name}'."));
            }
            var result = standard.Model.FindBreakeven(x, goal, searchLow, searchHigh);
            double baseOutput = standard.Model.Evaluate();
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new
                {
                    model = standard.Name,
                    outputUnit = result.OutputUnit,
                    input = x.Name,
                    unit = x.Unit,
                    baseValue = x.BaseValue,
                    baseOutput,
                    target = goal,
                    searchLow = result.SearchLow,
                    searchHigh = result.SearchHigh,
                    found = result.IsFound,
                    value = result.IsFound ? result.Value : (double?)null,
                    outputAtValue = result.IsFound ? result.OutputAtValue : (double?)null,
                    minimumOutput = result.MinimumOutput,
                    maximumOutput = result.MaximumOutput,
                    evaluations = result.Evaluations,
                    message = result.IsFound ? null : NoBreakeven(result, x),
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"{standard.Name}: {standard.Description}");
            context.Out.WriteLine($"Base case: {N(baseOutput)} {result.OutputUnit} with {x.Name} = {N(x.BaseValue)} {x.Unit}");
            context.Out.WriteLine(result.IsFound
                ? $"Breakeven: {x.Name} = {N(result.Value!.Value)} {x.Unit} gives {N(result.OutputAtValue!.Value)} {result.OutputUnit} (target {N(goal)}; searched {N(result.SearchLow)} to {N(result.SearchHigh)}, {result.Evaluations} evaluations)"
                : NoBreakeven(result, x));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string NoBreakeven(BreakevenResult result, ScenarioInput x)
        => $"No breakeven in range: with {x.Name} from {N(result.SearchLow)} to {N(result.SearchHigh)} {x.Unit} the output stays between {N(result.MinimumOutput)} and {N(result.MaximumOutput)} {result.OutputUnit}, never {N(result.Target)}. Widen the range with --low/--high.";

    private static Command SimulateCommand(CliContext context)
    {
        var scenario = ScenarioFileOption();
        var model = ModelNameOption();
        var draws = new Option<int>("--draws") { Description = $"Number of draws, 2 to {MonteCarlo.MaxDraws:N0} (default 1,000,000).", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed gives bit-for-bit the same result on any number of cores (default 2026).", DefaultValueFactory = _ => 2026UL };
        var within = new Option<string?>("--within") { Description = "Report the probability that the output is at most this value (months for cluster-payback, e.g. 60 = a 5-year depreciation life; a ratio for token-ratio)." };
        var bins = new Option<int>("--bins") { Description = "Histogram bins (default 40).", DefaultValueFactory = _ => 40 };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the histogram as an SVG chart to this file." };
        var command = new Command("simulate", "Monte Carlo of a scenario model: mean, standard deviation, percentiles, standard error and P(output <= --within).") { scenario, model, draws, seed, within, bins, chart };
        command.WithExamples("""
            Monte Carlo: draws every uncertain input from its distribution and summarises the output: mean, standard deviation,
            percentiles, the standard error of the mean, and the probability of a condition. Stdout depends only on the inputs
            and the seed; the elapsed time goes to stderr, with a progress indicator when the run takes over a second.

            Examples:
              cloudecon simulate --model cluster-payback --within 60
              cloudecon simulate --model token-ratio --within 0.6 --draws 200000 --seed 7
              cloudecon simulate --model cluster-payback --within 36 --chart payback.svg --format json
            """);
        command.SetAction(parse =>
        {
            var standard = LoadStandardModel(parse, scenario, model);
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
            var stopwatch = Stopwatch.StartNew();
            var result = RunWithProgress(context, () => standard.Model.Simulate(options), $"simulating {n:N0} draws of {standard.Name}");
            stopwatch.Stop();
            if (parse.GetValue(chart) is { } chartFile)
            {
                var h = result.Histogram;
                var histogramBins = h.Counts.Select((c, i) => new HistogramBin(h.LowerEdge(i), h.LowerEdge(i) + h.BinWidth, c)).ToList();
                File.WriteAllText(chartFile.FullName, SvgCharts.Histogram(histogramBins, new ChartOptions(
                    string.Create(CultureInfo.InvariantCulture, $"{standard.Name}: {n:N0} draws, seed {result.Seed}"), $"{standard.Name} ({result.OutputUnit})", "Draws")));
            }
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new
                {
                    model = standard.Name,
                    description = standard.Description,
                    outputUnit = result.OutputUnit,
                    draws = result.Draws,
                    seed = result.Seed,
                    mean = result.Mean,
                    standardDeviation = result.StandardDeviation,
                    standardError = result.StandardError,
                    minimum = result.Minimum,
                    p5 = result.P5,
                    p10 = result.P10,
                    p50 = result.P50,
                    p90 = result.P90,
                    p95 = result.P95,
                    maximum = result.Maximum,
                    conditions = result.Conditions.Select(c => new { condition = c.Condition.Name, count = c.Count, probability = c.Probability, standardError = c.StandardError }),
                    histogram = new { minimum = result.Histogram.Minimum, maximum = result.Histogram.Maximum, binWidth = result.Histogram.BinWidth, counts = result.Histogram.Counts },
                    assumptions = standard.Assumptions,
                });
            }
            else
            {
                context.Out.WriteLine($"{standard.Name}: {standard.Description}");
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Monte Carlo: {result.Draws:N0} draws, seed {result.Seed}; base case {N(standard.Model.Evaluate())} {result.OutputUnit}"));
                var table = new Table().AddColumn("Statistic").AddColumn(new TableColumn(result.OutputUnit).RightAligned());
                table.AddRow("Mean", N(result.Mean));
                table.AddRow("Standard error of the mean", N(result.StandardError));
                table.AddRow("Standard deviation", N(result.StandardDeviation));
                table.AddRow("Minimum", N(result.Minimum));
                table.AddRow("P5", N(result.P5));
                table.AddRow("P10", N(result.P10));
                table.AddRow("P50 (median)", N(result.P50));
                table.AddRow("P90", N(result.P90));
                table.AddRow("P95", N(result.P95));
                table.AddRow("Maximum", N(result.Maximum));
                foreach (var c in result.Conditions)
                {
                    table.AddRow(Markup.Escape($"P({c.Condition.Name})"), string.Create(CultureInfo.InvariantCulture, $"{c.Probability:0.####} (+-{c.StandardError:0.####})"));
                }
                context.Console.Write(table);
                WriteAssumptions(context, standard);
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cloudecon: {result.Draws:N0} draws in {stopwatch.Elapsed.TotalSeconds:0.00} s"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Runs work; when it takes over a second and stderr is a terminal, shows an elapsed-time indicator on stderr
    /// (never on stdout), cleared when the work ends.
    /// </summary>
    internal static T RunWithProgress<T>(CliContext context, Func<T> work, string what)
    {
        bool terminal = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal)
        {
            return work();
        }
        var task = Task.Run(work);
        if (Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(1))).GetAwaiter().GetResult() == task)
        {
            return task.GetAwaiter().GetResult();
        }
        var stopwatch = Stopwatch.StartNew();
        var frames = new[] { '|', '/', '-', '\\' };
        int frame = 0;
        while (Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(200))).GetAwaiter().GetResult() != task)
        {
            context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{frames[frame++ % frames.Length]} {what}... {stopwatch.Elapsed.TotalSeconds + 1:0.0} s"));
        }
        context.Error.Write("\r" + new string(' ', what.Length + 20) + "\r");
        return task.GetAwaiter().GetResult();
    }
}
