using System.Globalization;
using System.Text;
using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>
/// A model: named inputs (base value, range, optional distribution, optional correlations) and one output function.
/// Built with <see cref="ScenarioModelBuilder"/>; analysed with <see cref="Sensitivity"/>, <see cref="Breakeven"/> and
/// <see cref="MonteCarlo"/> (also available as extension methods: <c>model.Tornado()</c>, <c>model.FindBreakeven(...)</c>,
/// <c>model.Simulate(...)</c>). Immutable and thread-safe provided the output function is.
/// </summary>
public sealed class ScenarioModel
{
    /// <summary>
    /// The output value that means "not reached" (a censored output, such as a payback capped at its horizon), or null
    /// when every output is a real value. Monte Carlo reports the share of draws at it as
    /// <see cref="SimulationResult.ProbabilityNotReached"/>.
    /// </summary>
    public NotReachedOutput? NotReached { get; internal init; }

    /// <summary>Whether <paramref name="output"/> is a reached value (below <see cref="NotReached"/>, or any value when the model has none).</summary>
    /// <param name="output">An output of this model.</param>
    /// <returns>False when the output is the "not reached" value (or above it).</returns>
    public bool IsReached(double output) => NotReached is not { } limit || output < limit.Value;

    private readonly ScenarioInput[] _inputs;
    private readonly Dictionary<string, ScenarioInput> _byName;
    private readonly Dictionary<(int, int), double> _correlations;

    internal ScenarioModel(string name, string outputUnit, ScenarioInput[] inputs, int[] uncertain, double[]? cholesky,
        Dictionary<(int, int), double> correlations, Func<ScenarioValues, double> output, ScenarioBatchFunction? batch)
    {
        Name = name;
        OutputUnit = outputUnit;
        _inputs = inputs;
        _byName = inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        UncertainIndices = uncertain;
        Cholesky = cholesky;
        _correlations = correlations;
        Output = output;
        BatchOutput = batch;
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>The unit of the output as text.</summary>
    public string OutputUnit { get; }

    /// <summary>The inputs in the order added.</summary>
    public IReadOnlyList<ScenarioInput> Inputs => _inputs;

    /// <summary>The output function.</summary>
    public Func<ScenarioValues, double> Output { get; }

    /// <summary>The vectorised output function, or null when Monte Carlo must call <see cref="Output"/> per draw.</summary>
    public ScenarioBatchFunction? BatchOutput { get; }

    /// <summary>Whether any pair of inputs is correlated.</summary>
    public bool IsCorrelated => Cholesky is not null;

    /// <summary>Indices of the inputs that have a distribution, in input order.</summary>
    internal int[] UncertainIndices { get; }

    /// <summary>Row-major lower Cholesky factor of the uncertain inputs' correlation matrix, or null when uncorrelated.</summary>
    internal double[]? Cholesky { get; }

    /// <summary>Finds an input by name.</summary>
    /// <param name="name">The input's name (case-sensitive).</param>
    /// <returns>The input.</returns>
    /// <exception cref="KeyNotFoundException">No input has that name; the message lists the names.</exception>
    public ScenarioInput GetInput(string name)
        => _byName.TryGetValue(name, out var input)
            ? input
            : throw new KeyNotFoundException($"Model '{Name}' has no input named '{name}'; its inputs are {string.Join(", ", _inputs.Select(i => "'" + i.Name + "'"))}.");

    /// <summary>The correlation between two inputs' normal scores (0 unless set; 1 for an input with itself).</summary>
    /// <param name="first">An input of this model.</param>
    /// <param name="second">An input of this model.</param>
    /// <returns>The correlation in [-1, 1].</returns>
    /// <exception cref="ArgumentException">An input is not from this model.</exception>
    public double GetCorrelation(ScenarioInput first, ScenarioInput second)
    {
        CheckOwned(first, nameof(first));
        CheckOwned(second, nameof(second));
        if (first.Index == second.Index) return 1;
        var key = first.Index < second.Index ? (first.Index, second.Index) : (second.Index, first.Index);
        return _correlations.TryGetValue(key, out double r) ? r : 0;
    }

    /// <summary>The output with every input at its base value.</summary>
    /// <returns>The output, in <see cref="OutputUnit"/>.</returns>
    /// <exception cref="ScenarioEvaluationException">The output function threw or returned NaN or infinity.</exception>
    public double Evaluate() => EvaluateArray(BaseValues());

    /// <summary>The output with one input changed and the others at base.</summary>
    /// <param name="input">An input of this model.</param>
    /// <param name="value">Its value, in its unit; finite (it may lie outside the input's range).</param>
    /// <returns>The output, in <see cref="OutputUnit"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not from this model.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    /// <exception cref="ScenarioEvaluationException">The output function threw or returned NaN or infinity.</exception>
    public double Evaluate(ScenarioInput input, double value)
    {
        CheckOwned(input, nameof(input));
        Preconditions.CheckFinite(value, nameof(value));
        var values = BaseValues();
        values[input.Index] = value;
        return EvaluateArray(values);
    }

    /// <summary>The output for a full vector of input values.</summary>
    /// <param name="values">One finite value per input, in input order.</param>
    /// <returns>The output, in <see cref="OutputUnit"/>.</returns>
    /// <exception cref="ArgumentException">The length differs from the number of inputs, or a value is not finite.</exception>
    /// <exception cref="ScenarioEvaluationException">The output function threw or returned NaN or infinity.</exception>
    public double Evaluate(ReadOnlySpan<double> values)
    {
        if (values.Length != _inputs.Length)
        {
            throw new ArgumentException($"Model '{Name}' has {_inputs.Length} inputs; {values.Length} values were given.", nameof(values));
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Input '{_inputs[i].Name}' must be a finite number; it was {Preconditions.Format(values[i])}.", nameof(values));
            }
        }
        return EvaluateArray(values.ToArray());
    }

    /// <summary>The base values in input order (a new array).</summary>
    /// <returns>The values.</returns>
    public double[] BaseValues()
    {
        var values = new double[_inputs.Length];
        for (int i = 0; i < values.Length; i++) values[i] = _inputs[i].BaseValue;
        return values;
    }

    /// <summary>Evaluates on a caller-owned buffer, checking the result.</summary>
    internal double EvaluateArray(double[] values)
    {
        double y;
        try
        {
            y = Output(new ScenarioValues(values, this));
        }
        catch (Exception e) when (e is not ScenarioEvaluationException)
        {
            throw new ScenarioEvaluationException($"Model '{Name}' threw for {Describe(values)}: {e.Message}", e);
        }
        if (!double.IsFinite(y))
        {
            throw new ScenarioEvaluationException(
                $"Model '{Name}' returned {Preconditions.Format(y)} (outputs must be finite) for {Describe(values)}.");
        }
        return y;
    }

    /// <summary>Invariant text listing input values, for error messages.</summary>
    internal string Describe(ReadOnlySpan<double> values)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < _inputs.Length && i < values.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(_inputs[i].Name).Append(" = ").Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    internal void CheckOwned(ScenarioInput input, string paramName)
    {
        ArgumentNullException.ThrowIfNull(input, paramName);
        if (input.Index >= _inputs.Length || !ReferenceEquals(_inputs[input.Index], input))
        {
            throw new ArgumentException($"Input '{input.Name}' does not belong to model '{Name}'.", paramName);
        }
    }

    /// <summary>Invariant summary: name, output unit and inputs.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => $"{Name} ({OutputUnit}): " + string.Join("; ", _inputs.Select(i => i.ToString()));
}

/// <summary>
/// The output value a model returns when what it measures is not reached within its horizon (for example a payback
/// capped at 120 months): outputs at or above <paramref name="Value"/> mean "not reached", never a real amount.
/// </summary>
/// <param name="Value">The capped output, in the model's output unit.</param>
/// <param name="Meaning">What the value stands for, e.g. "not paid back within 120 months".</param>
public sealed record NotReachedOutput(double Value, string Meaning);
