using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using FluentValidation;
using UnitsNet;

namespace CloudEconomics.Tests.Inference;

/// <summary>
/// The calculators' plain checks (start-up fast path) against the public FluentValidation validators they stand in for:
/// on the shipped models, workloads, offers and factors, and on thousands of inputs with one or two fields set to edge
/// values (zero, negative, NaN, infinity, out of range), the check and the validator must give the same verdict.
/// Deterministic: a fixed seed.
/// </summary>
public class InferenceChecksTest
{
    private static readonly double[] Doubles = [0, -1, 1, 0.5, 0.999, 1.0001, 2, 1e12, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0];
    // UnitsNet quantities refuse NaN and infinity themselves.
    private static readonly double[] Finite = [0, -1, 1, 0.5, 2, 1e12, -0.0];
    private static readonly int[] Ints = [0, -1, 1, 2, 3, 7, 8, 64, int.MaxValue];

    private static T Pick<T>(Random r, T[] values) => values[r.Next(values.Length)];

    // Token counts: a TokenCount cannot hold a negative, NaN or infinite number (FromTokens refuses them), so the mutants
    // pick among the counts that can exist, around the validators' boundaries (0, below 1, 1, large).
    private static readonly TokenCount[] Counts = [TokenCount.Zero, TokenCount.FromTokens(0.5), TokenCount.FromTokens(0.999), TokenCount.FromTokens(1), TokenCount.FromTokens(1.0001), TokenCount.FromTokens(2), TokenCount.FromTokens(8), TokenCount.FromTokens(8192), TokenCount.FromTokens(1e12)];

    private static IEnumerable<T> Mutants<T>(IEnumerable<T> seeds, Func<Random, T, T>[] mutations, int count)
    {
        var random = new Random(20261205);
        var list = seeds.ToList();
        foreach (var s in list)
        {
            yield return s;
        }
        for (var i = 0; i < count; i++)
        {
            var value = list[random.Next(list.Count)];
            var times = 1 + random.Next(2);
            for (var k = 0; k < times; k++)
            {
                value = mutations[random.Next(mutations.Length)](random, value);
            }
            yield return value;
        }
    }

    private static void Agree<T>(IEnumerable<T> values, Func<T, bool> check, IValidator<T> validator, int expectAtLeastInvalid)
    {
        var invalid = 0;
        var n = 0;
        foreach (var v in values)
        {
            var expected = validator.Validate(v).IsValid;
            check(v).Should().Be(expected, "the plain check must match the validator on {0}", v);
            invalid += expected ? 0 : 1;
            n++;
        }
        // The mutants must exercise the failing side, or the comparison proves little.
        invalid.Should().BeGreaterThanOrEqualTo(expectAtLeastInvalid);
        (n - invalid).Should().BeGreaterThan(0);
    }

    [Fact]
    public void ModelChecks_AgreeWithModelProfileValidator()
    {
        Func<Random, ModelProfile, ModelProfile>[] m =
        [
            (r, x) => x with { Id = Pick(r, ["", " ", "m"]) },
            (r, x) => x with { Name = Pick(r, ["", "\t", "n"]) },
            (r, x) => x with { TotalParameters = Pick(r, Doubles) * 1e9 },
            (r, x) => x with { ActiveParameters = Pick(r, Doubles) * 1e9 },
            (r, x) => x with { ActiveParameters = x.TotalParameters },
            (r, x) => x with { Layers = Pick(r, Ints) },
            (r, x) => x with { HiddenSize = Pick(r, Ints) },
            (r, x) => x with { AttentionHeads = Pick(r, Ints) },
            (r, x) => x with { KeyValueHeads = Pick(r, Ints) },
            (r, x) => x with { HeadDimension = Pick(r, Ints) },
            (r, x) => x with { KvCacheElementsPerTokenPerLayerOverride = r.Next(2) == 0 ? null : Pick(r, Ints) },
            (r, x) => x with { ExpertCount = Pick(r, Ints) },
            (r, x) => x with { ExpertsPerToken = Pick(r, Ints) },
            (r, x) => x with { RoutedExpertParameters = Pick(r, Doubles) * x.TotalParameters },
            (r, x) => x with { SharedExpertParameters = Pick(r, Doubles) * x.TotalParameters },
            (r, x) => x with { ActivationPrecision = (NumericPrecision)Pick(r, [-1, 0, 3, 99]) },
            (r, x) => x with { WeightPrecision = (NumericPrecision)Pick(r, [-1, 0, 3, 99]) },
            (r, x) => x with { KvCachePrecision = (NumericPrecision)Pick(r, [-1, 0, 3, 99]) },
            (r, x) => x with { MaxContextTokens = Pick(r, Counts) },
        ];
        ModelLibrary.Default.Models.Should().NotBeEmpty();
        Agree(Mutants(ModelLibrary.Default.Models, m, 4000), InferenceChecks.IsValid, ModelProfileValidator.Instance, 1000);
    }

    [Fact]
    public void WorkloadChecks_AgreeWithWorkloadValidator()
    {
        Func<Random, Workload, Workload>[] m =
        [
            (r, x) => x with { PromptTokens = Pick(r, Counts) },
            (r, x) => x with { OutputTokens = Pick(r, Counts) },
            (r, x) => x with { BatchSize = Pick(r, Ints) },
            (r, x) => x with { PrefixCacheHitRate = Pick(r, Doubles) },
            (r, x) => x with { Utilization = Pick(r, Doubles) },
            (r, x) => x with { TimeToFirstTokenTarget = r.Next(3) == 0 ? null : Duration.FromSeconds(Pick(r, Finite)) },
            (r, x) => x with { TimePerOutputTokenTarget = r.Next(3) == 0 ? null : Duration.FromSeconds(Pick(r, Finite)) },
        ];
        Workload[] seeds = [new() { PromptTokens = TokenCount.FromTokens(1), OutputTokens = TokenCount.FromTokens(1) }, new() { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 }];
        Agree(Mutants(seeds, m, 3000), InferenceChecks.IsValid, WorkloadValidator.Instance, 500);
    }

    [Fact]
    public void OfferAndAcceleratorChecks_AgreeWithTheirValidators()
    {
        var offers = CloudCatalog.Default.ToInferenceOffers(null, null, out _);
        offers.Should().NotBeEmpty();
        Func<Random, InferenceOffer, InferenceOffer>[] m =
        [
            (r, x) => x with { Id = Pick(r, ["", " ", "o"]) },
            (r, x) => x with { AcceleratorCount = Pick(r, Ints) },
            (r, x) => x with { ScaleUpDomain = r.Next(3) == 0 ? null : Pick(r, Ints) },
            (r, x) => x with { Price = PricePerHour.Usd(Pick(r, [0m, 0.01m, 98.32m])) },
            (r, x) => x with { Accelerator = x.Accelerator with { Name = Pick(r, ["", " ", "chip"]) } },
            (r, x) => x with { Accelerator = x.Accelerator with { MemoryCapacity = Information.FromGigabytes(Pick(r, Finite)) } },
            (r, x) => x with { Accelerator = x.Accelerator with { MemoryBandwidth = BitRate.FromGigabytesPerSecond(Pick(r, Finite)) } },
            (r, x) => x with { Accelerator = x.Accelerator with { InterconnectBandwidth = r.Next(3) == 0 ? null : BitRate.FromGigabytesPerSecond(Pick(r, Finite)) } },
            (r, x) => x with { Accelerator = x.Accelerator with { Power = r.Next(3) == 0 ? null : UnitsNet.Power.FromWatts(Pick(r, Finite)) } },
            (r, x) => x with { Accelerator = x.Accelerator with { PeakDenseCompute = new Dictionary<NumericPrecision, ComputeRate>() } },
        ];
        var mutants = Mutants(offers, m, 3000).ToList();
        Agree(mutants, InferenceChecks.IsValid, InferenceOfferValidator.Instance, 500);
        Agree(mutants.Select(o => o.Accelerator), InferenceChecks.IsValid, AcceleratorSpecValidator.Instance, 300);
    }

    [Fact]
    public void DeploymentAndFactorChecks_AgreeWithTheirValidators()
    {
        var accelerator = CloudCatalog.Default.ToInferenceOffers(null, null, out _)[0].Accelerator;
        Func<Random, InferenceDeployment, InferenceDeployment>[] d =
        [
            (r, x) => x with { AcceleratorCount = Pick(r, Ints) },
            (r, x) => x with { TensorParallelDegree = Pick(r, Ints) },
            (r, x) => x with { PipelineParallelDegree = Pick(r, Ints) },
        ];
        InferenceDeployment[] deployments = [new() { Accelerator = accelerator, AcceleratorCount = 8, TensorParallelDegree = 4, PipelineParallelDegree = 2 }];
        Agree(Mutants(deployments, d, 3000), InferenceChecks.IsValid, InferenceDeploymentValidator.Instance, 500);

        Func<Random, EfficiencyFactors, EfficiencyFactors>[] e =
        [
            (r, x) => x with { Mfu = Pick(r, Doubles) },
            (r, x) => x with { Mbu = Pick(r, Doubles) },
            (r, x) => x with { InterconnectEfficiency = Pick(r, Doubles) },
            (r, x) => x with { UsableMemoryFraction = Pick(r, Doubles) },
            (r, x) => x with { AllReduceLatencySeconds = Pick(r, Doubles) },
            (r, x) => x with { StepOverheadSeconds = Pick(r, Doubles) },
            (r, x) => x with { PrefillChunkTokens = Pick(r, Counts) },
            (r, x) => x with { ActivationPrecision = (NumericPrecision)Pick(r, [-1, 0, 3, 99]) },
        ];
        var factors = new[] { EfficiencyFactors.Default }.Concat(EfficiencyCalibration.Default.Families.Concat(EfficiencyCalibration.Default.ClassFits).Select(f => f.Factors));
        Agree(Mutants(factors, e, 3000), InferenceChecks.IsValid, EfficiencyFactorsValidator.Instance, 500);
    }

    [Fact]
    public void Require_ThrowsTheValidatorsMessage()
    {
        var bad = new Workload { PromptTokens = TokenCount.FromTokens(100), OutputTokens = TokenCount.FromTokens(10), BatchSize = 0 };
        var act = () => OfferRanking.Rank(ModelLibrary.Default.Models[0], bad, []);
        act.Should().Throw<ValidationException>().WithMessage("*Batch size must be at least 1; it was 0.*");
    }
}
