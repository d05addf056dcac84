using System.Globalization;

namespace CloudEconomics.Analysis;

/// <summary>The outcome of a breakeven search: the input value that makes the output hit the target, or "no breakeven in range".</summary>
public sealed class BreakevenResult
{
    private BreakevenResult(ScenarioInput input, string outputUnit, double target, double searchLow, double searchHigh,
        bool isFound, double value, double? outputAtValue, double minimumOutput, double maximumOutput, int evaluations)
    {
        Input = input;
        OutputUnit = outputUnit;
        Target = target;
        SearchLow = searchLow;
        SearchHigh = searchHigh;
        IsFound = isFound;
        Value = isFound ? value : null;
        OutputAtValue = outputAtValue;
        MinimumOutput = minimumOutput;
        MaximumOutput = maximumOutput;
        Evaluations = evaluations;
    }

    internal static BreakevenResult Found(ScenarioModel model, ScenarioInput input, double target, double low, double high, double value, double output, int evaluations)
        => new(input, model.OutputUnit, target, low, high, true, value, output, Math.Min(output, target), Math.Max(output, target), evaluations);

    internal static BreakevenResult NotFound(ScenarioModel model, ScenarioInput input, double target, double low, double high, double minOut, double maxOut, int evaluations)
        => new(input, model.OutputUnit, target, low, high, false, 0, null, minOut, maxOut, evaluations);

    /// <summary>The input solved for.</summary>
    public ScenarioInput Input { get; }

    /// <summary>The output unit as text.</summary>
    public string OutputUnit { get; }

    /// <summary>The target output, in <see cref="OutputUnit"/>.</summary>
    public double Target { get; }

    /// <summary>Low end of the interval searched, in the input's unit.</summary>
    public double SearchLow { get; }

    /// <summary>High end of the interval searched, in the input's unit.</summary>
    public double SearchHigh { get; }

    /// <summary>Whether a breakeven lies in the interval; <see cref="Value"/> and <see cref="OutputAtValue"/> are set exactly when it does.</summary>
    public bool IsFound { get; }

    /// <summary>The breakeven value of the input, in its unit; null when no breakeven was found (<see cref="IsFound"/> is false).</summary>
    public double? Value { get; }

    /// <summary>The output at <see cref="Value"/> (equal to <see cref="Target"/> to solver tolerance); null when no breakeven was found (<see cref="IsFound"/> is false).</summary>
    public double? OutputAtValue { get; }

    /// <summary>When not found: the lowest output seen over the scan (the target lies outside [min, max] or between scan points of a non-monotone model).</summary>
    public double MinimumOutput { get; }

    /// <summary>When not found: the highest output seen over the scan.</summary>
    public double MaximumOutput { get; }

    /// <summary>How many times the model was evaluated.</summary>
    public int Evaluations { get; }

    /// <summary>Invariant text, e.g. <c>"utilization = 0.4321 fraction gives 3 years"</c> or <c>"no breakeven for utilization in [0.3, 0.9]: ..."</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        return IsFound
            ? string.Create(c, $"{Input.Name} = {Value:G6} {Input.Unit} gives {OutputAtValue:G6} {OutputUnit} (target {Target:G6})")
            : string.Create(c, $"no breakeven for {Input.Name} in [{SearchLow:G6}, {SearchHigh:G6}] {Input.Unit}: output stays between {MinimumOutput:G6} and {MaximumOutput:G6} {OutputUnit}, target {Target:G6}");
    }
}
