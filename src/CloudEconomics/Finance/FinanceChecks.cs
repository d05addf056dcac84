using System.Globalization;
using CloudEconomics.Utility;

namespace CloudEconomics.Finance;

/// <summary>Argument checks shared by the finance functions; messages state the rule and the value.</summary>
internal static class FinanceChecks
{
    internal static string Format(double value) => Preconditions.Format(value);

    /// <summary>A rate per period: finite and greater than -1 (-100%), where (1 + rate) is positive.</summary>
    internal static void CheckRate(double rate, string paramName)
    {
        if (!double.IsFinite(rate) || rate <= -1.0)
        {
            throw new ArgumentOutOfRangeException(paramName, rate,
                $"Rate must be a finite number greater than -1 (-100%); it was {Format(rate)}.");
        }
    }

    /// <summary>A discount rate for NPV and MIRR: finite and not -1, where 1 + rate would be zero (Excel's
    /// <c>#DIV/0!</c>). Rates below -1 are accepted, as Excel accepts them: 1 + rate is then negative.</summary>
    internal static void CheckDiscountRate(double rate, string paramName)
    {
        if (!double.IsFinite(rate) || rate == -1.0)
        {
            throw new ArgumentOutOfRangeException(paramName, rate,
                $"Rate must be a finite number other than -1 (-100%, where 1 + rate is zero); it was {Format(rate)}.");
        }
    }

    internal static void CheckFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be a finite number; it was {Format(value)}.");
        }
    }

    internal static void CheckTiming(PaymentTiming timing, string paramName)
    {
        if (timing is not (PaymentTiming.EndOfPeriod or PaymentTiming.BeginningOfPeriod))
        {
            throw new ArgumentOutOfRangeException(paramName, timing,
                $"Payment timing must be EndOfPeriod (0) or BeginningOfPeriod (1); it was {((int)timing).ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    internal static void CheckNotEmpty(ReadOnlySpan<double> values, string paramName)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("At least one cash flow is required; the values were empty.", paramName);
        }
    }

    /// <summary>Throws for the first non-finite value (used after a non-finite result to name the culprit).</summary>
    internal static void CheckAllFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Every cash flow must be a finite number; the value at index {i.ToString(CultureInfo.InvariantCulture)} was {Format(values[i])}.",
                    paramName);
            }
        }
    }

    internal static FinancialCalculationException NonFinite(string function) =>
        new($"{function} has no finite result for these inputs (the calculation overflows).");
}
