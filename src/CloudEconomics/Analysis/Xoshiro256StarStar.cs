using System.Runtime.CompilerServices;

namespace CloudEconomics.Analysis;

/// <summary>
/// The xoshiro256** pseudo-random number generator (Blackman and Vigna, 2018), seeded with SplitMix64.
/// A small value type with 256 bits of state and period 2^256 - 1.
/// </summary>
/// <remarks>
/// <para>The algorithm is fixed by this library and documented here so that a seed gives the same numbers on
/// every .NET version and machine (the algorithm behind <see cref="System.Random"/> is not guaranteed).</para>
/// <para>Reference: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
/// ACM Transactions on Mathematical Software 47(4), 2021; reference code at https://prng.di.unimi.it/xoshiro256starstar.c.
/// Seeding: the four state words are four successive outputs of SplitMix64 (https://prng.di.unimi.it/splitmix64.c)
/// started at the seed, as the authors recommend.</para>
/// <para>The struct is mutable: pass it by reference. It is not thread-safe; give each thread its own stream.</para>
/// </remarks>
public struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose state is four successive SplitMix64 outputs from <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit seed (zero is fine).</param>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    internal Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3;
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit integer.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in the open interval (0, 1), never exactly 0 or 1.</summary>
    /// <returns>(k + 0.5) x 2^-52 for a uniform 52-bit integer k (the top 52 bits of <see cref="NextUInt64"/>).</returns>
    /// <remarks>Open at both ends so that inverse distribution functions never see 0 or 1.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ToOpenDouble(NextUInt64());

    /// <summary>Maps 64 random bits to (0, 1): ((bits >> 12) + 0.5) x 2^-52, computed exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ToOpenDouble(ulong bits)
        => BitConverter.Int64BitsToDouble(unchecked((long)((bits >> 12) | 0x3FF0000000000000UL))) - (1.0 - HalfUlp);

    /// <summary>2^-53.</summary>
    internal const double HalfUlp = 1.0 / 9007199254740992.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    internal readonly void GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3)
    {
        s0 = _s0; s1 = _s1; s2 = _s2; s3 = _s3;
    }
}

/// <summary>SplitMix64 (Steele, Lea and Flood 2014; Vigna's public-domain code): used to seed xoshiro256** and to derive stream seeds.</summary>
internal static class SplitMix64
{
    /// <summary>Advances <paramref name="state"/> by the golden gamma and returns the mixed value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            return Mix(state);
        }
    }

    /// <summary>The SplitMix64 finaliser (a bijection on 64 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
