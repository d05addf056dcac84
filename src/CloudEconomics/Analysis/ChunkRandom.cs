using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CloudEconomics.Analysis;

/// <summary>
/// Four interleaved xoshiro256** streams for one Monte Carlo chunk: number j of the chunk comes from lane j mod 4.
/// The four lanes are seeded with sixteen successive SplitMix64 outputs started at
/// <c>Mix(seed XOR 0x6A09E667F3BCC909 + chunkIndex x 0x9E3779B97F4A7C15)</c>, so a chunk's numbers depend only on
/// the seed and the chunk index, never on the thread that runs it. The vector path (Vector256) and the scalar path
/// give identical numbers.
/// </summary>
internal struct ChunkRandom
{
    private Xoshiro256StarStar _l0, _l1, _l2, _l3;
    private int _next;

    internal ChunkRandom(ulong seed, long chunkIndex)
    {
        ulong key;
        unchecked
        {
            key = SplitMix64.Mix((seed ^ 0x6A09E667F3BCC909UL) + (ulong)chunkIndex * 0x9E3779B97F4A7C15UL);
        }
        _l0 = Lane(ref key);
        _l1 = Lane(ref key);
        _l2 = Lane(ref key);
        _l3 = Lane(ref key);
        _next = 0;
    }

    private static Xoshiro256StarStar Lane(ref ulong key)
        => new(SplitMix64.Next(ref key), SplitMix64.Next(ref key), SplitMix64.Next(ref key), SplitMix64.Next(ref key));

    /// <summary>The next number of the interleaved sequence, scalar path (lane = position mod 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double NextScalar()
    {
        int lane = _next;
        _next = (lane + 1) & 3;
        return lane switch
        {
            0 => _l0.NextOpenDouble(),
            1 => _l1.NextOpenDouble(),
            2 => _l2.NextOpenDouble(),
            _ => _l3.NextOpenDouble(),
        };
    }

    /// <summary>Fills <paramref name="destination"/> with the next numbers; its length must be a multiple of 4 and the sequence at a lane boundary.</summary>
    internal void Fill(Span<double> destination)
    {
        if ((destination.Length & 3) != 0 || _next != 0)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = NextScalar();
            }
            return;
        }

        _l0.GetState(out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        _l1.GetState(out ulong b0, out ulong b1, out ulong b2, out ulong b3);
        _l2.GetState(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        _l3.GetState(out ulong d0, out ulong d1, out ulong d2, out ulong d3);
        Vector256<ulong> s0 = Vector256.Create(a0, b0, c0, d0);
        Vector256<ulong> s1 = Vector256.Create(a1, b1, c1, d1);
        Vector256<ulong> s2 = Vector256.Create(a2, b2, c2, d2);
        Vector256<ulong> s3 = Vector256.Create(a3, b3, c3, d3);
        Vector256<ulong> exponent = Vector256.Create(0x3FF0000000000000UL);
        Vector256<double> offset = Vector256.Create(1.0 - Xoshiro256StarStar.HalfUlp);
        ref double dest = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);
        for (int i = 0; i < destination.Length; i += 4)
        {
            // result = rotl(s1 * 5, 7) * 9, with x*5 = (x<<2)+x and x*9 = (x<<3)+x (exact modulo 2^64).
            Vector256<ulong> x5 = Vector256.ShiftLeft(s1, 2) + s1;
            // Rotations: one instruction with AVX-512VL (vprolq), else two shifts and an OR; the same bits.
            Vector256<ulong> rot = Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x5, 7) : Vector256.ShiftLeft(x5, 7) | Vector256.ShiftRightLogical(x5, 57);
            Vector256<ulong> result = Vector256.ShiftLeft(rot, 3) + rot;
            Vector256<ulong> t = Vector256.ShiftLeft(s1, 17);
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(s3, 45) : Vector256.ShiftLeft(s3, 45) | Vector256.ShiftRightLogical(s3, 19);
            Vector256<double> u = (Vector256.ShiftRightLogical(result, 12) | exponent).AsDouble() - offset;
            u.StoreUnsafe(ref dest, (nuint)i);
        }
        _l0 = new Xoshiro256StarStar(s0.GetElement(0), s1.GetElement(0), s2.GetElement(0), s3.GetElement(0));
        _l1 = new Xoshiro256StarStar(s0.GetElement(1), s1.GetElement(1), s2.GetElement(1), s3.GetElement(1));
        _l2 = new Xoshiro256StarStar(s0.GetElement(2), s1.GetElement(2), s2.GetElement(2), s3.GetElement(2));
        _l3 = new Xoshiro256StarStar(s0.GetElement(3), s1.GetElement(3), s2.GetElement(3), s3.GetElement(3));
    }
}
