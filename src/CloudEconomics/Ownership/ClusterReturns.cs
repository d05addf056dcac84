using System.Globalization;
using CloudEconomics.Finance;
using FluentValidation;

namespace CloudEconomics.Ownership;

/// <summary>
/// The returns of an owned cluster that rents out its capacity: dated cash flows, payback and IRR through the
/// finance engine's <see cref="CashFlowSchedule"/>.
/// </summary>
/// <remarks>
/// <para>Cash flows to the owner's equity, before tax: on the commissioning date the capex less the loan principal
/// (all of the capex without a loan); at the end of each monthly period, rental revenue (price x accelerators x hours x
/// the facility's utilisation) less operating costs (energy, maintenance, staff, space) from <see cref="ClusterTco"/>
/// and less the loan payment (interest and principal, <see cref="ClusterTco.Loan"/>); and, on the last period's end,
/// the net book value left (IT salvage plus undepreciated facility), taken as realisable, less the loan balance still
/// outstanding, which is repaid then. Depreciation is not a cash flow. Without a loan these are the project's
/// unlevered flows; the NPV is taken at the cluster's cost of capital, so that renting at
/// <see cref="ClusterTco.BreakevenRentalPrice"/> gives an NPV of zero.</para>
/// <para>Payback interpolates inside the recovering period as <see cref="CashFlowSchedule.Payback"/> documents.</para>
/// </remarks>
/// <param name="Schedule">The dated cash flows.</param>
/// <param name="Payback">Simple payback (date and years), or not reached.</param>
/// <param name="InternalRateOfReturn">The annual IRR (XIRR), or null when the flows have none.</param>
/// <param name="NetPresentValue">NPV at the cluster's cost of capital, valued at commissioning.</param>
public sealed record RentalReturns(CashFlowSchedule Schedule, PaybackResult Payback, double? InternalRateOfReturn, Money NetPresentValue)
{
    /// <summary>Builds the cash flows of renting out the cluster at a price per accelerator-hour, and evaluates them.</summary>
    /// <param name="cluster">The cluster; validated. Its facility's utilisation is the share of hours sold.</param>
    /// <param name="rentalPerAcceleratorHour">The price of one accelerator-hour sold, in the cluster's currency.</param>
    /// <param name="includeTerminalBookValue">Whether to add the net book value left at the horizon's end as a final inflow (default true).</param>
    /// <returns>The schedule, payback, IRR and NPV.</returns>
    /// <exception cref="ValidationException"><paramref name="cluster"/> breaks a rule.</exception>
    /// <exception cref="CurrencyMismatchException">The price is in another currency.</exception>
    public static RentalReturns Evaluate(OwnedCluster cluster, PricePerHour rentalPerAcceleratorHour, bool includeTerminalBookValue = true)
    {
        var schedule = CashFlows(cluster, rentalPerAcceleratorHour, includeTerminalBookValue);
        double? irr = schedule.TryInternalRateOfReturn(out double rate) ? rate : null;
        return new RentalReturns(schedule, schedule.Payback(), irr, schedule.NetPresentValue(cluster.Financing.CostOfCapital, cluster.CommissioningDate));
    }

    /// <summary>The dated cash flows of renting out the cluster (see the type's remarks).</summary>
    /// <param name="cluster">The cluster; validated.</param>
    /// <param name="rentalPerAcceleratorHour">The price of one accelerator-hour sold.</param>
    /// <param name="includeTerminalBookValue">Whether to add the net book value left at the end (a loan balance still outstanding is repaid then either way).</param>
    /// <returns>The schedule: one outflow, then one net flow per month.</returns>
    /// <exception cref="ValidationException"><paramref name="cluster"/> breaks a rule.</exception>
    /// <exception cref="CurrencyMismatchException">The price is in another currency.</exception>
    public static CashFlowSchedule CashFlows(OwnedCluster cluster, PricePerHour rentalPerAcceleratorHour, bool includeTerminalBookValue = true)
    {
        var tco = ClusterTco.Calculate(cluster);
        if (rentalPerAcceleratorHour.Currency != cluster.Currency)
        {
            throw new CurrencyMismatchException(cluster.Currency, rentalPerAcceleratorHour.Currency);
        }
        var borrowed = tco.Loan?.Principal ?? Money.Zero(cluster.Currency);
        var flows = new List<CashFlow>(tco.Months.Count + 1) { new(cluster.CommissioningDate, borrowed - tco.Capex.Total) };
        int count = cluster.Facility.Accelerators.Count;
        decimal utilization = (decimal)cluster.Facility.Utilization;
        var bookValue = tco.Capex.Total;
        for (int m = 0; m < tco.Months.Count; m++)
        {
            var month = tco.Months[m];
            var revenue = rentalPerAcceleratorHour.PerHour * ((decimal)month.Hours * count * utilization);
            var net = revenue - month.OperatingCost - month.DebtService;
            bookValue -= month.Depreciation;
            if (m == tco.Months.Count - 1)
            {
                net -= tco.ClosingLoanBalance;
                if (includeTerminalBookValue)
                {
                    net += bookValue;
                }
            }
            flows.Add(new CashFlow(cluster.CommissioningDate.PlusMonths(m + 1), net));
        }
        return new CashFlowSchedule(flows);
    }

    /// <summary>Invariant summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"payback {Payback}, IRR {(InternalRateOfReturn is { } r ? r.ToString("P2", CultureInfo.InvariantCulture) : "none")}, NPV {NetPresentValue:N0}");
}
