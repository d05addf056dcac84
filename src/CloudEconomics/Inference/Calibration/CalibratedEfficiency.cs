using System.Collections.Concurrent;

namespace CloudEconomics.Inference;

/// <summary>
/// The shipped calibration (<see cref="EfficiencyCalibration.Default"/>, <c>seeds/calibration/efficiency.json</c>) as
/// default efficiency factors: what <see cref="Roofline"/>, <see cref="OfferRanking"/>, the report and the CLI use when
/// a caller passes no <see cref="EfficiencyFactors"/>.
/// </summary>
/// <remarks>
/// A spec is matched to a catalog accelerator by name (<see cref="EfficiencyCalibration.For(AcceleratorSpec, CloudEconomics.Catalog.CloudCatalog?, ModelClass)"/>);
/// a hand-entered spec, or an accelerator whose family has no measurements, gets the global fit (extrapolated). Pass
/// <see cref="EfficiencyFactors.Default"/> explicitly for the uncalibrated assumptions.
/// </remarks>
public static class CalibratedEfficiency
{
    private static readonly ConcurrentDictionary<(string Name, ModelClass Class), CalibratedFactors> ByName = new();

    /// <summary>The calibrated factors for an accelerator.</summary>
    /// <param name="accelerator">The accelerator.</param>
    /// <returns>The factors of its family's fit, or of the global fit.</returns>
    public static EfficiencyFactors For(AcceleratorSpec accelerator) => Describe(accelerator).Factors;

    /// <summary>The calibrated factors for an accelerator, with what backs them (measurements or extrapolation) and the fit's error range.</summary>
    /// <param name="accelerator">The accelerator.</param>
    /// <returns>The description.</returns>
    public static CalibratedFactors Describe(AcceleratorSpec accelerator) => Describe(accelerator, ModelClass.Any);

    /// <summary>The calibrated factors for an accelerator serving a model (dense and mixture-of-experts models have separate fits where the data allow).</summary>
    /// <param name="accelerator">The accelerator.</param>
    /// <param name="model">The model.</param>
    /// <returns>The factors.</returns>
    public static EfficiencyFactors For(AcceleratorSpec accelerator, ModelProfile model) => Describe(accelerator, model).Factors;

    /// <summary>The calibrated factors for an accelerator serving a model, with what backs them and the fit's error range.</summary>
    /// <param name="accelerator">The accelerator.</param>
    /// <param name="model">The model.</param>
    /// <returns>The description.</returns>
    public static CalibratedFactors Describe(AcceleratorSpec accelerator, ModelProfile model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Describe(accelerator, model.IsMixtureOfExperts ? ModelClass.MixtureOfExperts : ModelClass.Dense);
    }

    private static CalibratedFactors Describe(AcceleratorSpec accelerator, ModelClass modelClass)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return ByName.GetOrAdd((accelerator.Name ?? string.Empty, modelClass), static (key, spec) => EfficiencyCalibration.Default.For(spec, null, key.Class), accelerator);
    }
}

/// <summary>The one hook the calculators use for their default factors.</summary>
internal static class DefaultEfficiency
{
    /// <summary>The calibrated factors for a chip and model, or <see cref="EfficiencyFactors.Default"/> when either is missing (the caller's argument checks then report it).</summary>
    public static EfficiencyFactors For(AcceleratorSpec? accelerator, ModelProfile? model)
        => accelerator is null || model is null ? EfficiencyFactors.Default : CalibratedEfficiency.For(accelerator, model);

    /// <summary>The calibrated factors for a deployment's chip and a model (nulls as in <see cref="For(AcceleratorSpec?, ModelProfile?)"/>).</summary>
    public static EfficiencyFactors For(InferenceDeployment? deployment, ModelProfile? model)
        => For(deployment is null ? null : deployment.Accelerator, model);
}
