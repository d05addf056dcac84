using CloudEconomics.Inference;
using FsCheck;
using FsCheck.Xunit;

namespace CloudEconomics.Tests.Inference;

public class TokenCostTest
{
    [Fact]
    public void FromHourlyPrice_P5PreCutPrice_MatchesHandCalculation()
    {
        // Hand calculation: 98.32 USD/h / (10,000 tokens/s x 3,600 s x 1.0) x 1,000,000
        //   = 98.32 / 36,000,000 x 1,000,000 = 2.731111... USD per million tokens.
        var price = TokenCost.FromHourlyPrice(PricePerHour.Usd(98.32m), TokenRate.FromTokensPerSecond(10_000), 1.0);
        price.Currency.Should().Be(Currency.Usd);
        ((double)price.PerMillionTokens.Amount).Should().BeApproximately(2.731111111, 1e-9);
    }

    [Fact]
    public void FromHourlyPrice_HalfUtilization_DoublesThePrice()
    {
        // 55.04 USD/h (p5.48xlarge after the June 2025 cut) at 5,000 tokens/s and 50% utilisation:
        // 55.04 / (5,000 x 3,600 x 0.5) x 1e6 = 55.04 / 9,000,000 x 1e6 = 6.115555... USD per million tokens.
        var price = TokenCost.FromHourlyPrice(PricePerHour.Usd(55.04m), TokenRate.FromTokensPerSecond(5_000), 0.5);
        ((double)price.PerMillionTokens.Amount).Should().BeApproximately(6.1155555556, 1e-9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromHourlyPrice_UtilizationOutsideUnitInterval_Throws(double utilization)
    {
        var act = () => TokenCost.FromHourlyPrice(PricePerHour.Usd(1m), TokenRate.FromTokensPerSecond(1), utilization);
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "utilization" && (e.Message.Contains("greater than 0 and at most 1") || e.Message.Contains("finite")));
    }

    [Fact]
    public void FromHourlyPrice_ZeroThroughput_Throws()
    {
        var act = () => TokenCost.FromHourlyPrice(PricePerHour.Usd(1m), TokenRate.Zero, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "throughput" && e.Message.Contains("greater than zero tokens per second"));
    }

    [Fact]
    public void FromHourlyPrice_ZeroPrice_Throws()
    {
        var act = () => TokenCost.FromHourlyPrice(PricePerHour.Usd(0m), TokenRate.FromTokensPerSecond(1), 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "price" && e.Message.Contains("greater than zero"));
    }

    [Fact]
    public void Blend_ThreeToOneMix_IsWeightedAverage()
    {
        // 0.75 x 1.00 + 0.25 x 4.00 = 0.75 + 1.00 = 1.75 USD per million tokens.
        var blended = TokenCost.Blend(PricePerMillionTokens.Usd(1m), PricePerMillionTokens.Usd(4m), 0.75);
        blended.PerMillionTokens.Amount.Should().Be(1.75m);
    }

    [Fact]
    public void Blend_MismatchedCurrencies_ThrowsNamingOutput()
    {
        var act = () => TokenCost.Blend(PricePerMillionTokens.Usd(1m), new PricePerMillionTokens(Money.Eur(1m)), 0.5);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "output" && e.Message.Contains("Currencies must match") && e.Message.Contains("EUR"));
    }

    [Fact]
    public void ApplyPrefixCacheDiscount_HalfHitsAtTenPercent_Is55Percent()
    {
        // 1 - 0.5 x (1 - 0.1) = 1 - 0.45 = 0.55 of 3.00 = 1.65 USD per million tokens.
        var p = TokenCost.ApplyPrefixCacheDiscount(PricePerMillionTokens.Usd(3m), 0.5, 0.1);
        p.PerMillionTokens.Amount.Should().Be(1.65m);
    }

    [Fact]
    public void ForEstimate_SplitsPriceConsistently()
    {
        var w = new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 32, PrefixCacheHitRate = 0.5, Utilization = 0.6 };
        var est = Roofline.Estimate(Specs.Llama70B, w, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = 8 });
        var cost = TokenCost.ForEstimate(PricePerHour.Usd(55.04m), est);

        // Blended = (prompt x effective input + output x output price) / (prompt + output), by construction of the split.
        double mix = (2000 * (double)cost.EffectiveInput.PerMillionTokens.Amount + 500 * (double)cost.Output.PerMillionTokens.Amount) / 2500;
        ((double)cost.Blended.PerMillionTokens.Amount).Should().BeApproximately(mix, mix * 1e-9);
        // The prefix cache halves the average input price.
        ((double)cost.EffectiveInput.PerMillionTokens.Amount).Should().BeApproximately(0.5 * (double)cost.UncachedInput.PerMillionTokens.Amount, 1e-9);
        cost.Source.Should().Be(ThroughputSource.RooflineEstimate);
    }

    [Fact]
    public void ForEstimatePerAccelerator_MultipliesByCount()
    {
        var w = new Workload { PromptTokens = TokenCount.FromTokens(1000), OutputTokens = TokenCount.FromTokens(200), BatchSize = 8 };
        var est = Roofline.Estimate(Specs.Llama70B, w, new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 8, TensorParallelDegree = 8 });
        var perChip = TokenCost.ForEstimatePerAccelerator(PricePerHour.Usd(6.88m), est);
        var whole = TokenCost.ForEstimate(PricePerHour.Usd(55.04m), est); // 6.88 x 8 = 55.04
        perChip.Blended.Should().Be(whole.Blended);
    }

    [Property]
    public bool CostFallsAsUtilizationRises(PositiveInt cents, PositiveInt tokensPerSecond, byte a, byte b)
    {
        double u1 = (Math.Min(a, b) + 1) / 256d;
        double u2 = (Math.Max(a, b) + 1) / 256d;
        var price = PricePerHour.Usd(cents.Get / 100m);
        var rate = TokenRate.FromTokensPerSecond(tokensPerSecond.Get);
        var low = TokenCost.FromHourlyPrice(price, rate, u1);
        var high = TokenCost.FromHourlyPrice(price, rate, u2);
        return u1 == u2 ? low == high : high < low;
    }

    [Property]
    public bool DoublingPriceDoublesCost(PositiveInt cents, PositiveInt tokensPerSecond, byte u)
    {
        double utilization = (u + 1) / 256d;
        var rate = TokenRate.FromTokensPerSecond(tokensPerSecond.Get);
        var one = TokenCost.FromHourlyPrice(PricePerHour.Usd(cents.Get / 100m), rate, utilization).PerMillionTokens.ToDouble();
        var two = TokenCost.FromHourlyPrice(PricePerHour.Usd(cents.Get / 50m), rate, utilization).PerMillionTokens.ToDouble();
        return Math.Abs(two - 2 * one) <= 1e-12 * two;
    }
}
