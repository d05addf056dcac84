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

    /// <summary>
    /// Routed experts per mixture-of-experts layer (E; 8 for Mixtral 8x7B, 256 for DeepSeek-V3); 0 for a dense model.
    /// Shared experts, which every token uses, are not counted here (see <see cref="SharedExpertParameters"/>).
    /// </summary>
    public int ExpertCount { get; init; }

    /// <summary>Routed experts each token is sent to (top-k: 2 for Mixtral, 8 for DeepSeek-V3); 0 for a dense model.</summary>
    public int ExpertsPerToken { get; init; }

    /// <summary>
    /// Parameters of all routed experts summed over every mixture-of-experts layer, in parameters; 0 for a dense model.
    /// The rest of <see cref="TotalParameters"/> (attention, dense layers, shared experts, router, embeddings) is read
    /// for every token: <see cref="AlwaysActiveParameters"/>.
    /// </summary>
    public double RoutedExpertParameters { get; init; }

    /// <summary>
    /// Parameters of the shared experts summed over every layer (DeepSeek-V3: 1 shared expert per MoE layer), in
    /// parameters; part of <see cref="AlwaysActiveParameters"/>, kept for the record; 0 when the model has none.
    /// </summary>
    public double SharedExpertParameters { get; init; }

    /// <summary>
    /// Whether the KV cache holds one compressed latent per token shared by every attention head (multi-head latent
    /// attention, DeepSeek-V2/V3). Such a cache cannot be split by heads: under tensor parallelism every rank holds all of it.
    /// </summary>
    public bool LatentAttention { get; init; }

    /// <summary>Precision the weights are stored and streamed in (BF16 unless quantised).</summary>
    public NumericPrecision WeightPrecision { get; init; } = NumericPrecision.Bf16;

    /// <summary>
    /// Precision of the activations, and so of the matrix multiplications: the compute peak used is the chip's peak at
    /// this precision (BF16 unless the recipe quantises activations too, as W8A8 FP8 and W4A4 FP4 checkpoints do).
    /// </summary>
    public NumericPrecision ActivationPrecision { get; init; } = NumericPrecision.Bf16;

    /// <summary>Precision of the KV cache (BF16 unless quantised).</summary>
    public NumericPrecision KvCachePrecision { get; init; } = NumericPrecision.Bf16;

    /// <summary>Longest context (prompt + output) the model supports; greater than zero.</summary>
    public required TokenCount MaxContextTokens { get; init; }

    /// <summary>
    /// Where the architecture figures come from (source, as-of date, confidence): the model file's own provenance, or
    /// <see cref="Provenance.None"/> for a profile entered by hand.
    /// </summary>
    public Provenance Provenance { get; init; } = Provenance.None;

    /// <summary>
    /// The provenance of the fields that come from elsewhere than <see cref="Provenance"/> (such as a parameter count
    /// computed from the config's shapes), keyed by the JSON field name (<c>"totalParameters"</c>); empty when every
    /// field comes from <see cref="Provenance"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Provenance> FieldProvenance { get; init; } = EmptyFieldProvenance;

    /// <summary>The provenance of one field: its own entry in <see cref="FieldProvenance"/>, or <see cref="Provenance"/>.</summary>
    /// <param name="field">The JSON field name, such as <c>"totalParameters"</c> or <c>"layers"</c>.</param>
    /// <returns>The provenance.</returns>
    public Provenance ProvenanceOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return FieldProvenance.TryGetValue(field, out var own) ? own : Provenance;
    }

    private static readonly IReadOnlyDictionary<string, Provenance> EmptyFieldProvenance = new Dictionary<string, Provenance>(StringComparer.Ordinal);

    /// <summary>Whether the model is a mixture of experts (it states routed experts).</summary>
    public bool IsMixtureOfExperts => ExpertCount > 0;

    /// <summary>Parameters read for every token whatever the routing: total minus routed-expert parameters.</summary>
    public double AlwaysActiveParameters => TotalParameters - RoutedExpertParameters;

    /// <summary>
    /// Expected share of the routed experts a batch touches in one forward pass of <paramref name="tokens"/> tokens:
    /// 1 - (1 - k/E)^tokens (each token picks k of E experts; routing taken as uniform and independent), 0 for a dense model.
    /// </summary>
    /// <param name="tokens">Tokens in the forward pass (decode batch, or prefill chunk); at least 1 (smaller values count as 1).</param>
    /// <returns>The fraction in [k/E, 1].</returns>
    public double ExpectedRoutedFraction(TokenCount tokens) => ExpectedRoutedFraction(tokens.Tokens);

    /// <summary>The kernel-tier twin of <see cref="ExpectedRoutedFraction(TokenCount)"/> on a plain number of tokens.</summary>
    internal double ExpectedRoutedFraction(double tokens)
    {
        if (ExpertCount <= 0)
        {
            return 0;
        }
        double miss = 1d - ((double)ExpertsPerToken / ExpertCount);
        return 1d - Math.Pow(miss, Math.Max(1d, tokens));
    }

    /// <summary>
    /// Expected weight bytes one forward pass of <paramref name="tokens"/> tokens reads:
    /// (always-active parameters + routed parameters x <see cref="ExpectedRoutedFraction(TokenCount)"/>) x bytes per weight.
    /// A dense model reads <see cref="WeightBytes"/> whatever the batch.
    /// </summary>
    /// <param name="tokens">Tokens in the forward pass; at least 1.</param>
    /// <returns>Bytes.</returns>
    public double ExpectedWeightBytesRead(TokenCount tokens) => ExpectedWeightBytesRead(tokens.Tokens);

    /// <summary>The kernel-tier twin of <see cref="ExpectedWeightBytesRead(TokenCount)"/> on a plain number of tokens.</summary>
    internal double ExpectedWeightBytesRead(double tokens)
        => ExpertCount <= 0
            ? WeightBytes
            : (AlwaysActiveParameters + (RoutedExpertParameters * ExpectedRoutedFraction(tokens))) * WeightPrecision.BytesPerElement();

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

    /// <summary>
    /// The same model quantised to a precision. By default weights AND activations move to <paramref name="precision"/>
    /// (the W8A8 / W4A4 recipes of published FP8 and FP4 checkpoints: the compute peak is then the chip's peak at that
    /// precision) and, when <paramref name="precision"/> takes one byte or less, the KV cache moves to FP8 as those
    /// checkpoints' serving recipes do.
    /// </summary>
    /// <param name="precision">Weight (and, unless <paramref name="weightOnly"/>, activation) precision.</param>
    /// <param name="kvCache">KV-cache precision; null applies the rule above (FP8 at or below one byte per weight for a
    /// weights-and-activations recipe, otherwise unchanged).</param>
    /// <param name="weightOnly">True for weight-only quantisation (AWQ/GPTQ-style W4A16, W8A16): activations, and so the
    /// compute peak, stay at the current <see cref="ActivationPrecision"/>, and the KV cache stays unless given.</param>
    /// <returns>The changed profile.</returns>
    public ModelProfile WithPrecision(NumericPrecision precision, NumericPrecision? kvCache = null, bool weightOnly = false)
    {
        var kv = kvCache ?? (!weightOnly && precision.BytesPerElement() <= 1d && KvCachePrecision.BytesPerElement() > 1d ? NumericPrecision.Fp8 : KvCachePrecision);
        return this with
        {
            WeightPrecision = precision,
            ActivationPrecision = weightOnly ? ActivationPrecision : precision,
            KvCachePrecision = kv,
        };
    }

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
        RuleFor(m => m.ExpertCount).GreaterThanOrEqualTo(0).WithMessage(m => $"Expert count must not be negative; it was {m.ExpertCount}.");
        RuleFor(m => m.ExpertsPerToken).Must((m, k) => m.ExpertCount == 0 ? k == 0 : k >= 1 && k <= m.ExpertCount)
            .WithMessage(m => m.ExpertCount == 0
                ? $"Experts per token must be 0 for a model without routed experts; it was {m.ExpertsPerToken}."
                : $"Experts per token must be between 1 and the expert count {m.ExpertCount}; it was {m.ExpertsPerToken}.");
        RuleFor(m => m.RoutedExpertParameters).Must((m, r) => double.IsFinite(r) && (m.ExpertCount == 0 ? r == 0 : r > 0 && r < m.TotalParameters))
            .WithMessage(m => m.ExpertCount == 0
                ? $"Routed-expert parameters must be 0 for a model without routed experts; it was {Fmt(m.RoutedExpertParameters)}."
                : $"Routed-expert parameters must be greater than zero and below total parameters {Fmt(m.TotalParameters)}; it was {Fmt(m.RoutedExpertParameters)}.");
        RuleFor(m => m.SharedExpertParameters).Must((m, s) => double.IsFinite(s) && s >= 0 && s <= m.TotalParameters - m.RoutedExpertParameters)
            .WithMessage(m => $"Shared-expert parameters must be at least 0 and at most the always-active parameters; it was {Fmt(m.SharedExpertParameters)}.");
        RuleFor(m => m.ActiveParameters).Must((m, a) => m.ExpertCount > 0 || a == m.TotalParameters)
            .WithMessage(m => $"Active parameters below total parameters ({Fmt(m.ActiveParameters)} < {Fmt(m.TotalParameters)}) describe a mixture of experts: set ExpertCount, ExpertsPerToken and RoutedExpertParameters.");
        RuleFor(m => m.ActiveParameters).Must((m, a) => m.ExpertCount == 0 || m.ExpertsPerToken < 1 || m.ExpertsPerToken > m.ExpertCount
                || Math.Abs(a - ExpectedActive(m)) <= 0.02 * a)
            .WithMessage(m => $"Active parameters must agree within 2% with total - routed x (1 - k/E) = {Fmt(ExpectedActive(m))}; it was {Fmt(m.ActiveParameters)}.");
        RuleFor(m => m.ActivationPrecision).IsInEnum().WithMessage("Activation precision must be a defined NumericPrecision value.");
        RuleFor(m => m.WeightPrecision).IsInEnum().WithMessage("Weight precision must be a defined NumericPrecision value.");
        RuleFor(m => m.KvCachePrecision).IsInEnum().WithMessage("KV-cache precision must be a defined NumericPrecision value.");
        RuleFor(m => m.MaxContextTokens).Must(t => t.Tokens > 0).WithMessage(m => $"Maximum context must be greater than zero tokens; it was {Fmt(m.MaxContextTokens.Tokens)}.");
    }

    private static double ExpectedActive(ModelProfile m)
        => m.TotalParameters - (m.RoutedExpertParameters * (1d - ((double)m.ExpertsPerToken / m.ExpertCount)));

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
