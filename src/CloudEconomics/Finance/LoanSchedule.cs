using System.Collections;
using System.Globalization;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>
/// A level-payment loan amortization schedule (payment from <see cref="CashFlowMath.Pmt"/>; interest, principal and
/// balance per period, dated). Immutable.
/// </summary>
/// <remarks>
/// The rate per period is the nominal annual rate divided by the periods per year (as loans are quoted). With end
/// of period payments, payment k falls on start + k periods and its interest is the rate times the balance after
/// payment k-1 (Excel's IPMT). With payments in advance, payment k falls on start + (k-1) periods and the first
/// carries no interest (Excel's IPMT with type 1). Dates are computed from the start date each time. Without
/// rounding, each balance is computed from the end (the present value of the payments still due), which stays
/// accurate to about 1e-15 of the principal even for high rates over many periods; with rounding the schedule is
/// the bank's period-by-period recurrence in decimal.
/// </remarks>
public sealed class LoanSchedule : IReadOnlyList<LoanPayment>
{
    private readonly LoanPayment[] _payments;

    private LoanSchedule(LoanPayment[] payments, Money principal, LocalDate startDate, double ratePerPeriod)
    {
        _payments = payments;
        Principal = principal;
        StartDate = startDate;
        RatePerPeriod = ratePerPeriod;
    }

    /// <summary>The amount borrowed.</summary>
    public Money Principal { get; }

    /// <summary>The date the loan is drawn.</summary>
    public LocalDate StartDate { get; }

    /// <summary>The interest rate per period, as a decimal fraction.</summary>
    public double RatePerPeriod { get; }

    /// <summary>The level payment (the last may differ by rounding when a rounding mode was given).</summary>
    public Money Payment => _payments[0].Payment;

    /// <summary>Total interest over the life of the loan.</summary>
    public Money TotalInterest => Money.Sum(_payments.Select(p => p.Interest), Principal.Currency);

    /// <summary>Total paid over the life of the loan (principal + interest).</summary>
    public Money TotalPaid => Money.Sum(_payments.Select(p => p.Payment), Principal.Currency);

    /// <summary>The number of payments.</summary>
    public int Count => _payments.Length;

    /// <summary>The payment at a position.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The payment line.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the schedule.</exception>
    public LoanPayment this[int index] => _payments[index];

    /// <summary>Enumerates the payments in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<LoanPayment> GetEnumerator() => ((IEnumerable<LoanPayment>)_payments).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Builds the schedule of a fully amortizing level-payment loan.
    /// </summary>
    /// <param name="principal">The amount borrowed; greater than zero.</param>
    /// <param name="annualRate">Nominal annual interest rate, as a decimal fraction; zero or more.</param>
    /// <param name="frequency">Months between payments.</param>
    /// <param name="periods">Number of payments; at least 1.</param>
    /// <param name="startDate">The date the loan is drawn.</param>
    /// <param name="timing">Payments at the end (default) or the beginning of each period.</param>
    /// <param name="rounding">When given, the payment and each interest amount are rounded to the currency's minor unit
    /// with this rule and the last payment absorbs the difference so that the balance ends at exactly zero; when null
    /// (default) amounts are not rounded.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (see each parameter).</exception>
    public static LoanSchedule Amortize(Money principal, double annualRate, PeriodFrequency frequency, int periods, LocalDate startDate,
        PaymentTiming timing = PaymentTiming.EndOfPeriod, MidpointRounding? rounding = null)
    {
        if (principal.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(principal), principal, $"Principal must be greater than zero; it was {principal}.");
        }
        if (!double.IsFinite(annualRate) || annualRate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRate), annualRate, $"Annual rate must be a finite number not below zero; it was {FinanceChecks.Format(annualRate)}.");
        }
        int months = frequency.MonthsPerPeriod(nameof(frequency));
        if (periods < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"Number of payments must be at least 1; it was {periods.ToString(CultureInfo.InvariantCulture)}.");
        }
        FinanceChecks.CheckTiming(timing, nameof(timing));
        var currency = principal.Currency;
        double rate = annualRate * months / 12.0;
        double pmt = -CashFlowMath.Pmt(rate, periods, (double)principal.Amount, 0, timing);
        decimal payment = ToDecimal(pmt);
        if (rounding is { } mode)
        {
            payment = Math.Round(payment, currency.MinorUnitDigits, mode);
        }
        bool advance = timing == PaymentTiming.BeginningOfPeriod;
        var lines = new LoanPayment[periods];
        decimal balance = principal.Amount;
        double log = FinanceMath.Log1P(rate);
        for (int k = 1; k <= periods; k++)
        {
            decimal interest;
            decimal principalPart;
            decimal thisPayment = payment;
            decimal nextBalance;
            if (rounding is { } m)
            {
                // Rounded: the bank's recurrence in exact decimal, interest rounded each period, the last payment
                // absorbing the difference.
                interest = advance && k == 1 ? 0m : Math.Round(ToDecimal((double)balance * rate), currency.MinorUnitDigits, m);
                principalPart = thisPayment - interest;
                nextBalance = balance - principalPart;
            }
            else
            {
                // Unrounded: each balance from the end, as the present value of the payments still due,
                // pmt (1 - v^(n-k)) / r with v = 1/(1+r) (the same for payments in advance), so that errors do not
                // compound at (1 + r) per period as a forward recurrence's do for high rates over many periods.
                interest = advance && k == 1 ? 0m : ToDecimal((double)balance * rate);
                principalPart = thisPayment - interest;
                nextBalance = ToDecimal(RemainingBalance(pmt, rate, log, periods - k));
            }
            if (k == periods)
            {
                principalPart = balance;
                thisPayment = principalPart + interest;
                nextBalance = 0m;
            }
            balance = nextBalance;
            var date = startDate.PlusMonths((advance ? k - 1 : k) * months);
            lines[k - 1] = new LoanPayment(k, date, new Money(thisPayment, currency), new Money(interest, currency),
                new Money(principalPart, currency), new Money(balance, currency));
        }
        return new LoanSchedule(lines, principal, startDate, rate);
    }

    /// <summary>The borrower's cash flows: the principal received on the start date, each payment paid out.</summary>
    /// <returns>The schedule (payments negative).</returns>
    public CashFlowSchedule ToBorrowerCashFlows() =>
        new(new[] { new CashFlow(StartDate, Principal) }.Concat(_payments.Select(p => new CashFlow(p.Date, -p.Payment))));

    /// <summary>The balance with <paramref name="remaining"/> payments of <paramref name="payment"/> still due:
    /// payment (1 - (1+r)^-remaining) / r, or payment x remaining when r = 0.</summary>
    private static double RemainingBalance(double payment, double rate, double log, int remaining) =>
        rate == 0.0 ? payment * remaining : payment * -FinanceMath.ExpM1(-remaining * log) / rate;

    private static decimal ToDecimal(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 7.9e28)
        {
            throw FinanceChecks.NonFinite("Loan amortization");
        }
        return (decimal)value;
    }
}
