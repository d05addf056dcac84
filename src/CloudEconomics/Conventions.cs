using System.Globalization;
using CloudEconomics.Utility;
using UnitsNet;

namespace CloudEconomics;

/// <summary>
/// How many hours a year has. Commitment pricing and annualised figures depend on it, and the sources in this
/// field differ silently: AWS and most providers bill with 730 h a month (8,760 h a year); a Julian year has
/// 8,766 h (365.25 days).
/// </summary>
public enum HoursPerYearConvention
{
    /// <summary>365 days x 24 h = 8,760 h (730 h a month). AWS's and Azure's billing convention.</summary>
    Calendar8760 = 0,
    /// <summary>365.25 days x 24 h = 8,766 h (730.5 h a month). Astronomical (Julian) year.</summary>
    Julian8766 = 1,
}

/// <summary>Numbers behind the named conventions.</summary>
public static class Conventions
{
    /// <summary>Hours in a 365-day year: 8,760.</summary>
    public const double CalendarHoursPerYear = 8760d;

    /// <summary>Hours in a Julian year of 365.25 days: 8,766.</summary>
    public const double JulianHoursPerYear = 8766d;

    /// <summary>The hours in a year under a convention.</summary>
    /// <param name="convention">The convention.</param>
    /// <returns>8,760 or 8,766.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="convention"/> is not defined.</exception>
    public static double HoursPerYear(this HoursPerYearConvention convention) => convention switch
    {
        HoursPerYearConvention.Calendar8760 => CalendarHoursPerYear,
        HoursPerYearConvention.Julian8766 => JulianHoursPerYear,
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "Convention must be a defined HoursPerYearConvention value."),
    };

    /// <summary>The hours in a month under a convention (hours per year / 12: 730 or 730.5).</summary>
    /// <param name="convention">The convention.</param>
    /// <returns>Hours per month.</returns>
    public static double HoursPerMonth(this HoursPerYearConvention convention) => convention.HoursPerYear() / 12d;
}

/// <summary>
/// Whether a "GB" means 10^9 bytes (decimal, SI) or 2^30 bytes (binary, IEC "GiB"). Vendors mix them: NVIDIA's
/// "80 GB" H100 is 80 x 10^9 bytes, AWS Neuron's "32 GiB" Trainium is binary. The difference is 7.4% at giga
/// and 10% at tera.
/// </summary>
public enum BytePrefix
{
    /// <summary>Powers of 1,000: kB, MB, GB, TB (SI).</summary>
    Decimal = 0,
    /// <summary>Powers of 1,024: KiB, MiB, GiB, TiB (IEC).</summary>
    Binary = 1,
}

/// <summary>Builds UnitsNet memory sizes and bandwidths with the byte prefix stated, never guessed.</summary>
public static class ByteSizes
{
    /// <summary>A memory capacity in gigabytes (decimal) or gibibytes (binary).</summary>
    /// <param name="value">The number as the source states it; finite and not negative.</param>
    /// <param name="prefix">Whether the source's "GB" is decimal or binary.</param>
    /// <returns>The capacity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or not finite, or <paramref name="prefix"/> is undefined.</exception>
    public static Information Gigabytes(double value, BytePrefix prefix)
    {
        Preconditions.CheckNonNegative(value, nameof(value));
        return prefix switch
        {
            BytePrefix.Decimal => Information.FromGigabytes(value),
            BytePrefix.Binary => Information.FromGibibytes(value),
            _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "Prefix must be Decimal or Binary."),
        };
    }

    /// <summary>A memory bandwidth in terabytes per second (decimal) or tebibytes per second (binary).</summary>
    /// <param name="value">The number as the source states it; finite and not negative.</param>
    /// <param name="prefix">Whether the source's "TB/s" is decimal or binary.</param>
    /// <returns>The bandwidth.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or not finite, or <paramref name="prefix"/> is undefined.</exception>
    public static BitRate TerabytesPerSecond(double value, BytePrefix prefix)
    {
        Preconditions.CheckNonNegative(value, nameof(value));
        return prefix switch
        {
            BytePrefix.Decimal => BitRate.FromTerabytesPerSecond(value),
            BytePrefix.Binary => BitRate.FromTebibytesPerSecond(value),
            _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "Prefix must be Decimal or Binary."),
        };
    }

    /// <summary>A bandwidth in gigabytes per second (decimal) or gibibytes per second (binary).</summary>
    /// <param name="value">The number as the source states it; finite and not negative.</param>
    /// <param name="prefix">Whether the source's "GB/s" is decimal or binary.</param>
    /// <returns>The bandwidth.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or not finite, or <paramref name="prefix"/> is undefined.</exception>
    public static BitRate GigabytesPerSecond(double value, BytePrefix prefix)
    {
        Preconditions.CheckNonNegative(value, nameof(value));
        return prefix switch
        {
            BytePrefix.Decimal => BitRate.FromGigabytesPerSecond(value),
            BytePrefix.Binary => BitRate.FromGibibytesPerSecond(value),
            _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "Prefix must be Decimal or Binary."),
        };
    }

    /// <summary>The number of bytes in a capacity, as a double for the kernel tier.</summary>
    /// <param name="information">The capacity.</param>
    /// <returns>Bytes.</returns>
    public static double ToBytes(this Information information) => (double)information.Bytes;

    /// <summary>The bytes per second of a bandwidth, as a double for the kernel tier.</summary>
    /// <param name="rate">The bandwidth.</param>
    /// <returns>Bytes per second.</returns>
    public static double ToBytesPerSecond(this BitRate rate) => (double)rate.BytesPerSecond;

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
