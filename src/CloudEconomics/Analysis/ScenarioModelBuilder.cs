using System.Globalization;
using CloudEconomics.Utility;
using FluentValidation;

namespace CloudEconomics.Analysis;

/// <summary>
/// Builds a <see cref="ScenarioModel"/>: add inputs (each call returns a handle), optionally correlate uncertain
/// inputs, then <see cref="Build(Func{ScenarioValues, double}, ScenarioBatchFunction?)"/> with the output function. Not thread-safe; the built model is immutable.
/// </summary>
/// <example>
/// <code>
/// var b = new ScenarioModelBuilder("H100 cost per million tokens", "USD per million tokens");
/// var price = b.Input("price", "USD/h", 6.88, 4.0, 9.0, Distribution.Triangular(4.0, 6.88, 9.0));
/// var tps = b.Input("throughput", "tokens/s", 3000, 2000, 4000, Distribution.Normal(3000, 400));
/// var u = b.Input("utilization", "fraction", 0.6, 0.3, 0.9, Distribution.Pert(0.3, 0.6, 0.9));
/// var model = b.Build(v => v[price] / (v[tps] * 3600 * v[u]) * 1e6);
/// </code>
/// </example>
public sealed class ScenarioModelBuilder
{
    private readonly List<ScenarioInput> _inputs = [];
    private readonly Dictionary<(int, int), double> _correlations = [];
    private bool _built;

    /// <summary>Starts a model.</summary>
    /// <param name="name">The model's name, e.g. <c>"Cost per million tokens"</c>; not blank.</param>
    /// <param name="outputUnit">The unit of the output as text, e.g. <c>"USD per million tokens"</c>; not blank.</param>
    /// <exception cref="ArgumentException">A name is null or blank.</exception>
    public ScenarioModelBuilder(string name, string outputUnit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputUnit);
        Name = name;
        OutputUnit = outputUnit;
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>The output unit as text.</summary>
    public string OutputUnit { get; }

    /// <summary>Adds an input with an explicit range and, optionally, a distribution for Monte Carlo.</summary>
    /// <param name="name">Unique, non-blank name.</param>
    /// <param name="unit">Unit as text (e.g. <c>"USD/h"</c>).</param>
    /// <param name="baseValue">Point estimate, in <paramref name="unit"/>; finite.</param>
    /// <param name="low">Low end of the range for sensitivity and breakeven search; finite, at most <paramref name="baseValue"/>.</param>
    /// <param name="high">High end of the range; finite, at least <paramref name="baseValue"/>.</param>
    /// <param name="distribution">Distribution drawn in Monte Carlo; null keeps the input at its base value.</param>
    /// <returns>The input's handle.</returns>
    /// <exception cref="ArgumentException">The name is blank or already used.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, or the range [low, high] does not contain the base value (the message names the input).</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its model.</exception>
    public ScenarioInput Input(string name, string unit, double baseValue, double low, double high, Distribution? distribution = null)
    {
        CheckOpen();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(unit);
        if (_inputs.Any(i => i.Name == name))
        {
            throw new ArgumentException($"Input names must be unique; '{name}' is already an input of model '{Name}'.", nameof(name));
        }
        CheckFiniteFor(name, baseValue, nameof(baseValue));
        CheckFiniteFor(name, low, nameof(low));
        CheckFiniteFor(name, high, nameof(high));
        if (low > high)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low,
                $"Input '{name}': low must not exceed high; low was {Preconditions.Format(low)} and high {Preconditions.Format(high)}.");
        }
        if (baseValue < low || baseValue > high)
        {
            throw new ArgumentOutOfRangeException(nameof(baseValue), baseValue,
                $"Input '{name}': the range [{Preconditions.Format(low)}, {Preconditions.Format(high)}] must contain the base value; it was {Preconditions.Format(baseValue)}.");
        }
        var input = new ScenarioInput(_inputs.Count, name, unit, baseValue, low, high, distribution);
        _inputs.Add(input);
        return input;
    }

    /// <summary>Adds an uncertain input whose sensitivity range is the distribution's 10th to 90th percentile.</summary>
    /// <param name="name">Unique, non-blank name.</param>
    /// <param name="unit">Unit as text.</param>
    /// <param name="baseValue">Point estimate; must lie between the distribution's P10 and P90.</param>
    /// <param name="distribution">The distribution drawn in Monte Carlo.</param>
    /// <returns>The input's handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The base value lies outside [P10, P90] of the distribution (the message names the input).</exception>
    /// <exception cref="ArgumentException">The name is blank or already used.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its model.</exception>
    public ScenarioInput Input(string name, string unit, double baseValue, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Input(name, unit, baseValue, distribution.InverseCdf(0.1), distribution.InverseCdf(0.9), distribution);
    }

    /// <summary>Adds a constant input (low = high = base, no distribution), e.g. a fixed contract term.</summary>
    /// <param name="name">Unique, non-blank name.</param>
    /// <param name="unit">Unit as text.</param>
    /// <param name="value">The value; finite.</param>
    /// <returns>The input's handle.</returns>
    /// <exception cref="ArgumentException">The name is blank or already used.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its model.</exception>
    public ScenarioInput Constant(string name, string unit, double value) => Input(name, unit, value, value, value);

    /// <summary>Correlates two uncertain inputs through a Gaussian copula (rank-like correlation of their normal scores).</summary>
    /// <param name="first">An uncertain input of this builder.</param>
    /// <param name="second">Another uncertain input of this builder.</param>
    /// <param name="correlation">Correlation of the normal scores, in [-1, 1].</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An input is not from this builder, has no distribution, or both are the same input.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="correlation"/> is outside [-1, 1] or not finite.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its model.</exception>
    public ScenarioModelBuilder Correlate(ScenarioInput first, ScenarioInput second, double correlation)
    {
        CheckOpen();
        CheckOwned(first, nameof(first));
        CheckOwned(second, nameof(second));
        if (first.Index == second.Index)
        {
            throw new ArgumentException($"An input cannot be correlated with itself; both were '{first.Name}'.", nameof(second));
        }
        Preconditions.CheckInRange(correlation, -1, 1, nameof(correlation));
        var key = first.Index < second.Index ? (first.Index, second.Index) : (second.Index, first.Index);
        _correlations[key] = correlation;
        return this;
    }

    /// <summary>Sets the whole correlation matrix of some uncertain inputs at once.</summary>
    /// <param name="inputs">The inputs, in the order of the matrix rows.</param>
    /// <param name="matrix">Square, symmetric, ones on the diagonal, entries in [-1, 1], positive semi-definite.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Sizes differ, an input has no distribution or appears twice, the diagonal is not 1, or the matrix is not symmetric (naming the pair of inputs).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entry is outside [-1, 1] or not finite.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its model.</exception>
    public ScenarioModelBuilder CorrelationMatrix(IReadOnlyList<ScenarioInput> inputs, double[,] matrix)
    {
        CheckOpen();
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(matrix);
        int n = inputs.Count;
        if (matrix.GetLength(0) != n || matrix.GetLength(1) != n)
        {
            throw new ArgumentException(
                $"The correlation matrix must be {n} x {n} (one row per input); it was {matrix.GetLength(0)} x {matrix.GetLength(1)}.", nameof(matrix));
        }
        for (int i = 0; i < n; i++)
        {
            CheckOwned(inputs[i], nameof(inputs));
            for (int j = 0; j < i; j++)
            {
                if (inputs[j].Index == inputs[i].Index)
                {
                    throw new ArgumentException($"Each input may appear once in the correlation matrix; '{inputs[i].Name}' appears twice.", nameof(inputs));
                }
            }
        }
        for (int i = 0; i < n; i++)
        {
            if (matrix[i, i] != 1.0)
            {
                throw new ArgumentException(
                    $"The correlation matrix diagonal must be 1; at input '{inputs[i].Name}' it was {Preconditions.Format(matrix[i, i])}.", nameof(matrix));
            }
            for (int j = 0; j < n; j++)
            {
                double r = matrix[i, j];
                if (!double.IsFinite(r) || r < -1 || r > 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(matrix), r,
                        $"Correlations must be between -1 and 1; between '{inputs[i].Name}' and '{inputs[j].Name}' it was {Preconditions.Format(r)}.");
                }
                if (Math.Abs(r - matrix[j, i]) > 1e-12)
                {
                    throw new ArgumentException(
                        $"The correlation matrix must be symmetric; between '{inputs[i].Name}' and '{inputs[j].Name}' it holds {Preconditions.Format(r)} and {Preconditions.Format(matrix[j, i])}.",
                        nameof(matrix));
                }
            }
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                int a = inputs[i].Index, b = inputs[j].Index;
                _correlations[a < b ? (a, b) : (b, a)] = matrix[i, j];
            }
        }
        return this;
    }

    /// <summary>Builds the immutable model.</summary>
    /// <param name="output">The output as a function of the input values, in <see cref="OutputUnit"/>. Called from several threads at once in Monte Carlo: it must not mutate shared state.</param>
    /// <param name="batch">Optional vectorised version of the same output over columns of scenarios (see <see cref="ScenarioKernels"/>); Monte Carlo uses it when present.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentException">The correlations are not positive semi-definite (the message names the input where the Cholesky factorisation fails).</exception>
    /// <exception cref="ValidationException">The model is invalid (no inputs, see <see cref="ScenarioModelValidator"/>).</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its model.</exception>
    public ScenarioModel Build(Func<ScenarioValues, double> output, ScenarioBatchFunction? batch = null) => Build(output, batch, null);

    /// <summary>Builds a model whose output is capped at a value meaning "not reached" (a censored output, such as a payback horizon).</summary>
    /// <param name="output">The output as a function of the input values; returns <paramref name="notReached"/>'s value when not reached.</param>
    /// <param name="notReached">The capped value and its meaning (<see cref="ScenarioModel.NotReached"/>).</param>
    /// <param name="batch">Optional vectorised version of the same output.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="notReached"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capped value is not finite.</exception>
    /// <exception cref="ValidationException">The model is invalid.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its model.</exception>
    public ScenarioModel Build(Func<ScenarioValues, double> output, NotReachedOutput notReached, ScenarioBatchFunction? batch = null)
    {
        ArgumentNullException.ThrowIfNull(notReached);
        if (!double.IsFinite(notReached.Value))
        {
            throw new ArgumentOutOfRangeException(nameof(notReached), notReached.Value, "The not-reached output must be a finite number.");
        }
        return Build(output, batch, notReached);
    }

    private ScenarioModel Build(Func<ScenarioValues, double> output, ScenarioBatchFunction? batch, NotReachedOutput? notReached)
    {
        CheckOpen();
        ArgumentNullException.ThrowIfNull(output);
        var uncertain = _inputs.Where(i => i.IsUncertain).Select(i => i.Index).ToArray();
        double[]? cholesky = null;
        if (_correlations.Any(kv => kv.Value != 0))
        {
            cholesky = Correlation.Factor(_inputs, uncertain, _correlations);
        }
        var model = new ScenarioModel(Name, OutputUnit, _inputs.ToArray(), uncertain, cholesky,
            _correlations.ToDictionary(kv => kv.Key, kv => kv.Value), output, batch) { NotReached = notReached };
        new ScenarioModelValidator().ValidateAndThrow(model);
        _built = true;
        return model;
    }

    private void CheckOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException($"Model '{Name}' has already been built; start a new ScenarioModelBuilder to change it.");
        }
    }

    private void CheckOwned(ScenarioInput input, string paramName)
    {
        ArgumentNullException.ThrowIfNull(input, paramName);
        if (input.Index >= _inputs.Count || !ReferenceEquals(_inputs[input.Index], input))
        {
            throw new ArgumentException($"Input '{input.Name}' does not belong to model '{Name}'.", paramName);
        }
        if (!input.IsUncertain)
        {
            throw new ArgumentException($"Input '{input.Name}' has no distribution, so it cannot be correlated; give it one first.", paramName);
        }
    }

    private static void CheckFiniteFor(string input, double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                string.Create(CultureInfo.InvariantCulture, $"Input '{input}': {paramName} must be a finite number; it was {Preconditions.Format(value)}."));
        }
    }
}
