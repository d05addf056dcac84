using System.Globalization;
using CloudEconomics.Utility;

namespace CloudEconomics.Inference;

/// <summary>
/// Prices per million tokens from hourly prices and throughputs: one price, an input/output split by prefill and
/// decode time, a blended price at a workload's mix, and prefix-cache discounts.
/// </summary>
/// <remarks>
/// The hourly price may be a cloud offer, a reserved rate, or an owned total cost per accelerator-hour: any
/// <see cref="PricePerHour"/>. Utilisation is the fraction of paid hours doing useful work; idle hours are still paid.
/// </remarks>
public static class TokenCost
{
    /// <summary>
    /// Price per million tokens = price / (throughput x 3,600 s x utilisation) x 1,000,000.
    /// </summary>
    /// <param name="price">Price per hour of the hardware producing <paramref name="throughput"/>; greater than zero.</param>
    /// <param name="throughput">Tokens per second at full load; greater than zero.</param>
    /// <param name="utilization">Fraction of paid hours at full load, in (0, 1].</param>
    /// <returns>The price per million tokens, in the price's currency.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price or throughput is not greater than zero, or the utilisation is outside (0, 1] (names the parameter).</exception>
    /// <example>98.32 USD/h at 10,000 tokens/s and utilisation 1: 98.32 / 36,000,000 x 1,000,000 = 2.7311 USD per million tokens.</example>
    public static PricePerMillionTokens FromHourlyPrice(PricePerHour price, TokenRate throughput, double utilization)
    {
        if (price.PerHour.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"Price per hour must be greater than zero; it was {price}.");
        }
        if (!(throughput.TokensPerSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(throughput), throughput.TokensPerSecond, $"Throughput must be greater than zero tokens per second; it was {throughput}.");
        }
        Preconditions.CheckUnitIntervalExclusiveZero(utilization, nameof(utilization));
        double amount = TokenCostKernel.Formula(price.PerHour.ToDouble(), throughput.TokensPerSecond, utilization);
        if (!(amount <= 7.9e27))
        {
            throw new ArgumentOutOfRangeException(nameof(throughput), throughput.TokensPerSecond, $"Throughput is too small to price: the price per million tokens would exceed the range of decimal; it was {throughput}.");
        }
        return new PricePerMillionTokens(Money.FromDouble(amount, price.Currency));
    }

    /// <summary>
    /// <see cref="FromHourlyPrice"/> over many scenarios through <see cref="TokenCostKernel"/> (vectorised): one price
    /// per million tokens per (price, throughput) pair at one utilisation, each in its price's currency.
    /// </summary>
    /// <param name="prices">Hourly prices; each greater than zero.</param>
    /// <param name="throughputs">Throughputs, same length; each greater than zero.</param>
    /// <param name="utilization">Utilisation of every scenario, in (0, 1].</param>
    /// <returns>The prices, in order.</returns>
    /// <exception cref="ArgumentException">The lengths differ (parameter <c>throughputs</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule (names the parameter and the index).</exception>
    public static PricePerMillionTokens[] FromHourlyPrices(ReadOnlySpan<PricePerHour> prices, ReadOnlySpan<TokenRate> throughputs, double utilization)
    {
        if (throughputs.Length != prices.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Throughputs must have the same length as prices ({prices.Length}); it has {throughputs.Length}."), nameof(throughputs));
        }
        Preconditions.CheckUnitIntervalExclusiveZero(utilization, nameof(utilization));
        int n = prices.Length;
        var p = new double[n];
        var r = new double[n];
        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = prices[i].PerHour.ToDouble();
            r[i] = throughputs[i].TokensPerSecond;
            u[i] = utilization;
        }
        var d = new double[n];
        try
        {
            TokenCostKernel.PricePerMillionTokens(p, r, u, d);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is "pricePerHour" or "tokensPerSecond")
        {
            throw new ArgumentOutOfRangeException(e.ParamName == "pricePerHour" ? nameof(prices) : nameof(throughputs), e.ActualValue, e.Message.Split(Environment.NewLine)[0]);
        }
        var result = new PricePerMillionTokens[n];
        for (int i = 0; i < n; i++)
        {
            if (!(d[i] <= 7.9e27))
            {
                throw new ArgumentOutOfRangeException(nameof(throughputs), r[i], string.Create(CultureInfo.InvariantCulture, $"Throughput is too small to price: scenario {i} would exceed the range of decimal."));
            }
            result[i] = new PricePerMillionTokens(Money.FromDouble(d[i], prices[i].Currency));
        }
        return result;
    }

    /// <summary>
    /// Input, output and blended prices for an estimate: the hourly price is split between prefill and decode by their
    /// shares of replica time, then divided by the tokens each phase serves at the workload's utilisation.
    /// </summary>
    /// <param name="deploymentPrice">Price per hour of the whole deployment (all its accelerators); greater than zero.</param>
    /// <param name="estimate">A roofline estimate or a calibrated one; must fit.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is not greater than zero.</exception>
    /// <exception cref="ArgumentException">The estimate is for a model that does not fit (parameter <c>estimate</c>).</exception>
    /// <remarks>
    /// Uncached input = price x prefill share / (uncached prompt tokens per hour x utilisation); effective input (what a
    /// prompt token costs on average with the prefix cache) = uncached input x (1 - hit rate); output = price x decode
    /// share / (output tokens per hour x utilisation); blended = price / (all tokens per hour x utilisation), which equals
    /// (prompt x effective input + output x output price) / (prompt + output).
    /// </remarks>
    public static TokenCostBreakdown ForEstimate(PricePerHour deploymentPrice, ThroughputEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (deploymentPrice.PerHour.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deploymentPrice), deploymentPrice, $"Price per hour must be greater than zero; it was {deploymentPrice}.");
        }
        if (!estimate.Fit.Fits)
        {
            throw new ArgumentException("The estimate must be for a model that fits its deployment: " + estimate.Fit.Reason, nameof(estimate));
        }
        var w = estimate.Workload;
        double share = estimate.PrefillTimeShare;
        double requests = estimate.RequestsPerSecond;
        double u = w.Utilization;
        var total = FromHourlyPrice(deploymentPrice, estimate.TotalThroughput, u);
        var prefillPrice = new PricePerHour(deploymentPrice.PerHour * (decimal)share);
        var decodePrice = new PricePerHour(deploymentPrice.PerHour * (decimal)(1 - share));
        var uncached = prefillPrice.PerHour.Amount == 0
            ? new PricePerMillionTokens(Money.Zero(deploymentPrice.Currency))
            : FromHourlyPrice(prefillPrice, TokenRate.FromTokensPerSecond(requests * estimate.UncachedPromptTokens.Tokens), u);
        var output = decodePrice.PerHour.Amount == 0
            ? new PricePerMillionTokens(Money.Zero(deploymentPrice.Currency))
            : FromHourlyPrice(decodePrice, estimate.OutputThroughput, u);
        return new TokenCostBreakdown
        {
            DeploymentPrice = deploymentPrice,
            Utilization = u,
            PrefillTimeShare = share,
            UncachedInput = uncached,
            EffectiveInput = uncached * (decimal)(1 - w.PrefixCacheHitRate),
            Output = output,
            Blended = total,
            Source = estimate.Source,
            PrefillBound = estimate.Prefill.Bound,
            DecodeBound = estimate.Decode.Bound,
        };
    }

    /// <summary>
    /// <see cref="ForEstimate"/> from a price per accelerator-hour (for example an owned total cost of ownership per
    /// GPU-hour): the deployment price is that price x the deployment's accelerator count.
    /// </summary>
    /// <param name="perAcceleratorHour">Price or cost per accelerator-hour; greater than zero.</param>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is not greater than zero.</exception>
    /// <exception cref="ArgumentException">The estimate is for a model that does not fit.</exception>
    public static TokenCostBreakdown ForEstimatePerAccelerator(PricePerHour perAcceleratorHour, ThroughputEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (perAcceleratorHour.PerHour.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perAcceleratorHour), perAcceleratorHour, $"Price per accelerator-hour must be greater than zero; it was {perAcceleratorHour}.");
        }
        return ForEstimate(perAcceleratorHour * estimate.Deployment.AcceleratorCount, estimate);
    }

    /// <summary>The blended price of a mix: input x share + output x (1 - share).</summary>
    /// <param name="input">Price per million input tokens.</param>
    /// <param name="output">Price per million output tokens; same currency as <paramref name="input"/>.</param>
    /// <param name="inputShare">Share of tokens that are input, in [0, 1] (for example 0.75 for a 3:1 input:output mix).</param>
    /// <returns>The blended price.</returns>
    /// <exception cref="ArgumentException">The currencies differ (parameter <c>output</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputShare"/> is outside [0, 1].</exception>
    public static PricePerMillionTokens Blend(PricePerMillionTokens input, PricePerMillionTokens output, double inputShare)
    {
        CheckSameCurrency(input, output, nameof(output));
        Preconditions.CheckInRange(inputShare, 0, 1, nameof(inputShare));
        decimal s = (decimal)inputShare;
        return new PricePerMillionTokens(input.PerMillionTokens * s + output.PerMillionTokens * (1 - s));
    }

    /// <summary>
    /// The average price of an input token when a share of prompts hits a prefix cache billed at a fraction of the
    /// input price: input x (1 - hit rate x (1 - cached fraction)).
    /// </summary>
    /// <param name="input">Price per million uncached input tokens.</param>
    /// <param name="hitRate">Share of input tokens served from the cache, in [0, 1].</param>
    /// <param name="cachedPriceFraction">Price of a cached token as a fraction of the input price, in [0, 1] (0.1 when cached tokens cost a tenth).</param>
    /// <returns>The discounted input price.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is outside [0, 1].</exception>
    public static PricePerMillionTokens ApplyPrefixCacheDiscount(PricePerMillionTokens input, double hitRate, double cachedPriceFraction)
    {
        Preconditions.CheckInRange(hitRate, 0, 1, nameof(hitRate));
        Preconditions.CheckInRange(cachedPriceFraction, 0, 1, nameof(cachedPriceFraction));
        return input * (decimal)(1 - hitRate * (1 - cachedPriceFraction));
    }

    internal static void CheckSameCurrency(PricePerMillionTokens a, PricePerMillionTokens b, string paramName)
    {
        if (a.Currency != b.Currency)
        {
            throw new ArgumentException($"Currencies must match: {paramName} is in {b.Currency.Code} but the other price is in {a.Currency.Code}. Convert one first.", paramName);
        }
    }
}

/// <summary>Prices per million tokens for one deployment and workload, with the bounds and source behind them.</summary>
public sealed record TokenCostBreakdown
{
    /// <summary>The hourly price of the whole deployment.</summary>
    public required PricePerHour DeploymentPrice { get; init; }

    /// <summary>Utilisation applied, in (0, 1].</summary>
    public required double Utilization { get; init; }

    /// <summary>Share of replica time spent in prefill (the share of the price charged to input).</summary>
    public required double PrefillTimeShare { get; init; }

    /// <summary>Price per million uncached (recomputed) input tokens.</summary>
    public required PricePerMillionTokens UncachedInput { get; init; }

    /// <summary>Average price per million input tokens after the prefix-cache hit rate.</summary>
    public required PricePerMillionTokens EffectiveInput { get; init; }

    /// <summary>Price per million output tokens.</summary>
    public required PricePerMillionTokens Output { get; init; }

    /// <summary>Price per million tokens of the workload's input/output mix.</summary>
    public required PricePerMillionTokens Blended { get; init; }

    /// <summary>Whether the throughput was estimated or measured.</summary>
    public required ThroughputSource Source { get; init; }

    /// <summary>What limits prefill.</summary>
    public required LimitingBound PrefillBound { get; init; }

    /// <summary>What limits decode.</summary>
    public required LimitingBound DecodeBound { get; init; }

    /// <summary>Invariant text such as <c>"input 0.12, output 1.90, blended 0.61 USD/1M tokens"</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"input {EffectiveInput.PerMillionTokens.Amount:0.####} (uncached {UncachedInput.PerMillionTokens.Amount:0.####}), output {Output.PerMillionTokens.Amount:0.####}, blended {Blended.PerMillionTokens.Amount:0.####} {Blended.Currency.Code}/1M tokens");
}
