using System.Globalization;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Inference;

/// <summary>
/// The shape of a decoder-only transformer as the roofline needs it: parameter counts (total and active per token,
/// which differ for mixture-of-experts models), layers, widths, attention and KV heads, and the precisions of the
/// weights and the KV cache. Immutable; change a field with a <c>with</c> expression and the result is validated
/// again by every calculator.
/// </summary>
/// <remarks>
/// <para>KV-cache size per token = layers x <see cref="KvCacheElementsPerTokenPerLayer"/> x bytes per element of
/// <see cref="KvCachePrecision"/>. For grouped-query attention the elements per token per layer are
/// 2 (K and V) x KV heads x head dimension; a model with another layout (DeepSeek's multi-head latent attention caches
/// a 512-wide latent plus a 64-wide RoPE key: 576 elements) sets <see cref="KvCacheElementsPerTokenPerLayerOverride"/>.</para>
/// <para>Presets live in <c>seeds/models/*.json</c>, each figure with its source; see <see cref="ModelLibrary"/>.</para>
/// </remarks>
public sealed record ModelProfile
{
    /// <summary>Stable identifier, such as <c>"llama-3.1-70b"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, such as <c>"Llama 3.1 70B"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Every parameter of the model (all experts of a mixture-of-experts model), in parameters (not billions).</summary>
    public required double TotalParameters { get; init; }

    /// <summary>Parameters used for one token (equal to <see cref="TotalParameters"/> for a dense model), in parameters.</summary>
    public required double ActiveParameters { get; init; }

    /// <summary>Transformer layers (blocks).</summary>
    public required int Layers { get; init; }

    /// <summary>Model (embedding) width, in elements.</summary>
    public required int HiddenSize { get; init; }

    /// <summary>Query heads per layer.</summary>
    public required int AttentionHeads { get; init; }

    /// <summary>Key/value heads per layer (fewer than <see cref="AttentionHeads"/> under grouped-query attention).</summary>
    public required int KeyValueHeads { get; init; }

    /// <summary>Width of one attention head, in elements.</summary>
    public required int HeadDimension { get; init; }

    /// <summary>
    /// Cached elements per token per layer when the model does not cache plain K and V heads (for example 576 for
    /// DeepSeek-V3's latent attention); null means 2 x <see cref="KeyValueHeads"/> x <see cref="HeadDimension"/>.
    /// </summary>
    public int? KvCacheElementsPerTokenPerLayerOverride { get; init; }

    /// <summary>Precision the weights are stored and streamed in (BF16 unless quantised).</summary>
    public NumericPrecision WeightPrecision { get; init; } = NumericPrecision.Bf16;

    /// <summary>Precision of the KV cache (BF16 unless quantised).</summary>
    public NumericPrecision KvCachePrecision { get; init; } = NumericPrecision.Bf16;

    /// <summary>Longest context (prompt + output) the model supports, in tokens.</summary>
    public required int MaxContextTokens { get; init; }

    /// <summary>Where the architecture figures come from (URL or repository path); null when entered by hand.</summary>
    public string? Source { get; init; }

    /// <summary>The date of the source; null when unknown.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Whether the model is a mixture of experts (active parameters below total parameters).</summary>
    public bool IsMixtureOfExperts => ActiveParameters < TotalParameters;

    /// <summary>Cached elements per token per layer: the override, or 2 x KV heads x head dimension.</summary>
    public int KvCacheElementsPerTokenPerLayer => KvCacheElementsPerTokenPerLayerOverride ?? checked(2 * KeyValueHeads * HeadDimension);

    /// <summary>Bytes of all weights at <see cref="WeightPrecision"/>: total parameters x bytes per element.</summary>
    public double WeightBytes => TotalParameters * WeightPrecision.BytesPerElement();

    /// <summary>Bytes of the weights used for one token at <see cref="WeightPrecision"/>: active parameters x bytes per element.</summary>
    public double ActiveWeightBytes => ActiveParameters * WeightPrecision.BytesPerElement();

    /// <summary>KV-cache bytes one token of context occupies: layers x elements per token per layer x bytes per element.</summary>
    public double KvCacheBytesPerToken => (double)Layers * KvCacheElementsPerTokenPerLayer * KvCachePrecision.BytesPerElement();

    /// <summary>Width of all query heads (heads x head dimension), the width attention scores are computed over.</summary>
    public int AttentionWidth => checked(AttentionHeads * HeadDimension);

    /// <summary>The same model with other weight and KV-cache precisions (quantisation).</summary>
    /// <param name="weights">Weight precision.</param>
    /// <param name="kvCache">KV-cache precision; null keeps the current one.</param>
    /// <returns>The changed profile.</returns>
    public ModelProfile WithPrecision(NumericPrecision weights, NumericPrecision? kvCache = null)
        => this with { WeightPrecision = weights, KvCachePrecision = kvCache ?? KvCachePrecision };

    /// <summary>Invariant text such as <c>"Llama 3.1 70B (70.56B params, BF16)"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string active = IsMixtureOfExperts
            ? string.Create(CultureInfo.InvariantCulture, $", {ActiveParameters / 1e9:0.##}B active")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Name} ({TotalParameters / 1e9:0.##}B params{active}, {WeightPrecision})");
    }
}

/// <summary>Rules for a <see cref="ModelProfile"/>; calculators call <c>ValidateAndThrow</c> with it.</summary>
public sealed class ModelProfileValidator : AbstractValidator<ModelProfile>
{
    /// <summary>The shared instance.</summary>
    public static ModelProfileValidator Instance { get; } = new();

    /// <summary>Creates the rules.</summary>
    public ModelProfileValidator()
    {
        RuleFor(m => m.Id).NotEmpty().WithMessage("Model id must not be empty.");
        RuleFor(m => m.Name).NotEmpty().WithMessage("Model name must not be empty.");
        RuleFor(m => m.TotalParameters).Must(v => double.IsFinite(v) && v > 0)
            .WithMessage(m => $"Total parameters must be a finite number greater than zero; it was {Fmt(m.TotalParameters)}.");
        RuleFor(m => m.ActiveParameters).Must(v => double.IsFinite(v) && v > 0)
            .WithMessage(m => $"Active parameters must be a finite number greater than zero; it was {Fmt(m.ActiveParameters)}.");
        RuleFor(m => m.ActiveParameters).Must((m, v) => v <= m.TotalParameters)
            .WithMessage(m => $"Active parameters must not exceed total parameters; active {Fmt(m.ActiveParameters)} > total {Fmt(m.TotalParameters)}.");
        RuleFor(m => m.Layers).GreaterThan(0).WithMessage(m => $"Layers must be greater than zero; it was {m.Layers}.");
        RuleFor(m => m.HiddenSize).GreaterThan(0).WithMessage(m => $"Hidden size must be greater than zero; it was {m.HiddenSize}.");
        RuleFor(m => m.AttentionHeads).GreaterThan(0).WithMessage(m => $"Attention heads must be greater than zero; it was {m.AttentionHeads}.");
        RuleFor(m => m.KeyValueHeads).GreaterThan(0).WithMessage(m => $"Key/value heads must be greater than zero; it was {m.KeyValueHeads}.");
        RuleFor(m => m.KeyValueHeads).Must((m, v) => v <= m.AttentionHeads)
            .WithMessage(m => $"Key/value heads must not exceed attention heads; {m.KeyValueHeads} > {m.AttentionHeads}.");
        RuleFor(m => m.HeadDimension).GreaterThan(0).WithMessage(m => $"Head dimension must be greater than zero; it was {m.HeadDimension}.");
        RuleFor(m => m.KvCacheElementsPerTokenPerLayerOverride).Must(v => v is null || v > 0)
            .WithMessage(m => $"KV-cache elements per token per layer must be greater than zero when set; it was {m.KvCacheElementsPerTokenPerLayerOverride}.");
        RuleFor(m => m.WeightPrecision).IsInEnum().WithMessage("Weight precision must be a defined NumericPrecision value.");
        RuleFor(m => m.KvCachePrecision).IsInEnum().WithMessage("KV-cache precision must be a defined NumericPrecision value.");
        RuleFor(m => m.MaxContextTokens).GreaterThan(0).WithMessage(m => $"Maximum context must be greater than zero tokens; it was {m.MaxContextTokens}.");
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
