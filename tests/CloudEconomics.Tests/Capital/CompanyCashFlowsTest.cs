using CloudEconomics.Capital;
using FluentValidation;
using FluentValidation.TestHelper;
using NodaTime;

namespace CloudEconomics.Tests.Capital;

public class CompanyCashFlowsTest
{
    private static Money Mn(decimal millions) => Money.Usd(millions * 1_000_000m);

    private static readonly DateInterval Fy2025 = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    // Amazon FY2025 (reference financials, 10-K via stock-analysis-on.net, US$ millions): OCF 139,514; purchases of
    // property and equipment 131,819; proceeds from sales and incentives 3,499; FCF (Amazon) 11,194 ("release says $11.2B").
    private static CompanyCashFlows Amazon2025() => new()
    {
        Period = Fy2025,
        OperatingCashFlow = Mn(139_514),
        PurchasesOfPropertyAndEquipment = Mn(131_819),
        ProceedsFromPropertyAndEquipmentSalesAndIncentives = Mn(3_499),
    };

    [Fact]
    public void AmazonDefinition_Fy2025_MatchesReported()
    {
        // 139,514 - (131,819 - 3,499) = 139,514 - 128,320 = 11,194 (reported 11,194).
        var r = Amazon2025().FreeCashFlow(FreeCashFlowDefinition.OperatingCashFlowLessNetCapex);
        r.Amount.Should().Be(Mn(11_194));
        r.MissingInputs.Should().BeEmpty();
    }

    [Fact]
    public void AmazonDefinition_Fy2024_MatchesReported()
    {
        // FY2024: 115,877 - 82,999 + 5,341 = 38,219 (reference free_cash_flow_usd_mn = 38,219; captide $38.22B).
        var flows = new CompanyCashFlows
        {
            Period = new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)),
            OperatingCashFlow = Mn(115_877),
            PurchasesOfPropertyAndEquipment = Mn(82_999),
            ProceedsFromPropertyAndEquipmentSalesAndIncentives = Mn(5_341),
        };
        flows.FreeCashFlow(FreeCashFlowDefinition.OperatingCashFlowLessNetCapex).Amount.Should().Be(Mn(38_219));
    }

    [Fact]
    public void GrossDefinition_Fy2025()
        // 139,514 - 131,819 = 7,695.
        => Amazon2025().FreeCashFlow(FreeCashFlowDefinition.OperatingCashFlowLessGrossCapex).Amount.Should().Be(Mn(7_695));

    [Fact]
    public void LeaseDefinitions_WithoutRepayments_AreUnknownAndNameTheMissingLines()
    {
        var r = Amazon2025().FreeCashFlow(FreeCashFlowDefinition.LessPrincipalRepaymentsOfFinanceLeasesAndFinancingObligations);
        r.IsKnown.Should().BeFalse();
        r.Amount.Should().BeNull();
        r.MissingInputs.Should().Equal("principal repayments of finance leases", "principal repayments of financing obligations");
    }

    [Fact]
    public void LeaseDefinitions_HandComputed()
    {
        // Hand example: OCF 100, purchases 70, proceeds 10 (net capex 60), finance-lease principal 5, financing
        // obligations 2, equipment finance leases 4, other finance-lease principal 1.
        // Definition 2: 100 - 60 - 5 - 2 = 33.   Definition 3: 100 - 60 - 4 - 1 - 2 = 33.
        var flows = new CompanyCashFlows
        {
            Period = Fy2025,
            OperatingCashFlow = Mn(100),
            PurchasesOfPropertyAndEquipment = Mn(70),
            ProceedsFromPropertyAndEquipmentSalesAndIncentives = Mn(10),
            PrincipalRepaymentsOfFinanceLeases = Mn(5),
            PrincipalRepaymentsOfFinancingObligations = Mn(2),
            PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases = Mn(4),
            PrincipalRepaymentsOfOtherFinanceLeases = Mn(1),
        };
        flows.FreeCashFlow(FreeCashFlowDefinition.LessPrincipalRepaymentsOfFinanceLeasesAndFinancingObligations).Amount.Should().Be(Mn(33));
        flows.FreeCashFlow(FreeCashFlowDefinition.LessEquipmentFinanceLeasesAndOtherPrincipalRepayments).Amount.Should().Be(Mn(33));
    }

    [Fact]
    public void NetCapex_PrefersGrossLessProceeds_ThenReportedNet()
    {
        new CompanyCashFlows { Period = Fy2025, OperatingCashFlow = Mn(10), ReportedNetCapitalExpenditures = Mn(7) }.NetCapitalExpenditures.Should().Be(Mn(7));
        (Amazon2025() with { ReportedNetCapitalExpenditures = Mn(1) }).NetCapitalExpenditures.Should().Be(Mn(128_320));
        new CompanyCashFlows { Period = Fy2025, OperatingCashFlow = Mn(10), PurchasesOfPropertyAndEquipment = Mn(7) }.NetCapitalExpenditures.Should().BeNull();
    }

    [Fact]
    public void Ratios_Fy2025()
    {
        // Capex / OCF = 128,320 / 139,514 = 0.91976...; gross 131,819 / 139,514 = 0.94484...
        Amazon2025().CapexToOperatingCashFlow()!.Value.Should().BeApproximately(128_320.0 / 139_514.0, 1e-12);
        Amazon2025().CapexToOperatingCashFlow(useNetCapex: false)!.Value.Should().BeApproximately(131_819.0 / 139_514.0, 1e-12);
        // Capex intensity against a revenue of 640,000 (hand example): 128,320 / 640,000 = 0.2005.
        Amazon2025().CapexIntensity(Mn(640_000))!.Value.Should().BeApproximately(0.2005, 1e-12);
        new CompanyCashFlows { Period = Fy2025, OperatingCashFlow = Mn(10) }.CapexIntensity(Mn(1)).Should().BeNull();
    }

    [Fact]
    public void FreeCashFlow_NegativePurchases_ThrowsValidationException()
    {
        var act = () => (Amazon2025() with { PurchasesOfPropertyAndEquipment = Mn(-1) }).FreeCashFlow(FreeCashFlowDefinition.OperatingCashFlowLessGrossCapex);
        act.Should().Throw<ValidationException>().WithMessage("*Purchases of property and equipment must not be negative*");
    }

    [Fact]
    public void Validator_FlagsCurrencyMismatch()
    {
        var flows = Amazon2025() with { ProceedsFromPropertyAndEquipmentSalesAndIncentives = Money.Eur(1) };
        new CompanyCashFlowsValidator().TestValidate(flows)
            .ShouldHaveValidationErrorFor(x => x.ProceedsFromPropertyAndEquipmentSalesAndIncentives)
            .WithErrorMessage("Proceeds from sales and incentives must be in the currency of operating cash flow (USD); it was EUR.");
    }

    [Fact]
    public void CapexToOperatingCashFlow_NonPositiveOcf_Throws()
    {
        var act = () => (Amazon2025() with { OperatingCashFlow = Mn(-1) }).CapexToOperatingCashFlow();
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "denominator" && e.Message.Contains("must be positive"));
    }
}
