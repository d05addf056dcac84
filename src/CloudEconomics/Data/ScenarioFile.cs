using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Data;

/// <summary>
/// A capital scenario: a company's reported quarters and fiscal years (each figure with its source and as-of date),
/// its depreciation policies, backlog additions, the claims of the article being checked, and the assumptions the
/// other parts of a report use. The format is documented by <c>seeds/scenarios/scenario.schema.json</c>.
/// </summary>
/// <remarks>
/// <para>Load with <see cref="Load(Stream, string?)"/> or <see cref="Load(string)"/>; <see cref="Default"/> is the
/// embedded <c>aws-2026-q1</c> scenario. Loading validates with <see cref="ScenarioFileValidator"/> and throws
/// <see cref="DataLoadException"/> naming the file, JSON path, record and rule. Unknown properties are rejected.</para>
/// <para>A figure whose value is null is unknown: it stays unknown in every calculation.</para>
/// </remarks>
public sealed record ScenarioFile
{
    private const string DefaultResourceName = "CloudEconomics.Seeds.scenarios.aws-2026-q1.json";
    private static readonly Lazy<ScenarioFile> DefaultScenario = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The JSON schema reference (<c>$schema</c>); ignored by the loader.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The scenario id (e.g. <c>"aws-2026-q1"</c>).</summary>
    public required string Id { get; init; }

    /// <summary>A title for reports.</summary>
    public required string Title { get; init; }

    /// <summary>A longer description; optional.</summary>
    public string? Description { get; init; }

    /// <summary>The date the scenario's data were compiled.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The currency of every money figure.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The company and segment.</summary>
    public required CompanyInfo Company { get; init; }

    /// <summary>The latest quarter of the scenario (e.g. <c>"Q1-2026"</c>): the quarter the report is about.</summary>
    public required string LatestQuarter { get; init; }

    /// <summary>Reported quarters, oldest first.</summary>
    public required IReadOnlyList<QuarterRecord> Quarters { get; init; }

    /// <summary>Reported fiscal years.</summary>
    public IReadOnlyList<FiscalYearRecord> FiscalYears { get; init; } = [];

    /// <summary>Depreciation policies (useful lives by asset class, with changes).</summary>
    public IReadOnlyList<DepreciationPolicyRecord> DepreciationPolicies { get; init; } = [];

    /// <summary>Additions to the latest reported backlog (contracts announced after the reporting date).</summary>
    public IReadOnlyList<BacklogAdditionRecord> BacklogAdditions { get; init; } = [];

    /// <summary>Claims of the article being checked, each with the metric it claims to be.</summary>
    public IReadOnlyList<ArticleClaimRecord> ArticleClaims { get; init; } = [];

    /// <summary>Assumptions used by the token-cost, catalog and power parts of a report.</summary>
    public ScenarioAssumptions? Assumptions { get; init; }

    /// <summary>The fiscal calendar of the company.</summary>
    [JsonIgnore]
    public FiscalCalendar Calendar => FiscalCalendar.StartingIn(Company.FiscalYearStartMonth);

    /// <summary>The latest quarter, parsed.</summary>
    [JsonIgnore]
    public FiscalQuarter LatestFiscalQuarter => FiscalQuarter.Parse(LatestQuarter, Calendar);

    /// <summary>The record of <paramref name="quarter"/>, or null when the scenario does not hold it.</summary>
    /// <param name="quarter">The quarter.</param>
    /// <returns>The record or null.</returns>
    public QuarterRecord? Quarter(FiscalQuarter quarter)
        => Quarters.FirstOrDefault(q => q is not null && FiscalQuarter.TryParse(q.Period, Calendar, out var p) && p == quarter);

    /// <summary>The record of <paramref name="year"/>, or null when the scenario does not hold it.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>The record or null.</returns>
    public FiscalYearRecord? Year(FiscalYear year)
        => FiscalYears.FirstOrDefault(y => y is not null && CloudEconomics.FiscalYear.TryParse(y.Period, Calendar, out var p) && p == year);

    /// <summary>A series of one money line over the quarters where it is known.</summary>
    /// <param name="line">Selects the figure from a quarter record.</param>
    /// <returns>The series (unknown quarters absent).</returns>
    public QuarterlySeries Series(Func<QuarterRecord, Figure<ReportedNumber>?> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new QuarterlySeries(Currency, Quarters
            .Select(q => (Quarter: FiscalQuarter.Parse(q.Period, Calendar), Money: line(q)?.Value is { } n ? n.ToMoney(Currency) : (Money?)null))
            .Where(x => x.Money.HasValue)
            .Select(x => new KeyValuePair<FiscalQuarter, Money>(x.Quarter, x.Money!.Value)));
    }

    /// <summary>The embedded default scenario (<c>seeds/scenarios/aws-2026-q1.json</c>): Amazon and AWS, Q1-2024 to Q1-2026.</summary>
    /// <remarks>Read once, lazily, with the same size, depth and shape checks as a user file; the
    /// <see cref="ScenarioFileValidator"/> rules are checked by the library's tests on every build rather than at run time
    /// (the embedded file cannot change after the build, and building the validator costs start-up).</remarks>
    public static ScenarioFile Default => DefaultScenario.Value;

    /// <summary>Loads and validates a scenario from JSON.</summary>
    /// <param name="json">The JSON stream (UTF-8).</param>
    /// <param name="fileName">The file name to show in errors; <c>"(stream)"</c> when omitted.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DataLoadException">The JSON is malformed, has an unknown property, or breaks a rule of <see cref="ScenarioFileValidator"/>.</exception>
    public static ScenarioFile Load(Stream json, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(json, fileName ?? "(stream)", validate: true);
    }

    /// <summary>Reads a scenario; <paramref name="validate"/> is false only for the embedded default, which a test validates.</summary>
    private static ScenarioFile Load(Stream json, string file, bool validate)
    {
        byte[] bytes;
        ScenarioFile? scenario;
        // At most 16 MiB of UTF-8 text, nested at most 64 deep, checked before parsing (Utility/BoundedInput); a
        // refusal is already a DataLoadException naming the file, the limit and the rule.
        bytes = Utility.BoundedInput.ReadBytes(json, file);
        // A clean document is read in one pass without serializer metadata (ScenarioFastReader, nesting at most 16 deep);
        // anything else is depth-checked and read with the serializer, which accepts the same documents and words every
        // problem with its path.
        scenario = ScenarioFastReader.TryRead(bytes);
        if (scenario is null)
        {
            CheckDepth(bytes, file);
        }
        try
        {
            scenario ??= JsonSerializer.Deserialize<ScenarioFile>(bytes, ReadOptions);
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            var where = e.LineNumber is { } line ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (line {line + 1}, byte {e.BytePositionInLine + 1})") : string.Empty;
            throw new DataLoadException(file, path, FirstLine(e.Message) + where, RecordIdFromJson(bytes, path), "InvalidJson", e);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new DataLoadException(file, "$", FirstLine(e.Message), rule: "InvalidJson", innerException: e);
        }
        if (scenario is null)
        {
            throw new DataLoadException(file, "$", "The document must be a JSON object, not null.", rule: "NotAnObject");
        }
        if (!validate)
        {
            return scenario;
        }
        var result = new ScenarioFileValidator().Validate(scenario);
        if (!result.IsValid)
        {
            throw new DataLoadException(result.Errors.Select(e => ToLoadError(file, scenario, e)));
        }
        return scenario;
    }

    /// <summary>Loads and validates a scenario from a JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataLoadException">The file is invalid (see <see cref="Load(Stream, string?)"/>).</exception>
    public static ScenarioFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Scenario file '{path}' does not exist.", path);
        }
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Serialises the scenario as indented JSON in the scenario format (round-trips through <see cref="Load(Stream, string?)"/>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ReadOptions);

    /// <summary>The JSON options used to read and write scenario files.</summary>
    internal static JsonSerializerOptions ReadOptions => LazyReadOptions.Value;

    private static readonly Lazy<JsonSerializerOptions> LazyReadOptions = new(CreateReadOptions);

    private static JsonSerializerOptions CreateReadOptions()
    {
        var options = CloudEconomicsJson.CreateDocumentOptions();
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    private static ScenarioFile LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded scenario '{DefaultResourceName}' is missing from the assembly.");
        // Not validated at run time: the embedded file is fixed at build time and ScenarioFileTest validates it with
        // ScenarioFileValidator on every build, while building and running the validator costs about 250 ms of start-up.
        return Load(stream, "seeds/scenarios/aws-2026-q1.json (embedded)", validate: false);
    }

    private static void CheckDepth(byte[] bytes, string file)
    {
        try
        {
            Utility.BoundedInput.CheckJson(bytes, file);
        }
        catch (JsonException)
        {
            // Malformed: the serializer reports it with its path and line.
        }
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOf('\n', StringComparison.Ordinal);
        return (i < 0 ? message : message[..i]).TrimEnd('\r');
    }

    private static DataLoadProblem ToLoadError(string file, ScenarioFile scenario, FluentValidation.Results.ValidationFailure failure)
    {
        var path = "$" + string.Concat(failure.PropertyName.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => "." + CamelCase(s)));
        if (string.IsNullOrEmpty(failure.PropertyName)) path = "$";
        return new DataLoadProblem(file, path, RecordId(scenario, failure.PropertyName), null, failure.ErrorMessage);
    }

    // For a JSON error at "$.quarters[3]...", the id of that record read from the raw document (best effort).
    private static string? RecordIdFromJson(byte[] bytes, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            var match = System.Text.RegularExpressions.Regex.Match(path, @"^\$\.(\w+)\[(\d+)\]", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (match.Success && doc.RootElement.TryGetProperty(match.Groups[1].Value, out var array) && array.ValueKind == JsonValueKind.Array
                && int.TryParse(match.Groups[2].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.GetArrayLength())
            {
                var item = array[index];
                return Text(item, "period") ?? Text(item, "id");
            }
            return Text(doc.RootElement, "id");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string CamelCase(string segment) => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..];

    private static string? RecordId(ScenarioFile s, string propertyName)
    {
        static int? Index(string name, string prefix)
        {
            if (!name.StartsWith(prefix + "[", StringComparison.Ordinal)) return null;
            var end = name.IndexOf(']', StringComparison.Ordinal);
            return end > prefix.Length + 1 && int.TryParse(name.AsSpan(prefix.Length + 1, end - prefix.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
        }
        string? Pick<T>(IReadOnlyList<T>? list, string prefix, Func<T, string?> id)
            => Index(propertyName, prefix) is { } i && list is not null && i < list.Count && list[i] is { } item ? id(item) : null;

        return Pick(s.Quarters, nameof(Quarters), q => q.Period)
            ?? Pick(s.FiscalYears, nameof(FiscalYears), y => y.Period)
            ?? Pick(s.DepreciationPolicies, nameof(DepreciationPolicies), p => p.Id)
            ?? Pick(s.BacklogAdditions, nameof(BacklogAdditions), a => a.Id)
            ?? Pick(s.ArticleClaims, nameof(ArticleClaims), c => c.Id)
            ?? s.Id;
    }
}

/// <summary>The company and the segment a scenario is about.</summary>
public sealed record CompanyInfo
{
    /// <summary>The company (e.g. "Amazon").</summary>
    public required string Name { get; init; }

    /// <summary>The reporting segment the scenario focuses on (e.g. "AWS").</summary>
    public required string Segment { get; init; }

    /// <summary>The calendar month (1-12) in which the fiscal year starts: 1 for Amazon, 7 for Microsoft.</summary>
    public int FiscalYearStartMonth { get; init; } = 1;
}

/// <summary>
/// One reported quarter. Segment figures are the focus segment's; the others are the company's consolidated figures.
/// Money figures are in the scenario currency (unit billions or millions); flows are for the quarter unless the name
/// ends in <c>Ttm</c> (trailing twelve months).
/// </summary>
public sealed record QuarterRecord
{
    /// <summary>The fiscal quarter, e.g. <c>"Q1-2026"</c>.</summary>
    public required string Period { get; init; }

    /// <summary>The last day of the quarter; must match <see cref="Period"/>.</summary>
    public required LocalDate PeriodEnd { get; init; }

    /// <summary>The date results were reported; optional, not before <see cref="PeriodEnd"/>.</summary>
    public LocalDate? ReportDate { get; init; }

    /// <summary>Segment revenue (net sales) for the quarter.</summary>
    public Figure<ReportedNumber>? SegmentRevenue { get; init; }

    /// <summary>Segment revenue growth year over year as reported, in percent.</summary>
    public Figure<ReportedNumber>? SegmentRevenueGrowthYoY { get; init; }

    /// <summary>Segment operating income for the quarter.</summary>
    public Figure<ReportedNumber>? SegmentOperatingIncome { get; init; }

    /// <summary>Consolidated net sales for the quarter.</summary>
    public Figure<ReportedNumber>? NetSales { get; init; }

    /// <summary>Consolidated operating income for the quarter.</summary>
    public Figure<ReportedNumber>? OperatingIncome { get; init; }

    /// <summary>Consolidated operating cash flow, trailing twelve months.</summary>
    public Figure<ReportedNumber>? OperatingCashFlowTtm { get; init; }

    /// <summary>Consolidated free cash flow as the company defines it, trailing twelve months.</summary>
    public Figure<ReportedNumber>? FreeCashFlowTtm { get; init; }

    /// <summary>Purchases of property and equipment (gross) for the quarter.</summary>
    public Figure<ReportedNumber>? PurchasesOfPropertyAndEquipment { get; init; }

    /// <summary>Proceeds from property and equipment sales and incentives for the quarter.</summary>
    public Figure<ReportedNumber>? ProceedsFromPropertyAndEquipmentSalesAndIncentives { get; init; }

    /// <summary>Purchases of property and equipment net of proceeds and incentives ("cash capex") for the quarter.</summary>
    public Figure<ReportedNumber>? NetCapitalExpenditures { get; init; }

    /// <summary>Principal repayments of finance leases for the quarter.</summary>
    public Figure<ReportedNumber>? PrincipalRepaymentsOfFinanceLeases { get; init; }

    /// <summary>Principal repayments of financing obligations for the quarter.</summary>
    public Figure<ReportedNumber>? PrincipalRepaymentsOfFinancingObligations { get; init; }

    /// <summary>Segment backlog (remaining performance obligations) at the end of the quarter.</summary>
    public Figure<ReportedNumber>? Backlog { get; init; }

    /// <summary>Weighted-average remaining life of the segment's backlog at the end of the quarter, in years.</summary>
    public Figure<ReportedNumber>? BacklogWeightedAverageRemainingLife { get; init; }

    /// <summary>Other figures of the quarter by name (e.g. special charges); each with its source.</summary>
    public IReadOnlyDictionary<string, Figure<ReportedNumber>> OtherFigures { get; init; } = new Dictionary<string, Figure<ReportedNumber>>();
}

/// <summary>One reported fiscal year (consolidated unless named segment).</summary>
public sealed record FiscalYearRecord
{
    /// <summary>The fiscal year, e.g. <c>"FY2025"</c>.</summary>
    public required string Period { get; init; }

    /// <summary>Segment revenue for the year.</summary>
    public Figure<ReportedNumber>? SegmentRevenue { get; init; }

    /// <summary>Segment operating income for the year.</summary>
    public Figure<ReportedNumber>? SegmentOperatingIncome { get; init; }

    /// <summary>Operating cash flow for the year.</summary>
    public Figure<ReportedNumber>? OperatingCashFlow { get; init; }

    /// <summary>Purchases of property and equipment (gross) for the year.</summary>
    public Figure<ReportedNumber>? PurchasesOfPropertyAndEquipment { get; init; }

    /// <summary>Proceeds from property and equipment sales and incentives for the year.</summary>
    public Figure<ReportedNumber>? ProceedsFromPropertyAndEquipmentSalesAndIncentives { get; init; }

    /// <summary>Principal repayments of finance leases for the year.</summary>
    public Figure<ReportedNumber>? PrincipalRepaymentsOfFinanceLeases { get; init; }

    /// <summary>Principal repayments of financing obligations for the year.</summary>
    public Figure<ReportedNumber>? PrincipalRepaymentsOfFinancingObligations { get; init; }

    /// <summary>Property and equipment acquired under equipment finance leases for the year.</summary>
    public Figure<ReportedNumber>? PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases { get; init; }

    /// <summary>Principal repayments of finance leases other than equipment finance leases for the year.</summary>
    public Figure<ReportedNumber>? PrincipalRepaymentsOfOtherFinanceLeases { get; init; }

    /// <summary>Free cash flow as the company defines it, for the year.</summary>
    public Figure<ReportedNumber>? FreeCashFlow { get; init; }

    /// <summary>Depreciation and amortisation for the year.</summary>
    public Figure<ReportedNumber>? DepreciationAndAmortization { get; init; }

    /// <summary>Capex guidance for the next fiscal year.</summary>
    public Figure<ReportedNumber>? CapexGuidanceNextYear { get; init; }

    /// <summary>Other figures of the year by name.</summary>
    public IReadOnlyDictionary<string, Figure<ReportedNumber>> OtherFigures { get; init; } = new Dictionary<string, Figure<ReportedNumber>>();
}

/// <summary>A depreciation policy of an asset class as a chain of useful-life changes.</summary>
public sealed record DepreciationPolicyRecord
{
    /// <summary>An id, e.g. <c>"amazon-servers"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The asset class.</summary>
    public required string AssetClass { get; init; }

    /// <summary>The changes in date order; the first change's <c>fromYears</c> is the initial life.</summary>
    public required IReadOnlyList<UsefulLifeChangeRecord> Changes { get; init; }

    /// <summary>A note (e.g. how the class relates to another).</summary>
    public string? Note { get; init; }
}

/// <summary>A change of useful life in a <see cref="DepreciationPolicyRecord"/>.</summary>
public sealed record UsefulLifeChangeRecord
{
    /// <summary>The first day the new life applies (first day of a month).</summary>
    public required LocalDate Effective { get; init; }

    /// <summary>The life before the change, in years.</summary>
    public required Figure<ReportedNumber> FromYears { get; init; }

    /// <summary>The life from <see cref="Effective"/>, in years.</summary>
    public required Figure<ReportedNumber> ToYears { get; init; }
}

/// <summary>An addition to the latest reported backlog.</summary>
public sealed record BacklogAdditionRecord
{
    /// <summary>An id.</summary>
    public required string Id { get; init; }

    /// <summary>What the addition is.</summary>
    public required string Description { get; init; }

    /// <summary>The reported quarter whose backlog excludes this addition (e.g. <c>"Q1-2026"</c>).</summary>
    public required string AfterPeriod { get; init; }

    /// <summary>The amount; basis <c>lowerBound</c> for "over $100B".</summary>
    public required Figure<ReportedNumber> Amount { get; init; }
}

/// <summary>The metric an article claim is (or claims to be).</summary>
public enum ClaimMetric
{
    /// <summary>Not modelled by the capital part (the claim is listed, not checked).</summary>
    NotModelled = 0,

    /// <summary>Segment revenue for the quarter.</summary>
    SegmentRevenue,

    /// <summary>Segment revenue growth year over year, percent.</summary>
    SegmentRevenueGrowthYoY,

    /// <summary>Segment operating income for the quarter.</summary>
    SegmentOperatingIncome,

    /// <summary>Consolidated operating income for the quarter.</summary>
    ConsolidatedOperatingIncome,

    /// <summary>Consolidated net sales for the quarter.</summary>
    NetSales,

    /// <summary>Operating cash flow, trailing twelve months.</summary>
    OperatingCashFlowTtm,

    /// <summary>Free cash flow, trailing twelve months (company definition).</summary>
    FreeCashFlowTtm,

    /// <summary>Capex net of proceeds and incentives, trailing twelve months.</summary>
    NetCapexTtm,

    /// <summary>Gross purchases of property and equipment, trailing twelve months.</summary>
    GrossCapexTtm,

    /// <summary>Segment backlog as reported at the quarter end.</summary>
    SegmentBacklog,

    /// <summary>Segment backlog plus later additions.</summary>
    SegmentBacklogWithAdditions,
}

/// <summary>A figure an article states, and the metric it presents it as.</summary>
public sealed record ArticleClaimRecord
{
    /// <summary>An id.</summary>
    public required string Id { get; init; }

    /// <summary>The claim as the article words it.</summary>
    public required string Text { get; init; }

    /// <summary>The figure the article states (unit and source = the article); null for a qualitative claim.</summary>
    public Figure<ReportedNumber>? Value { get; init; }

    /// <summary>The metric the article presents the figure as.</summary>
    public ClaimMetric ClaimedMetric { get; init; }

    /// <summary>The quarter the claim speaks for (e.g. <c>"Q1-2026"</c>).</summary>
    public required string Period { get; init; }

    /// <summary>A note for the reader.</summary>
    public string? Note { get; init; }
}

/// <summary>Assumptions the other parts of a report use; the capital calculations do not read them.</summary>
public sealed record ScenarioAssumptions
{
    /// <summary>The as-of date for prices and catalog data.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Token-cost assumptions (model, instances, utilisation).</summary>
    public TokenCostAssumptions? TokenCost { get; init; }

    /// <summary>Catalog assumptions (region, instances, commitment to evaluate).</summary>
    public CatalogAssumptions? Catalog { get; init; }

    /// <summary>Power assumptions (PUE, electricity price).</summary>
    public PowerAssumptions? Power { get; init; }

    /// <summary>A note for the reader.</summary>
    public string? Note { get; init; }
}

/// <summary>Token-cost assumptions: which model on which instances at what utilisation.</summary>
public sealed record TokenCostAssumptions
{
    /// <summary>The model id in the model catalog (e.g. <c>"llama-3.1-70b"</c>).</summary>
    public string? ModelId { get; init; }

    /// <summary>The custom-silicon instance to compare (e.g. <c>"trn2.48xlarge"</c>).</summary>
    public string? CustomSiliconInstance { get; init; }

    /// <summary>The GPU instance to compare (e.g. <c>"p5.48xlarge"</c>).</summary>
    public string? GpuInstance { get; init; }

    /// <summary>The region whose prices are used.</summary>
    public string? Region { get; init; }

    /// <summary>Fleet utilisation as a ratio in (0, 1]; null = use the inference model's documented default.</summary>
    public Figure<ReportedNumber>? Utilization { get; init; }
}

/// <summary>Catalog assumptions for the report.</summary>
public sealed record CatalogAssumptions
{
    /// <summary>The date prices are taken at.</summary>
    public LocalDate? PriceAsOf { get; init; }

    /// <summary>The region.</summary>
    public string? Region { get; init; }

    /// <summary>Instances the report lists.</summary>
    public IReadOnlyList<string> Instances { get; init; } = [];

    /// <summary>The instance whose commitment (reserve or not) the report evaluates.</summary>
    public string? CommitmentInstance { get; init; }

    /// <summary>The expected utilisation of the committed capacity, ratio in (0, 1]; null = not set.</summary>
    public Figure<ReportedNumber>? ExpectedUtilization { get; init; }
}

/// <summary>Power assumptions for the report.</summary>
public sealed record PowerAssumptions
{
    /// <summary>Power usage effectiveness (ratio).</summary>
    public Figure<ReportedNumber>? Pue { get; init; }

    /// <summary>Electricity price (currency per kWh).</summary>
    public Figure<ReportedNumber>? ElectricityPrice { get; init; }
}
