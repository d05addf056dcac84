using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

public class LoanScheduleTest
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Amortize_TwoMonths_Hand()
    {
        // Hand: 1,000 at 12% nominal = 1% a month over 2 months: pmt = 10 / (1 - 1.01^-2) = 507.51243781...;
        // interest 1 = 10, principal 1 = pmt - 10, balance 1 = 1010 - pmt; interest 2 = 1% of that; balance 2 = 0.
        double pmt = 10 / (1 - Math.Pow(1.01, -2));
        var loan = LoanSchedule.Amortize(Money.Usd(1000), 0.12, PeriodFrequency.Monthly, 2, D(2025, 1, 31));
        loan.Count.Should().Be(2);
        loan.RatePerPeriod.Should().BeApproximately(0.01, 1e-15);
        ((double)loan[0].Payment.Amount).Should().BeApproximately(pmt, 1e-9);
        ((double)loan[0].Interest.Amount).Should().BeApproximately(10, 1e-9);
        ((double)loan[0].Balance.Amount).Should().BeApproximately(1010 - pmt, 1e-9);
        ((double)loan[1].Interest.Amount).Should().BeApproximately(0.01 * (1010 - pmt), 1e-9);
        loan[1].Balance.Amount.Should().Be(0m);
        loan[0].Date.Should().Be(D(2025, 2, 28));
        loan[1].Date.Should().Be(D(2025, 3, 31)); // from the start date, not from 28 Feb
    }

    [Theory]
    [InlineData(PaymentTiming.EndOfPeriod)]
    [InlineData(PaymentTiming.BeginningOfPeriod)]
    public void Amortize_AgreesWithIpmtAndPpmt(PaymentTiming timing)
    {
        // Excel's IPMT/PPMT define each period's split; the schedule must agree line by line.
        var loan = LoanSchedule.Amortize(Money.Usd(250000), 0.065, PeriodFrequency.Monthly, 36, D(2025, 1, 1), timing);
        double r = 0.065 / 12;
        for (int k = 1; k <= 36; k++)
        {
            ((double)loan[k - 1].Interest.Amount).Should().BeApproximately(-CashFlowMath.Ipmt(r, k, 36, 250000, 0, timing), 1e-6);
            ((double)loan[k - 1].Principal.Amount).Should().BeApproximately(-CashFlowMath.Ppmt(r, k, 36, 250000, 0, timing), 1e-6);
        }
        if (timing == PaymentTiming.BeginningOfPeriod)
        {
            loan[0].Date.Should().Be(D(2025, 1, 1));
        }
    }

    [Fact]
    public void Amortize_RoundedToCents_LastPaymentAbsorbsDifference()
    {
        // Hand: pmt = 10 / (1 - 1.01^-3) = 340.0221 -> 340.02; interest 10.00, 6.6998 -> 6.70, 3.3666 -> 3.37;
        // balances 669.98, 336.66, 0; last payment 336.66 + 3.37 = 340.03; total interest 20.07.
        var loan = LoanSchedule.Amortize(Money.Usd(1000), 0.12, PeriodFrequency.Monthly, 3, D(2025, 1, 1), rounding: MidpointRounding.ToEven);
        loan.Select(p => p.Payment.Amount).Should().Equal(340.02m, 340.02m, 340.03m);
        loan.Select(p => p.Interest.Amount).Should().Equal(10.00m, 6.70m, 3.37m);
        loan.Select(p => p.Balance.Amount).Should().Equal(669.98m, 336.66m, 0m);
        loan.TotalInterest.Should().Be(Money.Usd(20.07m));
        loan.TotalPaid.Should().Be(Money.Usd(1020.07m));
        loan.Payment.Should().Be(Money.Usd(340.02m));
    }

    [Fact]
    public void Amortize_ZeroRate_EqualPrincipal()
    {
        var loan = LoanSchedule.Amortize(Money.Usd(1200), 0, PeriodFrequency.Monthly, 12, D(2025, 1, 1));
        loan.Should().OnlyContain(p => p.Payment == Money.Usd(100) && p.Interest.IsZero);
    }

    [Fact]
    public void BorrowerCashFlows_IrrIsPeriodRate()
    {
        // Hand: the borrower receives 1,000 and pays the level payment; the periodic IRR of those flows is the loan
        // rate by construction (annual payments every 12 months so dates do not matter for the periodic IRR).
        var loan = LoanSchedule.Amortize(Money.Usd(1000), 0.08, PeriodFrequency.Annual, 5, D(2025, 1, 1));
        var values = loan.ToBorrowerCashFlows().Select(f => (double)f.Amount.Amount).ToArray();
        values[0].Should().Be(1000);
        CashFlowMath.Irr(values).Should().BeApproximately(0.08, 1e-9);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(0), 0.1, PeriodFrequency.Monthly, 1, D(2025, 1, 1)))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "principal" && e.Message.Contains("greater than zero"));
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1), -0.1, PeriodFrequency.Monthly, 1, D(2025, 1, 1)))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "annualRate");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1), 0.1, PeriodFrequency.Monthly, 0, D(2025, 1, 1)))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "periods");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1), 0.1, (PeriodFrequency)0, 1, D(2025, 1, 1)))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "frequency");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1), 0.1, PeriodFrequency.Monthly, 1, D(2025, 1, 1), (PaymentTiming)3))).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "timing");
    }
}
