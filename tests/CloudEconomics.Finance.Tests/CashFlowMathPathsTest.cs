using CloudEconomics.Finance;
using NodaTime;
using NodaTime.Calendars;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The paths of NPV, XNPV, IRR, XIRR and MIRR not reached by the documentation vectors: the day counter against
/// NodaTime's own day arithmetic (leap and century years, years before 1, other calendars), XNPV beyond the direct
/// path with unsorted dates, refusals with their messages, and MIRR's real-root cases against a naive formula.
/// </summary>
public class CashFlowMathPathsTest
{
    [Fact]
    public void DayNumber_AgreesWithNodaTimeDayDifferences()
    {
        // 0001-01-01 is day 0; every other day is the number of days NodaTime counts from it.
        var origin = new LocalDate(1, 1, 1);
        CashFlowMath.DayNumber(origin).Should().Be(0);
        int[] years = { -400, -101, -100, -1, 0, 1, 4, 100, 1600, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999 };
        foreach (int year in years)
        {
            foreach (int month in new[] { 1, 2, 3, 12 })
            {
                int lastDay = CalendarSystem.Iso.GetDaysInMonth(year, month);
                foreach (int day in new[] { 1, lastDay })
                {
                    var date = new LocalDate(year, month, day);
                    int expected = Period.Between(origin, date, PeriodUnits.Days).Days;
                    CashFlowMath.DayNumber(date).Should().Be(expected, $"{date:uuuu-MM-dd}");
                }
            }
        }
        // A Julian-calendar date is the same day as its ISO equivalent.
        var julian = new LocalDate(2024, 2, 29, CalendarSystem.Julian);
        CashFlowMath.DayNumber(julian).Should().Be(CashFlowMath.DayNumber(julian.WithCalendar(CalendarSystem.Iso)));
    }

    private static double TextbookXnpv(double rate, double[] values, LocalDate[] dates)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int days = Period.Between(dates[0].WithCalendar(CalendarSystem.Iso), dates[i].WithCalendar(CalendarSystem.Iso), PeriodUnits.Days).Days;
            sum += values[i] / Math.Pow(1 + rate, days / 365.0);
        }
        return sum;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    public void Xnpv_AcrossYearAndLeapBoundaries_UnsortedDates(int n)
    {
        // Dates jump back and forth across February, year ends and the 2100 non-leap year; the latest date is in the
        // middle, so the table size must come from the maximum offset, not the last one.
        var first = new LocalDate(2095, 12, 30);
        var values = new double[n];
        var dates = new LocalDate[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = i == 0 ? -5000 : 100 + (i % 9);
            int days = i == 0 ? 0 : i == n / 2 ? 4000 : ((i * 53) % 2900) + (i % 2 == 0 ? 59 : 0);
            dates[i] = first.PlusDays(days);
        }
        foreach (double rate in new[] { -0.5, 0.07, 2.0 })
        {
            double expected = TextbookXnpv(rate, values, dates);
            CashFlowMath.Xnpv(rate, values, dates).Should().BeApproximately(expected, 1e-11 * Math.Max(1, Math.Abs(expected) + 5000), $"rate {rate}, {n} flows");
        }
        // The same flows in the Julian calendar give the same days, hence the same value.
        var julian = dates.Select(d => d.WithCalendar(CalendarSystem.Julian)).ToArray();
        CashFlowMath.Xnpv(0.07, values, julian).Should().BeApproximately(TextbookXnpv(0.07, values, dates), 1e-8);
    }

    [Fact]
    public void Xnpv_YearChangesBackAndForth_DayCounterRecomputesTheYear()
    {
        // Flows alternate between 2023 and 2024 (leap), after February: a stale year start or leap flag would shift
        // days by 365 or 1.
        var dates = new[]
        {
            new LocalDate(2023, 1, 1), new LocalDate(2024, 3, 1), new LocalDate(2023, 3, 1), new LocalDate(2024, 12, 31),
            new LocalDate(2023, 12, 31), new LocalDate(2024, 2, 29),
        };
        double[] values = { -1000, 300, 200, 250, 150, 120 };
        CashFlowMath.Xnpv(0.1, values, dates).Should().BeApproximately(TextbookXnpv(0.1, values, dates), 1e-9);
        double[] big = Enumerable.Range(0, 70).Select(i => i == 0 ? -1000.0 : 20.0 + i).ToArray();
        var bigDates = Enumerable.Range(0, 70).Select(i => i == 0 ? new LocalDate(2023, 1, 1) : dates[1 + (i % 5)]).ToArray();
        CashFlowMath.Xnpv(0.1, big, bigDates).Should().BeApproximately(TextbookXnpv(0.1, big, bigDates), 1e-9);
    }

    [Fact]
    public void Xnpv_Refusals_NameTheFieldAndRule()
    {
        var d = Enumerable.Range(0, 70).Select(i => new LocalDate(2025, 1, 1).PlusDays(i * 10)).ToArray();
        double[] huge = Enumerable.Repeat(1e308, 70).ToArray();
        ((Action)(() => CashFlowMath.Xnpv(0.0, huge, d))).Should().Throw<FinancialCalculationException>().WithMessage("*XNPV*");
        ((Action)(() => CashFlowMath.Xnpv(0.0, huge.AsSpan(0, 3), d.AsSpan(0, 3)))).Should().Throw<FinancialCalculationException>().WithMessage("*XNPV*");
        double[] nan = Enumerable.Repeat(1.0, 70).ToArray();
        nan[66] = double.NaN;
        ((Action)(() => CashFlowMath.Xnpv(0.1, nan, d))).Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("*index 66*");
        var early = (LocalDate[])d.Clone();
        early[67] = new LocalDate(2024, 12, 31);
        ((Action)(() => CashFlowMath.Xnpv(0.1, nan.Select(_ => 1.0).ToArray(), early))).Should().Throw<ArgumentException>().WithParameterName("dates")
            .WithMessage("No date may precede the first date (2025-01-01); the date at index 67 was 2024-12-31.*");
        ((Action)(() => CashFlowMath.Xnpv(0.1, new double[] { 1, 2, 3 }, d.AsSpan(0, 2)))).Should().Throw<ArgumentException>().WithParameterName("dates")
            .WithMessage("There must be one date per cash flow; there were 3 values and 2 dates.*");
        ((Action)(() => CashFlowMath.Xnpv(-1, new double[] { 1 }, d.AsSpan(0, 1)))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
        ((Action)(() => CashFlowMath.Xnpv(0.1, ReadOnlySpan<double>.Empty, ReadOnlySpan<LocalDate>.Empty))).Should().Throw<ArgumentException>().WithParameterName("values");
        // One flow: its own value, whatever the rate.
        CashFlowMath.Xnpv(0.3, new double[] { 42 }, d.AsSpan(0, 1)).Should().Be(42);
    }

    [Fact]
    public void Npv_Refusals_AndExcelExample()
    {
        // Excel's NPV documentation: NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44.
        CashFlowMath.Npv(0.1, new double[] { -10000, 3000, 4200, 6800 }).Should().BeApproximately(1188.44, 0.005);
        ((Action)(() => CashFlowMath.Npv(0.0, new[] { 1e308, 1e308 }))).Should().Throw<FinancialCalculationException>().WithMessage("*NPV*");
        ((Action)(() => CashFlowMath.Npv(0.1, new[] { 1.0, double.PositiveInfinity }))).Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("*index 1*");
        ((Action)(() => CashFlowMath.Npv(0.1, Array.Empty<double>()))).Should().Throw<ArgumentException>().WithParameterName("values");
    }

    [Fact]
    public void Irr_Xirr_NoRootOrOneSign_RefuseWithTheReason()
    {
        // 1 - d + d^2 > 0 for every real d (discriminant -3): both signs, yet no rate.
        double[] noRoot = { 1, -1, 1 };
        ((Action)(() => CashFlowMath.Irr(noRoot))).Should().Throw<FinancialCalculationException>().WithMessage("IRR found no rate above -100%*");
        CashFlowMath.TryIrr(noRoot, out double rate).Should().BeFalse();
        rate.Should().Be(0);
        double[] oneSign = { 1, 2, 3 };
        ((Action)(() => CashFlowMath.Irr(oneSign))).Should().Throw<FinancialCalculationException>().WithMessage("IRR needs at least one positive and one negative*");
        CashFlowMath.TryIrr(oneSign, out rate).Should().BeFalse();
        rate.Should().Be(0);
        // -100 then 110 a period later: 10%.
        CashFlowMath.TryIrr(new double[] { -100, 110 }, out rate).Should().BeTrue();
        rate.Should().BeApproximately(0.1, 1e-12);
        ((Action)(() => CashFlowMath.Irr(new double[] { -1, 2 }, -1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("guess").WithMessage("*greater than -1*");
        ((Action)(() => CashFlowMath.Irr(new double[] { -1, 2 }, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("guess");
        ((Action)(() => CashFlowMath.Irr(new double[] { -1, double.NaN }))).Should().Throw<ArgumentException>().WithParameterName("values");

        var dates = new[] { new LocalDate(2020, 1, 1), new LocalDate(2021, 1, 1), new LocalDate(2022, 1, 1) };
        ((Action)(() => CashFlowMath.Xirr(noRoot, dates))).Should().Throw<FinancialCalculationException>().WithMessage("XIRR found no annual rate*");
        CashFlowMath.TryXirr(noRoot, dates, out rate).Should().BeFalse();
        rate.Should().Be(0);
        ((Action)(() => CashFlowMath.Xirr(oneSign, dates))).Should().Throw<FinancialCalculationException>().WithMessage("XIRR needs at least one positive and one negative*");
        CashFlowMath.TryXirr(oneSign, dates, out rate).Should().BeFalse();
        rate.Should().Be(0);
        // 2021 has 366 days from 2020-01-01 only in 2020 (leap): -100 on 2021-01-01, 121 on 2023-01-01 (730 days): 10%.
        CashFlowMath.TryXirr(new double[] { -100, 121 }, new[] { new LocalDate(2021, 1, 1), new LocalDate(2023, 1, 1) }, out rate).Should().BeTrue();
        rate.Should().BeApproximately(0.1, 1e-10);
        var early = new[] { new LocalDate(2020, 1, 1), new LocalDate(2019, 12, 31), new LocalDate(2022, 1, 1) };
        ((Action)(() => CashFlowMath.Xirr(new double[] { -1, 1, 1 }, early))).Should().Throw<ArgumentException>().WithParameterName("dates").WithMessage("*index 1 was 2019-12-31*");
        ((Action)(() => CashFlowMath.TryXirr(new double[] { 1, 1, 1 }, early, out _))).Should().Throw<ArgumentException>().WithParameterName("dates");
        ((Action)(() => CashFlowMath.Xirr(new double[] { -1, 1 }, dates))).Should().Throw<ArgumentException>().WithParameterName("dates").WithMessage("*2 values and 3 dates*");
    }

    private static double NaiveMirr(double[] v, double finance, double reinvest)
    {
        // Excel: (-FV(positives at reinvest) / PV(negatives at finance))^(1/(n-1)) - 1, real root of a negative base
        // when n - 1 is odd.
        int n = v.Length;
        double fvPositive = 0, pvNegative = 0;
        for (int i = 0; i < n; i++)
        {
            if (v[i] > 0)
            {
                fvPositive += v[i] * Math.Pow(1 + reinvest, n - 1 - i);
            }
            else
            {
                pvNegative += v[i] / Math.Pow(1 + finance, i);
            }
        }
        double ratio = -fvPositive / pvNegative;
        return (Math.Sign(ratio) * Math.Pow(Math.Abs(ratio), 1.0 / (n - 1))) - 1;
    }

    [Theory]
    [InlineData(new double[] { -120000, 39000, 30000, 21000, 37000, 46000 }, 0.10, 0.12)]
    [InlineData(new double[] { -100, 50, 80, 10 }, 0.1, -2.5)]
    [InlineData(new double[] { -100, 50, 80, 10 }, -1.5, -2.5)]
    [InlineData(new double[] { -100, 50, -80, 10, 30, 40 }, -3, -1.2)]
    [InlineData(new double[] { 100, -50 }, 0.1, 0.2)]
    [InlineData(new double[] { 100, -50 }, 0.1, -3)]
    [InlineData(new double[] { -100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300 }, 0.05, 0.05)]
    public void Mirr_MatchesExcelsFormula(double[] values, double finance, double reinvest)
    {
        double expected = NaiveMirr(values, finance, reinvest);
        CashFlowMath.Mirr(values, finance, reinvest).Should().BeApproximately(expected, 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Mirr_Refusals()
    {
        // Even root (n - 1 = 2) of a negative ratio: growth -1 (reinvest -2) squared is positive, so 1 + reinvest < 0
        // alone does not make the ratio negative; a negative finance factor with an odd power of it does.
        ((Action)(() => CashFlowMath.Mirr(new double[] { -100, 50, 80 }, -2.5, 0.1))).Should().NotThrow();
        // Finance rate -125%: 1 / (1 + f) = -4, PV of outflows -100 + (-50)(-4) = +100, so the ratio is negative.
        ((Action)(() => CashFlowMath.Mirr(new double[] { -100, -50, 80 }, -1.25, 0.1))).Should().Throw<FinancialCalculationException>().WithMessage("*no real result*#NUM!*");
        ((Action)(() => CashFlowMath.Mirr(new double[] { 1, 2, 3 }, 0.1, 0.1))).Should().Throw<FinancialCalculationException>().WithMessage("*at least one positive and one negative*#DIV/0!*");
        ((Action)(() => CashFlowMath.Mirr(new double[] { -1, -2 }, 0.1, 0.1))).Should().Throw<FinancialCalculationException>().WithMessage("*#DIV/0!*");
        ((Action)(() => CashFlowMath.Mirr(new double[] { -1, double.NaN, 1 }, 0.1, 0.1))).Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("*index 1*");
        // (1 + 1e300) (1e300 / 1e-300 at the first power) overflows.
        ((Action)(() => CashFlowMath.Mirr(new double[] { -1e-300, 1e300 }, 0.0, 1e300))).Should().Throw<FinancialCalculationException>().WithMessage("*MIRR*");
    }
}
