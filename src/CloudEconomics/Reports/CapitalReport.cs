using System.Globalization;
using NodaTime;
using CloudEconomics.Capital;
using CloudEconomics.Data;

namespace CloudEconomics.Reports;

/// <summary>Options for <see cref="CapitalReport.Compute(ScenarioFile, CapitalReportOptions?)"/>.</summary>
public sealed record CapitalReportOptions
{
    /// <summary>The default options.</summary>
    public static CapitalReportOptions Default { get; } = new();

    /// <summary>
    /// Free cash flow counts as "wiped" when TTM free cash flow is at most this fraction of TTM operating cash flow;
    /// 0.05 (5 %) by default. Must be in [0, 1].
    /// </summary>
    public double WipedThreshold { get; init; } = 0.05;

    /// <summary>The quarter to report on; the scenario's latest quarter when null.</summary>
    public FiscalQuarter? Quarter { get; init; }
}

/// <summary>How an article's figure compares with the data.</summary>
public enum ClaimVerdict
{
    /// <summary>The figure matches the metric it is presented as (within the article's rounding).</summary>
    Matches = 0,

    /// <summary>The figure matches as a lower bound ("$464B+" = reported + "over $100B").</summary>
    MatchesAsLowerBound,

    /// <summary>The figure is right but belongs to another metric (e.g. consolidated, not segment, operating income).</summary>
    Misattributed,

    /// <summary>No metric in the data reproduces the figure.</summary>
    NotReproduced,

    /// <summary>The claim has no number; the actual figure is shown.</summary>
    Qualitative,

    /// <summary>The claim is outside the capital model (checked elsewhere or not at all).</summary>
    NotModelled,
}

/// <summary>One article claim checked against the data.</summary>
/// <param name="Id">The claim id.</param>
/// <param name="Text">The claim as the article words it.</param>
/// <param name="Claimed">The article's figure (source: the article); null for a qualitative claim.</param>
/// <param name="ClaimedMetric">The metric the article presents the figure as.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Actual">The actual value of <paramref name="ClaimedMetric"/>; null when not modelled.</param>
/// <param name="MatchingMetric">When misattributed, the metric the figure really is.</param>
/// <param name="Matching">When misattributed, that metric's figure.</param>
/// <param name="Explanation">One or two sentences for the reader.</param>
public sealed record ClaimCheck(
    string Id,
    string Text,
    CapitalFigure? Claimed,
    ClaimMetric ClaimedMetric,
    ClaimVerdict Verdict,
    CapitalFigure? Actual,
    ClaimMetric? MatchingMetric,
    CapitalFigure? Matching,
    string Explanation);

/// <summary>The segment part of a capital report.</summary>
/// <param name="Revenue">Segment revenue in the quarter.</param>
/// <param name="RevenueGrowthReported">Revenue growth year over year as reported.</param>
/// <param name="RevenueGrowthCalculated">Revenue growth calculated from the two quarters' revenue.</param>
/// <param name="OperatingIncome">Segment operating income.</param>
/// <param name="OperatingMargin">Operating income / revenue.</param>
/// <param name="OperatingMarginYearAgo">The same margin a year earlier.</param>
/// <param name="ConsolidatedOperatingIncome">The company's consolidated operating income (not the segment's).</param>
public sealed record SegmentSummary(
    CapitalFigure Revenue,
    CapitalFigure RevenueGrowthReported,
    CapitalFigure RevenueGrowthCalculated,
    CapitalFigure OperatingIncome,
    CapitalFigure OperatingMargin,
    CapitalFigure OperatingMarginYearAgo,
    CapitalFigure ConsolidatedOperatingIncome);

/// <summary>The cash part of a capital report (consolidated company figures).</summary>
/// <param name="OperatingCashFlowTtm">Operating cash flow, trailing twelve months (reported).</param>
/// <param name="NetCapexTtm">Capex net of proceeds and incentives, sum of the four quarters.</param>
/// <param name="GrossCapexTtm">Gross purchases of property and equipment, sum of the four quarters (unknown when a quarter is).</param>
/// <param name="FreeCashFlowTtm">OCF TTM - net capex TTM (Amazon's definition), calculated.</param>
/// <param name="FreeCashFlowTtmReported">Free cash flow TTM as reported.</param>
/// <param name="FreeCashFlowTtmYearAgo">Free cash flow TTM reported a year earlier.</param>
/// <param name="CapexToOperatingCashFlow">Net capex TTM / OCF TTM.</param>
/// <param name="IsFreeCashFlowWiped">Whether calculated FCF TTM is at most the wiped threshold of OCF TTM; null when unknown.</param>
/// <param name="FiscalYear">The latest fiscal year with cash-flow data.</param>
/// <param name="FiscalYearFreeCashFlow">That year's free cash flow under each definition (unknown where a line is missing).</param>
public sealed record CashSummary(
    CapitalFigure OperatingCashFlowTtm,
    CapitalFigure NetCapexTtm,
    CapitalFigure GrossCapexTtm,
    CapitalFigure FreeCashFlowTtm,
    CapitalFigure FreeCashFlowTtmReported,
    CapitalFigure FreeCashFlowTtmYearAgo,
    CapitalFigure CapexToOperatingCashFlow,
    bool? IsFreeCashFlowWiped,
    string? FiscalYear,
    IReadOnlyList<CapitalFigure> FiscalYearFreeCashFlow);

/// <summary>Capex intensity.</summary>
/// <param name="CapexIntensityTtm">Net capex TTM / consolidated net sales TTM.</param>
/// <param name="CapexToSegmentRevenueTtm">Consolidated net capex TTM / segment revenue TTM (capex is mostly the segment's, but not reported by segment).</param>
/// <param name="CapexGuidanceNextYear">Capex guidance for the next fiscal year, as given.</param>
public sealed record IntensitySummary(CapitalFigure CapexIntensityTtm, CapitalFigure CapexToSegmentRevenueTtm, CapitalFigure CapexGuidanceNextYear);

/// <summary>The backlog part of a capital report.</summary>
/// <param name="Reported">Segment backlog as reported at the quarter end.</param>
/// <param name="Additions">Later additions (e.g. a contract announced after the quarter).</param>
/// <param name="WithAdditions">Reported + additions (a lower bound when an addition is).</param>
/// <param name="CoverageYears">Reported backlog / (quarterly segment revenue x 4).</param>
/// <param name="CoverageYearsWithAdditions">The same with additions.</param>
/// <param name="WeightedAverageRemainingLife">Weighted-average remaining life as reported (unknown when not disclosed in the data).</param>
/// <param name="BookToBill">(Revenue + change in backlog over the quarter) / revenue.</param>
/// <param name="GrowthQuarterOverQuarter">Backlog growth against the previous quarter.</param>
/// <param name="GrowthYearOverYear">Backlog growth against the same quarter a year earlier.</param>
public sealed record BacklogSummary(
    CapitalFigure Reported,
    IReadOnlyList<CapitalFigure> Additions,
    CapitalFigure WithAdditions,
    CapitalFigure CoverageYears,
    CapitalFigure CoverageYearsWithAdditions,
    CapitalFigure WeightedAverageRemainingLife,
    CapitalFigure BookToBill,
    CapitalFigure GrowthQuarterOverQuarter,
    CapitalFigure GrowthYearOverYear);

/// <summary>A depreciation policy as of the report's quarter.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="AssetClass">The asset class.</param>
/// <param name="UsefulLifeAtQuarterEnd">The useful life in force at the quarter end.</param>
/// <param name="Changes">The changes, e.g. <c>"2025-01-01: 6 -> 5 years"</c>.</param>
/// <param name="Note">The policy's note.</param>
public sealed record DepreciationPolicySummary(string Id, string AssetClass, CapitalFigure UsefulLifeAtQuarterEnd, IReadOnlyList<string> Changes, string? Note);

/// <summary>
/// Everything the capital part of the seed report needs, computed from a <see cref="ScenarioFile"/>: segment growth
/// and margin for the quarter; TTM capex against operating cash flow and free cash flow ("wiped"); capex intensity;
/// backlog, coverage and remaining life; depreciation policies; the article's claims checked against the data; and
/// the list of what the data leave unknown. Every figure carries its formula and sources.
/// </summary>
/// <example>
/// <code>
/// var report = CapitalReport.Compute(ScenarioFile.Default);
/// Console.WriteLine(report.Cash.FreeCashFlowTtm);   // Amazon free cash flow (OCF TTM - net capex TTM), TTM to Q1-2026: 1.2 USD bn
/// foreach (var f in report.AllFigures()) Console.WriteLine($"{f.Label,-60} {f.FormatValue()}");
/// </code>
/// </example>
public sealed record CapitalReport
{
    /// <summary>The scenario id.</summary>
    public required string ScenarioId { get; init; }

    /// <summary>The scenario title.</summary>
    public required string Title { get; init; }

    /// <summary>The company.</summary>
    public required string Company { get; init; }

    /// <summary>The segment.</summary>
    public required string SegmentName { get; init; }

    /// <summary>The quarter reported on.</summary>
    public required FiscalQuarter Quarter { get; init; }

    /// <summary>The scenario's as-of date.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Segment results.</summary>
    public required SegmentSummary Segment { get; init; }

    /// <summary>Cash flows and free cash flow.</summary>
    public required CashSummary Cash { get; init; }

    /// <summary>Capex intensity.</summary>
    public required IntensitySummary Intensity { get; init; }

    /// <summary>Backlog.</summary>
    public required BacklogSummary Backlog { get; init; }

    /// <summary>Depreciation policies.</summary>
    public required IReadOnlyList<DepreciationPolicySummary> Depreciation { get; init; }

    /// <summary>The article's claims checked against the data.</summary>
    public required IReadOnlyList<ClaimCheck> ArticleClaims { get; init; }

    /// <summary>What the data leave unknown, one sentence each.</summary>
    public required IReadOnlyList<string> Unknowns { get; init; }

    /// <summary>Every figure of the report in display order.</summary>
    /// <returns>The figures.</returns>
    public IEnumerable<CapitalFigure> AllFigures()
    {
        var s = Segment;
        IEnumerable<CapitalFigure> head = [s.Revenue, s.RevenueGrowthReported, s.RevenueGrowthCalculated, s.OperatingIncome, s.OperatingMargin, s.OperatingMarginYearAgo, s.ConsolidatedOperatingIncome,
            Cash.OperatingCashFlowTtm, Cash.NetCapexTtm, Cash.GrossCapexTtm, Cash.FreeCashFlowTtm, Cash.FreeCashFlowTtmReported, Cash.FreeCashFlowTtmYearAgo, Cash.CapexToOperatingCashFlow];
        return head.Concat(Cash.FiscalYearFreeCashFlow)
            .Concat([Intensity.CapexIntensityTtm, Intensity.CapexToSegmentRevenueTtm, Intensity.CapexGuidanceNextYear, Backlog.Reported])
            .Concat(Backlog.Additions)
            .Concat([Backlog.WithAdditions, Backlog.CoverageYears, Backlog.CoverageYearsWithAdditions, Backlog.WeightedAverageRemainingLife, Backlog.BookToBill, Backlog.GrowthQuarterOverQuarter, Backlog.GrowthYearOverYear])
            .Concat(Depreciation.Select(d => d.UsefulLifeAtQuarterEnd));
    }

    /// <summary>Computes the report for <paramref name="scenario"/>.</summary>
    /// <param name="scenario">A loaded scenario (e.g. <see cref="ScenarioFile.Default"/>).</param>
    /// <param name="options">Options; <see cref="CapitalReportOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The wiped threshold is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">The requested quarter is not in the scenario.</exception>
    public static CapitalReport Compute(ScenarioFile scenario, CapitalReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= CapitalReportOptions.Default;
        if (!double.IsFinite(options.WipedThreshold) || options.WipedThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.WipedThreshold, $"The wiped threshold must be between 0 and 1; it was {options.WipedThreshold.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        var quarter = options.Quarter ?? scenario.LatestFiscalQuarter;
        if (scenario.Quarter(quarter) is null)
        {
            throw new ArgumentException($"The scenario '{scenario.Id}' has no quarter {quarter}.", nameof(options));
        }
        return new Builder(scenario, quarter, options).Build();
    }

    private sealed class Builder(ScenarioFile s, FiscalQuarter q, CapitalReportOptions options)
    {
        private readonly List<string> unknowns = [];
        private string Seg => s.Company.Segment;
        private string Co => s.Company.Name;

        public CapitalReport Build()
        {
            var segment = BuildSegment();
            var cash = BuildCash();
            var intensity = BuildIntensity();
            var backlog = BuildBacklog();
            var depreciation = BuildDepreciation();
            var claims = s.ArticleClaims.Select(CheckClaim).ToList();
            return new CapitalReport
            {
                ScenarioId = s.Id, Title = s.Title, Company = Co, SegmentName = Seg, Quarter = q, AsOf = s.AsOf,
                Segment = segment, Cash = cash, Intensity = intensity, Backlog = backlog, Depreciation = depreciation,
                ArticleClaims = claims, Unknowns = unknowns.Distinct().ToList(),
            };
        }

        // ---- segment -------------------------------------------------------------------------------------------
        private SegmentSummary BuildSegment()
        {
            var revenue = Read("segment.revenue", $"{Seg} revenue, {q}", q, r => r.SegmentRevenue, nameof(QuarterRecord.SegmentRevenue));
            var revenueYearAgo = Read("segment.revenueYearAgo", $"{Seg} revenue, {q.YearAgo}", q.YearAgo, r => r.SegmentRevenue, nameof(QuarterRecord.SegmentRevenue));
            var growthReported = Read("segment.revenueGrowthReported", $"{Seg} revenue growth year over year, {q} (reported)", q, r => r.SegmentRevenueGrowthYoY, nameof(QuarterRecord.SegmentRevenueGrowthYoY));
            var growth = Percent("segment.revenueGrowthCalculated", $"{Seg} revenue growth year over year, {q} (calculated)",
                revenue, revenueYearAgo, Growth.YearOverYear, "(revenue {0} / revenue {1} - 1) x 100", [q.ToString(), q.YearAgo.ToString()]);
            var oi = Read("segment.operatingIncome", $"{Seg} operating income, {q}", q, r => r.SegmentOperatingIncome, nameof(QuarterRecord.SegmentOperatingIncome));
            var margin = Percent("segment.operatingMargin", $"{Seg} operating margin, {q}", oi, revenue, Growth.Ratio, "operating income / revenue x 100", []);
            var oiYearAgo = Read("segment.operatingIncomeYearAgo", $"{Seg} operating income, {q.YearAgo}", q.YearAgo, r => r.SegmentOperatingIncome, nameof(QuarterRecord.SegmentOperatingIncome));
            var marginYearAgo = Percent("segment.operatingMarginYearAgo", $"{Seg} operating margin, {q.YearAgo}", oiYearAgo, revenueYearAgo, Growth.Ratio, "operating income / revenue x 100", []);
            var consolidated = Read("company.operatingIncome", $"{Co} consolidated operating income, {q}", q, r => r.OperatingIncome, nameof(QuarterRecord.OperatingIncome));
            return new SegmentSummary(revenue, growthReported, growth, oi, margin, marginYearAgo, consolidated);
        }

        // ---- cash ----------------------------------------------------------------------------------------------
        private CashSummary BuildCash()
        {
            var ocf = Read("cash.operatingCashFlowTtm", $"{Co} operating cash flow, TTM to {q}", q, r => r.OperatingCashFlowTtm, nameof(QuarterRecord.OperatingCashFlowTtm));
            var netCapex = Ttm("cash.netCapexTtm", $"{Co} capex net of proceeds and incentives, TTM to {q}", r => r.NetCapitalExpenditures, nameof(QuarterRecord.NetCapitalExpenditures));
            var grossCapex = Ttm("cash.grossCapexTtm", $"{Co} purchases of property and equipment (gross), TTM to {q}", r => r.PurchasesOfPropertyAndEquipment, nameof(QuarterRecord.PurchasesOfPropertyAndEquipment));
            var fcf = Combine("cash.freeCashFlowTtm", $"{Co} free cash flow (OCF TTM - net capex TTM), TTM to {q}", FigureUnit.Billions, ocf, netCapex, (a, b) => a - b,
                "operating cash flow TTM {0} - net capex TTM {1}", "Amazon's definition: operating cash flow less purchases of property and equipment net of proceeds from sales and incentives");
            var fcfReported = Read("cash.freeCashFlowTtmReported", $"{Co} free cash flow, TTM to {q} (reported)", q, r => r.FreeCashFlowTtm, nameof(QuarterRecord.FreeCashFlowTtm));
            var fcfYearAgo = Read("cash.freeCashFlowTtmYearAgo", $"{Co} free cash flow, TTM to {q.YearAgo} (reported)", q.YearAgo, r => r.FreeCashFlowTtm, nameof(QuarterRecord.FreeCashFlowTtm));
            var capexToOcf = Percent("cash.capexToOperatingCashFlow", $"Net capex / operating cash flow, TTM to {q}", netCapex, ocf, Growth.Ratio, "net capex TTM / operating cash flow TTM x 100", []);
            bool? wiped = fcf.Value is { } f && ocf.Value is { } o && o > 0 ? f <= o * (decimal)options.WipedThreshold : null;

            // Latest fiscal year with operating cash flow: every definition.
            var year = s.FiscalYears.Select((y, i) => (Record: y, Index: i))
                .Where(x => x.Record.OperatingCashFlow?.Value is not null && FiscalYear.TryParse(x.Record.Period, s.Calendar, out var fy) && fy.End <= q.End)
                .OrderByDescending(x => FiscalYear.Parse(x.Record.Period, s.Calendar)).FirstOrDefault();
            var definitions = new List<CapitalFigure>();
            if (year.Record is { } y)
            {
                var fy = FiscalYear.Parse(y.Period, s.Calendar);
                var path = $"$.fiscalYears[{year.Index}]";
                Money? M(Figure<ReportedNumber>? f) => f?.Value is { } n ? n.ToMoney(s.Currency) : null;
                var flows = new CompanyCashFlows
                {
                    Period = fy.ToDateInterval(),
                    OperatingCashFlow = M(y.OperatingCashFlow)!.Value,
                    PurchasesOfPropertyAndEquipment = M(y.PurchasesOfPropertyAndEquipment),
                    ProceedsFromPropertyAndEquipmentSalesAndIncentives = M(y.ProceedsFromPropertyAndEquipmentSalesAndIncentives),
                    PrincipalRepaymentsOfFinanceLeases = M(y.PrincipalRepaymentsOfFinanceLeases),
                    PrincipalRepaymentsOfFinancingObligations = M(y.PrincipalRepaymentsOfFinancingObligations),
                    PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases = M(y.PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases),
                    PrincipalRepaymentsOfOtherFinanceLeases = M(y.PrincipalRepaymentsOfOtherFinanceLeases),
                };
                var sources = new[]
                {
                    y.OperatingCashFlow?.Provenance, y.PurchasesOfPropertyAndEquipment?.Provenance,
                    y.ProceedsFromPropertyAndEquipmentSalesAndIncentives?.Provenance,
                }.Where(p => p is not null && p.Source is not null).Cast<Provenance>().ToList();
                foreach (var def in Enum.GetValues<FreeCashFlowDefinition>())
                {
                    var r = flows.FreeCashFlow(def);
                    if (!r.IsKnown)
                    {
                        unknowns.Add($"{fy} free cash flow under '{DefinitionLabel(def)}': {string.Join(", ", r.MissingInputs)} not in the data.");
                    }
                    definitions.Add(new CapitalFigure
                    {
                        Id = $"cash.fiscalYearFreeCashFlow.{Camel(def.ToString())}",
                        Label = $"{Co} {fy} free cash flow: {DefinitionLabel(def)}",
                        Value = r.Amount is { } a ? a.Amount / 1_000_000_000m : null,
                        Unit = FigureUnit.Billions,
                        Currency = s.Currency,
                        Formula = r.Formula,
                        Sources = sources,
                        Note = r.IsKnown ? null : $"unknown: {string.Join(", ", r.MissingInputs)} not in the data",
                    });
                }
            }
            return new CashSummary(ocf, netCapex, grossCapex, fcf, fcfReported, fcfYearAgo, capexToOcf, wiped, year.Record?.Period, definitions);
        }

        private static string DefinitionLabel(FreeCashFlowDefinition d) => d switch
        {
            FreeCashFlowDefinition.OperatingCashFlowLessGrossCapex => "OCF - gross capex",
            FreeCashFlowDefinition.OperatingCashFlowLessNetCapex => "OCF - capex net of proceeds and incentives (Amazon's FCF)",
            FreeCashFlowDefinition.LessPrincipalRepaymentsOfFinanceLeasesAndFinancingObligations => "FCF less principal repayments of finance leases and financing obligations",
            _ => "FCF less equipment finance leases and principal repayments of all other finance leases and financing obligations",
        };

        // ---- intensity -----------------------------------------------------------------------------------------
        private IntensitySummary BuildIntensity()
        {
            var netCapex = Ttm("cash.netCapexTtm", "net capex TTM", r => r.NetCapitalExpenditures, nameof(QuarterRecord.NetCapitalExpenditures));
            var sales = Ttm("company.netSalesTtm", $"{Co} net sales TTM", r => r.NetSales, nameof(QuarterRecord.NetSales));
            var segRevenue = Ttm("segment.revenueTtm", $"{Seg} revenue TTM", r => r.SegmentRevenue, nameof(QuarterRecord.SegmentRevenue));
            var intensity = Percent("intensity.capexIntensityTtm", $"Capex intensity (net capex / {Co} net sales), TTM to {q}", netCapex, sales, Growth.Ratio,
                "net capex TTM {0} / net sales TTM {1} x 100", [Fmt(netCapex.Value), Fmt(sales.Value)]);
            var toSegment = Percent("intensity.capexToSegmentRevenueTtm", $"{Co} net capex / {Seg} revenue, TTM to {q}", netCapex, segRevenue, Growth.Ratio,
                "net capex TTM {0} / segment revenue TTM {1} x 100", [Fmt(netCapex.Value), Fmt(segRevenue.Value)]) with
            {
                Note = $"capex is reported for {Co} as a whole, not by segment; this ratio sets all of it against {Seg} revenue",
            };
            var guidance = s.FiscalYears.Select((y, i) => (y, i)).Where(x => x.y.CapexGuidanceNextYear?.Value is not null).LastOrDefault();
            var guidanceFigure = guidance.y is null
                ? Unknown("intensity.capexGuidanceNextYear", "Capex guidance for the next fiscal year", FigureUnit.Billions, "not in the data")
                : FromSourced("intensity.capexGuidanceNextYear", $"{Co} capex guidance for the year after {guidance.y.Period}", guidance.y.CapexGuidanceNextYear!);
            return new IntensitySummary(intensity, toSegment, guidanceFigure);
        }

        // ---- backlog -------------------------------------------------------------------------------------------
        private BacklogSummary BuildBacklog()
        {
            var reported = Read("backlog.reported", $"{Seg} backlog at the end of {q} (reported)", q, r => r.Backlog, nameof(QuarterRecord.Backlog));
            var additions = s.BacklogAdditions.Select((a, i) => (a, i))
                .Where(x => FiscalQuarter.TryParse(x.a.AfterPeriod, s.Calendar, out var after) && after == q)
                .Select(x => FromSourced($"backlog.addition.{x.a.Id}", x.a.Description, x.a.Amount))
                .ToList();
            CapitalFigure withAdditions;
            if (reported.Value is { } rep && additions.All(a => a.Value.HasValue))
            {
                var total = rep + additions.Sum(a => a.Value!.Value);
                var lower = reported.IsLowerBound || additions.Any(a => a.IsLowerBound);
                withAdditions = new CapitalFigure
                {
                    Id = "backlog.withAdditions",
                    Label = $"{Seg} backlog including later additions",
                    Value = total,
                    Unit = FigureUnit.Billions,
                    Currency = s.Currency,
                    IsLowerBound = lower,
                    Formula = $"reported {Fmt(rep)} + " + string.Join(" + ", additions.Select(a => (a.IsLowerBound ? "at least " : "") + Fmt(a.Value))),
                    Sources = reported.Sources.Concat(additions.SelectMany(a => a.Sources)).ToList(),
                    Note = lower ? "a lower bound: an addition is reported only as \"over\" its amount" : null,
                };
            }
            else
            {
                withAdditions = Unknown("backlog.withAdditions", $"{Seg} backlog including later additions", FigureUnit.Billions, "the reported backlog is unknown for this quarter");
            }
            var revenue = Read("segment.revenue", $"{Seg} revenue, {q}", q, r => r.SegmentRevenue, nameof(QuarterRecord.SegmentRevenue));
            var coverage = Combine("backlog.coverageYears", $"{Seg} backlog coverage in years of revenue run-rate, {q}", FigureUnit.Years, reported, revenue, (b, r) => (decimal)BacklogMetrics.CoverageYears(Bn(b), Bn(r)),
                "backlog {0} / (quarterly revenue {1} x 4)", null);
            var coverageWith = Combine("backlog.coverageYearsWithAdditions", $"{Seg} backlog incl. additions, coverage in years of revenue run-rate", FigureUnit.Years, withAdditions, revenue, (b, r) => (decimal)BacklogMetrics.CoverageYears(Bn(b), Bn(r)),
                "backlog incl. additions {0} / (quarterly revenue {1} x 4)", null) with { IsLowerBound = withAdditions.IsLowerBound };
            var life = Read("backlog.weightedAverageRemainingLife", $"{Seg} backlog weighted-average remaining life at the end of {q}", q, r => r.BacklogWeightedAverageRemainingLife, nameof(QuarterRecord.BacklogWeightedAverageRemainingLife));
            var previous = Read("backlog.previousQuarter", $"{Seg} backlog at the end of {q.Previous}", q.Previous, r => r.Backlog, nameof(QuarterRecord.Backlog));
            var yearAgo = Read("backlog.yearAgo", $"{Seg} backlog at the end of {q.YearAgo}", q.YearAgo, r => r.Backlog, nameof(QuarterRecord.Backlog));
            CapitalFigure bookToBill;
            if (revenue.Value is { } rv && reported.Value is { } close && previous.Value is { } open && rv > 0)
            {
                bookToBill = new CapitalFigure
                {
                    Id = "backlog.bookToBill",
                    Label = $"{Seg} book-to-bill, {q}",
                    Value = (decimal)BacklogMetrics.BookToBill(Bn(rv), Bn(open), Bn(close)),
                    Unit = FigureUnit.Ratio,
                    Formula = $"(revenue {Fmt(rv)} + closing backlog {Fmt(close)} - opening backlog {Fmt(open)}) / revenue {Fmt(rv)}",
                    Sources = revenue.Sources.Concat(reported.Sources).Concat(previous.Sources).ToList(),
                    Note = "bookings implied by the change in backlog (the company does not report bookings)",
                };
            }
            else
            {
                bookToBill = Unknown("backlog.bookToBill", $"{Seg} book-to-bill, {q}", FigureUnit.Ratio, $"needs revenue and the backlog at the end of {q} and {q.Previous}");
                unknowns.Add($"{Seg} book-to-bill for {q}: the backlog at the end of {q.Previous} or {q} is unknown.");
            }
            var qoq = Percent("backlog.growthQuarterOverQuarter", $"{Seg} backlog growth over {q.Previous}", reported, previous, Growth.OverPeriod, "(backlog {0} / backlog {1} - 1) x 100", [q.ToString(), q.Previous.ToString()]);
            var yoy = Percent("backlog.growthYearOverYear", $"{Seg} backlog growth over {q.YearAgo}", reported, yearAgo, Growth.OverPeriod, "(backlog {0} / backlog {1} - 1) x 100", [q.ToString(), q.YearAgo.ToString()]);
            return new BacklogSummary(reported, additions, withAdditions, coverage, coverageWith, life, bookToBill, qoq, yoy);
        }

        // ---- depreciation --------------------------------------------------------------------------------------
        private List<DepreciationPolicySummary> BuildDepreciation()
            => s.DepreciationPolicies.Select((p, i) =>
            {
                var path = $"$.depreciationPolicies[{i}]";
                var policy = DepreciationPolicy.FromRecord(p);
                int inForce = p.Changes.ToList().FindLastIndex(c => c.Effective <= q.End);
                var life = new CapitalFigure
                {
                    Id = $"depreciation.{p.Id}.usefulLife",
                    Label = $"Useful life of {p.AssetClass} at the end of {q}",
                    Value = (decimal)policy.UsefulLifeOn(q.End),
                    Unit = FigureUnit.Years,
                    Sources = inForce >= 0 ? [p.Changes[inForce].ToYears.Provenance] : [],
                    Note = p.Note,
                };
                var changes = p.Changes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{Serialization.IsoDate.Format(c.Effective)}: {(double)c.FromYears.Value!.Value.Amount} -> {(double)c.ToYears.Value!.Value.Amount} years")).ToList();
                return new DepreciationPolicySummary(p.Id, p.AssetClass, life, changes, p.Note);
            }).ToList();

        // ---- claims --------------------------------------------------------------------------------------------
        private ClaimCheck CheckClaim(ArticleClaimRecord claim, int index)
        {
            var period = FiscalQuarter.Parse(claim.Period, s.Calendar);
            var claimed = claim.Value is null ? null : FromSourced($"claim.{claim.Id}", claim.Text, claim.Value);
            if (claim.ClaimedMetric == ClaimMetric.NotModelled)
            {
                return new ClaimCheck(claim.Id, claim.Text, claimed, claim.ClaimedMetric, ClaimVerdict.NotModelled, null, null, null,
                    claim.Note is null ? "Not modelled by the capital calculations." : Sentence(claim.Note));
            }
            var actual = Metric(claim.ClaimedMetric, period);
            if (claimed?.Value is not { } c)
            {
                return new ClaimCheck(claim.Id, claim.Text, null, claim.ClaimedMetric, ClaimVerdict.Qualitative, actual, null, null,
                    $"The data: {actual.Label} = {actual.FormatValue()}." + (claim.Note is null ? "" : " " + Sentence(claim.Note)));
            }
            if (Close(c, claimed, actual))
            {
                var lower = claimed.IsLowerBound || actual.IsLowerBound;
                return new ClaimCheck(claim.Id, claim.Text, claimed, claim.ClaimedMetric, lower ? ClaimVerdict.MatchesAsLowerBound : ClaimVerdict.Matches, actual, null, null,
                    lower
                        ? $"Matches as a lower bound: {actual.Label} = {actual.FormatValue()} ({actual.Formula})."
                        : $"Matches: {actual.Label} = {actual.FormatValue()}.");
            }
            foreach (var other in Enum.GetValues<ClaimMetric>().Where(m => m != ClaimMetric.NotModelled && m != claim.ClaimedMetric))
            {
                var candidate = Metric(other, period);
                if (candidate.Unit == claimed.Unit && Close(c, claimed, candidate))
                {
                    return new ClaimCheck(claim.Id, claim.Text, claimed, claim.ClaimedMetric, ClaimVerdict.Misattributed, actual, other, candidate,
                        $"The article's {claimed.FormatValue()} is {candidate.Label} ({candidate.FormatValue()}), not {actual.Label}, which was {actual.FormatValue()}.");
                }
            }
            var why = actual.IsKnown ? $"{actual.Label} was {actual.FormatValue()}" + (actual.Formula is null ? "" : $" ({actual.Formula})") : $"{actual.Label} is unknown ({actual.Note})";
            return new ClaimCheck(claim.Id, claim.Text, claimed, claim.ClaimedMetric, ClaimVerdict.NotReproduced, actual, null, null,
                $"Not reproduced from the data: {why}." + (claim.Note is null ? "" : " " + Sentence(claim.Note)));
        }

        private static string Sentence(string note) => char.ToUpperInvariant(note[0]) + note[1..] + (note.EndsWith('.') ? "" : ".");

        // Within the article's rounding: half a unit of its last printed digit.
        private static bool Close(decimal claimedValue, CapitalFigure claimed, CapitalFigure actual)
        {
            if (actual.Value is not { } a || actual.Unit != claimed.Unit) return false;
            if (claimed.IsLowerBound != actual.IsLowerBound) return false;
            var scale = (new decimal[] { claimedValue }.Select(v => (decimal.GetBits(v)[3] >> 16) & 0xFF).First());
            var tolerance = 0.5m / Pow10(scale);
            return Math.Abs(a - claimedValue) <= tolerance;
        }

        private static decimal Pow10(int n)
        {
            decimal r = 1m;
            for (int i = 0; i < n; i++) r *= 10m;
            return r;
        }

        private CapitalFigure Metric(ClaimMetric metric, FiscalQuarter period)
        {
            var savedUnknowns = unknowns.Count;
            CapitalFigure result = metric switch
            {
                ClaimMetric.SegmentRevenue => Read("metric.segmentRevenue", $"{Seg} revenue, {period}", period, r => r.SegmentRevenue, nameof(QuarterRecord.SegmentRevenue)),
                ClaimMetric.SegmentRevenueGrowthYoY => Read("metric.segmentRevenueGrowthYoY", $"{Seg} revenue growth year over year, {period}", period, r => r.SegmentRevenueGrowthYoY, nameof(QuarterRecord.SegmentRevenueGrowthYoY)),
                ClaimMetric.SegmentOperatingIncome => Read("metric.segmentOperatingIncome", $"{Seg} operating income, {period}", period, r => r.SegmentOperatingIncome, nameof(QuarterRecord.SegmentOperatingIncome)),
                ClaimMetric.ConsolidatedOperatingIncome => Read("metric.consolidatedOperatingIncome", $"{Co} consolidated operating income, {period}", period, r => r.OperatingIncome, nameof(QuarterRecord.OperatingIncome)),
                ClaimMetric.NetSales => Read("metric.netSales", $"{Co} net sales, {period}", period, r => r.NetSales, nameof(QuarterRecord.NetSales)),
                ClaimMetric.OperatingCashFlowTtm => Read("metric.operatingCashFlowTtm", $"{Co} operating cash flow, TTM to {period}", period, r => r.OperatingCashFlowTtm, nameof(QuarterRecord.OperatingCashFlowTtm)),
                ClaimMetric.FreeCashFlowTtm => Read("metric.freeCashFlowTtm", $"{Co} free cash flow (company-wide; no segment figure is reported), TTM to {period}", period, r => r.FreeCashFlowTtm, nameof(QuarterRecord.FreeCashFlowTtm)),
                ClaimMetric.NetCapexTtm => Ttm("metric.netCapexTtm", $"{Co} capex net of proceeds and incentives, TTM to {period}", r => r.NetCapitalExpenditures, nameof(QuarterRecord.NetCapitalExpenditures), period),
                ClaimMetric.GrossCapexTtm => Ttm("metric.grossCapexTtm", $"{Co} gross purchases of property and equipment, TTM to {period}", r => r.PurchasesOfPropertyAndEquipment, nameof(QuarterRecord.PurchasesOfPropertyAndEquipment), period),
                ClaimMetric.SegmentBacklog => Read("metric.segmentBacklog", $"{Seg} backlog at the end of {period} (reported)", period, r => r.Backlog, nameof(QuarterRecord.Backlog)),
                ClaimMetric.SegmentBacklogWithAdditions => period == q ? BuildBacklogWithAdditionsOnly() : Unknown("metric.segmentBacklogWithAdditions", $"{Seg} backlog including later additions, {period}", FigureUnit.Billions, "additions are modelled for the report's quarter only"),
                _ => Unknown("metric.notModelled", "not modelled", FigureUnit.Billions, "not modelled"),
            };
            // Metric look-ups for claim matching must not add to the report's list of unknowns.
            unknowns.RemoveRange(savedUnknowns, unknowns.Count - savedUnknowns);
            return result;
        }

        private CapitalFigure BuildBacklogWithAdditionsOnly()
        {
            var saved = unknowns.Count;
            var b = BuildBacklog().WithAdditions;
            unknowns.RemoveRange(saved, unknowns.Count - saved);
            return b;
        }

        // ---- helpers -------------------------------------------------------------------------------------------
        private CapitalFigure Read(string id, string label, FiscalQuarter period, Func<QuarterRecord, Figure<ReportedNumber>?> line, string field)
        {
            int index = IndexOf(period);
            var record = index < 0 ? null : s.Quarters[index];
            var figure = record is null ? null : line(record);
            if (figure is null || figure.Value is null)
            {
                var why = record is null ? $"{period} is not in the scenario" : figure?.Provenance.Note ?? "not in the data";
                unknowns.Add($"{label}: unknown ({why}).");
                return new CapitalFigure
                {
                    Id = id, Label = label, Value = null, Unit = FigureUnit.Billions, Currency = s.Currency,
                    Sources = figure is null ? [] : [figure.Provenance], Note = why,
                };
            }
            return FromSourced(id, label, figure);
        }

        private CapitalFigure FromSourced(string id, string label, Figure<ReportedNumber> figure)
        {
            if (figure.Value is not { } n)
            {
                unknowns.Add($"{label}: unknown ({figure.Provenance.Note ?? "not in the data"}).");
                return new CapitalFigure { Id = id, Label = label, Value = null, Unit = FigureUnit.Billions, Currency = s.Currency, Sources = [figure.Provenance], Note = figure.Provenance.Note };
            }
            return new CapitalFigure
            {
                Id = id,
                Label = label,
                Value = ToDisplay(n.Amount, n.Unit),
                Unit = Display(n.Unit),
                Currency = n.IsMoney || n.Unit is FigureUnit.CurrencyPerHour or FigureUnit.CurrencyPerKilowattHour ? s.Currency : null,
                IsLowerBound = n.Basis == FigureBasis.LowerBound,
                Sources = [figure.Provenance],
                Note = figure.Provenance.Note,
            };
        }

        private CapitalFigure Ttm(string id, string label, Func<QuarterRecord, Figure<ReportedNumber>?> line, string field, FiscalQuarter? end = null)
        {
            var last = end ?? q;
            var quarters = last.TrailingFourQuarters();
            // Plain loops over a small reference type: LINQ over value tuples of value types costs a fresh JIT of each
            // generic instantiation, tens of milliseconds of the report's start-up (benchmarks/README.md, Start-up).
            var parts = new List<TtmPart>(quarters.Count);
            for (var k = 0; k < quarters.Count; k++)
            {
                var index = IndexOf(quarters[k]);
                parts.Add(new TtmPart(quarters[k], index, index < 0 ? null : line(s.Quarters[index])));
            }
            var sources = new List<Provenance>();
            var missing = new List<string>();
            foreach (var p in parts)
            {
                if (p.Figure is not null)
                {
                    sources.Add(p.Figure.Provenance);
                }
                if (p.Figure?.Value is null)
                {
                    missing.Add(p.Quarter.ToString());
                }
            }
            if (missing.Count > 0)
            {
                var note = $"unknown: no figure for {string.Join(", ", missing)}";
                unknowns.Add($"{label}: {note}.");
                return new CapitalFigure { Id = id, Label = label, Value = null, Unit = FigureUnit.Billions, Currency = s.Currency, Sources = sources, Note = note, Formula = $"sum of {quarters[0]} to {last}" };
            }
            var values = new decimal[parts.Count];
            var approx = new List<string>();
            var terms = new string[parts.Count];
            decimal sum = 0;
            var lowerBound = false;
            for (var k = 0; k < parts.Count; k++)
            {
                var figure = parts[k].Figure!.Value!.Value;
                values[k] = ToDisplay(figure.Amount, figure.Unit);
                sum += values[k];
                if (figure.Basis is FigureBasis.Approximate or FigureBasis.Estimate)
                {
                    approx.Add(parts[k].Quarter.ToString());
                }
                lowerBound |= figure.Basis == FigureBasis.LowerBound;
                terms[k] = $"{parts[k].Quarter} {Fmt(values[k])}";
            }
            return new CapitalFigure
            {
                Id = id,
                Label = label,
                Value = sum,
                Unit = FigureUnit.Billions,
                Currency = s.Currency,
                IsLowerBound = lowerBound,
                Formula = string.Join(" + ", terms),
                Sources = sources,
                Note = approx.Count == 0 ? null : $"includes approximate quarters: {string.Join(", ", approx)}",
            };
        }

        private sealed record TtmPart(FiscalQuarter Quarter, int Index, Figure<ReportedNumber>? Figure);

        private CapitalFigure Combine(string id, string label, FigureUnit unit, CapitalFigure a, CapitalFigure b, Func<decimal, decimal, decimal> op, string formula, string? note)
        {
            var sources = a.Sources.Concat(b.Sources).ToList();
            if (a.Value is not { } x || b.Value is not { } y)
            {
                var why = $"needs {(a.Value is null ? a.Label : b.Label)}, which is unknown";
                unknowns.Add($"{label}: unknown ({why}).");
                return new CapitalFigure { Id = id, Label = label, Unit = unit, Currency = unit == FigureUnit.Billions ? s.Currency : null, Sources = sources, Note = why };
            }
            if (unit != FigureUnit.Billions && y == 0)
            {
                return new CapitalFigure { Id = id, Label = label, Unit = unit, Sources = sources, Note = $"undefined: {b.Label} is zero" };
            }
            var approx = string.Join("; ", new[] { a.Note, b.Note }.Where(n => n is not null && n.StartsWith("includes approximate", StringComparison.Ordinal)));
            return new CapitalFigure
            {
                Id = id,
                Label = label,
                Value = op(x, y),
                Unit = unit,
                Currency = unit == FigureUnit.Billions ? s.Currency : null,
                Formula = string.Format(CultureInfo.InvariantCulture, formula, Fmt(x), Fmt(y)),
                Sources = sources,
                Note = string.Join("; ", new[] { note, approx.Length == 0 ? null : approx }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } n ? n : null,
            };
        }

        /// <summary>An amount in billions of the scenario's currency, for the typed calculators (ratios do not depend on the scale).</summary>
        private Money Bn(decimal billions) => new(billions, s.Currency);

        /// <summary>A percentage: <paramref name="fraction"/> (a typed calculator of <see cref="Growth"/>) of the two figures x 100.</summary>
        private CapitalFigure Percent(string id, string label, CapitalFigure a, CapitalFigure b, Func<Money, Money, double> fraction, string formula, string[] args)
        {
            var sources = a.Sources.Concat(b.Sources).ToList();
            if (a.Value is not { } x || b.Value is not { } y)
            {
                var why = $"needs {(a.Value is null ? a.Label : b.Label)}, which is unknown";
                unknowns.Add($"{label}: unknown ({why}).");
                return new CapitalFigure { Id = id, Label = label, Unit = FigureUnit.Percent, Sources = sources, Note = why };
            }
            if (y <= 0)
            {
                return new CapitalFigure { Id = id, Label = label, Unit = FigureUnit.Percent, Sources = sources, Note = $"undefined: {b.Label} is not positive" };
            }
            var text = args.Length > 0 ? string.Format(CultureInfo.InvariantCulture, formula, args.Cast<object>().ToArray()) : formula;
            return new CapitalFigure
            {
                Id = id, Label = label, Value = (decimal)fraction(Bn(x), Bn(y)) * 100m, Unit = FigureUnit.Percent,
                Formula = $"{text} = {Fmt(x)} / {Fmt(y)}",
                Sources = sources,
            };
        }

        private CapitalFigure Unknown(string id, string label, FigureUnit unit, string why)
        {
            unknowns.Add($"{label}: unknown ({why}).");
            return new CapitalFigure { Id = id, Label = label, Unit = unit, Currency = unit == FigureUnit.Billions ? s.Currency : null, Note = why };
        }

        private int IndexOf(FiscalQuarter period)
        {
            for (int i = 0; i < s.Quarters.Count; i++)
            {
                if (FiscalQuarter.TryParse(s.Quarters[i].Period, s.Calendar, out var p) && p == period) return i;
            }
            return -1;
        }

        private static FigureUnit Display(FigureUnit unit) => unit is FigureUnit.Millions or FigureUnit.CurrencyUnits ? FigureUnit.Billions : unit;

        private static decimal ToDisplay(decimal value, FigureUnit unit) => unit switch
        {
            FigureUnit.Millions => value / 1_000m,
            FigureUnit.CurrencyUnits => value / 1_000_000_000m,
            _ => value,
        };

        private static string Fmt(decimal? v) => v is { } d ? d.ToString("0.###", CultureInfo.InvariantCulture) : "unknown";

        private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
