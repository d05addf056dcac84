using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudEconomics.Catalog;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Inference;

/// <summary>A class of model architecture that calibration fits separately (mixture-of-experts kernels and routing differ in maturity from dense ones).</summary>
public enum ModelClass
{
    /// <summary>Every model (the fit over all rows).</summary>
    Any = 0,
    /// <summary>Dense transformers (every parameter active per token).</summary>
    Dense = 1,
    /// <summary>Mixtures of experts (<see cref="ModelProfile.IsMixtureOfExperts"/>).</summary>
    MixtureOfExperts = 2,
}

/// <summary>The fitted efficiency factors of one accelerator family (or of the global fit) with the error before and after.</summary>
public sealed record FamilyCalibration
{
    /// <summary>The family id, or <c>"global"</c>.</summary>
    public required string Family { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The models the fit covers: <see cref="ModelClass.Any"/>, or only dense or mixture-of-experts models.</summary>
    public ModelClass ModelClass { get; init; }

    /// <summary>Catalog accelerator ids of the family (empty for the global fit).</summary>
    public required IReadOnlyList<string> Accelerators { get; init; }

    /// <summary>The factors: fitted on the family's rows when <see cref="Fitted"/>, otherwise the global fit.</summary>
    public required EfficiencyFactors Factors { get; init; }

    /// <summary>Whether the family's own measurements fitted <see cref="Factors"/> (false: too few rows, the global fit applies).</summary>
    public required bool Fitted { get; init; }

    /// <summary>Estimable measurements of the family.</summary>
    public required int Rows { get; init; }

    /// <summary>Error of the baseline factors on the family's rows; null without rows.</summary>
    public CalibrationError? ErrorBefore { get; init; }

    /// <summary>Error of <see cref="Factors"/> on the family's rows (in sample); null without rows.</summary>
    public CalibrationError? ErrorAfter { get; init; }

    /// <summary>Invariant text such as <c>"nvidia-hopper: MFU 41%, MBU 78% (fitted on 40 rows)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Family}{(ModelClass == ModelClass.Any ? "" : $" ({ModelClass})")}: MFU {Factors.Mfu:0.#%}, MBU {Factors.Mbu:0.#%}, link {Factors.InterconnectEfficiency:0.#%} ({(Fitted ? $"fitted on {Rows} rows" : "global fit")})");
}

/// <summary>What backs the calibrated factors of an accelerator.</summary>
public enum CalibrationBasis
{
    /// <summary>Measurements of this accelerator are in the fit.</summary>
    MeasuredAccelerator = 0,
    /// <summary>Measurements of other accelerators of its family are in the fit (not of this one).</summary>
    MeasuredFamily = 1,
    /// <summary>No measurement of its family: the global fit, extrapolated.</summary>
    Extrapolated = 2,
}

/// <summary>The calibrated factors of one accelerator, what backs them and the error range of the fit they come from.</summary>
/// <param name="Accelerator">The catalog accelerator id, or the name of a hand-entered spec.</param>
/// <param name="Family">The family whose fit applies, or <c>"global"</c>.</param>
/// <param name="Factors">The factors.</param>
/// <param name="Basis">Measured accelerator, measured family, or extrapolated.</param>
/// <param name="Error">The in-sample error of the fit that applies (the family's, or the global fit's); null when unknown.</param>
/// <param name="ModelClass">The model class of the fit that applies (<see cref="ModelClass.Any"/> when the fit covers every model).</param>
public sealed record CalibratedFactors(string Accelerator, string Family, EfficiencyFactors Factors, CalibrationBasis Basis, CalibrationError? Error, ModelClass ModelClass = ModelClass.Any)
{
    /// <summary>The family id of the global fit.</summary>
    public const string GlobalFamily = "global";

    /// <summary>Whether measurements of this accelerator or its family back the factors.</summary>
    public bool BackedByMeasurements => Basis != CalibrationBasis.Extrapolated;

    /// <summary>Invariant text.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Accelerator}: {Family} ({Basis}), MFU {Factors.Mfu:0.#%}, MBU {Factors.Mbu:0.#%}");
}

/// <summary>
/// A calibration of the roofline: efficiency factors per accelerator family and a global fit, fitted by
/// <see cref="ThroughputCalibration.Fit"/> or shipped as data (<see cref="Default"/>, <c>seeds/calibration/efficiency.json</c>).
/// </summary>
public sealed class EfficiencyCalibration
{
    private const string Resource = "CloudEconomics.Seeds.calibration.efficiency.json";
    private static readonly Lazy<EfficiencyCalibration> Shipped = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly HashSet<string> measuredAccelerators;
    private readonly AcceleratorFamilies families;

    internal EfficiencyCalibration(EfficiencyFactors baseline, FamilyCalibration global, IReadOnlyList<FamilyCalibration> fitted, AcceleratorFamilies families,
        IReadOnlyList<string> measuredAccelerators, IReadOnlyList<string> publishers, int rows, IReadOnlyList<SkippedMeasurement> skipped, IReadOnlyList<string> parameters)
    {
        Baseline = baseline;
        Global = global;
        Families = fitted;
        this.families = families;
        MeasuredAccelerators = measuredAccelerators;
        this.measuredAccelerators = new HashSet<string>(measuredAccelerators, StringComparer.OrdinalIgnoreCase);
        Publishers = publishers;
        Rows = rows;
        Skipped = skipped;
        FittedParameters = parameters;
    }

    /// <summary>The shipped calibration (<c>seeds/calibration/efficiency.json</c>), fitted to <see cref="ThroughputMeasurements.Default"/>.</summary>
    /// <exception cref="DataLoadException">The embedded file is malformed (a packaging defect).</exception>
    public static EfficiencyCalibration Default => Shipped.Value;

    /// <summary>The uncalibrated factors the errors before refer to (and the source of knobs not fitted).</summary>
    public EfficiencyFactors Baseline { get; }

    /// <summary>The fit over every row: the factors of accelerators in no fitted family.</summary>
    public FamilyCalibration Global { get; }

    /// <summary>One entry per family (fitted, or the global fit when the family had too few rows).</summary>
    public IReadOnlyList<FamilyCalibration> Families { get; }

    /// <summary>Fits by model class: the global fit and each family's, for dense and for mixture-of-experts models (a class with too few rows keeps the fit it falls back to).</summary>
    public IReadOnlyList<FamilyCalibration> ClassFits { get; init; } = [];

    /// <summary>Catalog accelerator ids with at least one estimable measurement.</summary>
    public IReadOnlyList<string> MeasuredAccelerators { get; }

    /// <summary>Publishers of the measurements.</summary>
    public IReadOnlyList<string> Publishers { get; }

    /// <summary>Estimable measurements the fit used.</summary>
    public int Rows { get; }

    /// <summary>Measurements that could not be estimated, and why.</summary>
    public IReadOnlyList<SkippedMeasurement> Skipped { get; }

    /// <summary>Names of the fitted knobs, such as <c>mfu</c>, <c>mbu</c>, <c>interconnectEfficiency</c>.</summary>
    public IReadOnlyList<string> FittedParameters { get; }

    /// <summary>When the shipped calibration was fitted; null for a fit made in this process.</summary>
    public LocalDate? FitDate { get; init; }

    /// <summary>What the calibration was fitted to, such as the measurement files; null when not recorded.</summary>
    public string? MeasurementSet { get; init; }

    /// <summary>
    /// The calibrated factors of a catalog accelerator for a class of model. The most specific fit with enough rows
    /// wins: the family's fit for that model class, then the global fit for that class, then the family's fit over all
    /// models, then the global fit.
    /// </summary>
    /// <param name="acceleratorId">The catalog accelerator id, such as <c>"nvidia-h200-sxm"</c>.</param>
    /// <param name="modelClass">The model class; <see cref="ModelClass.Any"/> skips the class-specific fits.</param>
    /// <returns>The factors, what backs them and the error range.</returns>
    public CalibratedFactors For(string acceleratorId, ModelClass modelClass = ModelClass.Any)
    {
        ArgumentNullException.ThrowIfNull(acceleratorId);
        var family = families.FamilyOf(acceleratorId);
        CalibrationBasis Basis() => measuredAccelerators.Contains(acceleratorId) ? CalibrationBasis.MeasuredAccelerator : CalibrationBasis.MeasuredFamily;
        if (modelClass != ModelClass.Any)
        {
            if (family is not null && ClassFits.FirstOrDefault(f => f.Family == family.Id && f.ModelClass == modelClass && f.Fitted) is { } own)
            {
                return new CalibratedFactors(acceleratorId, own.Family, own.Factors, Basis(), own.ErrorAfter, modelClass);
            }
            if (ClassFits.FirstOrDefault(f => f.Family == CalibratedFactors.GlobalFamily && f.ModelClass == modelClass && f.Fitted) is { } cls)
            {
                return new CalibratedFactors(acceleratorId, cls.Family, cls.Factors, CalibrationBasis.Extrapolated, cls.ErrorAfter, modelClass);
            }
        }
        var fit = family is null ? null : Families.FirstOrDefault(f => f.Family == family.Id && f.Fitted);
        if (fit is null)
        {
            return new CalibratedFactors(acceleratorId, CalibratedFactors.GlobalFamily, Global.Factors, CalibrationBasis.Extrapolated, Global.ErrorAfter);
        }
        return new CalibratedFactors(acceleratorId, fit.Family, fit.Factors, Basis(), fit.ErrorAfter);
    }

    /// <summary>The calibrated factors of a catalog accelerator for a model (its class picks the fit; see <see cref="For(string, ModelClass)"/>).</summary>
    /// <param name="acceleratorId">The catalog accelerator id.</param>
    /// <param name="model">The model.</param>
    /// <returns>The factors, what backs them and the error range.</returns>
    public CalibratedFactors For(string acceleratorId, ModelProfile model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return For(acceleratorId, model.IsMixtureOfExperts ? ModelClass.MixtureOfExperts : ModelClass.Dense);
    }

    /// <summary>The calibrated factors of an accelerator spec: the catalog accelerator with the same name, or the global fit for a hand-entered spec.</summary>
    /// <param name="accelerator">The spec.</param>
    /// <param name="catalog">The catalog to match names in; null for <see cref="CloudCatalog.Default"/>.</param>
    /// <param name="modelClass">The model class (see <see cref="For(string, ModelClass)"/>).</param>
    /// <returns>The factors, what backs them and the error range.</returns>
    public CalibratedFactors For(AcceleratorSpec accelerator, CloudCatalog? catalog = null, ModelClass modelClass = ModelClass.Any)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        catalog ??= CloudCatalog.Default;
        var match = catalog.Accelerators.FirstOrDefault(a => string.Equals(a.Name, accelerator.Name, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return For(match.Id, modelClass);
        }
        var extrapolated = For("\u0000 no catalog accelerator", modelClass);
        return extrapolated with { Accelerator = accelerator.Name };
    }

    /// <summary>Writes the calibration as JSON (the format of <c>seeds/calibration/efficiency.json</c>), factors rounded to 4 decimals.</summary>
    /// <param name="fitDate">The date to record.</param>
    /// <param name="measurementSet">What the fit used, such as the measurement files.</param>
    /// <returns>The JSON text (UTF-8, LF line ends).</returns>
    public string ToJson(LocalDate fitDate, string measurementSet)
    {
        ArgumentNullException.ThrowIfNull(measurementSet);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", 1);
            w.WriteString("note", "Generated by 'cloudecon calibrate --write-shipped' from seeds/measurements; do not edit by hand. Errors are |estimate/measured - 1| in sample; see README 'How good is the estimate?' for held-out errors.");
            w.WriteString("fitDate", Serialization.IsoDate.Format(fitDate));
            w.WriteString("measurementSet", measurementSet);
            w.WriteNumber("rows", Rows);
            WriteStrings(w, "publishers", Publishers);
            WriteStrings(w, "measuredAccelerators", MeasuredAccelerators);
            WriteStrings(w, "fittedParameters", FittedParameters);
            w.WritePropertyName("baseline");
            WriteFactors(w, Baseline);
            w.WritePropertyName("global");
            WriteFamily(w, Global);
            w.WriteStartArray("families");
            foreach (var f in Families)
            {
                WriteFamily(w, f);
            }
            w.WriteEndArray();
            w.WriteStartArray("classFits");
            foreach (var f in ClassFits)
            {
                WriteFamily(w, f);
            }
            w.WriteEndArray();
            w.WriteStartArray("skipped");
            foreach (var s in Skipped)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("reason", s.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Loads a calibration written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The stream.</param>
    /// <param name="sourceName">The name for errors.</param>
    /// <param name="families">The families it refers to; null for <see cref="AcceleratorFamilies.Default"/>.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="DataLoadException">The file is malformed or a factor is out of range (names the file and the rule).</exception>
    public static EfficiencyCalibration Load(Stream json, string sourceName, AcceleratorFamilies? families = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        // One loader style for every embedded file: bounded read (16 MiB, 64 levels, Utility/BoundedInput) -> deserialise
        // into the DTOs below -> check every field, collecting every problem -> one DataLoadException listing them.
        byte[] bytes = Utility.BoundedInput.ReadBytes(json, sourceName);
        CalibrationFileJson? root;
        try
        {
            // The element walk reads what the serializer reads, without its reflection metadata; anything it is not sure
            // of goes to the serializer, which words the problem with its path.
            root = CalibrationFileJson.TryRead(bytes, out var documentIsNull);
            if (root is null && !documentIsNull)
            {
                BoundedJsonInput.Check(bytes, sourceName);
                root = JsonSerializer.Deserialize<CalibrationFileJson?>(bytes, CalibrationReadOptions);
            }
        }
        catch (JsonException e)
        {
            throw new DataLoadException(sourceName, e.Path ?? "$", $"a calibration file must have the fields written by EfficiencyCalibration.ToJson: {e.Message}", rule: "InvalidJson", innerException: e);
        }
        var reader = new CalibrationFileReader(sourceName);
        var calibration = reader.Read(root, families ?? AcceleratorFamilies.Default);
        return reader.Problems.Count > 0 ? throw new DataLoadException(reader.Problems) : calibration!;
    }

    /// <summary>Invariant text: the fit's size and the global factors.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"calibration of {Rows} measurements from {Publishers.Count} publishers; {Global}");

    internal static readonly JsonSerializerOptions CalibrationReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        MaxDepth = Utility.BoundedInput.MaxDepth,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static EfficiencyCalibration LoadEmbedded()
    {
        using var stream = typeof(EfficiencyCalibration).Assembly.GetManifestResourceStream(Resource)
            ?? throw new DataLoadException(Resource, "$", "The embedded resource is missing (a packaging defect).", rule: "MissingResource");
        return Load(stream, Resource);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    private static void WriteFactors(Utf8JsonWriter w, EfficiencyFactors f)
    {
        w.WriteStartObject();
        w.WriteNumber("mfu", Math.Round(f.Mfu, 4));
        w.WriteNumber("mbu", Math.Round(f.Mbu, 4));
        w.WriteNumber("interconnectEfficiency", Math.Round(f.InterconnectEfficiency, 4));
        w.WriteNumber("usableMemoryFraction", Math.Round(f.UsableMemoryFraction, 4));
        w.WriteNumber("allReduceLatencySeconds", Math.Round(f.AllReduceLatencySeconds, 9));
        w.WriteNumber("stepOverheadSeconds", Math.Round(f.StepOverheadSeconds, 7));
        w.WriteNumber("prefillChunkTokens", f.PrefillChunkTokens.Tokens);
        w.WriteString("activationPrecision", f.ActivationPrecision.ToString().ToLowerInvariant());
        w.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter w, string name, CalibrationError? e)
    {
        if (e is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("count", e.Count);
        w.WriteNumber("median", Math.Round(e.Median, 4));
        w.WriteNumber("p90", Math.Round(e.P90, 4));
        w.WriteNumber("ratioP10", Math.Round(e.RatioP10, 4));
        w.WriteNumber("ratioP50", Math.Round(e.RatioP50, 4));
        w.WriteNumber("ratioP90", Math.Round(e.RatioP90, 4));
        w.WriteEndObject();
    }

    private static void WriteFamily(Utf8JsonWriter w, FamilyCalibration f)
    {
        w.WriteStartObject();
        w.WriteString("family", f.Family);
        w.WriteString("name", f.Name);
        w.WriteString("modelClass", f.ModelClass switch { ModelClass.Dense => "dense", ModelClass.MixtureOfExperts => "moe", _ => "any" });
        WriteStrings(w, "accelerators", f.Accelerators);
        w.WriteBoolean("fitted", f.Fitted);
        w.WriteNumber("rows", f.Rows);
        w.WritePropertyName("factors");
        WriteFactors(w, f.Factors);
        WriteError(w, "errorBefore", f.ErrorBefore);
        WriteError(w, "errorAfter", f.ErrorAfter);
        w.WriteEndObject();
    }
}
