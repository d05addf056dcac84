using CloudEconomics.Inference;
using FluentValidation.TestHelper;

namespace CloudEconomics.Tests.Inference;

public class WorkloadTest
{
    [Fact]
    public void FromSamples_KeepsMeans()
    {
        // Means: (100 + 300) / 2 = 200 prompt tokens; (50 + 150) / 2 = 100 output tokens.
        var w = Workload.FromSamples([T(100), T(300)], [T(50), T(150)], batchSize: 8);
        (w.PromptTokens, w.OutputTokens, w.BatchSize).Should().Be((T(200), T(100), 8));
        w.InputShare.Should().BeApproximately(2d / 3, 1e-12);
    }

    [Fact]
    public void FromSamples_ZeroTokenSample_ThrowsNamingSpanAndIndex()
    {
        var act = () => Workload.FromSamples([T(100), T(0)], [T(50), T(150)]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "promptTokens" && e.Message.Contains("sample 1"));
    }

    [Fact]
    public void FromSamples_LengthMismatch_Throws()
    {
        var act = () => Workload.FromSamples([T(100), T(200)], [T(50)]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "outputTokens");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    [InlineData(-1.0)]
    public void Validator_UtilizationOutsideUnitInterval_Fails(double utilization)
        => WorkloadValidator.Instance.TestValidate(new Workload { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1), Utilization = utilization })
            .ShouldHaveValidationErrorFor(w => w.Utilization).WithErrorMessage($"Utilization must be greater than 0 and at most 1; it was {utilization.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");

    [Fact]
    public void Validator_HitRateOfOne_Fails()
        => WorkloadValidator.Instance.TestValidate(new Workload { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1), PrefixCacheHitRate = 1 })
            .ShouldHaveValidationErrorFor(w => w.PrefixCacheHitRate);

    [Fact]
    public void Validator_ZeroBatch_Fails()
        => WorkloadValidator.Instance.TestValidate(new Workload { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1), BatchSize = 0 })
            .ShouldHaveValidationErrorFor(w => w.BatchSize);

    [Fact]
    public void ToString_IsCultureInvariant()
        => Helpers.TestHelper.InCulture("tr-TR", () => new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 32, Utilization = 0.6 }.ToString())
            .Should().Be("2,000 in / 500 out, batch 32, prefix hit 0%, util 60%");

    private static TokenCount T(double tokens) => TokenCount.FromTokens(tokens);
}

public class ModelProfileTest
{
    private static ModelProfile Valid => ModelLibrary.Default["llama-3.1-8b"];

    [Fact]
    public void Validator_ActiveAboveTotal_Fails()
        => ModelProfileValidator.Instance.TestValidate(Valid with { ActiveParameters = 2 * Valid.TotalParameters })
            .ShouldHaveValidationErrorFor(m => m.ActiveParameters);

    [Fact]
    public void Validator_MoreKvHeadsThanHeads_Fails()
        => ModelProfileValidator.Instance.TestValidate(Valid with { KeyValueHeads = 64 })
            .ShouldHaveValidationErrorFor(m => m.KeyValueHeads);

    [Fact]
    public void Validator_ZeroLayers_Fails()
        => ModelProfileValidator.Instance.TestValidate(Valid with { Layers = 0 })
            .ShouldHaveValidationErrorFor(m => m.Layers).WithErrorMessage("Layers must be greater than zero; it was 0.");

    [Fact]
    public void WeightBytes_Fp8HalvesBf16()
    {
        // 8,030,261,248 parameters x 2 bytes = 16,060,522,496 B in BF16; x 1 byte in FP8.
        Valid.WeightBytes.Should().Be(16_060_522_496);
        Valid.WithPrecision(NumericPrecision.Fp8).WeightBytes.Should().Be(8_030_261_248);
    }

    [Fact]
    public void ToString_IsCultureInvariant()
        => Helpers.TestHelper.InCulture("de-DE", () => ModelLibrary.Default["mixtral-8x7b"].ToString()).Should().Be("Mixtral 8x7B (46.7B params, 12.88B active, Bf16)");
}

public class TokenCostBatchTest
{
    [Fact]
    public void FromHourlyPrices_UsesKernel_MatchesScalar()
    {
        // 98.32 / (10,000 x 3,600 x 0.5) x 1e6 = 5.462222; 55.04 / (5,000 x 3,600 x 0.5) x 1e6 = 6.115556.
        var r = TokenCost.FromHourlyPrices([PricePerHour.Usd(98.32m), PricePerHour.Usd(55.04m)], [TokenRate.FromTokensPerSecond(10_000), TokenRate.FromTokensPerSecond(5_000)], 0.5);
        ((double)r[0].PerMillionTokens.Amount).Should().BeApproximately(5.4622222222, 1e-9);
        ((double)r[1].PerMillionTokens.Amount).Should().BeApproximately(6.1155555556, 1e-9);
    }

    [Fact]
    public void FromHourlyPrices_ZeroThroughput_NamesThroughputs()
    {
        var act = () => TokenCost.FromHourlyPrices([PricePerHour.Usd(1m)], [TokenRate.Zero], 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "throughputs" && e.Message.Contains("tokensPerSecond[0]"));
    }
}
