using System.Globalization;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Data;

/// <summary>
/// Rules for one scenario figure (a <see cref="Figure{T}"/> of <see cref="ReportedNumber"/>): a known value has a unit
/// the field allows, a complete provenance (source, as-of date, confidence) and, unless the field allows it, is not
/// negative; an unknown value says why in its note. Error paths are the JSON fields (<c>unit</c>, <c>source</c>,
/// <c>asOf</c>, <c>confidence</c>, <c>value</c>, <c>note</c>).
/// </summary>
public sealed class ScenarioFigureValidator : AbstractValidator<Figure<ReportedNumber>>
{
    /// <summary>Money units: billions, millions or units of the currency.</summary>
    public static readonly IReadOnlyList<FigureUnit> MoneyUnits = [FigureUnit.Billions, FigureUnit.Millions, FigureUnit.CurrencyUnits];

    /// <summary>Creates the validator.</summary>
    /// <param name="allowedUnits">The units the field allows.</param>
    /// <param name="allowNegative">Whether a negative value is allowed (operating income, cash flow, growth).</param>
    public ScenarioFigureValidator(IReadOnlyList<FigureUnit> allowedUnits, bool allowNegative = false)
    {
        ArgumentNullException.ThrowIfNull(allowedUnits);
        When(f => f.Value is not null, () =>
        {
            RuleFor(f => f.Value!.Value.Unit).Must(allowedUnits.Contains).OverridePropertyName("Unit")
                .WithMessage(f => $"The unit must be one of {string.Join(", ", allowedUnits.Select(Camel))}; it was {Camel(f.Value!.Value.Unit)}.");
            RuleFor(f => f.Provenance.Source).NotEmpty().OverridePropertyName("Source").WithMessage("A known figure must name its source.");
            RuleFor(f => f.Provenance.AsOf).NotNull().OverridePropertyName("AsOf").WithMessage("A known figure must have an as-of date.");
            RuleFor(f => f.Provenance.Confidence).NotNull().WithMessage(ConfidenceRule).IsInEnum().WithMessage(ConfidenceRule).OverridePropertyName("Confidence");
            if (!allowNegative)
            {
                RuleFor(f => f.Value!.Value.Amount).Must(v => v >= 0).OverridePropertyName("Value")
                    .WithMessage(f => string.Create(CultureInfo.InvariantCulture, $"The value must not be negative; it was {f.Value!.Value.Amount}."));
            }
        });
        When(f => f.Value is null, () =>
            RuleFor(f => f.Provenance.Note).NotEmpty().OverridePropertyName("Note").WithMessage("An unknown figure (null value) must say why in its note."));
    }

    private const string ConfidenceRule = "A known figure must state its confidence (vendor, curatedDataset, secondary or estimate).";

    internal static string Camel(FigureUnit unit) => Camel(unit.ToString());

    internal static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}

/// <summary>Rules for a <see cref="ScenarioFile"/>; <see cref="ScenarioFile.Load(Stream, string?)"/> runs it.</summary>
public sealed class ScenarioFileValidator : AbstractValidator<ScenarioFile>
{
    private static readonly ScenarioFigureValidator Money = new(ScenarioFigureValidator.MoneyUnits);
    private static readonly ScenarioFigureValidator SignedMoney = new(ScenarioFigureValidator.MoneyUnits, allowNegative: true);
    private static readonly ScenarioFigureValidator Percent = new([FigureUnit.Percent], allowNegative: true);
    private static readonly ScenarioFigureValidator Years = new([FigureUnit.Years]);

    /// <summary>Creates the validator.</summary>
    public ScenarioFileValidator()
    {
        RuleFor(s => s.Id).NotEmpty().WithMessage("The scenario needs an id.");
        RuleFor(s => s.Title).NotEmpty().WithMessage("The scenario needs a title.");
        RuleFor(s => s.Company).NotNull().WithMessage("The scenario needs a company.");
        When(s => s.Company is not null, () =>
        {
            RuleFor(s => s.Company.Name).NotEmpty().WithMessage("The company needs a name.");
            RuleFor(s => s.Company.Segment).NotEmpty().WithMessage("The company needs a segment name.");
            RuleFor(s => s.Company.FiscalYearStartMonth).InclusiveBetween(1, 12)
                .WithMessage(s => $"The fiscal year's first month must be between 1 and 12; it was {s.Company.FiscalYearStartMonth}.");
        });
        RuleFor(s => s.Quarters).NotEmpty().WithMessage("The scenario needs at least one quarter.");
        RuleForEach(s => s.Quarters).NotNull().WithMessage("A quarter must be an object, not null.");
        RuleForEach(s => s.FiscalYears).NotNull().WithMessage("A fiscal year must be an object, not null.");
        RuleForEach(s => s.DepreciationPolicies).NotNull().WithMessage("A depreciation policy must be an object, not null.");
        RuleForEach(s => s.BacklogAdditions).NotNull().WithMessage("A backlog addition must be an object, not null.");
        RuleForEach(s => s.ArticleClaims).NotNull().WithMessage("An article claim must be an object, not null.");

        When(s => s.Company is not null && s.Company.FiscalYearStartMonth is >= 1 and <= 12 && s.Quarters is not null && s.Quarters.All(q => q is not null), () =>
        {
            RuleForEach(s => s.Quarters).SetValidator(s => new QuarterRecordValidator(s.Calendar));
            RuleFor(s => s.Quarters).Must(HaveDistinctPeriods)
                .WithMessage(s => $"Each quarter may appear once; {FirstDuplicate(s.Quarters.Select(q => q.Period))} appears twice.");
            RuleFor(s => s.LatestQuarter).Must((s, latest) => FiscalQuarter.TryParse(latest, s.Calendar, out var q) && s.Quarter(q) is not null)
                .WithMessage(s => $"The latest quarter must be one of the scenario's quarters; '{s.LatestQuarter}' is not.");
            RuleForEach(s => s.FiscalYears).SetValidator(s => new FiscalYearRecordValidator(s.Calendar));
            RuleForEach(s => s.BacklogAdditions).SetValidator(s => new BacklogAdditionRecordValidator(s));
            RuleForEach(s => s.ArticleClaims).SetValidator(s => new ArticleClaimRecordValidator(s.Calendar));
        });
        RuleFor(s => s.FiscalYears).NotNull();
        RuleFor(s => s.DepreciationPolicies).NotNull();
        RuleForEach(s => s.DepreciationPolicies).SetValidator(new DepreciationPolicyRecordValidator());
        RuleFor(s => s.DepreciationPolicies).Must(p => p is null || p.All(x => x is null || x.Changes is null || x.Changes.All(c => c is not null)))
            .WithMessage("A useful-life change must be an object, not null.");
        RuleFor(s => s.DepreciationPolicies).Must(p => p is null || p.Where(x => x is not null).Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == p.Count(x => x is not null))
            .WithMessage("Depreciation policy ids must be distinct.");
        RuleFor(s => s.BacklogAdditions).NotNull();
        RuleFor(s => s.ArticleClaims).NotNull();
        When(s => s.Assumptions is not null, () => RuleFor(s => s.Assumptions!).SetValidator(new ScenarioAssumptionsValidator()));
    }

    private static bool HaveDistinctPeriods(ScenarioFile s, IReadOnlyList<QuarterRecord> quarters)
        => FirstDuplicate(quarters.Where(q => q is not null).Select(q => q.Period)) is null;

    private static string? FirstDuplicate(IEnumerable<string> ids)
        => ids.Where(i => i is not null).GroupBy(i => i.ToUpperInvariant()).FirstOrDefault(g => g.Count() > 1)?.Key;

    /// <summary>Rules for a <see cref="QuarterRecord"/>.</summary>
    private sealed class QuarterRecordValidator : AbstractValidator<QuarterRecord>
    {
        public QuarterRecordValidator(FiscalCalendar calendar)
        {
            RuleFor(q => q.Period).Must(p => FiscalQuarter.TryParse(p, calendar, out _))
                .WithMessage(q => $"The period must be a fiscal quarter such as \"Q1-2026\" or \"FY2026-Q3\"; it was '{q.Period}'.");
            RuleFor(q => q.PeriodEnd).Must((q, end) => !FiscalQuarter.TryParse(q.Period, calendar, out var p) || p.End == end)
                .WithMessage(q => $"The period end must be the last day of {q.Period} ({D(FiscalQuarter.Parse(q.Period, calendar).End)}) in the {calendar}; it was {D(q.PeriodEnd)}.");
            RuleFor(q => q.ReportDate).Must((q, r) => r is null || r.Value >= q.PeriodEnd)
                .WithMessage(q => $"The report date must not be earlier than the period end {D(q.PeriodEnd)}; it was {D(q.ReportDate!.Value)}.");
            RuleFor(q => q.SegmentRevenue).SetValidator(Money!);
            RuleFor(q => q.SegmentRevenueGrowthYoY).SetValidator(Percent!);
            RuleFor(q => q.SegmentOperatingIncome).SetValidator(SignedMoney!);
            RuleFor(q => q.NetSales).SetValidator(Money!);
            RuleFor(q => q.OperatingIncome).SetValidator(SignedMoney!);
            RuleFor(q => q.OperatingCashFlowTtm).SetValidator(SignedMoney!);
            RuleFor(q => q.FreeCashFlowTtm).SetValidator(SignedMoney!);
            RuleFor(q => q.PurchasesOfPropertyAndEquipment).SetValidator(Money!);
            RuleFor(q => q.ProceedsFromPropertyAndEquipmentSalesAndIncentives).SetValidator(Money!);
            RuleFor(q => q.NetCapitalExpenditures).SetValidator(Money!);
            RuleFor(q => q.PrincipalRepaymentsOfFinanceLeases).SetValidator(Money!);
            RuleFor(q => q.PrincipalRepaymentsOfFinancingObligations).SetValidator(Money!);
            RuleFor(q => q.Backlog).SetValidator(Money!);
            RuleFor(q => q.BacklogWeightedAverageRemainingLife).SetValidator(Years!);
            RuleFor(q => q.OtherFigures).NotNull();
            RuleForEach(q => q.OtherFigures).Must(kv => kv.Value is not null && (kv.Value.Value is null || kv.Value.Provenance.IsComplete))
                .WithMessage((_, kv) => $"Other figure '{kv.Key}' must name its source, as-of date and confidence.");
        }
    }

    /// <summary>Rules for a <see cref="FiscalYearRecord"/>.</summary>
    private sealed class FiscalYearRecordValidator : AbstractValidator<FiscalYearRecord>
    {
        public FiscalYearRecordValidator(FiscalCalendar calendar)
        {
            RuleFor(y => y.Period).Must(p => FiscalYear.TryParse(p, calendar, out _))
                .WithMessage(y => $"The period must be a fiscal year such as \"FY2025\"; it was '{y.Period}'.");
            RuleFor(y => y.SegmentRevenue).SetValidator(Money!);
            RuleFor(y => y.SegmentOperatingIncome).SetValidator(SignedMoney!);
            RuleFor(y => y.OperatingCashFlow).SetValidator(SignedMoney!);
            RuleFor(y => y.PurchasesOfPropertyAndEquipment).SetValidator(Money!);
            RuleFor(y => y.ProceedsFromPropertyAndEquipmentSalesAndIncentives).SetValidator(Money!);
            RuleFor(y => y.PrincipalRepaymentsOfFinanceLeases).SetValidator(Money!);
            RuleFor(y => y.PrincipalRepaymentsOfFinancingObligations).SetValidator(Money!);
            RuleFor(y => y.PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases).SetValidator(Money!);
            RuleFor(y => y.PrincipalRepaymentsOfOtherFinanceLeases).SetValidator(Money!);
            RuleFor(y => y.FreeCashFlow).SetValidator(SignedMoney!);
            RuleFor(y => y.DepreciationAndAmortization).SetValidator(Money!);
            RuleFor(y => y.CapexGuidanceNextYear).SetValidator(Money!);
            RuleFor(y => y.OtherFigures).NotNull();
        }
    }

    /// <summary>Rules for a <see cref="DepreciationPolicyRecord"/>: a consistent chain of changes.</summary>
    private sealed class DepreciationPolicyRecordValidator : AbstractValidator<DepreciationPolicyRecord>
    {
        public DepreciationPolicyRecordValidator()
        {
            RuleFor(p => p.Id).NotEmpty().WithMessage("A depreciation policy needs an id.");
            RuleFor(p => p.AssetClass).NotEmpty().WithMessage("A depreciation policy needs an asset class.");
            RuleFor(p => p.Changes).NotEmpty().WithMessage("A depreciation policy needs at least one useful-life change.");
            RuleForEach(p => p.Changes).ChildRules(c =>
            {
                c.RuleFor(x => x.Effective).Must(d => d.Day == 1)
                    .WithMessage(x => $"A useful-life change must take effect on the first day of a month; it was {D(x.Effective)}.");
                c.RuleFor(x => x.FromYears).NotNull().SetValidator(Years!);
                c.RuleFor(x => x.ToYears).NotNull().SetValidator(Years!);
                c.RuleFor(x => x.FromYears.Value).NotNull().Must(v => v!.Value.Amount > 0).When(x => x.FromYears is not null)
                    .WithMessage("A useful life must be known and positive.");
                c.RuleFor(x => x.ToYears.Value).NotNull().Must(v => v!.Value.Amount > 0).When(x => x.ToYears is not null)
                    .WithMessage("A useful life must be known and positive.");
            });
            RuleFor(p => p.Changes).Must(BeAChain).When(p => p.Changes is { Count: > 0 } && p.Changes.All(c => c?.FromYears?.Value?.Amount > 0 && c.ToYears?.Value?.Amount > 0))
                .WithMessage(p => $"The changes must be in date order, each starting from the life the previous one set; {ChainProblem(p.Changes)}.");
        }

        private static bool BeAChain(IReadOnlyList<UsefulLifeChangeRecord> changes) => ChainProblem(changes) is null;

        private static string? ChainProblem(IReadOnlyList<UsefulLifeChangeRecord> changes)
        {
            for (int i = 1; i < changes.Count; i++)
            {
                if (changes[i].Effective <= changes[i - 1].Effective)
                {
                    return $"the change effective {D(changes[i].Effective)} is not after {D(changes[i - 1].Effective)}";
                }
                if (changes[i].FromYears.Value?.Amount != changes[i - 1].ToYears.Value?.Amount)
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"the change effective {D(changes[i].Effective)} starts from {changes[i].FromYears.Value?.Amount} years but the previous change set {changes[i - 1].ToYears.Value?.Amount} years");
                }
            }
            return null;
        }
    }

    /// <summary>Rules for a <see cref="BacklogAdditionRecord"/>.</summary>
    private sealed class BacklogAdditionRecordValidator : AbstractValidator<BacklogAdditionRecord>
    {
        public BacklogAdditionRecordValidator(ScenarioFile scenario)
        {
            RuleFor(a => a.Id).NotEmpty().WithMessage("A backlog addition needs an id.");
            RuleFor(a => a.Description).NotEmpty().WithMessage("A backlog addition needs a description.");
            RuleFor(a => a.AfterPeriod).Must(p => FiscalQuarter.TryParse(p, scenario.Calendar, out var q) && scenario.Quarter(q) is not null)
                .WithMessage(a => $"The period a backlog addition follows must be one of the scenario's quarters; '{a.AfterPeriod}' is not.");
            RuleFor(a => a.Amount).NotNull().SetValidator(Money!);
            RuleFor(a => a.Amount.Value).NotNull().When(a => a.Amount is not null)
                .WithMessage("A backlog addition must have a known amount (use basis lowerBound for \"over X\").");
        }
    }

    /// <summary>Rules for an <see cref="ArticleClaimRecord"/>.</summary>
    private sealed class ArticleClaimRecordValidator : AbstractValidator<ArticleClaimRecord>
    {
        public ArticleClaimRecordValidator(FiscalCalendar calendar)
        {
            RuleFor(c => c.Id).NotEmpty().WithMessage("An article claim needs an id.");
            RuleFor(c => c.Text).NotEmpty().WithMessage("An article claim needs its text.");
            RuleFor(c => c.Period).Must(p => FiscalQuarter.TryParse(p, calendar, out _))
                .WithMessage(c => $"The period must be a fiscal quarter such as \"Q1-2026\"; it was '{c.Period}'.");
            RuleFor(c => c.ClaimedMetric).IsInEnum().WithMessage(c => $"Unknown claimed metric {c.ClaimedMetric}.");
            RuleFor(c => c.Value).SetValidator(new ScenarioFigureValidator(
                [FigureUnit.Billions, FigureUnit.Millions, FigureUnit.CurrencyUnits, FigureUnit.Percent, FigureUnit.Years, FigureUnit.Ratio], allowNegative: true)!);
        }
    }

    /// <summary>Rules for <see cref="ScenarioAssumptions"/>.</summary>
    private sealed class ScenarioAssumptionsValidator : AbstractValidator<ScenarioAssumptions>
    {
        private static readonly ScenarioFigureValidator Utilisation = new([FigureUnit.Ratio]);

        public ScenarioAssumptionsValidator()
        {
            When(a => a.TokenCost is not null, () =>
            {
                RuleFor(a => a.TokenCost!.Utilization).SetValidator(Utilisation!);
                RuleFor(a => a.TokenCost!.Utilization!.Value).Must(v => v is null || (v.Value.Amount > 0 && v.Value.Amount <= 1)).When(a => a.TokenCost!.Utilization is not null)
                    .WithMessage(a => string.Create(CultureInfo.InvariantCulture, $"Utilisation must be greater than 0 and at most 1; it was {a.TokenCost!.Utilization!.Value?.Amount}."));
            });
            When(a => a.Catalog is not null, () =>
            {
                RuleFor(a => a.Catalog!.Instances).NotNull();
                RuleFor(a => a.Catalog!.ExpectedUtilization).SetValidator(Utilisation!);
                RuleFor(a => a.Catalog!.ExpectedUtilization!.Value).Must(v => v is null || (v.Value.Amount > 0 && v.Value.Amount <= 1)).When(a => a.Catalog!.ExpectedUtilization is not null)
                    .WithMessage(a => string.Create(CultureInfo.InvariantCulture, $"Utilisation must be greater than 0 and at most 1; it was {a.Catalog!.ExpectedUtilization!.Value?.Amount}."));
            });
            When(a => a.Power is not null, () =>
            {
                RuleFor(a => a.Power!.Pue).SetValidator(new ScenarioFigureValidator([FigureUnit.Ratio])!);
                RuleFor(a => a.Power!.Pue!.Value).Must(v => v is null || v.Value.Amount >= 1).When(a => a.Power!.Pue is not null)
                    .WithMessage(a => string.Create(CultureInfo.InvariantCulture, $"PUE must be at least 1; it was {a.Power!.Pue!.Value?.Amount}."));
                RuleFor(a => a.Power!.ElectricityPrice).SetValidator(new ScenarioFigureValidator([FigureUnit.CurrencyPerKilowattHour])!);
            });
        }
    }

    private static string D(LocalDate d) => CloudEconomics.Serialization.IsoDate.Format(d);
}
