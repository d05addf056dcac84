namespace CloudEconomics.Finance;

/// <summary>
/// When payments fall within each period: Excel's <c>type</c> argument of PMT, PV, FV, NPER, RATE, IPMT and PPMT.
/// </summary>
public enum PaymentTiming
{
    /// <summary>Payments at the end of each period (Excel <c>type</c> = 0, the default): an ordinary annuity.</summary>
    EndOfPeriod = 0,

    /// <summary>Payments at the beginning of each period (Excel <c>type</c> = 1): an annuity due.</summary>
    BeginningOfPeriod = 1,
}
