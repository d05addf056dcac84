using CloudEconomics.Tests.Helpers;
using UnitsNet;

namespace CloudEconomics.Tests;

public class QuantityTest
{
    [Fact]
    public void ComputeRate_Prefixes_AreDecimal()
    {
        // H100 SXM dense BF16: 989.4 TFLOPS = 0.9894 PFLOPS = 9.894e14 FLOP/s.
        var rate = ComputeRate.FromTeraflops(989.4);
        rate.FlopsPerSecond.Should().BeApproximately(9.894e14, 1);
        rate.Petaflops.Should().BeApproximately(0.9894, 1e-12);
        ComputeRate.FromPetaflops(2.5).Teraflops.Should().BeApproximately(2500, 1e-9);
    }

    [Fact]
    public void ComputeRate_SecondsFor()
        => ComputeRate.FromPetaflops(1).SecondsFor(6 * 70e9 * 1e12).Should().BeApproximately(4.2e8, 1e-3); // 6ND = 6 x 70e9 x 1e12 = 4.2e23 FLOP; / 1e15 FLOP/s = 4.2e8 s

    [Fact]
    public void TokenRate_AndCount_Relate()
    {
        TokenRate.FromTokensPerSecond(10_000).TokensPerHour.Should().Be(36_000_000);
        TokenCount.FromMillions(36).SecondsAt(TokenRate.FromTokensPerSecond(10_000)).Should().Be(3600);
        TokenRate.FromTokensPerSecond(50).TokensIn(2).Tokens.Should().Be(100);
    }

    public static TheoryData<string, Action> InvalidFactories => new()
    {
        { "value", () => ComputeRate.FromTeraflops(double.NaN) },
        { "value", () => ComputeRate.FromPetaflops(-1) },
        { "value", () => ComputeRate.FromFlopsPerSecond(double.PositiveInfinity) },
        { "value", () => TokenRate.FromTokensPerSecond(-0.5) },
        { "value", () => TokenRate.FromTokensPerSecond(double.NaN) },
        { "value", () => TokenCount.FromTokens(-1) },
        { "value", () => TokenCount.FromMillions(double.NegativeInfinity) },
        { "value", () => ByteSizes.Gigabytes(-80, BytePrefix.Decimal) },
    };

    [Theory]
    [MemberData(nameof(InvalidFactories))]
    public void Factories_RejectNaNInfinityAndNegative(string paramName, Action create)
        => create.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == paramName && (e.Message.Contains("finite") || e.Message.Contains("negative")));

    [Fact]
    public void Contracts()
    {
        TestHelper.TestEqualsStruct(TokenRate.FromTokensPerSecond(1), TokenRate.FromTokensPerSecond(1), TokenRate.FromTokensPerSecond(2));
        TestHelper.TestCompareToStruct(TokenRate.FromTokensPerSecond(1), TokenRate.FromTokensPerSecond(1), TokenRate.FromTokensPerSecond(2));
        TestHelper.TestEqualsStruct(TokenCount.FromTokens(1), TokenCount.FromTokens(1), TokenCount.FromTokens(2));
        TestHelper.TestCompareToStruct(TokenCount.FromTokens(1), TokenCount.FromTokens(1), TokenCount.FromTokens(2));
        TestHelper.TestEqualsStruct(ComputeRate.FromTeraflops(1), ComputeRate.FromTeraflops(1), ComputeRate.FromTeraflops(2));
        TestHelper.TestCompareToStruct(ComputeRate.FromTeraflops(1), ComputeRate.FromTeraflops(1), ComputeRate.FromTeraflops(2));
    }

    [Theory]
    [InlineData(NumericPrecision.Fp64, 64)]
    [InlineData(NumericPrecision.Tf32, 32)]
    [InlineData(NumericPrecision.Bf16, 16)]
    [InlineData(NumericPrecision.Fp8, 8)]
    [InlineData(NumericPrecision.Fp6, 6)]
    [InlineData(NumericPrecision.Fp4, 4)]
    [InlineData(NumericPrecision.Int4, 4)]
    public void NumericPrecision_Bits(NumericPrecision precision, int bits)
    {
        precision.BitsPerElement().Should().Be(bits);
        precision.BytesPerElement().Should().Be(bits / 8d);
    }

    [Fact]
    public void HoursPerYear_Conventions_AreNamed()
    {
        HoursPerYearConvention.Calendar8760.HoursPerYear().Should().Be(8760);
        HoursPerYearConvention.Julian8766.HoursPerYear().Should().Be(8766);
        HoursPerYearConvention.Calendar8760.HoursPerMonth().Should().Be(730);
        ((Func<double>)(() => ((HoursPerYearConvention)7).HoursPerYear())).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "convention");
    }

    [Fact]
    public void BytePrefixes_DifferByPowersOf1024()
    {
        // 80 GB (NVIDIA, decimal) = 80e9 bytes; 80 GiB = 80 x 2^30 = 85,899,345,920 bytes.
        ByteSizes.Gigabytes(80, BytePrefix.Decimal).ToBytes().Should().Be(80e9);
        ByteSizes.Gigabytes(80, BytePrefix.Binary).ToBytes().Should().Be(85_899_345_920d);
        // 3.35 TB/s = 3.35e12 B/s; 1 TiB/s = 2^40 B/s.
        ByteSizes.TerabytesPerSecond(3.35, BytePrefix.Decimal).ToBytesPerSecond().Should().BeApproximately(3.35e12, 1);
        ByteSizes.TerabytesPerSecond(1, BytePrefix.Binary).ToBytesPerSecond().Should().Be(1_099_511_627_776d);
        ByteSizes.GigabytesPerSecond(900, BytePrefix.Decimal).ToBytesPerSecond().Should().Be(900e9);
    }

    [Fact]
    public void ToString_IsInvariant()
    {
        foreach (var culture in new[] { "de-DE", "tr-TR", "" })
        {
            TestHelper.InCulture(culture, () => TokenRate.FromTokensPerSecond(12345.5).ToString()).Should().Be("12,345.5 tokens/s");
            TestHelper.InCulture(culture, () => TokenCount.FromTokens(1_000_000).ToString()).Should().Be("1,000,000 tokens");
            TestHelper.InCulture(culture, () => ComputeRate.FromTeraflops(989.5).ToString()).Should().Be("989.5 TFLOPS");
        }
    }
}
