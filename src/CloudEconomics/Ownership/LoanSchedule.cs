using CloudEconomics.Finance;

namespace CloudEconomics.Ownership;

/// <summary>Monthly interest of the cluster's loan: an annuity with monthly instalments, through the finance engine's IPMT.</summary>
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
        double principal = totalCapex.ToDouble() * loan.FractionOfCapex;
        double rate = loan.AnnualRate / 12d;
        int periods = loan.TermYears * 12;
        for (int m = 0; m < Math.Min(periods, horizonMonths); m++)
        {
            // Excel sign convention: IPMT of a loan received (positive present value) is negative (paid).
            double interest = rate == 0 ? 0 : -CashFlowMath.Ipmt(rate, m + 1, periods, principal);
            result[m] = Money.FromDouble(interest, cluster.Currency);
        }
        return result;
    }
}
