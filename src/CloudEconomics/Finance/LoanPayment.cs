using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>One line of a loan amortization schedule, from the borrower's side; amounts are positive.</summary>
/// <param name="Number">The payment number, from 1.</param>
/// <param name="Date">The payment date.</param>
/// <param name="Payment">The payment (interest + principal).</param>
/// <param name="Interest">The interest part.</param>
/// <param name="Principal">The principal part (repayment).</param>
/// <param name="Balance">The principal outstanding after this payment.</param>
public sealed record LoanPayment(int Number, LocalDate Date, Money Payment, Money Interest, Money Principal, Money Balance);
