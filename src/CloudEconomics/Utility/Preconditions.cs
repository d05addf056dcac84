using System.Runtime.CompilerServices;

namespace CloudEconomics.Utility;

/// <summary>Argument checks that state the rule and the value (in the spirit of NodaTime's Preconditions).</summary>
internal static class Preconditions
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number (not NaN, not infinity).</summary>
    internal static double CheckFinite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be a finite number; it was {Format(value)}.");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and not negative.</summary>
    internal static double CheckNonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        CheckFinite(value, paramName);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must not be negative; it was {Format(value)}.");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and strictly positive.</summary>
    internal static double CheckPositive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        CheckFinite(value, paramName);
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be greater than zero; it was {Format(value)}.");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is not negative.</summary>
    internal static decimal CheckNonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must not be negative; it was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is strictly positive.</summary>
    internal static decimal CheckPositive(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be greater than zero; it was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> lies in the closed interval [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static double CheckInRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        CheckFinite(value, paramName);
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be between {Format(min)} and {Format(max)} inclusive; it was {Format(value)}.");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> lies in (0, 1]: a utilisation or fraction that cannot be zero.</summary>
    internal static double CheckUnitIntervalExclusiveZero(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        CheckFinite(value, paramName);
        if (value <= 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be greater than 0 and at most 1; it was {Format(value)}.");
        }
        return value;
    }

    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
    internal static T CheckNotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null) where T : class
        => value ?? throw new ArgumentNullException(paramName);

    /// <summary>Formats a double invariantly with round-trip precision for messages.</summary>
    internal static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
