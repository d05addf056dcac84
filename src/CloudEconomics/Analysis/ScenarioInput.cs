using System.Globalization;

namespace CloudEconomics.Analysis;

/// <summary>
/// One named input of a <see cref="ScenarioModel"/>: a base value, a low/high range for sensitivity and breakeven
/// search, and an optional distribution for Monte Carlo. Returned by <see cref="ScenarioModelBuilder.Input(string, string, double, double, double, Distribution?)"/>
/// and used as a handle to read values (<c>v[price]</c>). Immutable.
/// </summary>
public sealed class ScenarioInput
{
    internal ScenarioInput(int index, string name, string unit, double baseValue, double low, double high, Distribution? distribution)
    {
        Index = index;
        Name = name;
        Unit = unit;
        BaseValue = baseValue;
        Low = low;
        High = high;
        Distribution = distribution;
    }

    /// <summary>Position of the input in the model (0-based, in the order added).</summary>
    public int Index { get; }

    /// <summary>The input's name, unique within its model.</summary>
    public string Name { get; }

    /// <summary>The unit as text, e.g. <c>"USD/h"</c> or <c>"fraction"</c>.</summary>
    public string Unit { get; }

    /// <summary>The base (point-estimate) value, in <see cref="Unit"/>.</summary>
    public double BaseValue { get; }

    /// <summary>The low end of the range, in <see cref="Unit"/>; at most <see cref="BaseValue"/>.</summary>
    public double Low { get; }

    /// <summary>The high end of the range, in <see cref="Unit"/>; at least <see cref="BaseValue"/>.</summary>
    public double High { get; }

    /// <summary>The distribution drawn in Monte Carlo, or null when the input stays at its base value.</summary>
    public Distribution? Distribution { get; }

    /// <summary>Whether Monte Carlo draws this input (it has a distribution).</summary>
    public bool IsUncertain => Distribution is not null;

    /// <summary>Invariant text such as <c>"utilization = 0.7 fraction [0.4, 0.9]"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Name} = {BaseValue:R} {Unit} [{Low:R}, {High:R}]")
           + (Distribution is null ? string.Empty : " ~ " + Distribution);
}
