namespace CloudEconomics.Finance;

/// <summary>How often a periodic stream pays or a schedule reports: the value is the number of months per period.</summary>
public enum PeriodFrequency
{
    /// <summary>Every month (12 periods a year).</summary>
    Monthly = 1,

    /// <summary>Every three months (4 periods a year).</summary>
    Quarterly = 3,

    /// <summary>Every six months (2 periods a year).</summary>
    SemiAnnual = 6,

    /// <summary>Every twelve months (1 period a year).</summary>
    Annual = 12,
}

/// <summary>Helpers for <see cref="PeriodFrequency"/>.</summary>
internal static class PeriodFrequencyExtensions
{
    internal static int MonthsPerPeriod(this PeriodFrequency frequency, string paramName) => frequency switch
    {
        PeriodFrequency.Monthly or PeriodFrequency.Quarterly or PeriodFrequency.SemiAnnual or PeriodFrequency.Annual => (int)frequency,
        _ => throw new ArgumentOutOfRangeException(paramName, frequency,
            $"Frequency must be Monthly, Quarterly, SemiAnnual or Annual; it was {((int)frequency).ToString(System.Globalization.CultureInfo.InvariantCulture)}."),
    };
}
