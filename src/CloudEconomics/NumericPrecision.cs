namespace CloudEconomics;

/// <summary>The number format of a tensor element: what a peak-compute figure or a weight is measured in.</summary>
public enum NumericPrecision
{
    /// <summary>IEEE 754 double precision, 64 bits.</summary>
    Fp64,
    /// <summary>IEEE 754 single precision, 32 bits.</summary>
    Fp32,
    /// <summary>NVIDIA TensorFloat-32: stored in 32 bits, computed with a 10-bit mantissa.</summary>
    Tf32,
    /// <summary>bfloat16, 16 bits (8-bit exponent).</summary>
    Bf16,
    /// <summary>IEEE 754 half precision, 16 bits.</summary>
    Fp16,
    /// <summary>8-bit floating point (E4M3 or E5M2).</summary>
    Fp8,
    /// <summary>6-bit floating point (OCP MX FP6).</summary>
    Fp6,
    /// <summary>4-bit floating point (OCP MX FP4 / NVFP4).</summary>
    Fp4,
    /// <summary>8-bit integer.</summary>
    Int8,
    /// <summary>4-bit integer.</summary>
    Int4,
}

/// <summary>Sizes of <see cref="NumericPrecision"/> elements.</summary>
public static class NumericPrecisionExtensions
{
    /// <summary>The storage bits of one element (TF32 is stored in 32 bits).</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>Bits per element.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is not a defined value.</exception>
    public static int BitsPerElement(this NumericPrecision precision) => precision switch
    {
        NumericPrecision.Fp64 => 64,
        NumericPrecision.Fp32 or NumericPrecision.Tf32 => 32,
        NumericPrecision.Bf16 or NumericPrecision.Fp16 => 16,
        NumericPrecision.Fp8 or NumericPrecision.Int8 => 8,
        NumericPrecision.Fp6 => 6,
        NumericPrecision.Fp4 or NumericPrecision.Int4 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Precision must be a defined NumericPrecision value."),
    };

    /// <summary>The storage bytes of one element (0.5 for 4-bit formats, 0.75 for FP6).</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>Bytes per element.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is not a defined value.</exception>
    public static double BytesPerElement(this NumericPrecision precision) => precision.BitsPerElement() / 8d;
}
