using System.Numerics;
using FsCheck.Xunit;
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

public class PortableMathTest
{
    // Reference: the runtime's Math.Log / Math.Exp (correctly rounded or within 1 ulp on .NET's supported platforms).
    [Property(MaxTest = 500)]
    public bool Log_AgreesWithMathLog(double x)
    {
        x = Math.Abs(x);
        if (!double.IsNormal(x)) return true;
        double expected = Math.Log(x);
        return Math.Abs(PortableMath.Log(x) - expected) <= 4e-16 * Math.Max(1, Math.Abs(expected));
    }

    [Property(MaxTest = 500)]
    public bool Exp_AgreesWithMathExp(double x)
    {
        if (!double.IsFinite(x)) return true;
        x = Math.IEEERemainder(x, 700);
        double expected = Math.Exp(x);
        return Math.Abs(PortableMath.Exp(x) - expected) <= 4e-16 * expected;
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(Math.E, 1.0)]
    [InlineData(0.5, -0.6931471805599453)]
    [InlineData(1e-300, -690.7755278982137)]
    public void Log_KnownValues(double x, double expected) => PortableMath.Log(x).Should().BeApproximately(expected, 1e-15 * Math.Max(1, Math.Abs(expected)));

    [Property(MaxTest = 200)]
    public bool VectorAndScalar_GiveSameBits(double a, double b, double c, double d)
    {
        double[] xs = [a, b, c, d, a * 0.5, b * 0.25, c * 2, d * 3];
        var input = xs.Select(x => double.IsFinite(x) ? Math.Clamp(Math.Abs(x), 1e-300, 1e300) : 1.0).ToArray();
        var exps = xs.Select(x => double.IsFinite(x) ? Math.IEEERemainder(x, 700) : 0.0).ToArray();
        var probabilities = input.Select(x => Math.Clamp(x - Math.Floor(x), 1e-300, 1 - 1e-16)).ToArray();
        for (int i = 0; i + Vector<double>.Count <= input.Length; i += Vector<double>.Count)
        {
            var log = PortableMath.Log(new Vector<double>(input, i));
            var exp = PortableMath.Exp(new Vector<double>(exps, i));
            var inv = SpecialFunctions.InverseNormal(new Vector<double>(probabilities, i));
            for (int k = 0; k < Vector<double>.Count; k++)
            {
                if (BitConverter.DoubleToInt64Bits(log[k]) != BitConverter.DoubleToInt64Bits(PortableMath.Log(input[i + k]))) return false;
                if (BitConverter.DoubleToInt64Bits(exp[k]) != BitConverter.DoubleToInt64Bits(PortableMath.Exp(exps[i + k]))) return false;
                if (BitConverter.DoubleToInt64Bits(inv[k]) != BitConverter.DoubleToInt64Bits(SpecialFunctions.InverseNormal(probabilities[i + k]))) return false;
            }
        }
        return true;
    }
}
