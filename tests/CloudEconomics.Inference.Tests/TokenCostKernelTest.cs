using CloudEconomics.Inference;
using FsCheck;
using FsCheck.Xunit;

namespace CloudEconomics.Tests.Inference;

public class TokenCostKernelTest
{
    [Fact]
    public void PricePerMillionTokens_HandValues()
    {
        // 98.32 / (10,000 x 3,600 x 1) x 1e6 = 2.731111; 55.04 / (5,000 x 3,600 x 0.5) x 1e6 = 6.115556;
        // 12.98127 / (100 x 3,600 x 0.25) x 1e6 = 144.236333 (inf2.48xlarge on-demand price); plus two more to cover the vector tail.
        double[] price = [98.32, 55.04, 12.98127, 98.32, 98.32, 55.04, 55.04];
        double[] rate = [10_000, 5_000, 100, 10_000, 10_000, 5_000, 5_000];
        double[] util = [1, 0.5, 0.25, 1, 1, 0.5, 0.5];
        var dest = new double[7];
        TokenCostKernel.PricePerMillionTokens(price, rate, util, dest);
        dest[0].Should().BeApproximately(2.7311111111, 1e-9);
        dest[1].Should().BeApproximately(6.1155555556, 1e-9);
        dest[2].Should().BeApproximately(144.2363333333, 1e-9);
        dest[6].Should().BeApproximately(6.1155555556, 1e-9);
    }

    [Property(MaxTest = 200)]
    public bool Kernel_AgreesWithTypedApi(NonEmptyArray<PositiveInt> cents, int seed)
    {
        int n = cents.Get.Length;
        var rng = new Random(seed);
        var price = cents.Get.Select(c => c.Get / 100d).ToArray();
        var rate = Enumerable.Range(0, n).Select(_ => 1 + rng.NextDouble() * 50_000).ToArray();
        var util = Enumerable.Range(0, n).Select(_ => 0.01 + rng.NextDouble() * 0.99).ToArray();
        var dest = new double[n];
        TokenCostKernel.PricePerMillionTokens(price, rate, util, dest);
        for (int i = 0; i < n; i++)
        {
            double typed = TokenCost.FromHourlyPrice(PricePerHour.Usd((decimal)price[i]), TokenRate.FromTokensPerSecond(rate[i]), util[i]).PerMillionTokens.ToDouble();
            if (Math.Abs(typed - dest[i]) > 1e-12 * typed)
            {
                return false;
            }
        }
        return true;
    }

    [Theory]
    [InlineData(0, 1.0, 1.0, "pricePerHour", "pricePerHour[5]")]
    [InlineData(1.0, 0, 1.0, "tokensPerSecond", "tokensPerSecond[5]")]
    [InlineData(1.0, 1.0, 1.5, "utilization", "utilization[5]")]
    [InlineData(1.0, 1.0, double.NaN, "utilization", "utilization[5]")]
    [InlineData(1.0, double.PositiveInfinity, 1.0, "tokensPerSecond", "tokensPerSecond[5]")]
    public void PricePerMillionTokens_BadValue_ThrowsNamingSpanAndIndex(double badPrice, double badRate, double badUtil, string param, string index)
    {
        var price = Enumerable.Repeat(1.0, 9).ToArray();
        var rate = Enumerable.Repeat(1.0, 9).ToArray();
        var util = Enumerable.Repeat(1.0, 9).ToArray();
        price[5] = badPrice;
        rate[5] = badRate;
        util[5] = badUtil;
        var act = () => TokenCostKernel.PricePerMillionTokens(price, rate, util, new double[9]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param && e.Message.Contains(index));
    }

    [Fact]
    public void PricePerMillionTokens_LengthMismatch_Throws()
    {
        var act = () => TokenCostKernel.PricePerMillionTokens(new double[3], new double[3], new double[2], new double[3]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "utilization" && e.Message.Contains("same length"));
    }

    [Fact]
    public void PricePerMillionTokens_ScalarUtilization_MatchesSpanOverload()
    {
        double[] price = [98.32, 55.04, 21.5];
        double[] rate = [10_000, 7_000, 900];
        var a = new double[3];
        var b = new double[3];
        TokenCostKernel.PricePerMillionTokens(price, rate, 0.7, a);
        TokenCostKernel.PricePerMillionTokens(price, rate, [0.7, 0.7, 0.7], b);
        a.Should().BeEquivalentTo(b, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }
}

public class TokenCostKernelScalarTest
{
    [Fact]
    public void Scalar_WorkedExample()
    {
        // 98.32 USD/h at 10,000 tokens/s and 50% utilisation: 98.32 / (10,000 x 3,600 x 0.5) x 1e6 = 98.32 / 18 = 5.46222 USD per million tokens.
        TokenCostKernel.PricePerMillionTokens(98.32, 10_000, 0.5).Should().BeApproximately(98.32 / 18, 1e-12);
    }

    [Property(MaxTest = 100)]
    public bool Scalar_SameBitsAsSpanOverloadAndTypedApi(int seed, byte count)
    {
        // One formula: the scalar overload, every lane of the span overload (vector body and scalar tail) and
        // TokenCost.FromHourlyPrice give the same double for the same scenario.
        var rng = new Random(seed);
        int n = count + 1;
        var price = Enumerable.Range(0, n).Select(_ => Math.Round(0.5 + (120 * rng.NextDouble()), 4)).ToArray();
        var rate = Enumerable.Range(0, n).Select(_ => 50 + (50_000 * rng.NextDouble())).ToArray();
        var util = Enumerable.Range(0, n).Select(_ => 0.01 + (0.99 * rng.NextDouble())).ToArray();
        var batch = new double[n];
        TokenCostKernel.PricePerMillionTokens(price, rate, util, batch);
        for (int i = 0; i < n; i++)
        {
            double scalar = TokenCostKernel.PricePerMillionTokens(price[i], rate[i], util[i]);
            double typed = TokenCost.FromHourlyPrice(PricePerHour.Usd((decimal)price[i]), TokenRate.FromTokensPerSecond(rate[i]), util[i]).PerMillionTokens.ToDouble();
            if (BitConverter.DoubleToInt64Bits(scalar) != BitConverter.DoubleToInt64Bits(batch[i]) || Math.Abs(typed - scalar) > 1e-12 * scalar)
            {
                return false;
            }
        }
        return true;
    }

    [Theory]
    [InlineData(0, 1.0, 1.0, "pricePerHour")]
    [InlineData(1.0, -3.5, 1.0, "tokensPerSecond")]
    [InlineData(1.0, double.NaN, 1.0, "tokensPerSecond")]
    [InlineData(1.0, 1.0, 0, "utilization")]
    public void Scalar_BadValue_ThrowsNamingParameter(double price, double rate, double util, string param)
    {
        var act = () => TokenCostKernel.PricePerMillionTokens(price, rate, util);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
    }
}

public class TokenCostKernelOverflowTest
{
    [Fact]
    public void PricePerMillionTokens_ResultOverflows_ThrowsInsteadOfInfinity()
    {
        // 1e300 per hour at 1e-300 tokens/s: 1e300 x 277.8 / 1e-300 overflows double; must not write infinity.
        double[] price = [1, 1, 1, 1e300, 1, 1, 1, 1];
        double[] rate = [1, 1, 1, 1e-300, 1, 1, 1, 1];
        double[] util = [1, 1, 1, 1, 1, 1, 1, 1];
        var act = () => TokenCostKernel.PricePerMillionTokens(price, rate, util, new double[8]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "pricePerHour" && e.Message.Contains("scenario 3"));
    }
}
