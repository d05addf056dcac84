using System.Collections;
using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Each rule of <see cref="DepreciationSchedule"/> pinned by a hand-computed case: guards and their messages, the
/// boundaries of life changes, short final years, calendar alignment, month-end in-service dates and the rows.
/// </summary>
public class DepreciationScheduleRulesTest
{
    private const double Tol = 1e-9;

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static DepreciationPlan Plan(decimal cost, decimal? salvage, int months, LocalDate start, DepreciationMethod method = DepreciationMethod.StraightLine) =>
        new() { Cost = Money.Usd(cost), Salvage = salvage is null ? null : Money.Usd(salvage.Value), UsefulLifeMonths = months, InServiceDate = start, Method = method };

    private static double[] Amounts(DepreciationSchedule s) => s.Select(p => (double)p.Depreciation.Amount).ToArray();

    private static void ShouldBe(double[] actual, params double[] expected) =>
        actual.Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-9 * Math.Max(1, Math.Abs(b)));

    // ---- guards ---------------------------------------------------------------------------------------------

    [Fact]
    public void Create_NullPlan_ThrowsNamingPlan()
    {
        var act = () => DepreciationSchedule.Create(null!);
        act.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "plan");
    }

    [Fact]
    public void Create_UndefinedReporting_ThrowsNamingReporting()
    {
        var act = () => DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 1, 1)), (PeriodFrequency)5);
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "reporting" && e.Message.Contains("Frequency must be Monthly, Quarterly, SemiAnnual or Annual; it was 5."));
    }

    [Fact]
    public void DepreciationBetween_SameDate_IsZero_AndReversedMessageNamesBothDates()
    {
        var s = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 1, 1)));
        s.DepreciationBetween(D(2025, 3, 1), D(2025, 3, 1)).Should().Be(Money.Usd(0m));
        var act = () => s.DepreciationBetween(D(2025, 3, 1), D(2025, 2, 1));
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "to")
            .Which.Message.Should().StartWith("End date must not be earlier than the start date; 2025-02-01 is before 2025-03-01.");
        // Hand: 100 a month; from before the in-service date to after the life = the whole 1,200, exactly.
        s.DepreciationBetween(D(2020, 1, 1), D(2030, 1, 1)).Should().Be(Money.Usd(1200m));
        ((double)s.DepreciationBetween(D(2025, 2, 1), D(2025, 5, 1)).Amount).Should().BeApproximately(300, Tol);
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    [Fact]
    public void Rows_Quarterly_WithSalvage_OpenClosePropertiesChain()
    {
        // Hand: 1,200 less salvage 200 over 10 months from 1 Feb 2025 = 100 a month. Calendar quarters: Feb-Mar 200,
        // Q2 300, Q3 300, Oct-Nov 200. Accumulated 200, 500, 800, 1,000; book value 1,000, 700, 400, 200.
        var s = DepreciationSchedule.Create(Plan(1200, 200, 10, D(2025, 2, 1)), PeriodFrequency.Quarterly);
        s.Count.Should().Be(4);
        ShouldBe(Amounts(s), 200, 300, 300, 200);
        ShouldBe(s.Select(p => (double)p.AccumulatedDepreciation.Amount).ToArray(), 200, 500, 800, 1000);
        ShouldBe(s.Select(p => (double)p.BookValue.Amount).ToArray(), 1000, 700, 400, 200);
        s.Select(p => p.Start).Should().Equal(D(2025, 2, 1), D(2025, 4, 1), D(2025, 7, 1), D(2025, 10, 1));
        s.Select(p => p.End).Should().Equal(D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 11, 30));
        s.FullyDepreciatedOn.Should().Be(D(2025, 12, 1));
        s.TotalDepreciation.Should().Be(Money.Usd(1000m));
        s[^1].BookValue.Should().Be(Money.Usd(200m));

        // Exact (decimal) bookkeeping in every row: book = cost - accumulated, accumulated = running sum.
        decimal running = 0m;
        foreach (var p in s)
        {
            running += p.Depreciation.Amount;
            p.AccumulatedDepreciation.Amount.Should().Be(running);
            p.BookValue.Amount.Should().Be(1200m - p.AccumulatedDepreciation.Amount);
            s.BookValueAt(p.End.PlusDays(1)).Should().Be(p.BookValue);
            s.AccumulatedDepreciationAt(p.End.PlusDays(1)).Should().Be(p.AccumulatedDepreciation);
        }
    }

    [Fact]
    public void Enumerators_AndIndexer_ReturnThePeriodsInOrder()
    {
        var s = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 1, 1)), PeriodFrequency.Quarterly);
        var viaObject = new List<object>();
        foreach (var o in (IEnumerable)s)
        {
            viaObject.Add(o);
        }
        viaObject.Should().HaveCount(4);
        viaObject.Cast<DepreciationPeriod>().Should().Equal(s[0], s[1], s[2], s[3]);
        s[2].Start.Should().Be(D(2025, 7, 1));
        s.Plan.UsefulLifeMonths.Should().Be(12);
    }

    [Theory]
    [InlineData(DepreciationMethod.StraightLine)]
    [InlineData(DepreciationMethod.DecliningBalance)]
    [InlineData(DepreciationMethod.SumOfYearsDigits)]
    public void SalvageEqualToCost_DepreciatesNothing(DepreciationMethod method)
    {
        // Hand: nothing depreciable; 12 monthly rows of zero, book value stays 500.
        var s = DepreciationSchedule.Create(Plan(500, 500, 12, D(2025, 1, 1), method));
        s.Count.Should().Be(12);
        s.Should().OnlyContain(p => p.Depreciation.Amount == 0m && p.BookValue.Amount == 500m && p.AccumulatedDepreciation.Amount == 0m);
        s.TotalDepreciation.Should().Be(Money.Usd(0m));
        s.BookValueAt(D(2025, 6, 15)).Should().Be(Money.Usd(500m));
    }

    [Theory]
    [InlineData(DepreciationMethod.StraightLine)]
    [InlineData(DepreciationMethod.DecliningBalance)]
    [InlineData(DepreciationMethod.SumOfYearsDigits)]
    public void NoSalvage_TotalIsCost_BookValueEndsAtZero(DepreciationMethod method)
    {
        var s = DepreciationSchedule.Create(Plan(7000, null, 42, D(2025, 5, 9), method));
        s.TotalDepreciation.Should().Be(Money.Usd(7000m));
        s[^1].BookValue.Should().Be(Money.Usd(0m));
        s[^1].AccumulatedDepreciation.Should().Be(Money.Usd(7000m));
        s.FullyDepreciatedOn.Should().Be(D(2028, 11, 9));
        s[^1].End.Should().Be(D(2028, 11, 8));
        s.Should().OnlyContain(p => p.Depreciation.Amount >= 0m);
    }

    // ---- short lives and short final years ----------------------------------------------------------------

    [Fact]
    public void LifeOfOneMonth_MidMonthStart_SplitsByDays()
    {
        // Hand: the one life-month runs 15 Jan to 15 Feb (31 days): January carries 17 days, February 14.
        var s = DepreciationSchedule.Create(Plan(100, 0, 1, D(2025, 1, 15)));
        s.Count.Should().Be(2);
        ShouldBe(Amounts(s), 100.0 * 17 / 31, 100.0 * 14 / 31);
        s[0].End.Should().Be(D(2025, 1, 31));
        s[1].Start.Should().Be(D(2025, 2, 1));
        s[1].End.Should().Be(D(2025, 2, 14));
        s.FullyDepreciatedOn.Should().Be(D(2025, 2, 15));
        s.TotalDepreciation.Should().Be(Money.Usd(100m));
    }

    [Fact]
    public void StraightLine_18Months_ShortLastYearKeepsTheMonthlyRate()
    {
        // Hand: 1,800 over 18 months = 100 a month; year 1 1,200, the half year 600 over its 6 months.
        var monthly = DepreciationSchedule.Create(Plan(1800, 0, 18, D(2025, 1, 1)));
        monthly.Count.Should().Be(18);
        Amounts(monthly).Should().OnlyContain(a => Math.Abs(a - 100) < Tol);
        var annual = DepreciationSchedule.Create(Plan(1800, 0, 18, D(2025, 1, 1)), PeriodFrequency.Annual);
        ShouldBe(Amounts(annual), 1200, 600);
        annual[1].End.Should().Be(D(2026, 6, 30));
    }

    [Fact]
    public void SumOfYearsDigits_18Months_ShortYearDigitsAreTheYearsLeft()
    {
        // Hand: life 1.5 years; digits 1.5 (x a full year) and 0.5 (x half a year) = 1.5 + 0.25 = 1.75. Depreciable
        // 1,850 - 100 = 1,750: year 1 1,750 x 1.5/1.75 = 1,500 (125 a month), the half year 250 (41.67 a month).
        var annual = DepreciationSchedule.Create(Plan(1850, 100, 18, D(2025, 1, 1), DepreciationMethod.SumOfYearsDigits), PeriodFrequency.Annual);
        ShouldBe(Amounts(annual), 1500, 250);
        ShouldBe(annual.Select(p => (double)p.BookValue.Amount).ToArray(), 350, 100);
        var monthly = DepreciationSchedule.Create(Plan(1850, 100, 18, D(2025, 1, 1), DepreciationMethod.SumOfYearsDigits));
        Amounts(monthly).Take(12).Should().OnlyContain(a => Math.Abs(a - 125) < Tol);
        Amounts(monthly).Skip(12).Should().OnlyContain(a => Math.Abs(a - (250.0 / 6)) < Tol);
    }

    [Fact]
    public void DecliningBalance_30Months_Factor1_5_SwitchesAndProratesTheHalfYear()
    {
        // Hand: life 2.5 years, factor 1.5 -> rate 0.6. Year 1: DB 600 > SL 1,000/2.5 = 400 -> 600 (book 400).
        // Year 2: DB 240 < SL 400/1.5 = 266.67 -> switch to straight line at 266.67 a year. Half year: 133.33.
        var plan = Plan(1000, 0, 30, D(2025, 1, 1), DepreciationMethod.DecliningBalance) with { DecliningBalanceFactor = 1.5 };
        var annual = DepreciationSchedule.Create(plan, PeriodFrequency.Annual);
        ShouldBe(Amounts(annual), 600, 800.0 / 3, 400.0 / 3);
        var monthly = DepreciationSchedule.Create(plan);
        monthly.Count.Should().Be(30);
        ((double)monthly[0].Depreciation.Amount).Should().BeApproximately(50, Tol);
        Amounts(monthly).Skip(12).Should().OnlyContain(a => Math.Abs(a - (800.0 / 36)) < Tol); // 266.67 / 12 = 133.33 / 6
    }

    [Fact]
    public void DecliningBalance_SalvageStopsTheDecline()
    {
        // Hand: 1,000, salvage 300, 3 years, factor 2 (rate 2/3). Year 1: DB = min(666.67, 1,000 - 300 = 700) =
        // 666.67 vs SL 700/3 = 233.33 -> 666.67 (book 333.33). Year 2: 2/3 of the book (222.22) would pass salvage, so
        // DB = 333.33 - 300 = 33.33 vs SL 33.33/2 = 16.67 -> 33.33. Year 3: nothing left.
        var s = DepreciationSchedule.Create(Plan(1000, 300, 36, D(2025, 1, 1), DepreciationMethod.DecliningBalance), PeriodFrequency.Annual);
        ShouldBe(Amounts(s), 2000.0 / 3, 100.0 / 3, 0);
        s[^1].BookValue.Should().Be(Money.Usd(300m));
    }

    // ---- calendar alignment -------------------------------------------------------------------------------

    [Fact]
    public void SemiAnnualAndAnnual_MidYearStart_AlignToCalendar()
    {
        // Hand: 2,400 over 24 months from 1 Sep 2025 = 100 a month.
        var semi = DepreciationSchedule.Create(Plan(2400, 0, 24, D(2025, 9, 1)), PeriodFrequency.SemiAnnual);
        // Hand: fully depreciated on 1 Sep 2027; half-years Sep-Dec 2025 (4 months), three full ones, Jul-Aug 2027.
        semi.Select(p => p.Start).Should().Equal(D(2025, 9, 1), D(2026, 1, 1), D(2026, 7, 1), D(2027, 1, 1), D(2027, 7, 1));
        semi.Select(p => p.End).Should().Equal(D(2025, 12, 31), D(2026, 6, 30), D(2026, 12, 31), D(2027, 6, 30), D(2027, 8, 31));
        ShouldBe(Amounts(semi), 400, 600, 600, 600, 200);
        var annual = DepreciationSchedule.Create(Plan(2400, 0, 24, D(2025, 9, 1)), PeriodFrequency.Annual);
        ShouldBe(Amounts(annual), 400, 1200, 800);

        // A June start is in the first half: its first half-year period is June alone.
        var june = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 6, 1)), PeriodFrequency.SemiAnnual);
        june.Select(p => p.End).Should().Equal(D(2025, 6, 30), D(2025, 12, 31), D(2026, 5, 31));
        ShouldBe(Amounts(june), 100, 600, 500);

        // A March start is in the first quarter: its first period is March alone.
        var march = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 3, 1)), PeriodFrequency.Quarterly);
        march[0].End.Should().Be(D(2025, 3, 31));
        ((double)march[0].Depreciation.Amount).Should().BeApproximately(100, Tol);
    }

    // ---- life elapsed from a month-end in-service date ------------------------------------------------------

    [Fact]
    public void MonthEndStart_LifeMonthsFollowNodaTimeTruncation()
    {
        // Hand: in service 31 Jan; life-months end on 28 Feb (Jan 31 + 1 month, truncated), 31 Mar, 30 Apr, ...
        // On 15 Mar one whole month (to 28 Feb) and 15 of the 31 days from 28 Feb to 31 Mar have elapsed.
        LocalDate start = D(2025, 1, 31);
        DepreciationSchedule.LifeElapsed(start, D(2025, 3, 15), double.PositiveInfinity).Should().BeApproximately(1 + (15.0 / 31), 1e-12);
        DepreciationSchedule.LifeElapsed(start, D(2025, 2, 28), double.PositiveInfinity).Should().Be(1);
        DepreciationSchedule.LifeElapsed(start, D(2025, 2, 14), double.PositiveInfinity).Should().BeApproximately(14.0 / 28, 1e-12);
        DepreciationSchedule.LifeElapsed(start, D(2025, 1, 31), double.PositiveInfinity).Should().Be(0);
        DepreciationSchedule.LifeElapsed(start, D(2024, 12, 1), double.PositiveInfinity).Should().Be(0);
        DepreciationSchedule.LifeElapsed(start, D(2031, 5, 17), 12).Should().Be(12);
        DepreciationSchedule.LifeElapsed(start, D(2026, 1, 15), 12).Should().Be(11 + (15.0 / 31)); // 31 Dec + 15 of 31 days

        // 1,200 over 12 months = 100 a life-month: January holds 1 of the 28 days of the first life-month.
        var s = DepreciationSchedule.Create(Plan(1200, 0, 12, start));
        ((double)s[0].Depreciation.Amount).Should().BeApproximately(100.0 / 28, Tol);
        ((double)s.AccumulatedDepreciationAt(D(2025, 3, 15)).Amount).Should().BeApproximately(100 * (1 + (15.0 / 31)), Tol);
        ((double)s.BookValueAt(D(2025, 3, 15)).Amount).Should().BeApproximately(1200 - (100 * (1 + (15.0 / 31))), Tol);
        s.FullyDepreciatedOn.Should().Be(D(2026, 1, 31));
    }

    // ---- life changes at the boundaries -------------------------------------------------------------------

    [Fact]
    public void LifeChange_ExactlyAtEndOfLife_OrLater_IsIgnored()
    {
        // The asset is fully depreciated on 1 Jan 2026: a change then or later has nothing to act on, whether it
        // shortens (no rejection) or lengthens (no extra life) the life.
        foreach (var change in new[]
                 {
                     new UsefulLifeChange(D(2026, 1, 1), 6), new UsefulLifeChange(D(2026, 1, 1), 24),
                     new UsefulLifeChange(D(2027, 3, 1), 6), new UsefulLifeChange(D(2027, 3, 1), 60),
                 })
        {
            var s = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 1, 1)) with { LifeChanges = [change] });
            s.FullyDepreciatedOn.Should().Be(D(2026, 1, 1));
            s.Count.Should().Be(12);
            Amounts(s).Should().OnlyContain(a => Math.Abs(a - 100) < Tol);
        }
    }

    [Fact]
    public void LifeChange_NewLifeEqualToElapsed_IsOutlived()
    {
        // Hand: 6 months of 12 elapsed on 1 Jul 2025 (600 depreciated); a new life of exactly 6 months leaves none.
        var plan = Plan(1200, 0, 12, D(2025, 1, 1)) with { LifeChanges = [new UsefulLifeChange(D(2025, 7, 1), 6)] };
        var act = () => DepreciationSchedule.Create(plan);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "plan")
            .Which.Message.Should().StartWith("A useful life of 6 months effective 2025-07-01 leaves no life remaining: 6 months have already elapsed.");

        var expensed = DepreciationSchedule.Create(plan with { OutlivedLife = OutlivedLifeTreatment.ExpenseRemainder });
        expensed.FullyDepreciatedOn.Should().Be(D(2025, 7, 2));
        expensed.Count.Should().Be(7);
        expensed[^1].Start.Should().Be(D(2025, 7, 1));
        ((double)expensed[^1].Depreciation.Amount).Should().BeApproximately(600, Tol);
        ((double)expensed.BookValueAt(D(2025, 7, 1)).Amount).Should().BeApproximately(600, Tol);
        expensed.TotalDepreciation.Should().Be(Money.Usd(1200m));

        // One month more than elapsed is a month of life: 600 over 1 month, done on 1 Aug.
        var oneLeft = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 1, 1)) with { LifeChanges = [new UsefulLifeChange(D(2025, 7, 1), 7)] });
        oneLeft.FullyDepreciatedOn.Should().Be(D(2025, 8, 1));
        ((double)oneLeft[^1].Depreciation.Amount).Should().BeApproximately(600, Tol);
    }

    [Fact]
    public void LifeChange_Rejected_MessageShowsFractionalMonthsElapsed()
    {
        // Hand: on 16 Jul 2025, 6 months and 15 of July's 31 days have elapsed: 6.4839 -> "6.48".
        var plan = Plan(1200, 0, 12, D(2025, 1, 1)) with { LifeChanges = [new UsefulLifeChange(D(2025, 7, 16), 5)] };
        var act = () => DepreciationSchedule.Create(plan);
        act.Should().Throw<ArgumentException>()
            .Which.Message.Should().StartWith("A useful life of 5 months effective 2025-07-16 leaves no life remaining: 6.48 months have already elapsed.");
    }

    [Fact]
    public void ExpenseRemainder_DoesNotTouchAChangeThatLeavesLife()
    {
        // Hand: 600 left on 1 Jul 2025, new life 18 months -> 12 months remain: 50 a month to 1 Jul 2026.
        var plan = Plan(1200, 0, 12, D(2025, 1, 1)) with
        {
            LifeChanges = [new UsefulLifeChange(D(2025, 7, 1), 18)],
            OutlivedLife = OutlivedLifeTreatment.ExpenseRemainder,
        };
        var s = DepreciationSchedule.Create(plan);
        s.FullyDepreciatedOn.Should().Be(D(2026, 7, 1));
        s.Count.Should().Be(18);
        ShouldBe(Amounts(s), [.. Enumerable.Repeat(100.0, 6), .. Enumerable.Repeat(50.0, 12)]);
    }

    [Fact]
    public void ExpenseRemainder_FirstOutlivedChangeWins_LaterChangesIgnored()
    {
        // Hand: on 1 Jul 2025 (6 elapsed) the life is cut to 3 months: the 600 left is expensed that day. A later
        // change (1 Sep, 4 months, also outlived; or 1 Sep, 36 months) has nothing left to act on.
        foreach (var later in new[] { new UsefulLifeChange(D(2025, 9, 1), 4), new UsefulLifeChange(D(2025, 9, 1), 36) })
        {
            var plan = Plan(1200, 0, 12, D(2025, 1, 1)) with
            {
                LifeChanges = [new UsefulLifeChange(D(2025, 7, 1), 3), later],
                OutlivedLife = OutlivedLifeTreatment.ExpenseRemainder,
            };
            var s = DepreciationSchedule.Create(plan);
            s.FullyDepreciatedOn.Should().Be(D(2025, 7, 2));
            ((double)s[^1].Depreciation.Amount).Should().BeApproximately(600, Tol);
            s.BookValueAt(D(2025, 12, 1)).Should().Be(Money.Usd(0m));
        }
    }

    [Fact]
    public void LifeChange_MidMonth_WithSalvage_DepreciatesTheBookValueLeftOverTheRemainingLife()
    {
        // Hand: 1,300 less salvage 100 over 12 months = 100 a month. On 16 Apr 2025, 3 months and 15 of April's 30
        // days (3.5 months) have elapsed: 350 depreciated, book value 950, 850 above salvage. The new life of 24
        // months leaves 20.5 months: 850 / 20.5 = 41.4634 a month. April: 50 + 20.73; May: 41.46.
        var plan = Plan(1300, 100, 12, D(2025, 1, 1)) with { LifeChanges = [new UsefulLifeChange(D(2025, 4, 16), 24)] };
        var s = DepreciationSchedule.Create(plan);
        double perMonth = 850 / 20.5;
        ((double)s.BookValueAt(D(2025, 4, 16)).Amount).Should().BeApproximately(950, Tol);
        ((double)s[3].Depreciation.Amount).Should().BeApproximately(50 + (perMonth / 2), Tol);
        ((double)s[4].Depreciation.Amount).Should().BeApproximately(perMonth, Tol);
        ((double)s.DepreciationBetween(D(2025, 4, 16), D(2026, 4, 16)).Amount).Should().BeApproximately(12 * perMonth, Tol);
        ((double)s[^1].Depreciation.Amount).Should().BeApproximately(perMonth, Tol);
        s.FullyDepreciatedOn.Should().Be(D(2027, 1, 1));
        s.Count.Should().Be(24);
        s[^1].BookValue.Should().Be(Money.Usd(100m));
        s.TotalDepreciation.Should().Be(Money.Usd(1200m));
    }

    [Fact]
    public void TwoLifeChanges_SecondActsOnTheFirstsSchedule()
    {
        // Hand: 1,200 over 12 months from 1 Jan 2025 (100 a month). 1 Apr: life 24 -> 900 over 21 months = 42.857.
        // 1 Nov (10 elapsed): 300 + 7 x 900/21 = 600 depreciated; life 18 -> 600 over 8 months = 75 a month.
        var plan = Plan(1200, 0, 12, D(2025, 1, 1)) with
        {
            LifeChanges = [new UsefulLifeChange(D(2025, 4, 1), 24), new UsefulLifeChange(D(2025, 11, 1), 18)],
        };
        var s = DepreciationSchedule.Create(plan);
        s.Count.Should().Be(18);
        ShouldBe(Amounts(s), [.. Enumerable.Repeat(100.0, 3), .. Enumerable.Repeat(900.0 / 21, 7), .. Enumerable.Repeat(75.0, 8)]);
        s.FullyDepreciatedOn.Should().Be(D(2026, 7, 1));

        // A change after the original 12 months but inside the extended 24 still acts: 1 Mar 2026 (14 elapsed,
        // 300 + 11 x 900/21 = 771.43 depreciated), life 20 -> 428.57 over 6 months = 71.43 a month.
        var later = DepreciationSchedule.Create(Plan(1200, 0, 12, D(2025, 1, 1)) with
        {
            LifeChanges = [new UsefulLifeChange(D(2025, 4, 1), 24), new UsefulLifeChange(D(2026, 3, 1), 20)],
        });
        later.FullyDepreciatedOn.Should().Be(D(2026, 9, 1));
        ((double)later[^1].Depreciation.Amount).Should().BeApproximately((1200 - 300 - (11 * 900.0 / 21)) / 6, Tol);
    }

    [Fact]
    public void SumOfYearsDigits_LifeChange_RestartsTheDigitsOnTheBookValueLeft()
    {
        // Hand: SYD 600 over 3 years: digits 3, 2, 1 -> 300, 200, 100. On 1 Jan 2026 (1 year elapsed) the life
        // becomes 4 years: 300 left over 3 years, as a new asset: 150, 100, 50.
        var plan = Plan(600, 0, 36, D(2025, 1, 1), DepreciationMethod.SumOfYearsDigits) with { LifeChanges = [new UsefulLifeChange(D(2026, 1, 1), 48)] };
        var s = DepreciationSchedule.Create(plan, PeriodFrequency.Annual);
        ShouldBe(Amounts(s), 300, 150, 100, 50);
        s.FullyDepreciatedOn.Should().Be(D(2029, 1, 1));
    }
}
