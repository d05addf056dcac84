using CloudEconomics.Capital;
using NodaTime;

namespace CloudEconomics.Tests.Capital;

/// <summary>
/// <see cref="CompanyCashFlows.FreeCashFlow"/> decides validity with plain checks and builds
/// <see cref="CompanyCashFlowsValidator"/> only to report a failure: the checks must give the validator's verdict on every
/// combination of absent, negative, zero, positive and foreign-currency lines (seeded, deterministic).
/// </summary>
public class CompanyCashFlowsChecksTest
{
    private static readonly DateInterval Fy2025 = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    private static readonly Money?[] Lines = [null, Money.Usd(0m), Money.Usd(5m), Money.Usd(-5m), new Money(3m, Currency.Eur), new Money(-3m, Currency.Eur)];

    [Fact]
    public void PlainChecks_GiveTheValidatorsVerdict()
    {
        var random = new Random(20261205);
        var validator = new CompanyCashFlowsValidator();
        var invalid = 0;
        for (var i = 0; i < 3000; i++)
        {
            Money? L() => random.Next(3) == 0 ? Lines[random.Next(Lines.Length)] : null;
            var flows = new CompanyCashFlows
            {
                Period = random.Next(20) == 0 ? null! : Fy2025,
                OperatingCashFlow = random.Next(4) == 0 ? new Money(100m, Currency.Eur) : Money.Usd(100m),
                PurchasesOfPropertyAndEquipment = L(),
                ProceedsFromPropertyAndEquipmentSalesAndIncentives = L(),
                ReportedNetCapitalExpenditures = L(),
                PrincipalRepaymentsOfFinanceLeases = L(),
                PrincipalRepaymentsOfFinancingObligations = L(),
                PropertyAndEquipmentAcquiredUnderEquipmentFinanceLeases = L(),
                PrincipalRepaymentsOfOtherFinanceLeases = L(),
            };
            var expected = validator.Validate(flows).IsValid;
            flows.PassesPlainChecks().Should().Be(expected, "case {0}", i);
            invalid += expected ? 0 : 1;
        }
        invalid.Should().BeInRange(300, 2700);
    }
}
