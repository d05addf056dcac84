using CloudEconomics.Finance;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

public class DepreciationScheduleTest
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static DepreciationPlan Plan(decimal cost, decimal salvage, int months, LocalDate start, DepreciationMethod method = DepreciationMethod.StraightLine) =>
        new() { Cost = Money.Usd(cost), Salvage = Money.Usd(salvage), UsefulLifeMonths = months, InServiceDate = start, Method = method };

    private static double[] Amounts(DepreciationSchedule s) => s.Select(p => (double)p.Depreciation.Amount).ToArray();

    [Fact]
    public void StraightLine_Monthly_Hand()
    {
        // Hand: 72,000 over 72 months = 1,000 a month; after 12 months the book value is 60,000.
        var s = DepreciationSchedule.Create(Plan(72000, 0, 72, D(2024, 1, 1)));
        s.Count.Should().Be(72);
        Amounts(s).Should().OnlyContain(a => Math.Abs(a - 1000) < 1e-6);
        s.BookValueAt(D(2025, 1, 1)).Amount.Should().BeApproximately(60000m, 0.000001m);
        s.FullyDepreciatedOn.Should().Be(D(2030, 1, 1));
        s[^1].BookValue.Amount.Should().BeApproximately(0m, 0.000001m);
        s[0].Start.Should().Be(D(2024, 1, 1));
        s[0].End.Should().Be(D(2024, 1, 31));
    }

    [Fact]
    public void StraightLine_PartialFirstPeriod_ProratedByDays()
    {
        // Hand: in service 16 Jan; the first life-month runs 16 Jan to 16 Feb (31 days); January carries 16 of
        // those days: 1,000 * 16/31. The last period ends on 15 Jan 2030 with the remaining 15/31.
        var s = DepreciationSchedule.Create(Plan(72000, 0, 72, D(2024, 1, 16)));
        ((double)s[0].Depreciation.Amount).Should().BeApproximately(1000.0 * 16 / 31, 1e-6);
        s[0].Start.Should().Be(D(2024, 1, 16));
        s[^1].End.Should().Be(D(2030, 1, 15));
        ((double)s[^1].Depreciation.Amount).Should().BeApproximately(1000.0 * 15 / 31, 1e-6);
        ((double)s.TotalDepreciation.Amount).Should().BeApproximately(72000, 1e-6);
        ((double)s.BookValueAt(D(2024, 1, 31)).Amount).Should().BeApproximately(72000 - (1000.0 * 15 / 31), 1e-6);
    }

    [Fact]
    public void DecliningBalance_Annual_MatchesHandVdb()
    {
        // Hand (cost 10,000, salvage 1,000, 5 years, factor 2 -> 40%): 4,000; 2,400; 1,440; 864; then 40% of 1,296
        // would pass salvage, so 296 (straight line 296/1 also). These are Excel's VDB(10000, 1000, 5, y-1, y).
        var plan = Plan(10000, 1000, 60, D(2025, 1, 1), DepreciationMethod.DecliningBalance);
        var s = DepreciationSchedule.Create(plan, PeriodFrequency.Annual);
        Amounts(s).Should().Equal(new[] { 4000.0, 2400, 1440, 864, 296 }, (a, b) => Math.Abs(a - b) < 1e-6);
        for (int y = 1; y <= 5; y++)
        {
            Amounts(s)[y - 1].Should().BeApproximately(Depreciation.Vdb(10000, 1000, 5, y - 1, y), 1e-6);
        }
    }

    [Fact]
    public void DecliningBalance_SwitchesToStraightLine()
    {
        // Hand (1,000, salvage 0, 4 years, 50%): 500, 250, then SL 125 = DB 125, then SL 125 > DB 62.5.
        var s = DepreciationSchedule.Create(Plan(1000, 0, 48, D(2025, 1, 1), DepreciationMethod.DecliningBalance), PeriodFrequency.Annual);
        Amounts(s).Should().Equal(new[] { 500.0, 250, 125, 125 }, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void SumOfYearsDigits_Annual_Hand()
    {
        // Hand: digits 5+4+3+2+1 = 15 over 15,000: 5,000; 4,000; 3,000; 2,000; 1,000; monthly = a twelfth of each.
        var s = DepreciationSchedule.Create(Plan(15000, 0, 60, D(2025, 1, 1), DepreciationMethod.SumOfYearsDigits), PeriodFrequency.Annual);
        Amounts(s).Should().Equal(new[] { 5000.0, 4000, 3000, 2000, 1000 }, (a, b) => Math.Abs(a - b) < 1e-6);
        var monthly = DepreciationSchedule.Create(Plan(15000, 0, 60, D(2025, 1, 1), DepreciationMethod.SumOfYearsDigits));
        ((double)monthly[0].Depreciation.Amount).Should().BeApproximately(5000.0 / 12, 1e-6);
    }

    [Fact]
    public void Quarterly_AlignedToCalendarQuarters()
    {
        var s = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 2, 1)), PeriodFrequency.Quarterly);
        s.Select(p => p.Start).Should().Equal(D(2025, 2, 1), D(2025, 4, 1), D(2025, 7, 1), D(2025, 10, 1), D(2026, 1, 1));
        Amounts(s).Should().Equal(new[] { 200.0, 300, 300, 300, 100 }, (a, b) => Math.Abs(a - b) < 1e-6); // 100 a month
    }

    [Fact]
    public void UsefulLifeChange_Prospective_AmazonSixToFiveYears()
    {
        // Amazon moved a subset of servers from 6 to 5 years on 2025-01-01 (prospectively). Hand: 72,000 in service
        // 2023-01-01 at 1,000 a month; by 2025-01-01 24,000 is depreciated, 48,000 is left for the remaining
        // 60 - 24 = 36 months: 1,333.33 a month, fully depreciated on 2028-01-01; 2024 is not restated.
        var plan = Plan(72000, 0, 72, D(2023, 1, 1)) with { LifeChanges = new[] { new UsefulLifeChange(D(2025, 1, 1), 60) } };
        var s = DepreciationSchedule.Create(plan, PeriodFrequency.Annual);
        Amounts(s).Should().Equal(new[] { 12000.0, 12000, 16000, 16000, 16000 }, (a, b) => Math.Abs(a - b) < 1e-6);
        s.FullyDepreciatedOn.Should().Be(D(2028, 1, 1));
        ((double)s.BookValueAt(D(2026, 1, 1)).Amount).Should().BeApproximately(32000, 1e-6);
        ((double)s.DepreciationBetween(D(2025, 1, 1), D(2025, 2, 1)).Amount).Should().BeApproximately(48000.0 / 36, 1e-6);
        ((double)s.AccumulatedDepreciationAt(D(2025, 1, 1)).Amount).Should().BeApproximately(24000, 1e-6);
    }

    [Fact]
    public void UsefulLifeChange_Longer_StretchesRemainder()
    {
        // Hand: 4 years -> 6 years after 1 year: 36,000 left over 60 months = 600 a month.
        var plan = Plan(48000, 0, 48, D(2020, 1, 1)) with { LifeChanges = new[] { new UsefulLifeChange(D(2021, 1, 1), 72) } };
        var s = DepreciationSchedule.Create(plan);
        ((double)s.DepreciationBetween(D(2021, 1, 1), D(2021, 2, 1)).Amount).Should().BeApproximately(600, 1e-6);
        ((double)s.TotalDepreciation.Amount).Should().BeApproximately(48000, 1e-6);
    }

    [Fact]
    public void UsefulLifeChange_NoLifeLeft_Throws()
    {
        var plan = Plan(48000, 0, 72, D(2020, 1, 1)) with { LifeChanges = new[] { new UsefulLifeChange(D(2023, 1, 1), 36) } };
        var act = () => DepreciationSchedule.Create(plan);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "plan" && e.Message.Contains("leaves no life remaining"));
    }

    [Fact]
    public void BookValueAt_BeforeAndAfterLife()
    {
        var s = DepreciationSchedule.Create(Plan(1000, 100, 12, D(2025, 1, 1)));
        s.BookValueAt(D(2024, 6, 1)).Should().Be(Money.Usd(1000));
        ((double)s.BookValueAt(D(2030, 1, 1)).Amount).Should().BeApproximately(100, 1e-9);
    }

    [Fact]
    public void DepreciationBetween_Reversed_Throws()
    {
        var s = DepreciationSchedule.Create(Plan(1000, 0, 12, D(2025, 1, 1)));
        var act = () => s.DepreciationBetween(D(2025, 3, 1), D(2025, 2, 1));
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "to" && e.Message.Contains("must not be earlier"));
    }

    [Fact]
    public void Validator_NamesEveryBrokenProperty()
    {
        var plan = new DepreciationPlan
        {
            Cost = Money.Usd(-1), Salvage = Money.Eur(5), UsefulLifeMonths = 0, InServiceDate = D(2025, 1, 1),
            DecliningBalanceFactor = 0, Method = (DepreciationMethod)9,
            LifeChanges = new[] { new UsefulLifeChange(D(2026, 1, 1), 10), new UsefulLifeChange(D(2025, 6, 1), 10) },
        };
        var result = new DepreciationPlanValidator().Validate(plan);
        result.Errors.Select(e => e.PropertyName).Should().Contain(new[] { "Cost", "Salvage", "UsefulLifeMonths", "DecliningBalanceFactor", "Method", "LifeChanges" });
        var act = () => DepreciationSchedule.Create(plan);
        act.Should().Throw<ValidationException>().WithMessage("*Cost must be greater than zero*");
    }

    [Fact]
    public void Validator_SalvageAboveCost()
    {
        var result = new DepreciationPlanValidator().Validate(Plan(100, 200, 12, D(2025, 1, 1)));
        result.Errors.Should().ContainSingle(e => e.PropertyName == "Salvage" && e.ErrorMessage.Contains("from zero to the cost"));
    }
}
