using FluentValidation;
using NodaTime;

namespace CloudEconomics.Capital;

/// <summary>
/// How free cash flow is defined. Companies define it differently; the choice is always explicit.
/// </summary>
/// <remarks>The three Amazon definitions are the ones in Amazon's 10-K and quarterly releases ("Free cash flow",
/// "Free cash flow less principal repayments of finance leases and financing obligations", "Free cash flow less
/// equipment finance leases and principal repayments of all other finance leases and financing obligations").</remarks>
public enum FreeCashFlowDefinition
{
    /// <summary>Textbook: operating cash flow - purchases of property and equipment (gross).</summary>
    OperatingCashFlowLessGrossCapex = 0,

    /// <summary>Amazon's headline free cash flow: operating cash flow - purchases of property and equipment net of proceeds from sales and incentives.</summary>
    OperatingCashFlowLessNetCapex,

    /// <summary>Amazon: net-capex free cash flow - principal repayments of finance leases - principal repayments of financing obligations.</summary>
    LessPrincipalRepaymentsOfFinanceLeasesAndFinancingObligations,

    /// <summary>Amazon: net-capex free cash flow - property and equipment acquired under equipment finance leases - principal repayments of all other finance leases - principal repayments of financing obligations.</summary>
    LessEquipmentFinanceLeasesAndOtherPrincipalRepayments,
}

/// <summary>
/// A company's cash flows for one period (a quarter, twelve trailing months or a fiscal year). Unknown lines are null,
/// never zero; a free-cash-flow definition that needs an unknown line is itself unknown and says which line is missing.
/// </summary>
/// <remarks>Every amount is a positive magnitude as the line is named (purchases of 83 B$ is +83 B$), except
/// <see cref="OperatingCashFlow"/>, which may be negative.</remarks>
public sealed record CompanyCashFlows
{
    /// <summary>The period the flows cover (both ends inclusive).</summary>
    public required DateInterval Period { get; init; }

    /// <summary>Net cash provided by operating activities.</summary>
    public required Money OperatingCashFlow { get; init; }

    /// <summary>Purchases of property and equipment (gross capex); null when unknown.</summary>
    public Money? PurchasesOfPropertyAndEquipment { get; init; }

    /// <summary>Proceeds from property and equipment sales and incentives; null when unknown.</summary>
    public Money? ProceedsFromPropertyAndEquipmentSalesAndIncentives { get; init; }

    /// <summary>Purchases net of proceeds and incentives as reported, when the source gives only the net figure; null when unknown.</summary>
    public Money? ReportedNetCapitalExpenditures { get; init; }

    /// <summary>Principal repayments of finance leases; null when unknown.</summary>
    public Money? PrincipalRepaymentsOfFinanceLeases { get; init; }

    /// <summary>Principal repayments of financing obligations; null when unknown.</summary>
    public Money? PrincipalRepaymentsOfFinancingObligations { get; init; }

    /// <summary>Property and equipment acquired under equipment finance leases (non-cash additions); null when unknown.</summary>
    public Money? PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases { get; init; }

    /// <summary>Principal repayments of finance leases other than equipment finance leases; null when unknown.</summary>
    public Money? PrincipalRepaymentsOfOtherFinanceLeases { get; init; }

    /// <summary>
    /// Net capital expenditures: purchases - proceeds and incentives when both are known, else the reported net
    /// figure, else null.
    /// </summary>
    public Money? NetCapitalExpenditures =>
        PurchasesOfPropertyAndEquipment is { } gross && ProceedsFromPropertyAndEquipmentSalesAndIncentives is { } proceeds
            ? gross - proceeds
            : ReportedNetCapitalExpenditures;

    // The rules of CompanyCashFlowsValidator as plain code (a test holds them to the validator).
    internal bool PassesPlainChecks()
    {
        if ((object?)Period is null)
        {
            return false;
        }
        var currency = OperatingCashFlow.Currency;
        return Line(PurchasesOfPropertyAndEquipment) && Line(ProceedsFromPropertyAndEquipmentSalesAndIncentives) && Line(ReportedNetCapitalExpenditures)
               && Line(PrincipalRepaymentsOfFinanceLeases) && Line(PrincipalRepaymentsOfFinancingObligations)
               && Line(PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases) && Line(PrincipalRepaymentsOfOtherFinanceLeases);

        bool Line(Money? m) => m is null || (m.Value.Amount >= 0 && m.Value.Currency == currency);
    }

    /// <summary>Free cash flow under <paramref name="definition"/>.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The amount with its formula, or an unknown result naming the missing lines.</returns>
    /// <exception cref="ValidationException">The cash flows are invalid (see <see cref="CompanyCashFlowsValidator"/>).</exception>
    public FreeCashFlowResult FreeCashFlow(FreeCashFlowDefinition definition)
    {
        if (!PassesPlainChecks())
        {
            // Built only to report a failure in its words: constructing it compiles 15 expression trees.
            new CompanyCashFlowsValidator().ValidateAndThrow(this);
        }
        var missing = new List<string>();
        Money? Need(Money? value, string name)
        {
            if (value is null) missing.Add(name);
            return value;
        }

        const string ocf = "operating cash flow";
        const string net = "purchases of property and equipment net of proceeds and incentives";
        var (formula, parts) = definition switch
        {
            FreeCashFlowDefinition.OperatingCashFlowLessGrossCapex =>
                ($"{ocf} - purchases of property and equipment",
                 new[] { Need(PurchasesOfPropertyAndEquipment, "purchases of property and equipment") }),
            FreeCashFlowDefinition.OperatingCashFlowLessNetCapex =>
                ($"{ocf} - {net}", new[] { Need(NetCapitalExpenditures, net) }),
            FreeCashFlowDefinition.LessPrincipalRepaymentsOfFinanceLeasesAndFinancingObligations =>
                ($"{ocf} - {net} - principal repayments of finance leases - principal repayments of financing obligations",
                 new[]
                 {
                     Need(NetCapitalExpenditures, net),
                     Need(PrincipalRepaymentsOfFinanceLeases, "principal repayments of finance leases"),
                     Need(PrincipalRepaymentsOfFinancingObligations, "principal repayments of financing obligations"),
                 }),
            FreeCashFlowDefinition.LessEquipmentFinanceLeasesAndOtherPrincipalRepayments =>
                ($"{ocf} - {net} - property and equipment acquired under equipment finance leases - principal repayments of all other finance leases - principal repayments of financing obligations",
                 new[]
                 {
                     Need(NetCapitalExpenditures, net),
                     Need(PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases, "property and equipment acquired under equipment finance leases"),
                     Need(PrincipalRepaymentsOfOtherFinanceLeases, "principal repayments of all other finance leases"),
                     Need(PrincipalRepaymentsOfFinancingObligations, "principal repayments of financing obligations"),
                 }),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition, $"Unknown free-cash-flow definition {definition}."),
        };
        Money? amount = missing.Count > 0 ? null : parts.Aggregate(OperatingCashFlow, (acc, p) => acc - p!.Value);
        return new FreeCashFlowResult(definition, formula, amount, missing);
    }

    /// <summary>Capital expenditure / operating cash flow, as a fraction (1.0 = capex consumed all operating cash).</summary>
    /// <param name="useNetCapex">True for capex net of proceeds and incentives, false for gross purchases.</param>
    /// <returns>The ratio, or null when the capex line is unknown.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Operating cash flow is not positive.</exception>
    public double? CapexToOperatingCashFlow(bool useNetCapex = true)
        => (useNetCapex ? NetCapitalExpenditures : PurchasesOfPropertyAndEquipment) is { } capex ? Growth.Ratio(capex, OperatingCashFlow) : null;

    /// <summary>Capex intensity: capital expenditure / revenue of the same period, as a fraction.</summary>
    /// <param name="revenue">Revenue (net sales) for <see cref="Period"/>; positive.</param>
    /// <param name="useNetCapex">True for capex net of proceeds and incentives, false for gross purchases.</param>
    /// <returns>The intensity, or null when the capex line is unknown.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revenue"/> is not positive.</exception>
    public double? CapexIntensity(Money revenue, bool useNetCapex = true)
        => (useNetCapex ? NetCapitalExpenditures : PurchasesOfPropertyAndEquipment) is { } capex ? Growth.Ratio(capex, revenue) : null;
}

/// <summary>Free cash flow under one definition.</summary>
/// <param name="Definition">The definition used.</param>
/// <param name="Formula">The formula in words.</param>
/// <param name="Amount">The free cash flow, or null when an input is unknown.</param>
/// <param name="MissingInputs">The unknown lines the definition needs (empty when known).</param>
public sealed record FreeCashFlowResult(FreeCashFlowDefinition Definition, string Formula, Money? Amount, IReadOnlyList<string> MissingInputs)
{
    /// <summary>Whether the amount is known.</summary>
    public bool IsKnown => Amount.HasValue;
}

/// <summary>Rules for <see cref="CompanyCashFlows"/>: one currency; purchases, proceeds, repayments and lease additions not negative.</summary>
public sealed class CompanyCashFlowsValidator : AbstractValidator<CompanyCashFlows>
{
    /// <summary>Creates the validator.</summary>
    public CompanyCashFlowsValidator()
    {
        RuleFor(x => x.Period).NotNull();
        NonNegativeSameCurrency(x => x.PurchasesOfPropertyAndEquipment, "Purchases of property and equipment");
        NonNegativeSameCurrency(x => x.ProceedsFromPropertyAndEquipmentSalesAndIncentives, "Proceeds from sales and incentives");
        NonNegativeSameCurrency(x => x.ReportedNetCapitalExpenditures, "Reported net capital expenditures");
        NonNegativeSameCurrency(x => x.PrincipalRepaymentsOfFinanceLeases, "Principal repayments of finance leases");
        NonNegativeSameCurrency(x => x.PrincipalRepaymentsOfFinancingObligations, "Principal repayments of financing obligations");
        NonNegativeSameCurrency(x => x.PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases, "Property and equipment acquired under equipment finance leases");
        NonNegativeSameCurrency(x => x.PrincipalRepaymentsOfOtherFinanceLeases, "Principal repayments of other finance leases");
    }

    private void NonNegativeSameCurrency(System.Linq.Expressions.Expression<Func<CompanyCashFlows, Money?>> line, string name)
    {
        RuleFor(line)
            .Must(m => m is null || m.Value.Amount >= 0)
            .WithMessage((_, m) => $"{name} must not be negative (enter the magnitude of the line); it was {m}.");
        RuleFor(line)
            .Must((x, m) => m is null || m.Value.Currency == x.OperatingCashFlow.Currency)
            .WithMessage((x, m) => $"{name} must be in the currency of operating cash flow ({x.OperatingCashFlow.Currency.Code}); it was {m?.Currency.Code}.");
    }
}
