using System.CommandLine;
using System.Globalization;
using CloudEconomics.Inference;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary>
/// <c>calibrate</c>: fits the roofline's efficiency factors per accelerator family to a measurements file (or the
/// embedded seeds), prints them with the error before and after; <c>--validate</c> prints the leave-one-publisher-out
/// error; <c>--write-shipped</c> regenerates <c>seeds/calibration/efficiency.json</c>.
/// </summary>
internal sealed class CalibrateCommand
{
    private readonly Option<FileInfo[]> measurements = new("--measurements")
    {
        Description = "A measurements file in the format of seeds/measurements/*.json (repeat for several); default: the embedded seed measurements.",
    };

    private readonly Option<bool> validate = new("--validate")
    {
        Description = "Leave-one-publisher-out validation: fit on every other publisher, estimate the held-out rows; error per family before and after.",
    };

    private readonly Option<string?> parameters = new("--parameters")
    {
        Description = "Comma-separated knobs to fit (default all): mfu, mbu, interconnectEfficiency, allReduceLatencySeconds, stepOverheadSeconds.",
    };

    private readonly Option<bool> unbalanced = new("--unbalanced")
    {
        Description = "Weigh every row alike (by default each publisher's rows weigh the same in total).",
    };

    private readonly Option<FileInfo?> writeShipped = new("--write-shipped")
    {
        Description = "Also write the fit as a calibration file (the format of seeds/calibration/efficiency.json) to this path.",
    };

    private readonly Option<string?> fitDate = new("--fit-date")
    {
        Description = "With --write-shipped: the fit date to record (ISO date; default today, UTC).",
    };

    /// <summary>What the command was asked to do.</summary>
    private sealed record Settings(IReadOnlyList<FileInfo> Files, bool Validate, CalibrationOptions Options, FileInfo? WriteShipped, LocalDate FitDate, bool Json);

    /// <summary>What it computed.</summary>
    internal sealed record Result(ThroughputMeasurements Measurements, CalibrationOptions Options, EfficiencyCalibration Calibration, CalibrationValidation? Validation);

    internal static Command Build(CliContext context) => new CalibrateCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("calibrate", "Fit the roofline's efficiency factors per accelerator family to published throughput measurements; error before and after.")
        {
            measurements, validate, parameters, unbalanced, writeShipped, fitDate,
        };
        command.WithExamples("""
            Calibration. Estimates every measurement with the roofline on its own setting (accelerator, chips, TP/PP,
            precision recipe, prompt/output lengths; offline rows at the memory-limited maximum batch), then fits MFU,
            MBU, link efficiency, all-reduce latency and per-step overhead per accelerator family, robustly in log space
            (Huber loss). Prints the factors and the error |estimate/measured - 1| (median, P90) before (defaults) and
            after; families without enough rows use the global fit. A bad file: one line naming the row, field and rule.

            Examples:
              cloudecon calibrate                                  (the embedded seed measurements)
              cloudecon calibrate --measurements my-benchmarks.json --format json
              cloudecon calibrate --validate                       (leave-one-publisher-out error per family)
              cloudecon calibrate --write-shipped seeds/calibration/efficiency.json
            """);
        command.SetAction(parse =>
        {
            var settings = new Settings(
                parse.GetValue(measurements) ?? [],
                parse.GetValue(validate),
                new CalibrationOptions
                {
                    BalancePublishers = !parse.GetValue(unbalanced),
                    FitParameters = parse.GetValue(parameters) is { } names
                        ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        : CalibrationOptions.Default.FitParameters,
                },
                parse.GetValue(writeShipped),
                parse.GetValue(fitDate) is { } d ? Commands.ParseDate(d, "--fit-date") : SystemClock.Instance.GetCurrentInstant().InUtc().Date,
                parse.GetValue(Commands.Format) == OutputFormat.Json);
            var result = context.WithStatus(settings.Validate ? "calibrating and validating (leave one publisher out)" : "calibrating", settings.Json, () => Run(settings));
            if (settings.WriteShipped is { } path)
            {
                File.WriteAllText(path.FullName, result.Calibration.ToJson(settings.FitDate, MeasurementSetName(result.Measurements)));
            }
            if (settings.Json)
            {
                context.WriteJson(ToResult(result));
            }
            else
            {
                Render(context, result);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Result Run(Settings settings)
    {
        ThroughputMeasurements set;
        if (settings.Files.Count == 0)
        {
            set = ThroughputMeasurements.Default;
        }
        else
        {
            var streams = new List<(Stream, string)>();
            try
            {
                foreach (var file in settings.Files)
                {
                    if (!file.Exists)
                    {
                        throw new InvalidDataException($"Measurements file '{file.FullName}' does not exist.");
                    }
                    streams.Add((file.OpenRead(), file.ToString()));
                }
                set = ThroughputMeasurements.LoadMany(streams);
            }
            catch (DataLoadException e)
            {
                throw new InvalidDataException(e.Message);
            }
            finally
            {
                foreach (var (s, _) in streams)
                {
                    s.Dispose();
                }
            }
        }
        EfficiencyCalibration calibration;
        try
        {
            calibration = ThroughputCalibration.Fit(set, settings.Options);
        }
        catch (ArgumentException e) when (e.ParamName is "measurements" or "options")
        {
            throw new InvalidDataException(e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var i and >= 0 ? i : e.Message.Length)]);
        }
        CalibrationValidation? validation = null;
        if (settings.Validate)
        {
            if (set.Publishers.Count < 2)
            {
                throw new InvalidDataException($"--validate leaves one publisher out at a time and needs measurements from at least two publishers; these have {set.Publishers.Count}.");
            }
            validation = ThroughputCalibration.ValidateLeaveOnePublisherOut(set, settings.Options);
        }
        return new Result(set, settings.Options, calibration, validation);
    }

    private static string MeasurementSetName(ThroughputMeasurements set)
        => string.Create(CultureInfo.InvariantCulture, $"{set.Count} rows from {string.Join(", ", set.Sources.Select(s => s.Replace("CloudEconomics.Seeds.measurements.", "seeds/measurements/", StringComparison.Ordinal)))}");

    /// <summary>"NVIDIA (TensorRT-LLM performance overview)" as "NVIDIA".</summary>
    private static string ShortPublisher(string publisher) => publisher.IndexOf(" (", StringComparison.Ordinal) is var i and > 0 ? publisher[..i] : publisher;

    private static string Pct(double? v) => v is { } x ? x.ToString("0.0%", CultureInfo.InvariantCulture) : "-";

    private static void Render(CliContext context, Result result)
    {
        var c = result.Calibration;
        var table = new Table().Title(string.Create(CultureInfo.InvariantCulture,
                $"Calibration: {c.Rows} estimable measurements from {c.Publishers.Count} publishers ({string.Join(", ", c.Publishers)})"))
            .AddColumn("Family").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("Fit")
            .AddColumn(new TableColumn("MFU").RightAligned()).AddColumn(new TableColumn("MBU").RightAligned()).AddColumn(new TableColumn("Link").RightAligned())
            .AddColumn(new TableColumn("AR us").RightAligned()).AddColumn(new TableColumn("Step ms").RightAligned())
            .AddColumn(new TableColumn("Before med/P90").RightAligned()).AddColumn(new TableColumn("After med/P90").RightAligned());
        foreach (var f in c.Families.Append(c.Global).Concat(c.ClassFits.Where(x => x.Fitted)))
        {
            var e = f.Factors;
            table.AddRow(
                Markup.Escape(f.Family + f.ModelClass switch { ModelClass.Dense => "/dense", ModelClass.MixtureOfExperts => "/MoE", _ => "" }), f.Rows.ToString(CultureInfo.InvariantCulture), f.Fitted ? (f.Family == CalibratedFactors.GlobalFamily ? "all" : "own") : "global",
                e.Mfu.ToString("0.000", CultureInfo.InvariantCulture), e.Mbu.ToString("0.000", CultureInfo.InvariantCulture),
                e.InterconnectEfficiency.ToString("0.000", CultureInfo.InvariantCulture),
                (e.AllReduceLatencySeconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture), (e.StepOverheadSeconds * 1e3).ToString("0.00", CultureInfo.InvariantCulture),
                $"{Pct(f.ErrorBefore?.Median)} / {Pct(f.ErrorBefore?.P90)}", $"{Pct(f.ErrorAfter?.Median)} / {Pct(f.ErrorAfter?.P90)}");
        }
        context.Console.Write(table);
        context.Out.WriteLine("Error: |estimate/measured - 1| over the family's rows, before (default factors) and after (fitted factors), in sample. Families with fewer than 5 rows use the global fit; dense / MoE rows: fits by model class where a class has 5 rows.");
        if (c.Skipped.Count > 0)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Skipped {c.Skipped.Count} measurement{(c.Skipped.Count == 1 ? "" : "s")} that cannot be estimated, e.g. {c.Skipped[0].Id}: {(c.Skipped[0].Reason.Length > 120 ? c.Skipped[0].Reason[..120] + "..." : c.Skipped[0].Reason)} (all: --format json)."));
        }
        if (result.Validation is { } v)
        {
            var held = new Table().Title("Leave-one-publisher-out: fit on the other publishers, estimate the held-out publisher's rows")
                .AddColumn("Family").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("Held-out publishers")
                .AddColumn(new TableColumn("Before median").RightAligned()).AddColumn(new TableColumn("Before P90").RightAligned())
                .AddColumn(new TableColumn("After median").RightAligned()).AddColumn(new TableColumn("After P90").RightAligned());
            foreach (var row in v.Families.Append(v.All))
            {
                held.AddRow(Markup.Escape(row.Family), row.Before.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", row.Publishers.Select(ShortPublisher))),
                    Pct(row.Before.Median), Pct(row.Before.P90), Pct(row.After.Median), Pct(row.After.P90));
            }
            context.Console.Write(held);
        }
    }

    private static CalibrateFamily Family(FamilyCalibration f) => new(
        f.Family, f.ModelClass.ToString(), f.Name, f.Accelerators, f.Fitted, f.Rows,
        new CalibrateFactors(f.Factors.Mfu, f.Factors.Mbu, f.Factors.InterconnectEfficiency, f.Factors.AllReduceLatencySeconds, f.Factors.StepOverheadSeconds, f.Factors.UsableMemoryFraction),
        f.ErrorBefore, f.ErrorAfter);

    private static CalibrateValidationRow Row(CalibrationValidationRow r) => new(r.Family, r.Publishers, r.Before, r.After);

    /// <summary>The calibration as the result record (each measurement estimated before and after the fit).</summary>
    internal static CalibrateResult ToResult(Result result)
    {
        var c = result.Calibration;
        return new CalibrateResult(
            c.Rows, c.Publishers, result.Measurements.Sources, c.FittedParameters, Family(c.Global), c.Families.Select(Family).ToList(), c.ClassFits.Select(Family).ToList(), c.Skipped,
            result.Measurements.Select(m =>
            {
                double? before = ThroughputCalibration.Estimate(m, c.Baseline, result.Options, out _);
                var fit = ModelLibrary.Default.TryGet(m.Model, out var profile) ? c.For(m.Accelerator, profile) : c.For(m.Accelerator);
                double? after = ThroughputCalibration.Estimate(m, fit.Factors, result.Options, out _);
                double measured = m.OutputThroughput.TokensPerSecond;
                return new CalibrateMeasurement(m.Id, m.Publisher, m.Accelerator, fit.Family, fit.ModelClass.ToString(), measured, before, after, before / measured, after / measured);
            }).ToList(),
            result.Validation is { } v ? new CalibrateValidation("leave-one-publisher-out", v.Families.Select(Row).ToList(), Row(v.All)) : null);
    }
}

/// <summary>The JSON contract of <c>calibrate --format json</c>. Errors are <c>{"count", "median", "p90", "ratioP10", "ratioP50", "ratioP90"}</c>: |estimate/measured - 1| and estimate/measured.</summary>
/// <param name="Rows">Estimable measurements fitted.</param>
/// <param name="Publishers">Their publishers.</param>
/// <param name="Sources">The measurement files read.</param>
/// <param name="FittedParameters">The knobs fitted (<c>mfu</c>, <c>mbu</c>, ...).</param>
/// <param name="Global">The fit over every row.</param>
/// <param name="Families">The fit per accelerator family.</param>
/// <param name="ClassFits">The fits per model class (dense, mixture of experts) where a class has enough rows.</param>
/// <param name="Skipped">Measurements that cannot be estimated, with the reason.</param>
/// <param name="Measurements">Every measurement with its estimate before (default factors) and after (fitted) the fit.</param>
/// <param name="Validation">Leave-one-publisher-out error with <c>--validate</c>; null otherwise.</param>
internal sealed record CalibrateResult(int Rows, IReadOnlyList<string> Publishers, IReadOnlyList<string> Sources, IReadOnlyList<string> FittedParameters,
    CalibrateFamily Global, IReadOnlyList<CalibrateFamily> Families, IReadOnlyList<CalibrateFamily> ClassFits, IReadOnlyList<SkippedMeasurement> Skipped,
    IReadOnlyList<CalibrateMeasurement> Measurements, CalibrateValidation? Validation);

/// <summary>One fit: a family's (or the global or a model class's) factors and its error before and after.</summary>
/// <param name="Family">The accelerator family (<c>global</c> for the fit over every row).</param>
/// <param name="ModelClass"><c>Any</c>, <c>Dense</c> or <c>MixtureOfExperts</c>.</param>
/// <param name="Name">A display name.</param>
/// <param name="Accelerators">The accelerator ids in the family.</param>
/// <param name="Fitted">Whether it has its own fit (false: it uses the global fit).</param>
/// <param name="Rows">Rows it was fitted to.</param>
/// <param name="Factors">The factors.</param>
/// <param name="ErrorBefore">Error with the default factors; null without rows.</param>
/// <param name="ErrorAfter">Error with the fitted factors; null without rows.</param>
internal sealed record CalibrateFamily(string Family, string ModelClass, string Name, IReadOnlyList<string> Accelerators, bool Fitted, int Rows, CalibrateFactors Factors,
    CalibrationError? ErrorBefore, CalibrationError? ErrorAfter);

/// <summary>Fitted efficiency factors.</summary>
/// <param name="Mfu">Model FLOPs utilisation, 0 to 1.</param>
/// <param name="Mbu">Memory bandwidth utilisation, 0 to 1.</param>
/// <param name="InterconnectEfficiency">Share of the link bandwidth achieved, 0 to 1.</param>
/// <param name="AllReduceLatencySeconds">Latency per all-reduce, seconds.</param>
/// <param name="StepOverheadSeconds">Overhead per decode step, seconds.</param>
/// <param name="UsableMemoryFraction">Share of accelerator memory usable for weights and KV cache, 0 to 1.</param>
internal sealed record CalibrateFactors(double Mfu, double Mbu, double InterconnectEfficiency, double AllReduceLatencySeconds, double StepOverheadSeconds, double UsableMemoryFraction);

/// <summary>One measurement, estimated before and after the fit.</summary>
/// <param name="Id">The measurement id.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Accelerator">The accelerator id.</param>
/// <param name="Family">The family whose fit applies.</param>
/// <param name="ModelClass">The model class of that fit.</param>
/// <param name="Measured">Measured output throughput, tokens per second.</param>
/// <param name="EstimateBefore">Roofline estimate with the default factors, tokens per second; null when it cannot be estimated.</param>
/// <param name="EstimateAfter">Roofline estimate with the fitted factors; null when it cannot be estimated.</param>
/// <param name="RatioBefore">Estimate before / measured; null when not estimated.</param>
/// <param name="RatioAfter">Estimate after / measured; null when not estimated.</param>
internal sealed record CalibrateMeasurement(string Id, string Publisher, string Accelerator, string Family, string ModelClass, double Measured,
    double? EstimateBefore, double? EstimateAfter, double? RatioBefore, double? RatioAfter);

/// <summary>Leave-one-publisher-out validation.</summary>
/// <param name="Method">Always <c>leave-one-publisher-out</c>.</param>
/// <param name="Families">Per family.</param>
/// <param name="All">Over every row.</param>
internal sealed record CalibrateValidation(string Method, IReadOnlyList<CalibrateValidationRow> Families, CalibrateValidationRow All);

/// <summary>The held-out error of a family.</summary>
/// <param name="Family">The family (<c>all</c> for every row).</param>
/// <param name="Publishers">The publishers held out in turn.</param>
/// <param name="Before">Error of the default factors on the held-out rows.</param>
/// <param name="After">Error of the factors fitted without each held-out publisher.</param>
internal sealed record CalibrateValidationRow(string Family, IReadOnlyList<string> Publishers, CalibrationError Before, CalibrationError After);
