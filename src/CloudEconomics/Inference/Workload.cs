using System.Globalization;
using FluentValidation;
using UnitsDuration = UnitsNet.Duration;

namespace CloudEconomics.Inference;

/// <summary>
/// What a fleet serves: the average request shape (prompt and output tokens), how many sequences a replica decodes
/// together, how much of each prompt is served from a prefix cache, how busy the fleet is, and optional latency targets.
/// </summary>
/// <remarks>
/// The roofline works on averages: a distribution of request lengths enters through <see cref="FromSamples"/>, which
/// keeps the means (the decode step cost is linear in context length, so the mean context gives the mean step).
/// </remarks>
public sealed record Workload
{
    /// <summary>Average prompt (input) tokens per request; at least 1 token.</summary>
    public required TokenCount PromptTokens { get; init; }

    /// <summary>Average output (generated) tokens per request; at least 1 token.</summary>
    public required TokenCount OutputTokens { get; init; }

    /// <summary>Sequences decoded together per model replica (the continuous-batching concurrency); at least 1.
    /// The KV-cache capacity may lower it (the estimate reports the batch it used).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Fraction of prompt tokens served from a prefix cache (not recomputed), in [0, 1).</summary>
    public double PrefixCacheHitRate { get; init; }

    /// <summary>Fraction of paid hours the fleet does useful work, in (0, 1].</summary>
    public double Utilization { get; init; } = 1d;

    /// <summary>Largest acceptable time to first token; null means no target.</summary>
    public UnitsDuration? TimeToFirstTokenTarget { get; init; }

    /// <summary>Largest acceptable time per output token; null means no target.</summary>
    public UnitsDuration? TimePerOutputTokenTarget { get; init; }

    /// <summary>Prompt plus output tokens per request.</summary>
    public TokenCount TokensPerRequest => PromptTokens + OutputTokens;

    /// <summary>Share of a request's tokens that are prompt tokens: prompt / (prompt + output).</summary>
    public double InputShare => PromptTokens.Tokens / TokensPerRequest.Tokens;

    /// <summary>A workload from sampled request lengths, keeping their means.</summary>
    /// <param name="promptTokens">Prompt tokens of each sampled request; each at least 1.</param>
    /// <param name="outputTokens">Output tokens of each sampled request, same length; each at least 1.</param>
    /// <param name="batchSize">Sequences per replica; at least 1.</param>
    /// <returns>The workload with mean prompt and output lengths.</returns>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths, or a sample is below 1 token (names the span and index).</exception>
    public static Workload FromSamples(ReadOnlySpan<TokenCount> promptTokens, ReadOnlySpan<TokenCount> outputTokens, int batchSize = 1)
    {
        if (promptTokens.IsEmpty)
        {
            throw new ArgumentException("At least one sampled request is required; the prompt samples were empty.", nameof(promptTokens));
        }
        if (outputTokens.Length != promptTokens.Length)
        {
            throw new ArgumentException($"Output samples must match prompt samples in length; {outputTokens.Length} != {promptTokens.Length}.", nameof(outputTokens));
        }
        double p = 0, o = 0;
        for (int i = 0; i < promptTokens.Length; i++)
        {
            double prompt = promptTokens[i].Tokens, output = outputTokens[i].Tokens;
            if (!(prompt >= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(promptTokens), prompt, string.Create(CultureInfo.InvariantCulture, $"Every prompt sample must be at least 1 token; sample {i} was {prompt:R}."));
            }
            if (!(output >= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(outputTokens), output, string.Create(CultureInfo.InvariantCulture, $"Every output sample must be at least 1 token; sample {i} was {output:R}."));
            }
            p += prompt;
            o += output;
        }
        return new Workload { PromptTokens = TokenCount.FromTokens(p / promptTokens.Length), OutputTokens = TokenCount.FromTokens(o / promptTokens.Length), BatchSize = batchSize };
    }

    /// <summary>Invariant text such as <c>"2,000 in / 500 out, batch 32, util 60%"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{PromptTokens.Tokens:#,0.#} in / {OutputTokens.Tokens:#,0.#} out, batch {BatchSize}, prefix hit {PrefixCacheHitRate:0.##%}, util {Utilization:0.##%}");
}

/// <summary>Rules for a <see cref="Workload"/>.</summary>
public sealed class WorkloadValidator : AbstractValidator<Workload>
{
    /// <summary>The shared instance.</summary>
    public static WorkloadValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public WorkloadValidator()
    {
        RuleFor(w => w.PromptTokens).Must(v => v.Tokens >= 1)
            .WithMessage(w => $"Prompt tokens must be at least 1; it was {F(w.PromptTokens.Tokens)}.");
        RuleFor(w => w.OutputTokens).Must(v => v.Tokens >= 1)
            .WithMessage(w => $"Output tokens must be at least 1; it was {F(w.OutputTokens.Tokens)}.");
        RuleFor(w => w.BatchSize).GreaterThanOrEqualTo(1)
            .WithMessage(w => $"Batch size must be at least 1; it was {w.BatchSize}.");
        RuleFor(w => w.PrefixCacheHitRate).Must(v => double.IsFinite(v) && v >= 0 && v < 1)
            .WithMessage(w => $"Prefix-cache hit rate must be at least 0 and below 1; it was {F(w.PrefixCacheHitRate)}.");
        RuleFor(w => w.Utilization).Must(v => double.IsFinite(v) && v > 0 && v <= 1)
            .WithMessage(w => $"Utilization must be greater than 0 and at most 1; it was {F(w.Utilization)}.");
        RuleFor(w => w.TimeToFirstTokenTarget).Must(d => d is null || (double.IsFinite(d.Value.Seconds) && d.Value.Seconds > 0))
            .WithMessage("Time-to-first-token target must be positive when set.");
        RuleFor(w => w.TimePerOutputTokenTarget).Must(d => d is null || (double.IsFinite(d.Value.Seconds) && d.Value.Seconds > 0))
            .WithMessage("Time-per-output-token target must be positive when set.");
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
