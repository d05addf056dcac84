using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The fast paths of XNPV (one exponential per flow up to 64 flows) and RATE (safeguarded Newton when the rate is
/// provably unique) against independent values: the textbook sum with Math.Pow, a published mortgage payment, the
/// defining equation, and a two-root case where the guess must still choose the root as Excel's Newton does.
/// </summary>
public class FinanceFastPathsTest
{
    private static (double[] Values, LocalDate[] Dates) Flows(int n)
    {
        var start = new LocalDate(2024, 2, 29);
        var values = new double[n];
        var dates = new LocalDate[n];
        for (int i = 0; i < n; i++)
        {
            dates[i] = start.PlusDays((i * 37) + (i * i % 11));
            values[i] = i == 0 ? -10_000 : 400 + (13 * (i % 7));
        }
        return (values, dates);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Xnpv_EitherPath_MatchesTheTextbookSum(int n)
    {
        var (values, dates) = Flows(n);
        foreach (double rate in new[] { -0.5, 0.0, 0.09, 3.0 })
        {
            double expected = 0;
            for (int i = 0; i < n; i++)
            {
                expected += values[i] / Math.Pow(1 + rate, (dates[i].ToDateTimeUnspecified() - dates[0].ToDateTimeUnspecified()).TotalDays / 365.0);
            }
            CashFlowMath.Xnpv(rate, values, dates).Should().BeApproximately(expected, 1e-11 * Math.Max(1, Math.Abs(expected)), $"rate {rate}, {n} flows");
        }
    }

    [Fact]
    public void Xnpv_SmallInput_DateBeforeFirst_IsRejected()
    {
        var act = () => CashFlowMath.Xnpv(0.1, new double[] { -100, 50, 60 }, new[] { new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 1), new LocalDate(2024, 12, 31) });
        act.Should().Throw<ArgumentException>().WithParameterName("dates").WithMessage("*index 2 was 2024-12-31*");
    }

    [Fact]
    public void Xnpv_SmallInput_NonFiniteValue_IsRejected()
    {
        var act = () => CashFlowMath.Xnpv(0.1, new double[] { -100, double.NaN }, new[] { new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 1) });
        act.Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("*index 1*");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.5)]
    [InlineData(5.0)]
    public void Rate_Mortgage_AnyGuess(double guess)
    {
        // A 30-year 250,000 loan at 6.5% a year (0.065/12 a month) costs 1,580.17 a month (standard amortisation
        // tables); the payment is rounded to cents, so the rate is 0.065/12 to about 1e-8.
        CashFlowMath.Rate(360, -1580.17, 250_000, 0, PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(0.065 / 12, 2e-8);
    }

    [Theory]
    [InlineData(12, -100, 1000, 0, PaymentTiming.BeginningOfPeriod)]
    [InlineData(10, -9, 100, 0, PaymentTiming.EndOfPeriod)]          // repays less than borrowed: a negative rate
    [InlineData(60, -250, 10_000, -2_000, PaymentTiming.EndOfPeriod)] // a balloon at the end
    [InlineData(1, -110, 100, 0, PaymentTiming.EndOfPeriod)]
    [InlineData(600, -1, 40, 0, PaymentTiming.BeginningOfPeriod)]
    public void Rate_UniqueRoot_SolvesTheDefiningEquation(double n, double pmt, double pv, double fv, PaymentTiming timing)
    {
        double t = timing == PaymentTiming.BeginningOfPeriod ? 1 : 0;
        double r = CashFlowMath.Rate(n, pmt, pv, fv, timing);
        // pv (1+r)^n + pmt (1 + r t) ((1+r)^n - 1) / r + fv = 0, relative to the largest term.
        double g = Math.Pow(1 + r, n);
        double residual = (pv * g) + (pmt * (1 + (r * t)) * (g - 1) / r) + fv;
        double scale = Math.Max(Math.Abs(pv * g), Math.Abs(pmt * n * g));
        Math.Abs(residual / scale).Should().BeLessThan(1e-12, $"rate {r}");
    }

    [Theory]
    [InlineData(0.05, 0.1)]
    [InlineData(0.25, 0.2)]
    public void Rate_TwoRoots_TheGuessChooses(double guess, double expected)
    {
        // -100 x^2 + 230 x - 132 = 0 (x = 1 + r) has the roots x = 1.1 and 1.2: as RATE, pv = -100, pmt = 230 and
        // pmt + fv = -132 (fv = -362). Two sign changes, so Newton from the guess decides, as in Excel.
        CashFlowMath.Rate(2, 230, -100, -362, PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(expected, 1e-12);
    }
}
