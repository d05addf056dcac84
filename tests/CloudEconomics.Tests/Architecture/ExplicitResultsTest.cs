using System.Reflection;
using CloudEconomics.Inference;
using CloudEconomics.Tests.Inference;

namespace CloudEconomics.Tests.Architecture;

/// <summary>
/// "Not found" and "never" are explicit results, never a number (issue 13, DESIGN.md "Errors"); and the inference API
/// speaks the vocabulary (token counts are <see cref="TokenCount"/>, providers and purchase options are typed). The
/// rule is written down in ARCHITECTURE.md; these tests check what a reading of the assembly can check, and the
/// no-answer cases one by one.
/// </summary>
public class ExplicitResultsTest
{
    private static readonly Type[] Exported = typeof(Money).Assembly.GetExportedTypes();

    [Fact]
    public void NoPublicConstant_IsASentinelNumber()
        => SentinelConstants(Exported).Should().BeEmpty("a value meaning \"none\" or \"never\" must be a state of a result (null, a flag, a Try method), not a magic number");

    [Fact]
    public void SentinelCheck_FlagsMagicNumbers()
        // The check must be able to fail: -1, int.MaxValue and NaN constants are flagged, a real horizon is not.
        => SentinelConstants([typeof(MagicNumbers)]).Should().BeEquivalentTo(["MagicNumbers.NotFound = -1", "MagicNumbers.Never = 2147483647", "MagicNumbers.Unknown = NaN"]);

    [Fact]
    public void InferenceTokenCounts_AreTokenCount_AndProvidersAndOptionsAreTyped()
        => UntypedInferenceMembers(Exported.Where(t => t.Namespace == "CloudEconomics.Inference")).Should().BeEmpty();

    [Fact]
    public void VocabularyCheck_FlagsADoubleTokenCount_AndAStringProvider()
        => UntypedInferenceMembers([typeof(OldWorkload)]).Should().BeEquivalentTo(
            ["OldWorkload.PromptTokens: Double", "OldWorkload.Provider: String", "OldWorkload.PurchaseOption: String", "OldWorkload.Cost(tokens): Int64"]);

    [Fact]
    public void ModelThatDoesNotFit_HasNoPhasesAndNoBatch()
    {
        // Llama 3.1 70B in BF16 holds 141 GB of weights; one 80 GB H100 cannot: there is no prefill, decode or batch to
        // report, so reading them throws instead of returning zeros.
        var workload = new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500) };
        var one = new InferenceDeployment { Accelerator = Specs.H100, AcceleratorCount = 1 };
        Roofline.TryEstimate(Specs.Llama70B, workload, one, out var estimate, EfficiencyFactors.Default).Should().BeFalse();
        estimate.Fit.Fits.Should().BeFalse();
        ((Func<object>)(() => estimate.Prefill)).Should().Throw<ModelDoesNotFitException>();
        ((Func<object>)(() => estimate.Decode)).Should().Throw<ModelDoesNotFitException>();
        ((Func<object>)(() => estimate.EffectiveBatchSize)).Should().Throw<ModelDoesNotFitException>();
        ((Func<object>)(() => estimate.TimeToFirstTokenSeconds)).Should().Throw<ModelDoesNotFitException>();
        ((Func<object>)(() => estimate.OutputThroughput)).Should().Throw<ModelDoesNotFitException>();
        estimate.ToString().Should().Contain("does not fit");
    }

    [Fact]
    public void UnknownLinkBandwidth_IsNoInterconnectTime_NotZero()
    {
        // An H100 without its NVLink figure: with TP 2 the all-reduce time is unknown (null), not 0 s; with TP 1 there is
        // no all-reduce, so 0 s is a real answer.
        var noLink = Specs.H100 with { InterconnectBandwidth = null };
        var workload = new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 8 };
        var model = ModelLibrary.Default["llama-3.1-8b"];
        var tp2 = Roofline.Estimate(model, workload, new InferenceDeployment { Accelerator = noLink, AcceleratorCount = 2, TensorParallelDegree = 2 }, EfficiencyFactors.Default);
        tp2.InterconnectEvaluated.Should().BeFalse();
        tp2.Decode.InterconnectSeconds.Should().BeNull();
        tp2.Decode.InterconnectBytesPerChip.Should().BeNull();
        var tp1 = Roofline.Estimate(model, workload, new InferenceDeployment { Accelerator = noLink, AcceleratorCount = 1 }, EfficiencyFactors.Default);
        tp1.InterconnectEvaluated.Should().BeTrue();
        tp1.Decode.InterconnectSeconds.Should().Be(0);
    }

    [Fact]
    public void NoBreakeven_IsNullValueAndOutput()
    {
        // Output 2x on x in [0, 1] never reaches 5: no value, no output at a value (both null), and IsFound false.
        var b = new CloudEconomics.Analysis.ScenarioModelBuilder("double", "u");
        var x = b.Input("x", "u", 0.5, 0, 1);
        var result = CloudEconomics.Analysis.Breakeven.FindBreakeven(b.Build(v => 2 * v[x]), x, 5);
        (result.IsFound, result.Value, result.OutputAtValue).Should().Be((false, (double?)null, (double?)null));
    }

    internal static List<string> SentinelConstants(IEnumerable<Type> types)
    {
        var found = new List<string>();
        foreach (var t in types)
        {
            foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if ((f.IsLiteral || f.IsInitOnly) && IsSentinel(f.FieldType, f.IsLiteral ? f.GetRawConstantValue() : f.GetValue(null)))
                {
                    found.Add($"{t.Name}.{f.Name} = {Convert.ToString(f.IsLiteral ? f.GetRawConstantValue() : f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }
        }
        return found;
    }

    private static bool IsSentinel(Type type, object? value) => value switch
    {
        int i => i is -1 or int.MaxValue or int.MinValue,
        long l => l is -1 or long.MaxValue or long.MinValue,
        double d => !double.IsFinite(d) || d is -1 or double.MaxValue or double.MinValue,
        float f => !float.IsFinite(f) || f is -1 or float.MaxValue or float.MinValue,
        decimal m => m is -1 or decimal.MaxValue or decimal.MinValue,
        _ => false,
    };

    internal static List<string> UntypedInferenceMembers(IEnumerable<Type> types)
    {
        var found = new List<string>();
        foreach (var t in types)
        {
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (Untyped(p.Name, p.PropertyType))
                {
                    found.Add($"{t.Name}.{p.Name}: {p.PropertyType.Name}");
                }
            }
            foreach (var m in t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
            {
                foreach (var p in m.GetParameters().Where(p => Untyped(p.Name!, p.ParameterType)))
                {
                    found.Add($"{t.Name}.{m.Name}({p.Name}): {p.ParameterType.Name}");
                }
            }
        }
        return found;
    }

    // A count of tokens is a member named "...Tokens"/"tokens" that is not a rate or a per-token figure ("Per" in the name);
    // a provider or purchase option is a member so named.
    private static bool Untyped(string name, Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        if (bare.IsGenericType && bare.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>))
        {
            bare = bare.GetGenericArguments()[0];
        }
        bool number = bare == typeof(int) || bare == typeof(long) || bare == typeof(double) || bare == typeof(float) || bare == typeof(decimal);
        bool tokens = name.EndsWith("Tokens", StringComparison.OrdinalIgnoreCase) && !name.Contains("Per", StringComparison.Ordinal);
        bool choice = name is "Provider" or "provider" or "PurchaseOption" or "purchaseOption";
        return (tokens && number) || (choice && bare == typeof(string));
    }

    /// <summary>Fixture: the magic numbers the sentinel check must flag (and one real horizon it must not).</summary>
    public static class MagicNumbers
    {
        /// <summary>Fixture.</summary>
        public const int NotFound = -1;

        /// <summary>Fixture.</summary>
        public const int Never = int.MaxValue;

        /// <summary>Fixture.</summary>
        public static readonly double Unknown = double.NaN;

        /// <summary>Fixture: a real horizon, not a sentinel.</summary>
        public const int HorizonMonths = 120;
    }

    /// <summary>Fixture: the shape the vocabulary check must flag.</summary>
    public sealed class OldWorkload
    {
        /// <summary>Fixture.</summary>
        public double PromptTokens { get; init; }

        /// <summary>Fixture: a rate, not a count; not flagged.</summary>
        public double TokensPerSecond { get; init; }

        /// <summary>Fixture.</summary>
        public string Provider { get; init; } = "";

        /// <summary>Fixture.</summary>
        public string PurchaseOption { get; init; } = "";

        /// <summary>Fixture.</summary>
        /// <param name="tokens">Fixture.</param>
        /// <returns>Fixture.</returns>
        public static decimal Cost(long tokens) => tokens;

        /// <summary>Fixture: typed, not flagged.</summary>
        /// <param name="tokens">Fixture.</param>
        /// <returns>Fixture.</returns>
        public static double Typed(TokenCount tokens) => tokens.Tokens;
    }
}
