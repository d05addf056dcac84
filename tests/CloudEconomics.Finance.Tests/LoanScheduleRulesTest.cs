using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// <see cref="LoanSchedule.Amortize"/>: a schedule rounded to cents computed by hand, the unrounded balances against
/// the exact present value of the payments still due, payments in advance, zero rate, dates, the borrower's cash
/// flows, and each refusal with its message.
/// </summary>
public class LoanScheduleRulesTest
{
    private static readonly LocalDate Start = new(2025, 1, 31);

    [Fact]
    public void Rounded_ThreeMonths_ByHand()
    {
        // 1000 at 12% a year, monthly (1%), 3 payments: PMT = 10 / (1 - 1.01^-3) = 340.0221 -> 340.02.
        // k=1: interest 10.00, principal 330.02, balance 669.98; k=2: interest 6.6998 -> 6.70, principal 333.32,
        // balance 336.66; k=3: interest 3.3666 -> 3.37, principal 336.66 (the balance), payment 340.03.
        var loan = LoanSchedule.Amortize(Money.Usd(1000m), 0.12, PeriodFrequency.Monthly, 3, Start, rounding: MidpointRounding.ToEven);
        loan.Count.Should().Be(3);
        loan.RatePerPeriod.Should().BeApproximately(0.01, 1e-15);
        loan.Payment.Should().Be(Money.Usd(340.02m));
        loan[0].Should().Be(new LoanPayment(1, new LocalDate(2025, 2, 28), Money.Usd(340.02m), Money.Usd(10.00m), Money.Usd(330.02m), Money.Usd(669.98m)));
        loan[1].Should().Be(new LoanPayment(2, new LocalDate(2025, 3, 31), Money.Usd(340.02m), Money.Usd(6.70m), Money.Usd(333.32m), Money.Usd(336.66m)));
        loan[2].Should().Be(new LoanPayment(3, new LocalDate(2025, 4, 30), Money.Usd(340.03m), Money.Usd(3.37m), Money.Usd(336.66m), Money.Usd(0m)));
        loan.TotalInterest.Should().Be(Money.Usd(20.07m));
        loan.TotalPaid.Should().Be(Money.Usd(1020.07m));
        loan.Principal.Should().Be(Money.Usd(1000m));
        loan.StartDate.Should().Be(Start);
        loan.Select(p => p.Number).Should().Equal(1, 2, 3);
        ((System.Collections.IEnumerable)loan).Cast<LoanPayment>().Should().HaveCount(3);
        var flows = loan.ToBorrowerCashFlows();
        flows.Count.Should().Be(4);
        flows[0].Should().Be(new CashFlow(Start, Money.Usd(1000m)));
        flows[3].Should().Be(new CashFlow(new LocalDate(2025, 4, 30), Money.Usd(-340.03m)));
        flows.Total.Should().Be(Money.Usd(-20.07m));
    }

    [Fact]
    public void Rounded_InAdvance_Quarterly_ByHand()
    {
        // 1000 at 12% a year, quarterly (3%), 2 payments in advance: PMT = 1000 / (1.03 x (1 - 1.03^-2) / 0.03)
        // = 1000 / (1.03 x 1.913470) = 507.3892 -> 507.39. k=1 (today): no interest, principal 507.39, balance 492.61;
        // k=2: interest 492.61 x 0.03 = 14.7783 -> 14.78, principal 492.61, payment 507.39.
        var loan = LoanSchedule.Amortize(Money.Usd(1000m), 0.12, PeriodFrequency.Quarterly, 2, Start, PaymentTiming.BeginningOfPeriod, MidpointRounding.AwayFromZero);
        loan.RatePerPeriod.Should().BeApproximately(0.03, 1e-15);
        loan[0].Should().Be(new LoanPayment(1, Start, Money.Usd(507.39m), Money.Usd(0m), Money.Usd(507.39m), Money.Usd(492.61m)));
        loan[1].Should().Be(new LoanPayment(2, new LocalDate(2025, 4, 30), Money.Usd(507.39m), Money.Usd(14.78m), Money.Usd(492.61m), Money.Usd(0m)));
    }

    [Theory]
    [InlineData(PaymentTiming.EndOfPeriod)]
    [InlineData(PaymentTiming.BeginningOfPeriod)]
    public void Unrounded_BalancesAreThePresentValueOfThePaymentsLeft(PaymentTiming timing)
    {
        // 20 semi-annual payments at 30% a year (15% a period): after k payments the balance is
        // pmt (1 - 1.15^-(n-k)) / 0.15 in both timings (the next payment is one period away in either case once the
        // first has been made); exact rational arithmetic for the powers.
        const int n = 20;
        var loan = LoanSchedule.Amortize(Money.Usd(50_000m), 0.30, PeriodFrequency.SemiAnnual, n, Start, timing);
        bool advance = timing == PaymentTiming.BeginningOfPeriod;
        ExactRational r = 0.15;
        ExactRational due = advance ? ExactRational.One + r : ExactRational.One;
        ExactRational annuity = (ExactRational.One - (ExactRational.One / (ExactRational.One + r).Pow(n))) / r;
        ExactRational pmt = new ExactRational(50_000, 1) / (due * annuity);
        for (int k = 1; k <= n; k++)
        {
            double expected = (pmt * (ExactRational.One - (ExactRational.One / (ExactRational.One + r).Pow(n - k))) / r).ToDouble();
            ((double)loan[k - 1].Balance.Amount).Should().BeApproximately(expected, 1e-6, $"balance after payment {k}, {timing}");
            loan[k - 1].Date.Should().Be(Start.PlusMonths((advance ? k - 1 : k) * 6));
            double before = k == 1 ? 50_000 : (double)loan[k - 2].Balance.Amount;
            double expectedInterest = advance && k == 1 ? 0 : before * 0.15;
            ((double)loan[k - 1].Interest.Amount).Should().BeApproximately(expectedInterest, 1e-6, $"interest {k}, {timing}");
        }
        ((double)loan.Payment.Amount).Should().BeApproximately(pmt.ToDouble(), 1e-8);
        loan[^1].Balance.Should().Be(Money.Usd(0m));
    }

    [Fact]
    public void ZeroRate_EqualInstalments()
    {
        var loan = LoanSchedule.Amortize(Money.Usd(900m), 0, PeriodFrequency.Annual, 3, Start);
        loan.Select(p => p.Payment.Amount).Should().Equal(300m, 300m, 300m);
        loan.Select(p => p.Balance.Amount).Should().Equal(600m, 300m, 0m);
        loan.TotalInterest.Should().Be(Money.Usd(0m));
        loan[2].Date.Should().Be(new LocalDate(2028, 1, 31));
        // One payment: the whole principal plus one period's interest.
        var one = LoanSchedule.Amortize(Money.Usd(900m), 0.1, PeriodFrequency.Annual, 1, Start);
        one.Should().ContainSingle().Which.Should().Be(new LoanPayment(1, new LocalDate(2026, 1, 31), Money.Usd(990m), Money.Usd(90m), Money.Usd(900m), Money.Usd(0m)));
    }

    [Fact]
    public void Refusals_NameTheFieldAndRule()
    {
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(0m), 0.1, PeriodFrequency.Monthly, 3, Start))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("principal").WithMessage("Principal must be greater than zero; it was *");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1m), -0.001, PeriodFrequency.Monthly, 3, Start))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("annualRate").WithMessage("Annual rate must be a finite number not below zero; it was -0.001.*");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1m), double.NaN, PeriodFrequency.Monthly, 3, Start))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("annualRate");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1m), 0.1, PeriodFrequency.Monthly, 0, Start))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("periods").WithMessage("Number of payments must be at least 1; it was 0.*");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1m), 0.1, (PeriodFrequency)5, 3, Start))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("frequency");
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(1m), 0.1, PeriodFrequency.Monthly, 3, Start, (PaymentTiming)9))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("timing");
        // 7e28 at 100% a period, one payment: 1.4e29 is beyond decimal's range.
        ((Action)(() => LoanSchedule.Amortize(Money.Usd(70_000_000_000_000_000_000_000_000_000m), 12, PeriodFrequency.Monthly, 1, Start))).Should()
            .Throw<FinancialCalculationException>().WithMessage("*Loan amortization*");
    }
}
