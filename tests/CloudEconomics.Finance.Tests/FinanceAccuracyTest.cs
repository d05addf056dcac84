using System.Globalization;
using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Accuracy beyond the spreadsheet: IPMT, PPMT, FV, PV and loan schedules (lines and CUMIPMT-style totals) against an
/// exact-arithmetic oracle, Excel's own definitions evaluated in rationals (<see cref="ExactRational"/>) on the very
/// doubles passed in, within 1e-9 of the loan's size in every case, including high rates over many periods where the
/// textbook double-precision formula (LibreOffice's, and this library's before issue 14) loses every digit.
/// </summary>
public class FinanceAccuracyTest
{
    private const double Tolerance = 1e-9;

    // ---- Excel's definitions, exact ----

    private static ExactRational Growth(ExactRational r, int n) => (ExactRational.One + r).Pow(n);

    private static ExactRational ExactPmt(ExactRational r, int n, ExactRational pv, ExactRational fv, int t)
    {
        if (r.Sign == 0)
        {
            return -(pv + fv) / (double)n;
        }
        var g = Growth(r, n);
        return -((pv * g) + fv) * r / ((ExactRational.One + (r * (double)t)) * (g - ExactRational.One));
    }

    private static ExactRational ExactFv(ExactRational r, int n, ExactRational pmt, ExactRational pv, int t)
    {
        if (r.Sign == 0)
        {
            return -(pv + (pmt * (double)n));
        }
        var g = Growth(r, n);
        return -((pv * g) + (pmt * (ExactRational.One + (r * (double)t)) * (g - ExactRational.One) / r));
    }

    private static ExactRational ExactPv(ExactRational r, int n, ExactRational pmt, ExactRational fv, int t)
    {
        if (r.Sign == 0)
        {
            return -(fv + (pmt * (double)n));
        }
        var g = Growth(r, n);
        return -(fv + (pmt * (ExactRational.One + (r * (double)t)) * (g - ExactRational.One) / r)) / g;
    }

    /// <summary>Excel's IPMT: r x FV(r, k-1, pmt, pv) (in advance: r x (FV(r, k-2, pmt, pv, 1) - pmt); 0 in period 1).</summary>
    private static ExactRational ExactIpmt(ExactRational r, int k, int n, ExactRational pv, ExactRational fv, int t, out ExactRational pmt)
    {
        pmt = ExactPmt(r, n, pv, fv, t);
        if (k == 1)
        {
            return t == 1 ? ExactRational.Zero : -pv * r;
        }
        return t == 1 ? (ExactFv(r, k - 2, pmt, pv, 1) - pmt) * r : ExactFv(r, k - 1, pmt, pv, 0) * r;
    }

    private static double RelativeError(double ours, ExactRational exact, double scale) =>
        ((ExactRational.FromDouble(ours) - exact).Abs() / scale).ToDouble();

    // ---- the textbook formula, for contrast ----

    private static double TextbookIpmt(double r, int k, int n, double pv, double fv, int t)
    {
        double g = Math.Pow(1 + r, n);
        double pmt = -((pv * g) + fv) * r / ((1 + (r * t)) * (g - 1));
        if (k == 1)
        {
            return t == 1 ? 0 : -pv * r;
        }
        double Fv(int m, int type) => -((pv * Math.Pow(1 + r, m)) + (pmt * (1 + (r * type)) * (Math.Pow(1 + r, m) - 1) / r));
        return t == 1 ? (Fv(k - 2, 1) - pmt) * r : Fv(k - 1, 0) * r;
    }

    private sealed record AnnuityCase(double Rate, int Periods, int Period, double Pv, double Fv, int Timing);

    private static List<AnnuityCase> Cases(int seed, int count)
    {
        var rng = new Random(seed);
        var cases = new List<AnnuityCase>();
        for (int i = 0; i < count; i++)
        {
            // A third moderate rates, two thirds high rates over many periods (up to (1+r)^n ~ 10^300).
            bool high = i % 3 != 0;
            double rate = high ? 0.2 + (2.8 * rng.NextDouble()) : 0.0005 + (0.2 * rng.NextDouble());
            int maxPeriods = high ? Math.Min(600, (int)(690 / Math.Log(1 + rate))) : 480;
            int n = rng.Next(1, maxPeriods + 1);
            int k = rng.Next(1, n + 1);
            double pv = Math.Round(1e3 + (1e7 * rng.NextDouble()), 2);
            double fv = rng.Next(3) == 0 ? Math.Round((rng.NextDouble() - 0.5) * pv / 2, 2) : 0.0;
            cases.Add(new AnnuityCase(rate, n, k, pv, fv, rng.Next(2)));
        }
        return cases;
    }

    [Fact]
    public void IpmtAndPpmt_RandomCasesWithHighRates_Within1e9OfExactRelativeToTheLoan()
    {
        var cases = Cases(20261205, MutationRun.Cases(240, minimum: 48));
        double worst = 0, worstTextbook = 0;
        int textbookOff = 0;
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var timing = c.Timing == 1 ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;
            var exactInterest = ExactIpmt(c.Rate, c.Period, c.Periods, c.Pv, c.Fv, c.Timing, out var exactPmt);
            var exactPrincipal = exactPmt - exactInterest;
            double scale = Math.Max(Math.Abs(c.Pv), Math.Abs(c.Fv));
            double ipmtError = RelativeError(CashFlowMath.Ipmt(c.Rate, c.Period, c.Periods, c.Pv, c.Fv, timing), exactInterest, scale);
            double ppmtError = RelativeError(CashFlowMath.Ppmt(c.Rate, c.Period, c.Periods, c.Pv, c.Fv, timing), exactPrincipal, scale);
            double error = Math.Max(ipmtError, ppmtError);
            worst = Math.Max(worst, error);
            if (!(error <= Tolerance))
            {
                failures.Add($"{c}: IPMT {ipmtError:E2}, PPMT {ppmtError:E2}");
            }
            double textbook = TextbookIpmt(c.Rate, c.Period, c.Periods, c.Pv, c.Fv, c.Timing);
            double textbookError = double.IsFinite(textbook) ? RelativeError(textbook, exactInterest, scale) : double.PositiveInfinity;
            worstTextbook = Math.Max(worstTextbook, textbookError);
            textbookOff += textbookError > Tolerance ? 1 : 0;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IPMT/PPMT: {cases.Count} cases, worst error {worst:E2} of the loan; textbook formula off by more than 1e-9 in {textbookOff} (worst {worstTextbook:E2})."));
        failures.Should().BeEmpty();
        textbookOff.Should().BeGreaterThan(0, "the random cases must include the ill-conditioned ones the textbook formula gets wrong");
    }

    [Fact]
    public void Fv_OfAnAmortizingLoan_Within1e9OfExact()
    {
        // FV(r, n, PMT(r, n, pv), pv): the payment as a double does not quite repay, and the exact remainder is
        // what is left after pv (1+r)^n and the payments' (1+r)^n-sized value cancel.
        double worst = 0;
        foreach (var c in Cases(7, MutationRun.Cases(120, minimum: 24)))
        {
            var timing = c.Timing == 1 ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;
            double pmt = CashFlowMath.Pmt(c.Rate, c.Periods, c.Pv, 0, timing);
            var exact = ExactFv(c.Rate, c.Periods, pmt, c.Pv, c.Timing);
            double scale = Math.Max(Math.Max(Math.Abs(c.Pv), Math.Abs(pmt)), exact.Abs().ToDouble());
            double error = RelativeError(CashFlowMath.Fv(c.Rate, c.Periods, pmt, c.Pv, timing), exact, scale);
            worst = Math.Max(worst, error);
            error.Should().BeLessThanOrEqualTo(Tolerance, c.ToString());
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FV: worst error {worst:E2}."));
    }

    [Fact]
    public void PvAndPmt_RandomCases_Within1e9OfExact()
    {
        double worst = 0;
        foreach (var c in Cases(11, MutationRun.Cases(120, minimum: 24)))
        {
            var timing = c.Timing == 1 ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;
            double pmt = -Math.Round(c.Pv * c.Rate, 2);
            var exactPv = ExactPv(c.Rate, c.Periods, pmt, c.Fv, c.Timing);
            double pvScale = Math.Max(Math.Max(Math.Abs(c.Fv), Math.Abs(pmt)), exactPv.Abs().ToDouble());
            double pvError = RelativeError(CashFlowMath.Pv(c.Rate, c.Periods, pmt, c.Fv, timing), exactPv, pvScale);
            var exactPmt = ExactPmt(c.Rate, c.Periods, c.Pv, c.Fv, c.Timing);
            double pmtError = RelativeError(CashFlowMath.Pmt(c.Rate, c.Periods, c.Pv, c.Fv, timing), exactPmt, Math.Max(Math.Abs(c.Pv), Math.Abs(c.Fv)));
            worst = Math.Max(worst, Math.Max(pvError, pmtError));
            pvError.Should().BeLessThanOrEqualTo(Tolerance, "PV " + c);
            pmtError.Should().BeLessThanOrEqualTo(Tolerance, "PMT " + c);
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PV/PMT: worst error {worst:E2}."));
    }

    [Fact]
    public void Pmt_HighRateOverManyPeriods_IsFiniteWhereTheGrowthOverflows()
    {
        // r = 100% over 2,000 periods: (1+r)^n = 2^2000 overflows a double; PMT = -pv r / (1 - 2^-2000) = -pv r to
        // every digit, and the first payment's interest is all of it (IPMT = -pv r).
        CashFlowMath.Pmt(1.0, 2000, 1000).Should().Be(-1000);
        CashFlowMath.Ipmt(1.0, 1, 2000, 1000).Should().Be(-1000);
        CashFlowMath.Ppmt(1.0, 2000, 2000, 1000).Should().BeApproximately(-500, 1e-9); // -1000 x 2^-1
    }

    [Theory]
    [InlineData(0.06, 120, PeriodFrequency.Monthly, PaymentTiming.EndOfPeriod)]
    [InlineData(3.6, 180, PeriodFrequency.Monthly, PaymentTiming.EndOfPeriod)]        // 30% a month for 15 years
    [InlineData(2.4, 240, PeriodFrequency.Monthly, PaymentTiming.BeginningOfPeriod)]  // 20% a month for 20 years, in advance
    [InlineData(1.5, 120, PeriodFrequency.Annual, PaymentTiming.EndOfPeriod)]         // 150% a year for 120 years
    public void LoanSchedule_Unrounded_EveryLineAndTotalWithin1e9OfExact(double annualRate, int periods, PeriodFrequency frequency, PaymentTiming timing)
    {
        const double principal = 250000;
        var loan = LoanSchedule.Amortize(Money.Usd((decimal)principal), annualRate, frequency, periods, new LocalDate(2026, 1, 1), timing);
        ExactRational r = loan.RatePerPeriod;
        int t = timing == PaymentTiming.BeginningOfPeriod ? 1 : 0;
        var exactPmt = ExactPmt(r, periods, principal, 0, t);
        double worst = 0;
        var payment = -exactPmt;
        for (int k = 1; k <= periods; k++)
        {
            // Excel's definitions, each line on its own (no chain of rationals whose denominators would compound).
            var interest = -ExactIpmt(r, k, periods, principal, 0, t, out _);
            var balance = t == 1 ? exactPmt - ExactFv(r, k - 1, exactPmt, principal, 1) : -ExactFv(r, k, exactPmt, principal, 0);
            var line = loan[k - 1];
            worst = Math.Max(worst, RelativeError((double)line.Interest.Amount, interest, principal));
            worst = Math.Max(worst, RelativeError((double)line.Principal.Amount, payment - interest, principal));
            worst = Math.Max(worst, RelativeError((double)line.Balance.Amount, balance, principal));
        }
        // CUMIPMT over the whole loan: with the exact payment the balance ends at exactly 0, so the interest paid is
        // n x payment - principal.
        var totalInterest = (payment * (double)periods) - principal;
        worst = Math.Max(worst, RelativeError((double)loan.TotalInterest.Amount, totalInterest, principal * periods));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loan {annualRate} x {periods}: worst error {worst:E2} of the principal."));
        worst.Should().BeLessThanOrEqualTo(Tolerance);
    }

    [Fact]
    public void Oracle_ReproducesExcelsDocumentedValues()
    {
        // The oracle itself against Excel's documentation: PMT(8%/12, 10, 10000) = -1,037.03; IPMT(10%/12, 1, 36, 8000) = -66.67.
        ExactPmt(0.08 / 12, 10, 10000, 0, 0).ToDouble().Should().BeApproximately(-1037.03, 0.005);
        ExactIpmt(0.1 / 12, 1, 36, 8000, 0, 0, out _).ToDouble().Should().BeApproximately(-66.67, 0.005);
        ExactFv(0.06 / 12, 10, -200, -500, 1).ToDouble().Should().BeApproximately(2581.40, 0.005);
    }
}
