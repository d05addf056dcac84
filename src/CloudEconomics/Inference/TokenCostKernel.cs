using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CloudEconomics.Inference;

/// <summary>
/// The kernel tier of <see cref="TokenCost"/>: price per million tokens over spans of scenarios, vectorised with
/// <see cref="Vector{T}"/> (4 doubles per operation with AVX2), no allocation. Used by sweeps and scenario analysis.
/// </summary>
/// <remarks>
/// destination[i] = pricePerHour[i] x 1,000,000 / (tokensPerSecond[i] x 3,600 x utilization[i]), the formula of
/// <see cref="TokenCost.FromHourlyPrice"/> in doubles. This is the library's one implementation of that formula:
/// <see cref="TokenCost.FromHourlyPrice"/>, the scalar overload here and every batch (a Monte Carlo model's batch
/// function included) compute price x (10^6 / 3,600) / (throughput x utilisation) with the same operations in the same
/// order, so a scenario gives the same bits whichever entry point evaluates it. Inputs are checked in the same pass (a
/// mask accumulated per vector); on the first bad value the method throws naming the span and the index, so no NaN or
/// infinity is ever written as a result (the destination may hold partial results when it throws).
/// </remarks>
public static class TokenCostKernel
{
    private const double TokensPerMillionPerSecondsPerHour = 1_000_000d / 3600d;

    /// <summary>Price per million tokens of one scenario: the scalar form of the batch overloads, with the same checks.</summary>
    /// <param name="pricePerHour">Price per hour; finite and greater than zero (currency is the caller's).</param>
    /// <param name="tokensPerSecond">Throughput at full load, tokens/s; finite and greater than zero.</param>
    /// <param name="utilization">Utilisation, in (0, 1].</param>
    /// <returns>The price per million tokens, in the price's currency; positive and finite.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule, or the result is not a positive finite number (names the parameter and the value).</exception>
    /// <example>98.32 per hour at 10,000 tokens/s and utilisation 0.5: 98.32 x 10^6 / (10,000 x 3,600 x 0.5) = 5.4622 per million tokens.</example>
    public static double PricePerMillionTokens(double pricePerHour, double tokensPerSecond, double utilization)
    {
        if (!(pricePerHour > 0 && pricePerHour <= double.MaxValue) || !(tokensPerSecond > 0 && tokensPerSecond <= double.MaxValue) || !(utilization > 0 && utilization <= 1))
        {
            ThrowBadScalar(pricePerHour, tokensPerSecond, utilization);
        }
        double result = Formula(pricePerHour, tokensPerSecond, utilization);
        if (!(result > 0 && result <= double.MaxValue))
        {
            ThrowUnrepresentable(pricePerHour, tokensPerSecond, utilization, result, -1);
        }
        return result;
    }

    /// <summary>The formula, unchecked: price x (10^6 / 3,600) / (throughput x utilisation). The vector loops perform the same operations lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Formula(double pricePerHour, double tokensPerSecond, double utilization)
        => pricePerHour * TokensPerMillionPerSecondsPerHour / (tokensPerSecond * utilization);

    /// <summary>Price per million tokens for each scenario.</summary>
    /// <param name="pricePerHour">Price per hour of each scenario; finite and greater than zero (currency is the caller's).</param>
    /// <param name="tokensPerSecond">Throughput of each scenario at full load, tokens/s; finite and greater than zero.</param>
    /// <param name="utilization">Utilisation of each scenario, in (0, 1].</param>
    /// <param name="destination">Receives the price per million tokens of each scenario, in the price's currency.</param>
    /// <exception cref="ArgumentException">The spans differ in length (names the span).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule (names the span and index).</exception>
    public static void PricePerMillionTokens(ReadOnlySpan<double> pricePerHour, ReadOnlySpan<double> tokensPerSecond, ReadOnlySpan<double> utilization, Span<double> destination)
    {
        CheckLengths(pricePerHour, tokensPerSecond, utilization, destination);
        int n = pricePerHour.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            ref double p = ref MemoryMarshal.GetReference(pricePerHour);
            ref double r = ref MemoryMarshal.GetReference(tokensPerSecond);
            ref double u = ref MemoryMarshal.GetReference(utilization);
            ref double d = ref MemoryMarshal.GetReference(destination);
            var scale = new Vector<double>(TokensPerMillionPerSecondsPerHour);
            var zero = Vector<double>.Zero;
            var one = Vector<double>.One;
            var max = new Vector<double>(double.MaxValue);
            var bad = Vector<long>.Zero;
            int last = n - Vector<double>.Count;
            for (; i <= last; i += Vector<double>.Count)
            {
                var vp = Vector.LoadUnsafe(ref p, (nuint)i);
                var vr = Vector.LoadUnsafe(ref r, (nuint)i);
                var vu = Vector.LoadUnsafe(ref u, (nuint)i);
                var result = vp * scale / (vr * vu);
                // With 0 < u <= 1 checked, 0 < result <= max holds exactly when 0 < p < inf and 0 < r < inf
                // (a non-positive or infinite input, or a NaN anywhere, gives a result <= 0, infinite or NaN).
                // The rare underflow of a valid result to 0 is flagged too and reported by the scalar re-check.
                var ok = Vector.GreaterThan(vu, zero) & Vector.LessThanOrEqual(vu, one)
                       & Vector.GreaterThan(result, zero) & Vector.LessThanOrEqual(result, max);
                bad |= ~ok;
                result.StoreUnsafe(ref d, (nuint)i);
            }
            if (bad != Vector<long>.Zero)
            {
                ThrowFirstBad(pricePerHour, tokensPerSecond, utilization, 0, i);
            }
        }
        for (; i < n; i++)
        {
            CheckOne(pricePerHour[i], tokensPerSecond[i], utilization[i], i);
            destination[i] = Representable(Formula(pricePerHour[i], tokensPerSecond[i], utilization[i]), pricePerHour, tokensPerSecond, utilization, i);
        }
    }

    /// <summary>Price per million tokens for each scenario at one utilisation.</summary>
    /// <param name="pricePerHour">Price per hour of each scenario; finite and greater than zero.</param>
    /// <param name="tokensPerSecond">Throughput of each scenario, tokens/s; finite and greater than zero.</param>
    /// <param name="utilization">Utilisation of every scenario, in (0, 1].</param>
    /// <param name="destination">Receives the prices.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule.</exception>
    public static void PricePerMillionTokens(ReadOnlySpan<double> pricePerHour, ReadOnlySpan<double> tokensPerSecond, double utilization, Span<double> destination)
    {
        Utility.Preconditions.CheckUnitIntervalExclusiveZero(utilization, nameof(utilization));
        if (tokensPerSecond.Length != pricePerHour.Length)
        {
            throw new ArgumentException(Mismatch(nameof(tokensPerSecond), tokensPerSecond.Length, pricePerHour.Length), nameof(tokensPerSecond));
        }
        if (destination.Length != pricePerHour.Length)
        {
            throw new ArgumentException(Mismatch(nameof(destination), destination.Length, pricePerHour.Length), nameof(destination));
        }
        for (int i = 0; i < pricePerHour.Length; i++)
        {
            CheckOne(pricePerHour[i], tokensPerSecond[i], utilization, i);
            double result = Formula(pricePerHour[i], tokensPerSecond[i], utilization);
            if (!(result > 0 && result <= double.MaxValue))
            {
                ThrowUnrepresentable(pricePerHour[i], tokensPerSecond[i], utilization, result, i);
            }
            destination[i] = result;
        }
    }

    /// <summary>The scalar reference loop (same checks, one element at a time): the benchmark baseline.</summary>
    internal static void PricePerMillionTokensScalar(ReadOnlySpan<double> pricePerHour, ReadOnlySpan<double> tokensPerSecond, ReadOnlySpan<double> utilization, Span<double> destination)
    {
        CheckLengths(pricePerHour, tokensPerSecond, utilization, destination);
        for (int i = 0; i < pricePerHour.Length; i++)
        {
            CheckOne(pricePerHour[i], tokensPerSecond[i], utilization[i], i);
            destination[i] = Representable(Formula(pricePerHour[i], tokensPerSecond[i], utilization[i]), pricePerHour, tokensPerSecond, utilization, i);
        }
    }

    private static void CheckLengths(ReadOnlySpan<double> pricePerHour, ReadOnlySpan<double> tokensPerSecond, ReadOnlySpan<double> utilization, Span<double> destination)
    {
        int n = pricePerHour.Length;
        if (tokensPerSecond.Length != n)
        {
            throw new ArgumentException(Mismatch(nameof(tokensPerSecond), tokensPerSecond.Length, n), nameof(tokensPerSecond));
        }
        if (utilization.Length != n)
        {
            throw new ArgumentException(Mismatch(nameof(utilization), utilization.Length, n), nameof(utilization));
        }
        if (destination.Length != n)
        {
            throw new ArgumentException(Mismatch(nameof(destination), destination.Length, n), nameof(destination));
        }
    }

    private static string Mismatch(string name, int length, int expected)
        => string.Create(CultureInfo.InvariantCulture, $"Span '{name}' must have the same length as pricePerHour ({expected}); it has {length}.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Representable(double result, ReadOnlySpan<double> p, ReadOnlySpan<double> r, ReadOnlySpan<double> u, int i)
    {
        if (!(result > 0 && result <= double.MaxValue))
        {
            ThrowFirstBad(p, r, u, i, i + 1);
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckOne(double price, double rate, double utilization, int index)
    {
        if (!(price > 0 && price <= double.MaxValue) || !(rate > 0 && rate <= double.MaxValue) || !(utilization > 0 && utilization <= 1))
        {
            ThrowBad(price, rate, utilization, index);
        }
    }

    private static void ThrowFirstBad(ReadOnlySpan<double> p, ReadOnlySpan<double> r, ReadOnlySpan<double> u, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            CheckOne(p[i], r[i], u[i], i);
            double result = Formula(p[i], r[i], u[i]);
            if (!(result > 0 && result <= double.MaxValue))
            {
                ThrowUnrepresentable(p[i], r[i], u[i], result, i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnrepresentable(double price, double rate, double utilization, double result, int index)
        => throw new ArgumentOutOfRangeException("pricePerHour", price, string.Create(CultureInfo.InvariantCulture,
            $"Price per million tokens must be a positive finite number: {(index < 0 ? "" : $"scenario {index} (")}{price:R} per hour at {rate:R} tokens/s and utilization {utilization:R}{(index < 0 ? "" : ")")} gives {result:R}."));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadScalar(double price, double rate, double utilization)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        if (!(price > 0 && price <= double.MaxValue))
        {
            throw new ArgumentOutOfRangeException("pricePerHour", price, $"Price per hour must be finite and greater than zero; it was {F(price)}.");
        }
        if (!(rate > 0 && rate <= double.MaxValue))
        {
            throw new ArgumentOutOfRangeException("tokensPerSecond", rate, $"Throughput must be finite and greater than zero; tokensPerSecond was {F(rate)}.");
        }
        throw new ArgumentOutOfRangeException("utilization", utilization, $"Utilization must be greater than 0 and at most 1; it was {F(utilization)}.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBad(double price, double rate, double utilization, int index)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        if (!(price > 0 && price <= double.MaxValue))
        {
            throw new ArgumentOutOfRangeException("pricePerHour", price, string.Create(CultureInfo.InvariantCulture, $"Price per hour must be finite and greater than zero; pricePerHour[{index}] was {F(price)}."));
        }
        if (!(rate > 0 && rate <= double.MaxValue))
        {
            throw new ArgumentOutOfRangeException("tokensPerSecond", rate, string.Create(CultureInfo.InvariantCulture, $"Throughput must be finite and greater than zero; tokensPerSecond[{index}] was {F(rate)}."));
        }
        throw new ArgumentOutOfRangeException("utilization", utilization, string.Create(CultureInfo.InvariantCulture, $"Utilization must be greater than 0 and at most 1; utilization[{index}] was {F(utilization)}."));
    }
}
