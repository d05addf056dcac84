using System.Globalization;
using CloudEconomics.Catalog;

namespace CloudEconomics.Inference;

/// <summary>Settings of <see cref="ThroughputCalibration.Fit"/>.</summary>
public sealed record CalibrationOptions
{
    /// <summary>The default settings.</summary>
    public static CalibrationOptions Default { get; } = new();

    /// <summary>The uncalibrated factors: the "before" of every error, the starting point of the global fit and the source of every knob not fitted.</summary>
    public EfficiencyFactors Baseline { get; init; } = EfficiencyFactors.Default;

    /// <summary>Huber threshold on |log(estimate / measured)| (0.1 by default, about 10%): quadratic below, linear above, so outliers weigh less.</summary>
    public double HuberDelta { get; init; } = 0.1;

    /// <summary>
    /// Weight of a small quadratic pull (in logit space) of each family's parameters toward the global fit, and of the
    /// global fit toward <see cref="Baseline"/>, so a parameter the rows cannot identify stays at its prior; 0 turns it off.
    /// </summary>
    public double PriorWeight { get; init; } = 1e-4;

    /// <summary>Rows a family needs for its own fit (5 by default); families with fewer use the global fit.</summary>
    public int MinimumRowsPerFamily { get; init; } = 5;

    /// <summary>
    /// Whether each publisher's rows weigh the same in total (true by default), so a publisher with many rows of one
    /// setting does not dominate a fit; false weighs every row alike.
    /// </summary>
    public bool BalancePublishers { get; init; } = true;

    /// <summary>
    /// The knobs to fit, by name: <c>mfu</c>, <c>mbu</c>, <c>interconnectEfficiency</c>, <c>allReduceLatencySeconds</c>,
    /// <c>stepOverheadSeconds</c> (all five by default); the others keep the baseline's values.
    /// </summary>
    public IReadOnlyList<string> FitParameters { get; init; } = ["mfu", "mbu", "interconnectEfficiency", "allReduceLatencySeconds", "stepOverheadSeconds"];

    /// <summary>Models the measurements refer to; null for <see cref="ModelLibrary.Default"/>.</summary>
    public ModelLibrary? Models { get; init; }

    /// <summary>Accelerators the measurements refer to; null for <see cref="CloudCatalog.Default"/>.</summary>
    public CloudCatalog? Catalog { get; init; }

    /// <summary>Accelerator families; null for <see cref="AcceleratorFamilies.Default"/>.</summary>
    public AcceleratorFamilies? Families { get; init; }
}

/// <summary>A measurement the calibration could not estimate, and why (such as a model that does not fit the memory).</summary>
/// <param name="Id">The measurement id.</param>
/// <param name="Reason">Why.</param>
public sealed record SkippedMeasurement(string Id, string Reason);

/// <summary>
/// Fits the roofline's efficiency factors (<see cref="EfficiencyFactors.Mfu"/>, <see cref="EfficiencyFactors.Mbu"/>,
/// <see cref="EfficiencyFactors.InterconnectEfficiency"/>, <see cref="EfficiencyFactors.AllReduceLatencySeconds"/> and
/// <see cref="EfficiencyFactors.StepOverheadSeconds"/>) to published throughput measurements, per accelerator family,
/// robustly in log space; and validates the fit by leaving one publisher out.
/// </summary>
/// <remarks>
/// <para>Each measurement is estimated with <see cref="Roofline"/> on its own setting: the catalog accelerator,
/// chips and parallelism, the model at the measured precision (<see cref="ModelProfile.WithPrecision"/>), the prompt and
/// output lengths, and the memory-limited maximum batch for offline rows (the stated concurrency per replica
/// otherwise); the estimate is the output throughput of the whole deployment.</para>
/// <para>The loss is the mean Huber loss (threshold <see cref="CalibrationOptions.HuberDelta"/>) of
/// log(estimate / measured), plus a small pull toward the prior. Each parameter is bounded (MFU in [0.02, 1], MBU in
/// [0.05, 1], link efficiency in [0.05, 1], all-reduce latency in [0, 50] us (an assumption: a few times the 10 us default, so a fit cannot make every step latency-bound), step overhead in [0, 20] ms; a prior at a
/// bound starts 2% inside it) through a logistic transform and minimised with Nelder–Mead, restarted
/// from its best point. A global fit over all rows comes first (the fallback for families without
/// <see cref="CalibrationOptions.MinimumRowsPerFamily"/> rows); each family's fit starts from and is pulled toward it.</para>
/// </remarks>
public static class ThroughputCalibration
{
    internal static readonly CalibrationParameter[] Parameters =
    [
        new("mfu", e => e.Mfu, (e, v) => e with { Mfu = v }, 0.02, 1),
        new("mbu", e => e.Mbu, (e, v) => e with { Mbu = v }, 0.05, 1),
        new("interconnectEfficiency", e => e.InterconnectEfficiency, (e, v) => e with { InterconnectEfficiency = v }, 0.05, 1),
        new("allReduceLatencySeconds", e => e.AllReduceLatencySeconds, (e, v) => e with { AllReduceLatencySeconds = v }, 0, 50e-6),
        new("stepOverheadSeconds", e => e.StepOverheadSeconds, (e, v) => e with { StepOverheadSeconds = v }, 0, 0.02),
    ];

    /// <summary>Fits efficiency factors per accelerator family and globally.</summary>
    /// <param name="measurements">The measurements; at least one must be estimable.</param>
    /// <param name="options">Settings; null for <see cref="CalibrationOptions.Default"/>.</param>
    /// <returns>The fitted factors per family, the global fit and the error before and after.</returns>
    /// <exception cref="ArgumentException">No measurement can be estimated (parameter <c>measurements</c>), or an option is out of range.</exception>
    public static EfficiencyCalibration Fit(IEnumerable<ThroughputMeasurement> measurements, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        options = Check(options);
        var list = measurements.ToList();
        var (estimators, skipped) = Prepare(list, options);
        return FitPrepared(estimators, skipped, list, options);
    }

    /// <summary>The roofline's estimate of a measurement's setting (output tokens/s of the whole measured deployment) at given factors.</summary>
    /// <param name="measurement">The measurement (its setting; its throughput is not used).</param>
    /// <param name="efficiency">The factors.</param>
    /// <param name="options">Where models and accelerators are looked up; null for the defaults.</param>
    /// <param name="reason">Why there is no estimate (unknown model or accelerator, the model does not fit), otherwise null.</param>
    /// <returns>The estimate, or null.</returns>
    public static double? Estimate(ThroughputMeasurement measurement, EfficiencyFactors efficiency, CalibrationOptions? options, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(efficiency);
        InferenceChecks.Require(efficiency);
        options ??= CalibrationOptions.Default;
        var estimator = MeasurementEstimator.TryCreate(measurement, options.Models ?? ModelLibrary.Default, options.Catalog ?? CloudCatalog.Default, efficiency, out reason);
        return estimator?.Estimate(efficiency);
    }

    /// <summary>
    /// Leave-one-publisher-out validation: for each publisher, fits on every other publisher's rows and estimates the
    /// held-out rows; the errors are pooled per accelerator family, before (the baseline factors) and after.
    /// </summary>
    /// <param name="measurements">The measurements, from at least two publishers.</param>
    /// <param name="options">Settings; null for <see cref="CalibrationOptions.Default"/>.</param>
    /// <returns>The error per family and over all rows.</returns>
    /// <exception cref="ArgumentException">Fewer than two publishers have estimable rows (parameter <c>measurements</c>).</exception>
    public static CalibrationValidation ValidateLeaveOnePublisherOut(IEnumerable<ThroughputMeasurement> measurements, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        options = Check(options);
        var list = measurements.ToList();
        var (estimators, skipped) = Prepare(list, options);
        var families = options.Families ?? AcceleratorFamilies.Default;
        var publishers = estimators.Select(e => e.Measurement.Publisher).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (publishers.Count < 2)
        {
            throw new ArgumentException($"Leave-one-publisher-out validation needs estimable rows from at least two publishers; it had {publishers.Count}.", nameof(measurements));
        }
        var rows = new List<(string Family, string Publisher, double Before, double After)>();
        foreach (var publisher in publishers)
        {
            var training = estimators.Where(e => e.Measurement.Publisher != publisher).ToList();
            var calibration = FitPrepared(training, [], training.Select(e => e.Measurement).ToList(), options);
            foreach (var e in estimators.Where(e => e.Measurement.Publisher == publisher))
            {
                double? before = e.Estimate(options.Baseline);
                double? after = e.Estimate(calibration.For(e.Measurement.Accelerator, e.Class).Factors);
                if (before is { } b && after is { } a)
                {
                    rows.Add((families.FamilyOf(e.Measurement.Accelerator)?.Id ?? CalibratedFactors.GlobalFamily, publisher, b / e.Measured, a / e.Measured));
                }
            }
        }
        var result = new List<CalibrationValidationRow>();
        foreach (var group in rows.GroupBy(r => r.Family).OrderBy(g => FamilyOrder(families, g.Key)))
        {
            result.Add(new CalibrationValidationRow(group.Key, group.Select(r => r.Publisher).Distinct().Order(StringComparer.Ordinal).ToArray(),
                CalibrationError.FromRatios(group.Select(r => r.Before))!, CalibrationError.FromRatios(group.Select(r => r.After))!));
        }
        var all = new CalibrationValidationRow("all", publishers, CalibrationError.FromRatios(rows.Select(r => r.Before))!, CalibrationError.FromRatios(rows.Select(r => r.After))!);
        return new CalibrationValidation(result, all, skipped);
    }

    private static int FamilyOrder(AcceleratorFamilies families, string id)
    {
        for (int i = 0; i < families.Families.Count; i++)
        {
            if (families.Families[i].Id == id)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    private static CalibrationOptions Check(CalibrationOptions? options)
    {
        options ??= CalibrationOptions.Default;
        InferenceChecks.Require(options.Baseline);
        if (!double.IsFinite(options.HuberDelta) || options.HuberDelta <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HuberDelta, "Huber delta must be finite and greater than zero.");
        }
        if (!double.IsFinite(options.PriorWeight) || options.PriorWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PriorWeight, "Prior weight must be finite and at least zero.");
        }
        if (options.FitParameters is null || options.FitParameters.Count == 0
            || options.FitParameters.Any(n => !Parameters.Any(p => p.Name == n)) || options.FitParameters.Distinct().Count() != options.FitParameters.Count)
        {
            throw new ArgumentException($"Fit parameters must be distinct names among {string.Join(", ", Parameters.Select(p => p.Name))}; they were {string.Join(", ", options.FitParameters ?? [])}.", nameof(options));
        }
        if (options.MinimumRowsPerFamily < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinimumRowsPerFamily, "Minimum rows per family must be at least 1.");
        }
        return options;
    }

    private static (List<MeasurementEstimator> Estimators, List<SkippedMeasurement> Skipped) Prepare(List<ThroughputMeasurement> measurements, CalibrationOptions options)
    {
        var models = options.Models ?? ModelLibrary.Default;
        var catalog = options.Catalog ?? CloudCatalog.Default;
        var estimators = new List<MeasurementEstimator>();
        var skipped = new List<SkippedMeasurement>();
        foreach (var m in measurements)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(measurements));
            if (MeasurementEstimator.TryCreate(m, models, catalog, options.Baseline, out var reason) is { } e)
            {
                estimators.Add(e);
            }
            else
            {
                skipped.Add(new SkippedMeasurement(m.Id, reason!));
            }
        }
        return (estimators, skipped);
    }

    private static EfficiencyCalibration FitPrepared(List<MeasurementEstimator> estimators, List<SkippedMeasurement> skipped, List<ThroughputMeasurement> all, CalibrationOptions options)
    {
        if (estimators.Count == 0)
        {
            throw new ArgumentException(
                $"At least one measurement must be estimable to fit; {(skipped.Count == 0 ? "none were given" : $"all {skipped.Count} were skipped (first: {skipped[0].Id}: {skipped[0].Reason})")}.",
                "measurements");
        }
        var families = options.Families ?? AcceleratorFamilies.Default;
        var globalFactors = FitGroup(estimators, options.Baseline, options.Baseline, options);
        var global = Describe(CalibratedFactors.GlobalFamily, "All accelerators (global fit)", [], ModelClass.Any, estimators, globalFactors, fitted: true, options);
        var fitted = new List<FamilyCalibration>();
        var byClass = new List<FamilyCalibration>();
        var classGlobal = new Dictionary<ModelClass, EfficiencyFactors>();
        foreach (var cls in new[] { ModelClass.Dense, ModelClass.MixtureOfExperts })
        {
            var rows = estimators.Where(e => e.Class == cls).ToList();
            bool own = rows.Count >= options.MinimumRowsPerFamily;
            classGlobal[cls] = own ? FitGroup(rows, globalFactors, globalFactors, options) : globalFactors;
            byClass.Add(Describe(CalibratedFactors.GlobalFamily, "All accelerators (global fit)", [], cls, rows, classGlobal[cls], own, options));
        }
        foreach (var family in families.Families)
        {
            var rows = estimators.Where(e => family.Accelerators.Contains(e.Measurement.Accelerator, StringComparer.OrdinalIgnoreCase)).ToList();
            bool own = rows.Count >= options.MinimumRowsPerFamily;
            var factors = own ? FitGroup(rows, globalFactors, globalFactors, options) : globalFactors;
            fitted.Add(Describe(family.Id, family.Name, family.Accelerators, ModelClass.Any, rows, factors, own, options));
            foreach (var cls in new[] { ModelClass.Dense, ModelClass.MixtureOfExperts })
            {
                var classRows = rows.Where(e => e.Class == cls).ToList();
                bool ownClass = classRows.Count >= options.MinimumRowsPerFamily;
                var start = own ? factors : classGlobal[cls];
                var classFactors = ownClass ? FitGroup(classRows, start, start, options) : start;
                byClass.Add(Describe(family.Id, family.Name, family.Accelerators, cls, classRows, classFactors, ownClass, options));
            }
        }
        return new EfficiencyCalibration(
            options.Baseline, global, fitted, families,
            estimators.Select(e => e.Measurement.Accelerator).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray(),
            all.Select(m => m.Publisher).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            estimators.Count, skipped, options.FitParameters.ToArray())
        {
            ClassFits = byClass,
        };
    }

    private static FamilyCalibration Describe(string id, string name, IReadOnlyList<string> accelerators, ModelClass modelClass, List<MeasurementEstimator> rows, EfficiencyFactors factors, bool fitted, CalibrationOptions options)
        => new()
        {
            Family = id, Name = name, Accelerators = accelerators, ModelClass = modelClass, Factors = factors, Fitted = fitted, Rows = rows.Count,
            ErrorBefore = CalibrationError.FromRatios(Ratios(rows, options.Baseline)),
            ErrorAfter = CalibrationError.FromRatios(Ratios(rows, factors)),
        };

    private static IEnumerable<double> Ratios(List<MeasurementEstimator> rows, EfficiencyFactors factors)
    {
        foreach (var e in rows)
        {
            if (e.Estimate(factors) is { } est)
            {
                yield return est / e.Measured;
            }
        }
    }

    /// <summary>Minimises the robust log loss over the fitted parameters, starting from <paramref name="start"/> and pulled toward <paramref name="prior"/>.</summary>
    internal static EfficiencyFactors FitGroup(List<MeasurementEstimator> rows, EfficiencyFactors start, EfficiencyFactors prior, CalibrationOptions options)
    {
        var parameters = Parameters.Where(p => options.FitParameters.Contains(p.Name)).ToArray();
        double[] priorX = parameters.Select(p => p.ToUnbounded(p.Get(prior))).ToArray();
        double[] x = parameters.Select(p => p.ToUnbounded(p.Get(start))).ToArray();
        var measured = rows.Select(r => r.Measured).ToArray();
        var perPublisher = rows.GroupBy(r => r.Measurement.Publisher, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var weight = rows.Select(r => options.BalancePublishers ? (double)rows.Count / (perPublisher.Count * perPublisher[r.Measurement.Publisher]) : 1d).ToArray();
        double delta = options.HuberDelta;
        double Loss(double[] point)
        {
            var factors = Apply(parameters, start, point);
            double sum = 0;
            for (int i = 0; i < rows.Count; i++)
            {
                double r = rows[i].Estimate(factors) is { } est ? Math.Log(est / measured[i]) : 10;
                double a = Math.Abs(r);
                sum += weight[i] * (a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta));
            }
            double penalty = 0;
            for (int j = 0; j < point.Length; j++)
            {
                penalty += (point[j] - priorX[j]) * (point[j] - priorX[j]);
            }
            return sum / rows.Count + options.PriorWeight * penalty;
        }
        for (int restart = 0; restart < 2; restart++)
        {
            x = NelderMead.Minimize(Loss, x, step: restart == 0 ? 1.0 : 0.3, maxEvaluations: 500, tolerance: 1e-9);
        }
        return Apply(parameters, start, x);
    }

    private static EfficiencyFactors Apply(CalibrationParameter[] parameters, EfficiencyFactors start, double[] point)
    {
        var f = start;
        for (int j = 0; j < parameters.Length; j++)
        {
            f = parameters[j].Set(f, parameters[j].FromUnbounded(point[j]));
        }
        return f;
    }
}

/// <summary>One fitted knob of <see cref="EfficiencyFactors"/>, bounded through a logistic transform.</summary>
internal sealed record CalibrationParameter(string Name, Func<EfficiencyFactors, double> Get, Func<EfficiencyFactors, double, EfficiencyFactors> Set, double Lower, double Upper)
{
    public double FromUnbounded(double x) => Lower + (Upper - Lower) / (1 + Math.Exp(-x));

    public double ToUnbounded(double value)
    {
        double u = Math.Clamp((value - Lower) / (Upper - Lower), 0.02, 0.98);
        return Math.Log(u / (1 - u));
    }
}

/// <summary>Leave-one-publisher-out error of one accelerator family (or <c>"all"</c>), before and after calibration.</summary>
/// <param name="Family">The family id, <c>"global"</c> for accelerators in no family, or <c>"all"</c>.</param>
/// <param name="Publishers">Publishers whose rows were held out.</param>
/// <param name="Before">Error of the baseline (uncalibrated) factors.</param>
/// <param name="After">Error of factors fitted without the held-out publisher.</param>
public sealed record CalibrationValidationRow(string Family, IReadOnlyList<string> Publishers, CalibrationError Before, CalibrationError After)
{
    /// <summary>Invariant text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Family}: before {Before}, after {After}";
}

/// <summary>The result of <see cref="ThroughputCalibration.ValidateLeaveOnePublisherOut"/>.</summary>
/// <param name="Families">One row per family with held-out rows, in family order.</param>
/// <param name="All">Every held-out row pooled.</param>
/// <param name="Skipped">Measurements that could not be estimated.</param>
public sealed record CalibrationValidation(IReadOnlyList<CalibrationValidationRow> Families, CalibrationValidationRow All, IReadOnlyList<SkippedMeasurement> Skipped)
{
    /// <summary>Invariant text: the pooled row.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => All.ToString();
}
