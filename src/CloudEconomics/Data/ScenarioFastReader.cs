using System.Text.Json;
using System.Text.Unicode;
using CloudEconomics.Serialization;
using NodaTime;
using static CloudEconomics.Serialization.FastJsonReading;

namespace CloudEconomics.Data;

/// <summary>
/// The scenario's fast load path: one forward pass of a <see cref="Utf8JsonReader"/> that builds the records directly,
/// without the serializer's reflection metadata (about 140 ms of a new process's start-up). It reads only clean
/// documents: exact camelCase property names, each at most once, every required property present, values of the
/// expected JSON kinds (numbers as numbers, enums by their camelCase names, ISO dates), no null where the format has no
/// null. Anything else gives up, and <see cref="ScenarioFile"/> reads the document again with the serializer, which
/// accepts the same documents (and some more spellings) and reports every problem with its path. So a document this
/// reader accepts yields the same scenario as the serializer (a test compares both on the seed scenario and on
/// thousands of mutated documents).
/// </summary>
internal static class ScenarioFastReader
{
    /// <summary>The deepest nesting this reader follows (the format nests 5 deep); deeper documents take the checked path.</summary>
    private const int MaxDepth = 16;

    /// <summary>Reads a clean document; null when it is not one (nothing is thrown).</summary>
    internal static ScenarioFile? TryRead(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            return null;
        }
        try
        {
            var r = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
            var strings = new JsonStrings(utf8);
            if (Next(ref r) != JsonTokenType.StartObject)
            {
                return null;
            }
            var scenario = ReadScenario(ref r, strings);
            return r.Read() ? null : scenario;
        }
        catch (Exception e) when (e is GiveUp or JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static ScenarioFile ReadScenario(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? schema = null, id = null, title = null, description = null, latestQuarter = null;
        LocalDate? asOf = null;
        Currency? currency = null;
        CompanyInfo? company = null;
        List<QuarterRecord>? quarters = null;
        List<FiscalYearRecord>? years = null;
        List<DepreciationPolicyRecord>? policies = null;
        List<BacklogAdditionRecord>? additions = null;
        List<ArticleClaimRecord>? claims = null;
        ScenarioAssumptions? assumptions = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("$schema"u8)) { Once(ref seen, 1); schema = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("id"u8)) { Once(ref seen, 2); id = Text(ref r, strings); }
            else if (r.ValueTextEquals("title"u8)) { Once(ref seen, 4); title = Text(ref r, strings); }
            else if (r.ValueTextEquals("description"u8)) { Once(ref seen, 8); description = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("asOf"u8)) { Once(ref seen, 16); asOf = RequiredDate(ref r); }
            else if (r.ValueTextEquals("currency"u8)) { Once(ref seen, 32); currency = Currency.TryFromCode(Text(ref r, strings), out var c) ? c : throw new GiveUp(); }
            else if (r.ValueTextEquals("company"u8)) { Once(ref seen, 64); company = ReadCompany(ref r, strings); }
            else if (r.ValueTextEquals("latestQuarter"u8)) { Once(ref seen, 128); latestQuarter = Text(ref r, strings); }
            else if (r.ValueTextEquals("quarters"u8)) { Once(ref seen, 256); quarters = List(ref r, strings, ReadQuarter); }
            else if (r.ValueTextEquals("fiscalYears"u8)) { Once(ref seen, 512); years = List(ref r, strings, ReadYear); }
            else if (r.ValueTextEquals("depreciationPolicies"u8)) { Once(ref seen, 1024); policies = List(ref r, strings, ReadPolicy); }
            else if (r.ValueTextEquals("backlogAdditions"u8)) { Once(ref seen, 2048); additions = List(ref r, strings, ReadAddition); }
            else if (r.ValueTextEquals("articleClaims"u8)) { Once(ref seen, 4096); claims = List(ref r, strings, ReadClaim); }
            else if (r.ValueTextEquals("assumptions"u8)) { Once(ref seen, 8192); assumptions = ReadAssumptions(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 2 | 4 | 16 | 32 | 64 | 128 | 256);
        return new ScenarioFile
        {
            Schema = schema,
            Id = id!,
            Title = title!,
            Description = description,
            AsOf = asOf!.Value,
            Currency = currency!.Value,
            Company = company!,
            LatestQuarter = latestQuarter!,
            Quarters = quarters!,
            FiscalYears = years ?? [],
            DepreciationPolicies = policies ?? [],
            BacklogAdditions = additions ?? [],
            ArticleClaims = claims ?? [],
            Assumptions = assumptions,
        };
    }

    private static CompanyInfo ReadCompany(ref Utf8JsonReader r, JsonStrings strings)
    {
        Expect(ref r, JsonTokenType.StartObject);
        string? name = null, segment = null;
        var month = 1;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("name"u8)) { Once(ref seen, 1); name = Text(ref r, strings); }
            else if (r.ValueTextEquals("segment"u8)) { Once(ref seen, 2); segment = Text(ref r, strings); }
            else if (r.ValueTextEquals("fiscalYearStartMonth"u8)) { Once(ref seen, 4); month = Next(ref r) == JsonTokenType.Number && r.TryGetInt32(out var m) ? m : throw new GiveUp(); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2);
        return new CompanyInfo { Name = name!, Segment = segment!, FiscalYearStartMonth = month };
    }

    private static QuarterRecord ReadQuarter(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? period = null;
        LocalDate? periodEnd = null, reportDate = null;
        Figure<ReportedNumber>? segmentRevenue = null, growth = null, segmentIncome = null, netSales = null, income = null, ocf = null, fcf = null,
            purchases = null, proceeds = null, netCapex = null, leases = null, obligations = null, backlog = null, backlogLife = null;
        Dictionary<string, Figure<ReportedNumber>>? others = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("period"u8)) { Once(ref seen, 1); period = Text(ref r, strings); }
            else if (r.ValueTextEquals("periodEnd"u8)) { Once(ref seen, 2); periodEnd = RequiredDate(ref r); }
            else if (r.ValueTextEquals("reportDate"u8)) { Once(ref seen, 4); reportDate = Date(ref r); }
            else if (r.ValueTextEquals("segmentRevenue"u8)) { Once(ref seen, 1 << 3); segmentRevenue = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("segmentRevenueGrowthYoY"u8)) { Once(ref seen, 1 << 4); growth = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("segmentOperatingIncome"u8)) { Once(ref seen, 1 << 5); segmentIncome = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("netSales"u8)) { Once(ref seen, 1 << 6); netSales = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("operatingIncome"u8)) { Once(ref seen, 1 << 7); income = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("operatingCashFlowTtm"u8)) { Once(ref seen, 1 << 8); ocf = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("freeCashFlowTtm"u8)) { Once(ref seen, 1 << 9); fcf = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("purchasesOfPropertyAndEquipment"u8)) { Once(ref seen, 1 << 10); purchases = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("proceedsFromPropertyAndEquipmentSalesAndIncentives"u8)) { Once(ref seen, 1 << 11); proceeds = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("netCapitalExpenditures"u8)) { Once(ref seen, 1 << 12); netCapex = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("principalRepaymentsOfFinanceLeases"u8)) { Once(ref seen, 1 << 13); leases = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("principalRepaymentsOfFinancingObligations"u8)) { Once(ref seen, 1 << 14); obligations = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("backlog"u8)) { Once(ref seen, 1 << 15); backlog = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("backlogWeightedAverageRemainingLife"u8)) { Once(ref seen, 1 << 16); backlogLife = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("otherFigures"u8)) { Once(ref seen, 1 << 17); others = ReadOtherFigures(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2);
        return new QuarterRecord
        {
            Period = period!,
            PeriodEnd = periodEnd!.Value,
            ReportDate = reportDate,
            SegmentRevenue = segmentRevenue,
            SegmentRevenueGrowthYoY = growth,
            SegmentOperatingIncome = segmentIncome,
            NetSales = netSales,
            OperatingIncome = income,
            OperatingCashFlowTtm = ocf,
            FreeCashFlowTtm = fcf,
            PurchasesOfPropertyAndEquipment = purchases,
            ProceedsFromPropertyAndEquipmentSalesAndIncentives = proceeds,
            NetCapitalExpenditures = netCapex,
            PrincipalRepaymentsOfFinanceLeases = leases,
            PrincipalRepaymentsOfFinancingObligations = obligations,
            Backlog = backlog,
            BacklogWeightedAverageRemainingLife = backlogLife,
            OtherFigures = others ?? new Dictionary<string, Figure<ReportedNumber>>(),
        };
    }

    private static FiscalYearRecord ReadYear(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? period = null;
        Figure<ReportedNumber>? revenue = null, income = null, ocf = null, purchases = null, proceeds = null, leases = null, obligations = null,
            acquired = null, otherLeases = null, fcf = null, depreciation = null, guidance = null;
        Dictionary<string, Figure<ReportedNumber>>? others = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("period"u8)) { Once(ref seen, 1); period = Text(ref r, strings); }
            else if (r.ValueTextEquals("segmentRevenue"u8)) { Once(ref seen, 1 << 1); revenue = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("segmentOperatingIncome"u8)) { Once(ref seen, 1 << 2); income = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("operatingCashFlow"u8)) { Once(ref seen, 1 << 3); ocf = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("purchasesOfPropertyAndEquipment"u8)) { Once(ref seen, 1 << 4); purchases = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("proceedsFromPropertyAndEquipmentSalesAndIncentives"u8)) { Once(ref seen, 1 << 5); proceeds = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("principalRepaymentsOfFinanceLeases"u8)) { Once(ref seen, 1 << 6); leases = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("principalRepaymentsOfFinancingObligations"u8)) { Once(ref seen, 1 << 7); obligations = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("propertyAndEquipmentAcquiredUnderEquipmentFinanceLeases"u8)) { Once(ref seen, 1 << 8); acquired = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("principalRepaymentsOfOtherFinanceLeases"u8)) { Once(ref seen, 1 << 9); otherLeases = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("freeCashFlow"u8)) { Once(ref seen, 1 << 10); fcf = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("depreciationAndAmortization"u8)) { Once(ref seen, 1 << 11); depreciation = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("capexGuidanceNextYear"u8)) { Once(ref seen, 1 << 12); guidance = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("otherFigures"u8)) { Once(ref seen, 1 << 13); others = ReadOtherFigures(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1);
        return new FiscalYearRecord
        {
            Period = period!,
            SegmentRevenue = revenue,
            SegmentOperatingIncome = income,
            OperatingCashFlow = ocf,
            PurchasesOfPropertyAndEquipment = purchases,
            ProceedsFromPropertyAndEquipmentSalesAndIncentives = proceeds,
            PrincipalRepaymentsOfFinanceLeases = leases,
            PrincipalRepaymentsOfFinancingObligations = obligations,
            PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases = acquired,
            PrincipalRepaymentsOfOtherFinanceLeases = otherLeases,
            FreeCashFlow = fcf,
            DepreciationAndAmortization = depreciation,
            CapexGuidanceNextYear = guidance,
            OtherFigures = others ?? new Dictionary<string, Figure<ReportedNumber>>(),
        };
    }

    private static DepreciationPolicyRecord ReadPolicy(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? id = null, assetClass = null, note = null;
        List<UsefulLifeChangeRecord>? changes = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = Text(ref r, strings); }
            else if (r.ValueTextEquals("assetClass"u8)) { Once(ref seen, 2); assetClass = Text(ref r, strings); }
            else if (r.ValueTextEquals("changes"u8)) { Once(ref seen, 4); changes = List(ref r, strings, ReadChange); }
            else if (r.ValueTextEquals("note"u8)) { Once(ref seen, 8); note = ReadString(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2 | 4);
        return new DepreciationPolicyRecord { Id = id!, AssetClass = assetClass!, Changes = changes!, Note = note };
    }

    private static UsefulLifeChangeRecord ReadChange(ref Utf8JsonReader r, JsonStrings strings)
    {
        LocalDate? effective = null;
        Figure<ReportedNumber>? from = null, to = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("effective"u8)) { Once(ref seen, 1); effective = RequiredDate(ref r); }
            else if (r.ValueTextEquals("fromYears"u8)) { Once(ref seen, 2); from = ReadFigure(ref r, strings) ?? throw new GiveUp(); }
            else if (r.ValueTextEquals("toYears"u8)) { Once(ref seen, 4); to = ReadFigure(ref r, strings) ?? throw new GiveUp(); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2 | 4);
        return new UsefulLifeChangeRecord { Effective = effective!.Value, FromYears = from!, ToYears = to! };
    }

    private static BacklogAdditionRecord ReadAddition(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? id = null, description = null, after = null;
        Figure<ReportedNumber>? amount = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = Text(ref r, strings); }
            else if (r.ValueTextEquals("description"u8)) { Once(ref seen, 2); description = Text(ref r, strings); }
            else if (r.ValueTextEquals("afterPeriod"u8)) { Once(ref seen, 4); after = Text(ref r, strings); }
            else if (r.ValueTextEquals("amount"u8)) { Once(ref seen, 8); amount = ReadFigure(ref r, strings) ?? throw new GiveUp(); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2 | 4 | 8);
        return new BacklogAdditionRecord { Id = id!, Description = description!, AfterPeriod = after!, Amount = amount! };
    }

    private static ArticleClaimRecord ReadClaim(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? id = null, text = null, period = null, note = null;
        Figure<ReportedNumber>? value = null;
        var metric = ClaimMetric.NotModelled;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = Text(ref r, strings); }
            else if (r.ValueTextEquals("text"u8)) { Once(ref seen, 2); text = Text(ref r, strings); }
            else if (r.ValueTextEquals("period"u8)) { Once(ref seen, 4); period = Text(ref r, strings); }
            else if (r.ValueTextEquals("value"u8)) { Once(ref seen, 8); value = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("claimedMetric"u8)) { Once(ref seen, 16); metric = EnumByName<ClaimMetric>(ref r); }
            else if (r.ValueTextEquals("note"u8)) { Once(ref seen, 32); note = ReadString(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2 | 4);
        return new ArticleClaimRecord { Id = id!, Text = text!, Period = period!, Value = value, ClaimedMetric = metric, Note = note };
    }

    private static ScenarioAssumptions? ReadAssumptions(ref Utf8JsonReader r, JsonStrings strings)
    {
        if (!ObjectOrNull(ref r))
        {
            return null;
        }
        LocalDate? asOf = null;
        TokenCostAssumptions? tokenCost = null;
        CatalogAssumptions? catalog = null;
        PowerAssumptions? power = null;
        string? note = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("asOf"u8)) { Once(ref seen, 1); asOf = Date(ref r); }
            else if (r.ValueTextEquals("tokenCost"u8)) { Once(ref seen, 2); tokenCost = Object(ref r, strings, ReadTokenCost); }
            else if (r.ValueTextEquals("catalog"u8)) { Once(ref seen, 4); catalog = Object(ref r, strings, ReadCatalog); }
            else if (r.ValueTextEquals("power"u8)) { Once(ref seen, 8); power = Object(ref r, strings, ReadPower); }
            else if (r.ValueTextEquals("note"u8)) { Once(ref seen, 16); note = ReadString(ref r, strings); }
            else throw new GiveUp();
        }
        return new ScenarioAssumptions { AsOf = asOf, TokenCost = tokenCost, Catalog = catalog, Power = power, Note = note };
    }

    private static TokenCostAssumptions ReadTokenCost(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? model = null, custom = null, gpu = null, region = null;
        Figure<ReportedNumber>? utilization = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("modelId"u8)) { Once(ref seen, 1); model = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("customSiliconInstance"u8)) { Once(ref seen, 2); custom = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("gpuInstance"u8)) { Once(ref seen, 4); gpu = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("region"u8)) { Once(ref seen, 8); region = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("utilization"u8)) { Once(ref seen, 16); utilization = ReadFigure(ref r, strings); }
            else throw new GiveUp();
        }
        return new TokenCostAssumptions { ModelId = model, CustomSiliconInstance = custom, GpuInstance = gpu, Region = region, Utilization = utilization };
    }

    private static CatalogAssumptions ReadCatalog(ref Utf8JsonReader r, JsonStrings strings)
    {
        LocalDate? priceAsOf = null;
        string? region = null, commitment = null;
        List<string>? instances = null;
        Figure<ReportedNumber>? utilization = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("priceAsOf"u8)) { Once(ref seen, 1); priceAsOf = Date(ref r); }
            else if (r.ValueTextEquals("region"u8)) { Once(ref seen, 2); region = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("instances"u8))
            {
                Once(ref seen, 4);
                instances = ReadStrings(ref r, strings);
            }
            else if (r.ValueTextEquals("commitmentInstance"u8)) { Once(ref seen, 8); commitment = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("expectedUtilization"u8)) { Once(ref seen, 16); utilization = ReadFigure(ref r, strings); }
            else throw new GiveUp();
        }
        return new CatalogAssumptions { PriceAsOf = priceAsOf, Region = region, Instances = instances ?? [], CommitmentInstance = commitment, ExpectedUtilization = utilization };
    }

    private static PowerAssumptions ReadPower(ref Utf8JsonReader r, JsonStrings strings)
    {
        Figure<ReportedNumber>? pue = null, price = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("pue"u8)) { Once(ref seen, 1); pue = ReadFigure(ref r, strings); }
            else if (r.ValueTextEquals("electricityPrice"u8)) { Once(ref seen, 2); price = ReadFigure(ref r, strings); }
            else throw new GiveUp();
        }
        return new PowerAssumptions { Pue = pue, ElectricityPrice = price };
    }

    private static Dictionary<string, Figure<ReportedNumber>> ReadOtherFigures(ref Utf8JsonReader r, JsonStrings strings)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var figures = new Dictionary<string, Figure<ReportedNumber>>(StringComparer.Ordinal);
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var name = r.GetString()!;
            var figure = ReadFigure(ref r, strings) ?? throw new GiveUp();
            if (!figures.TryAdd(name, figure))
            {
                throw new GiveUp();
            }
        }
        return figures;
    }

    /// <summary>
    /// A reported figure: <c>{"value": number or null, "unit": ..., "basis": ..., "source", "asOf", "confidence", "note",
    /// "derivedFrom"}</c>, as <see cref="FigureJsonConverterFactory"/> reads it; null for JSON null. A known value needs its
    /// unit (the basis defaults to reported, as <see cref="ReportedNumber"/>'s constructor does); an unknown value ignores
    /// them.
    /// </summary>
    private static Figure<ReportedNumber>? ReadFigure(ref Utf8JsonReader r, JsonStrings strings)
    {
        if (!ObjectOrNull(ref r))
        {
            return null;
        }
        string? source = null, asOf = null, note = null;
        Confidence? confidence = null;
        List<string>? derivedFrom = null;
        decimal? amount = null;
        var valueIsNull = false;
        FigureUnit? unit = null;
        var basis = FigureBasis.Reported;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("value"u8))
            {
                Once(ref seen, 1);
                switch (Next(ref r))
                {
                    case JsonTokenType.Null:
                        valueIsNull = true;
                        break;
                    case JsonTokenType.Number when r.TryGetDecimal(out var d):
                        amount = d;
                        break;
                    default:
                        throw new GiveUp();
                }
            }
            else if (r.ValueTextEquals("unit"u8)) { Once(ref seen, 2); unit = EnumByName<FigureUnit>(ref r); }
            else if (r.ValueTextEquals("basis"u8)) { Once(ref seen, 4); basis = EnumByName<FigureBasis>(ref r); }
            else if (r.ValueTextEquals("source"u8)) { Once(ref seen, 8); source = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("asOf"u8)) { Once(ref seen, 16); asOf = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("confidence"u8)) { Once(ref seen, 32); confidence = ReadConfidence(ref r); }
            else if (r.ValueTextEquals("note"u8)) { Once(ref seen, 64); note = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("derivedFrom"u8))
            {
                Once(ref seen, 128);
                derivedFrom = ReadStrings(ref r, strings);
            }
            else throw new GiveUp();
        }
        var provenance = strings.Provenance(source, asOf, confidence, note, derivedFrom);
        if (valueIsNull)
        {
            return new Figure<ReportedNumber>(null, provenance);
        }
        if (amount is not { } known || unit is not { } knownUnit)
        {
            throw new GiveUp();
        }
        return new Figure<ReportedNumber>(new ReportedNumber(known, knownUnit, basis), provenance);
    }

    private delegate T RecordReader<out T>(ref Utf8JsonReader r, JsonStrings strings);

    private static List<T> List<T>(ref Utf8JsonReader r, JsonStrings strings, RecordReader<T> read)
    {
        Expect(ref r, JsonTokenType.StartArray);
        var list = new List<T>();
        while (Next(ref r) == JsonTokenType.StartObject)
        {
            list.Add(read(ref r, strings));
        }
        return r.TokenType == JsonTokenType.EndArray ? list : throw new GiveUp();
    }

    private static T? Object<T>(ref Utf8JsonReader r, JsonStrings strings, RecordReader<T> read) where T : class
        => Next(ref r) switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.StartObject => read(ref r, strings),
            _ => throw new GiveUp(),
        };

    /// <summary>A string that the format requires (not null).</summary>
    private static string Text(ref Utf8JsonReader r, JsonStrings strings) => ReadString(ref r, strings) ?? throw new GiveUp();

    private static LocalDate RequiredDate(ref Utf8JsonReader r) => Date(ref r) ?? throw new GiveUp();

    /// <summary>An enum by its camelCase name only (the serializer also takes numbers and other cases: those give up).</summary>
    private static TEnum EnumByName<TEnum>(ref Utf8JsonReader r) where TEnum : struct, Enum
        => Next(ref r) == JsonTokenType.String ? CurrentEnum<TEnum>(ref r) : throw new GiveUp();
}
