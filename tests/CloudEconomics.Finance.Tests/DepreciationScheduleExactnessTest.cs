using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>The schedule's decimal results (exact sums) and the expensed remainder of an outlived life.</summary>
public class DepreciationScheduleExactnessTest
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Periods_SumExactlyToCostLessSalvage_WhenThirdsDoNotTerminate()
    {
        // Hand: 1,000 less salvage 100 over 7 months = 128.571428... a month, a fraction with no finite decimal. Each
        // period is a difference of accumulated depreciation, and the last one ends at exactly 900, so the periods
        // add up to 900 exactly (not 899.99999...), and the book value ends at exactly 100.
        var s = DepreciationSchedule.Create(new DepreciationPlan
        {
            Cost = Money.Usd(1000m), Salvage = Money.Usd(100m), InServiceDate = D(2025, 3, 1), UsefulLifeMonths = 7,
        });
        s.Count.Should().Be(7);
        s.TotalDepreciation.Should().Be(Money.Usd(900m));
        s[^1].BookValue.Should().Be(Money.Usd(100m));
        s[^1].AccumulatedDepreciation.Should().Be(Money.Usd(900m));
        s[0].Depreciation.Amount.Should().BeApproximately(900m / 7m, 1e-10m);
        s.DepreciationBetween(D(2025, 3, 1), D(2025, 10, 1)).Should().Be(Money.Usd(900m));
        s.BookValueAt(D(2025, 3, 1)).Should().Be(Money.Usd(1000m));
    }

    [Fact]
    public void OutlivedLife_ExpenseRemainder_ExpensesBookValueOnTheEffectiveDate()
    {
        // Hand: 600 in service 2019-07-01 over 72 months = 8.333... a month. On 2025-01-01, 66 months have elapsed
        // (Jul 2019 - Dec 2024): 66 x 600 / 72 = 550 depreciated, book value 50. The life is cut to 60 months, which
        // the asset has already outlived: the 50 left is expensed on 2025-01-01, in January 2025's period.
        var plan = new DepreciationPlan
        {
            Cost = Money.Usd(600m), InServiceDate = D(2019, 7, 1), UsefulLifeMonths = 72,
            LifeChanges = [new UsefulLifeChange(D(2025, 1, 1), 60)],
            OutlivedLife = OutlivedLifeTreatment.ExpenseRemainder,
        };
        var s = DepreciationSchedule.Create(plan);
        s.FullyDepreciatedOn.Should().Be(D(2025, 1, 2));
        s[^1].Start.Should().Be(D(2025, 1, 1));
        s[^1].End.Should().Be(D(2025, 1, 1));
        s[^1].Depreciation.Amount.Should().BeApproximately(50m, 1e-9m);
        s[^2].Depreciation.Amount.Should().BeApproximately(600m / 72m, 1e-9m);
        s.BookValueAt(D(2025, 1, 1)).Amount.Should().BeApproximately(50m, 1e-9m);
        s.BookValueAt(D(2025, 1, 2)).Should().Be(Money.Usd(0m));
        s.TotalDepreciation.Should().Be(Money.Usd(600m));

        // The default rejects the same change.
        var act = () => DepreciationSchedule.Create(plan with { OutlivedLife = OutlivedLifeTreatment.Reject });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "plan" && e.Message.Contains("leaves no life remaining"));
    }

    [Theory]
    [InlineData(4.5, 54)]
    [InlineData(6.0, 72)]
    public void InYears_ConvertsToMonths(double years, int months)
        => UsefulLifeChange.InYears(D(2025, 1, 1), years).UsefulLifeMonths.Should().Be(months);

    [Fact]
    public void InYears_RejectsPartMonths()
    {
        // 4.1 years = 49.2 months: not a whole number of months.
        var act = () => UsefulLifeChange.InYears(D(2025, 1, 1), 4.1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "usefulLifeYears" && e.Message.Contains("whole number of months"));
    }
}
