namespace CloudEconomics.Ownership;

/// <summary>Monthly interest of the cluster's loan (an annuity with monthly instalments).</summary>
internal static class LoanSchedule
{
    /// <summary>Interest of each month of the horizon; zero without a loan and after the loan's term.</summary>
    internal static Money[] MonthlyInterest(OwnedCluster cluster, Money totalCapex, int horizonMonths)
    {
        var zero = Money.Zero(cluster.Currency);
        var result = new Money[horizonMonths];
        Array.Fill(result, zero);
        if (cluster.Financing.Loan is not { } loan)
        {
            return result;
        }
        // Interim annuity until the finance engine's amortization schedule is merged.
        decimal principal = totalCapex.Amount * (decimal)loan.FractionOfCapex;
        decimal rate = (decimal)(loan.AnnualRate / 12d);
        int periods = loan.TermYears * 12;
        decimal payment = rate == 0 ? principal / periods : principal * rate / (1m - (decimal)Math.Pow(1d + (double)rate, -periods));
        decimal balance = principal;
        for (int m = 0; m < Math.Min(periods, horizonMonths); m++)
        {
            decimal interest = balance * rate;
            result[m] = new Money(interest, cluster.Currency);
            balance -= payment - interest;
        }
        return result;
    }
}
