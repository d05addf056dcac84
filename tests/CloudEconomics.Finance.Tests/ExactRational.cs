using System.Numerics;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// An exact rational number (BigInteger numerator over a positive denominator) for the exact-arithmetic oracle: every
/// double is a rational, and +, -, x, / and integer powers are exact, so Excel's definitions evaluate without rounding.
/// </summary>
internal readonly struct ExactRational
{
    public ExactRational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("Rational with a zero denominator.");
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        // Reduce by the common power of two only (the denominators of doubles are powers of two); a full GCD on
        // numbers of tens of thousands of bits costs more than it saves here.
        if (numerator.IsZero)
        {
            denominator = BigInteger.One;
        }
        else
        {
            long shift = Math.Min((long)BigInteger.TrailingZeroCount(numerator), (long)BigInteger.TrailingZeroCount(denominator));
            if (shift > 0)
            {
                numerator >>= (int)shift;
                denominator >>= (int)shift;
            }
        }
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static readonly ExactRational Zero = new(BigInteger.Zero, BigInteger.One);

    public static readonly ExactRational One = new(BigInteger.One, BigInteger.One);

    public int Sign => Numerator.Sign;

    /// <summary>The exact value of a finite double: mantissa x 2^exponent.</summary>
    public static ExactRational FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite doubles are rational.");
        }
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }
        exponent -= 1075;
        BigInteger m = negative ? -(BigInteger)mantissa : mantissa;
        return exponent >= 0 ? new ExactRational(m << exponent, BigInteger.One) : new ExactRational(m, BigInteger.One << -exponent);
    }

    public static implicit operator ExactRational(double value) => FromDouble(value);

    public static ExactRational operator +(ExactRational a, ExactRational b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static ExactRational operator -(ExactRational a, ExactRational b) =>
        new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static ExactRational operator -(ExactRational a) => new(-a.Numerator, a.Denominator);

    public static ExactRational operator *(ExactRational a, ExactRational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static ExactRational operator /(ExactRational a, ExactRational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public ExactRational Pow(int exponent)
    {
        if (exponent < 0)
        {
            return One / Pow(-exponent);
        }
        return new ExactRational(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent));
    }

    public ExactRational Abs() => Sign < 0 ? -this : this;

    /// <summary>The nearest double (to within one unit in the last place): 64 leading bits of the quotient, scaled.</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero)
        {
            return 0.0;
        }
        BigInteger num = BigInteger.Abs(Numerator);
        long shift = 64 - ((long)num.GetBitLength() - (long)Denominator.GetBitLength());
        BigInteger quotient = shift >= 0 ? (num << (int)shift) / Denominator : num / (Denominator << (int)-shift);
        double result = Math.ScaleB((double)quotient, (int)-shift);
        return Numerator.Sign < 0 ? -result : result;
    }
}
