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
    private sealed record Result(ThroughputMeasurements Measurements, CalibrationOptions Options, EfficiencyCalibration Calibration, CalibrationValidation? Validation);

    public static Command Build(CliContext context) => new CalibrateCommand().Create(context);

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
            var result = Run(settings);
            if (settings.WriteShipped is { } path)
            {
                File.WriteAllText(path.FullName, result.Calibration.ToJson(settings.FitDate, MeasurementSetName(result.Measurements)));
            }
            if (settings.Json)
            {
                context.WriteJson(ToJson(result));
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
                    streams.Add((file.OpenRead(), file.Name));
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

    private static object ToJson(Result result)
    {
        var c = result.Calibration;
        object Family(FamilyCalibration f) => new
        {
            family = f.Family,
            modelClass = f.ModelClass.ToString(),
            name = f.Name,
            accelerators = f.Accelerators,
            fitted = f.Fitted,
            rows = f.Rows,
            factors = new
            {
                mfu = f.Factors.Mfu,
                mbu = f.Factors.Mbu,
                interconnectEfficiency = f.Factors.InterconnectEfficiency,
                allReduceLatencySeconds = f.Factors.AllReduceLatencySeconds,
                stepOverheadSeconds = f.Factors.StepOverheadSeconds,
                usableMemoryFraction = f.Factors.UsableMemoryFraction,
            },
            errorBefore = f.ErrorBefore,
            errorAfter = f.ErrorAfter,
        };
        return new
        {
            rows = c.Rows,
            publishers = c.Publishers,
            sources = result.Measurements.Sources,
            fittedParameters = c.FittedParameters,
            global = Family(c.Global),
            families = c.Families.Select(Family),
            classFits = c.ClassFits.Select(Family),
            skipped = c.Skipped,
            measurements = result.Measurements.Select(m =>
            {
                double? before = ThroughputCalibration.Estimate(m, c.Baseline, result.Options, out _);
                var fit = ModelLibrary.Default.TryGet(m.Model, out var profile) ? c.For(m.Accelerator, profile) : c.For(m.Accelerator);
                double? after = ThroughputCalibration.Estimate(m, fit.Factors, result.Options, out _);
                double measured = m.OutputThroughput.TokensPerSecond;
                return new { id = m.Id, publisher = m.Publisher, accelerator = m.Accelerator, family = fit.Family, modelClass = fit.ModelClass.ToString(), measured, estimateBefore = before, estimateAfter = after, ratioBefore = before / measured, ratioAfter = after / measured };
            }),
            validation = result.Validation is { } v
                ? new
                {
                    method = "leave-one-publisher-out",
                    families = v.Families.Select(r => new { family = r.Family, publishers = r.Publishers, before = r.Before, after = r.After }),
                    all = new { family = v.All.Family, publishers = v.All.Publishers, before = v.All.Before, after = v.All.After },
                }
                : null,
        };
    }
}
