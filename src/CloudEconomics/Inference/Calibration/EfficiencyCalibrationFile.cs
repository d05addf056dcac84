using System.Globalization;
using System.Text.Json;
using NodaTime.Text;

using static CloudEconomics.Serialization.FastJsonReading;

namespace CloudEconomics.Inference;

/// <summary>
/// Checks a calibration file (the format <see cref="EfficiencyCalibration.ToJson"/> writes) as the serializer read it,
/// collecting every problem with its JSON path and rule; <see cref="EfficiencyCalibration.Load"/> throws them as one
/// <see cref="DataLoadException"/>.
/// </summary>
internal sealed class CalibrationFileReader(string file)
{
    /// <summary>Every problem found so far.</summary>
    public List<DataLoadProblem> Problems { get; } = [];

    /// <summary>The calibration, or null when a problem was found.</summary>
    public EfficiencyCalibration? Read(CalibrationFileJson? root, AcceleratorFamilies families)
    {
        if (root is null)
        {
            Fail("$", "NotAnObject", "A calibration file must be a JSON object with the fields written by EfficiencyCalibration.ToJson.");
            return null;
        }
        if (Need(root.FormatVersion, "$.formatVersion") is { } version && version != 1)
        {
            Fail("$.formatVersion", "UnsupportedVersion", "'formatVersion' must be 1.");
        }
        NodaTime.LocalDate? fitDate = null;
        if (Need(root.FitDate, "$.fitDate") is { } dateText)
        {
            if (Serialization.IsoDate.TryParse(dateText, out var date))
            {
                fitDate = date;
            }
            else
            {
                Fail("$.fitDate", "InvalidDate", $"'fitDate' must be an ISO date (yyyy-MM-dd); it was '{dateText}'.");
            }
        }
        int? rows = Need(root.Rows, "$.rows");
        var publishers = Strings(root.Publishers, "$.publishers");
        var measured = Strings(root.MeasuredAccelerators, "$.measuredAccelerators");
        var parameters = Strings(root.FittedParameters, "$.fittedParameters");
        var baseline = Factors(root.Baseline, EfficiencyFactors.Default, "$.baseline");
        var global = Family(root.Global, baseline ?? EfficiencyFactors.Default, "$.global");
        var fitted = Families(root.Families, baseline, "$.families");
        var classFits = Families(root.ClassFits, baseline, "$.classFits");
        var skipped = new List<SkippedMeasurement>();
        if (Need(root.Skipped, "$.skipped") is { } skippedRows)
        {
            for (int i = 0; i < skippedRows.Count; i++)
            {
                string path = Index("$.skipped", i);
                if (skippedRows[i] is not { } s)
                {
                    Fail(path, "NotAnObject", "A skipped measurement must be an object with 'id' and 'reason'.");
                    continue;
                }
                if (Need(s.Id, path + ".id") is { } id && Need(s.Reason, path + ".reason") is { } reason)
                {
                    skipped.Add(new SkippedMeasurement(id, reason));
                }
            }
        }
        if (Problems.Count > 0)
        {
            return null;
        }
        return new EfficiencyCalibration(baseline!, global!, fitted!, families, measured!, publishers!, rows!.Value, skipped, parameters!)
        {
            FitDate = fitDate,
            ClassFits = classFits!,
            MeasurementSet = root.MeasurementSet,
        };
    }

    private void Fail(string path, string rule, string message) => Problems.Add(new DataLoadProblem(file, path, null, rule, message));

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");

    private static string Field(string path) => path[(path.LastIndexOf('.') + 1)..];

    private T? Need<T>(T? value, string path) where T : class
    {
        if (value is null)
        {
            Fail(path, "Required", $"'{Field(path)}' is required: a calibration file has the fields written by EfficiencyCalibration.ToJson.");
        }
        return value;
    }

    private T? Need<T>(T? value, string path) where T : struct
    {
        if (value is null)
        {
            Fail(path, "Required", $"'{Field(path)}' is required: a calibration file has the fields written by EfficiencyCalibration.ToJson.");
        }
        return value;
    }

    private string[]? Strings(List<string?>? values, string path)
    {
        if (Need(values, path) is not { } list)
        {
            return null;
        }
        int before = Problems.Count;
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                Fail(Index(path, i), "NotAString", $"'{Field(path)}' must hold strings only.");
            }
        }
        return Problems.Count > before ? null : list.Select(x => x!).ToArray();
    }

    private FamilyCalibration[]? Families(List<CalibrationFamilyJson?>? values, EfficiencyFactors? baseline, string path)
    {
        if (Need(values, path) is not { } list)
        {
            return null;
        }
        var result = new FamilyCalibration?[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            result[i] = Family(list[i], baseline ?? EfficiencyFactors.Default, Index(path, i));
        }
        return result.All(f => f is not null) ? result.Select(f => f!).ToArray() : null;
    }

    private FamilyCalibration? Family(CalibrationFamilyJson? f, EfficiencyFactors baseline, string path)
    {
        if (Need(f, path) is null)
        {
            return null;
        }
        int before = Problems.Count;
        string? family = Need(f!.Family, path + ".family");
        string? name = Need(f.Name, path + ".name");
        ModelClass modelClass = ModelClass.Any;
        if (Need(f.ModelClass, path + ".modelClass") is { } classText)
        {
            switch (classText)
            {
                case "any": modelClass = ModelClass.Any; break;
                case "dense": modelClass = ModelClass.Dense; break;
                case "moe": modelClass = ModelClass.MixtureOfExperts; break;
                default: Fail(path + ".modelClass", "UnknownModelClass", $"'modelClass' must be any, dense or moe; it was '{classText}'."); break;
            }
        }
        var accelerators = Strings(f.Accelerators, path + ".accelerators");
        bool? fitted = Need(f.Fitted, path + ".fitted");
        int? rows = Need(f.Rows, path + ".rows");
        var factors = Factors(f.Factors, baseline, path + ".factors");
        var errorBefore = Error(f.ErrorBefore, path + ".errorBefore");
        var errorAfter = Error(f.ErrorAfter, path + ".errorAfter");
        if (Problems.Count > before)
        {
            return null;
        }
        return new FamilyCalibration
        {
            Family = family!, Name = name!, ModelClass = modelClass, Accelerators = accelerators!, Fitted = fitted!.Value, Rows = rows!.Value,
            Factors = factors!, ErrorBefore = errorBefore, ErrorAfter = errorAfter,
        };
    }

    private EfficiencyFactors? Factors(CalibrationFactorsJson? e, EfficiencyFactors template, string path)
    {
        if (Need(e, path) is null)
        {
            return null;
        }
        int before = Problems.Count;
        NumericPrecision precision = default;
        if (Need(e!.ActivationPrecision, path + ".activationPrecision") is { } precisionText
            && (!Enum.TryParse(precisionText, true, out precision) || !Enum.IsDefined(precision)))
        {
            Fail(path + ".activationPrecision", "UnknownPrecision", $"'activationPrecision' must be a NumericPrecision name; it was '{precisionText}'.");
        }
        int? chunk = Need(e.PrefillChunkTokens, path + ".prefillChunkTokens");
        if (chunk < 1)
        {
            Fail(path + ".prefillChunkTokens", "NotPositive", $"Prefill chunk must be at least 1 token; it was {chunk.Value.ToString(CultureInfo.InvariantCulture)}.");
        }
        double? mfu = Need(e.Mfu, path + ".mfu");
        double? mbu = Need(e.Mbu, path + ".mbu");
        double? link = Need(e.InterconnectEfficiency, path + ".interconnectEfficiency");
        double? memory = Need(e.UsableMemoryFraction, path + ".usableMemoryFraction");
        double? latency = Need(e.AllReduceLatencySeconds, path + ".allReduceLatencySeconds");
        double? overhead = Need(e.StepOverheadSeconds, path + ".stepOverheadSeconds");
        if (Problems.Count > before)
        {
            return null;
        }
        var f = template with
        {
            Mfu = mfu!.Value,
            Mbu = mbu!.Value,
            InterconnectEfficiency = link!.Value,
            UsableMemoryFraction = memory!.Value,
            AllReduceLatencySeconds = latency!.Value,
            StepOverheadSeconds = overhead!.Value,
            PrefillChunkTokens = TokenCount.FromTokens(chunk!.Value),
            ActivationPrecision = precision,
        };
        if (InferenceChecks.IsValid(f))
        {
            return f;
        }
        var result = EfficiencyFactorsValidator.Instance.Validate(f);
        foreach (var failure in result.Errors)
        {
            Fail(path + "." + char.ToLowerInvariant(failure.PropertyName[0]) + failure.PropertyName[1..], "OutOfRange", failure.ErrorMessage);
        }
        return result.IsValid ? f : null;
    }

    private CalibrationError? Error(CalibrationErrorJson? e, string path)
    {
        if (e is null)
        {
            return null; // null is written for a fit without rows
        }
        int? count = Need(e.Count, path + ".count");
        double? median = Need(e.Median, path + ".median");
        double? p90 = Need(e.P90, path + ".p90");
        double? r10 = Need(e.RatioP10, path + ".ratioP10");
        double? r50 = Need(e.RatioP50, path + ".ratioP50");
        double? r90 = Need(e.RatioP90, path + ".ratioP90");
        return count is { } c && median is { } m && p90 is { } p && r10 is { } a && r50 is { } b && r90 is { } d ? new CalibrationError(c, m, p, a, b, d) : null;
    }
}

/// <summary>A calibration file as the serializer reads it; checked by <see cref="CalibrationFileReader"/>.</summary>
internal sealed class CalibrationFileJson
{
    public int? FormatVersion { get; set; }
    public string? FitDate { get; set; }
    public string? MeasurementSet { get; set; }
    public int? Rows { get; set; }
    public List<string?>? Publishers { get; set; }
    public List<string?>? MeasuredAccelerators { get; set; }
    public List<string?>? FittedParameters { get; set; }
    public CalibrationFactorsJson? Baseline { get; set; }
    public CalibrationFamilyJson? Global { get; set; }
    public List<CalibrationFamilyJson?>? Families { get; set; }
    public List<CalibrationFamilyJson?>? ClassFits { get; set; }
    public List<SkippedJson?>? Skipped { get; set; }

    /// <summary>A skipped measurement.</summary>
    internal sealed class SkippedJson
    {
        public string? Id { get; set; }
        public string? Reason { get; set; }
    }

    /// <summary>
    /// The file as the serializer reads it with the calibration options (exact camelCase names, the last of repeated
    /// names wins, unknown names ignored, numbers strict, no comments), read from a <see cref="JsonDocument"/> without the
    /// serializer's reflection metadata (start-up); null when a value is of a kind the serializer would refuse, so that it
    /// words the problem. A JSON <c>null</c> document gives null with <paramref name="documentIsNull"/> set.
    /// </summary>
    internal static CalibrationFileJson? TryRead(byte[] bytes, out bool documentIsNull)
    {
        documentIsNull = false;
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null; // JsonDocument checks string contents only when read: leave text that is not UTF-8 to the checked path
        }
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = Utility.BoundedInput.MaxDepth });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                documentIsNull = true;
                return null;
            }
            var file = new CalibrationFileJson();
            foreach (var p in ElementObject(root) ?? throw new GiveUp())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "formatVersion": file.FormatVersion = ElementInteger(v); break;
                    case "fitDate": file.FitDate = ElementText(v); break;
                    case "measurementSet": file.MeasurementSet = ElementText(v); break;
                    case "rows": file.Rows = ElementInteger(v); break;
                    case "publishers": file.Publishers = ElementTexts(v); break;
                    case "measuredAccelerators": file.MeasuredAccelerators = ElementTexts(v); break;
                    case "fittedParameters": file.FittedParameters = ElementTexts(v); break;
                    case "baseline": file.Baseline = ElementObject(v) is { } b ? CalibrationFactorsJson.Read(b) : null; break;
                    case "global": file.Global = ElementObject(v) is { } g ? CalibrationFamilyJson.Read(g) : null; break;
                    case "families": file.Families = ElementList(v, e => CalibrationFamilyJson.Read(ElementObject(e)!.Value)); break;
                    case "classFits": file.ClassFits = ElementList(v, e => CalibrationFamilyJson.Read(ElementObject(e)!.Value)); break;
                    case "skipped":
                        file.Skipped = ElementList(v, e =>
                        {
                            var skipped = new SkippedJson();
                            foreach (var q in ElementObject(e)!.Value)
                            {
                                if (q.Name == "id") skipped.Id = ElementText(q.Value);
                                else if (q.Name == "reason") skipped.Reason = ElementText(q.Value);
                            }
                            return skipped;
                        });
                        break;
                    default:
                        break; // unknown names are ignored, as by the serializer
                }
            }
            return file;
        }
        catch (Exception e) when (e is GiveUp or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>A family's (or the global) fit in a calibration file.</summary>
internal sealed class CalibrationFamilyJson
{
    public string? Family { get; set; }
    public string? Name { get; set; }
    public string? ModelClass { get; set; }
    public List<string?>? Accelerators { get; set; }
    public bool? Fitted { get; set; }
    public int? Rows { get; set; }
    public CalibrationFactorsJson? Factors { get; set; }
    public CalibrationErrorJson? ErrorBefore { get; set; }
    public CalibrationErrorJson? ErrorAfter { get; set; }

    /// <summary>The family's fields from a JSON object (see <see cref="CalibrationFileJson.TryRead"/>).</summary>
    internal static CalibrationFamilyJson Read(JsonElement.ObjectEnumerator properties)
    {
        var f = new CalibrationFamilyJson();
        foreach (var p in properties)
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "family": f.Family = ElementText(v); break;
                case "name": f.Name = ElementText(v); break;
                case "modelClass": f.ModelClass = ElementText(v); break;
                case "accelerators": f.Accelerators = ElementTexts(v); break;
                case "fitted": f.Fitted = ElementBool(v); break;
                case "rows": f.Rows = ElementInteger(v); break;
                case "factors": f.Factors = ElementObject(v) is { } factors ? CalibrationFactorsJson.Read(factors) : null; break;
                case "errorBefore": f.ErrorBefore = ElementObject(v) is { } before ? CalibrationErrorJson.Read(before) : null; break;
                case "errorAfter": f.ErrorAfter = ElementObject(v) is { } after ? CalibrationErrorJson.Read(after) : null; break;
                default: break;
            }
        }
        return f;
    }
}

/// <summary>Efficiency factors in a calibration file.</summary>
internal sealed class CalibrationFactorsJson
{
    public double? Mfu { get; set; }
    public double? Mbu { get; set; }
    public double? InterconnectEfficiency { get; set; }
    public double? UsableMemoryFraction { get; set; }
    public double? AllReduceLatencySeconds { get; set; }
    public double? StepOverheadSeconds { get; set; }
    public int? PrefillChunkTokens { get; set; }
    public string? ActivationPrecision { get; set; }

    /// <summary>The factors from a JSON object (see <see cref="CalibrationFileJson.TryRead"/>).</summary>
    internal static CalibrationFactorsJson Read(JsonElement.ObjectEnumerator properties)
    {
        var f = new CalibrationFactorsJson();
        foreach (var p in properties)
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "mfu": f.Mfu = ElementNumber(v); break;
                case "mbu": f.Mbu = ElementNumber(v); break;
                case "interconnectEfficiency": f.InterconnectEfficiency = ElementNumber(v); break;
                case "usableMemoryFraction": f.UsableMemoryFraction = ElementNumber(v); break;
                case "allReduceLatencySeconds": f.AllReduceLatencySeconds = ElementNumber(v); break;
                case "stepOverheadSeconds": f.StepOverheadSeconds = ElementNumber(v); break;
                case "prefillChunkTokens": f.PrefillChunkTokens = ElementInteger(v); break;
                case "activationPrecision": f.ActivationPrecision = ElementText(v); break;
                default: break;
            }
        }
        return f;
    }
}

/// <summary>A fit's error in a calibration file (null in the file when the fit has no rows).</summary>
internal sealed class CalibrationErrorJson
{
    public int? Count { get; set; }
    public double? Median { get; set; }
    public double? P90 { get; set; }
    public double? RatioP10 { get; set; }
    public double? RatioP50 { get; set; }
    public double? RatioP90 { get; set; }

    /// <summary>The error from a JSON object (see <see cref="CalibrationFileJson.TryRead"/>).</summary>
    internal static CalibrationErrorJson Read(JsonElement.ObjectEnumerator properties)
    {
        var e = new CalibrationErrorJson();
        foreach (var p in properties)
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "count": e.Count = ElementInteger(v); break;
                case "median": e.Median = ElementNumber(v); break;
                case "p90": e.P90 = ElementNumber(v); break;
                case "ratioP10": e.RatioP10 = ElementNumber(v); break;
                case "ratioP50": e.RatioP50 = ElementNumber(v); break;
                case "ratioP90": e.RatioP90 = ElementNumber(v); break;
                default: break;
            }
        }
        return e;
    }
}
