namespace CloudEconomics.Analysis;

/// <summary>
/// The input values of one scenario, passed to a model's output function. A small struct over the engine's
/// buffer: read it inside the function, do not keep it (the engine reuses the buffer).
/// </summary>
public readonly struct ScenarioValues
{
    private readonly double[] _values;
    private readonly ScenarioModel? _model;

    internal ScenarioValues(double[] values, ScenarioModel? model)
    {
        _values = values;
        _model = model;
    }

    /// <summary>The number of inputs.</summary>
    public int Count => _values?.Length ?? 0;

    /// <summary>The value of an input, in its unit.</summary>
    /// <param name="input">An input of the model being evaluated.</param>
    /// <returns>The value.</returns>
    public double this[ScenarioInput input] => _values[input.Index];

    /// <summary>The value of the input at a position (the order inputs were added).</summary>
    /// <param name="index">0-based position.</param>
    /// <returns>The value.</returns>
    public double this[int index] => _values[index];

    /// <summary>The value of an input looked up by name (slower than the handle indexer).</summary>
    /// <param name="name">The input's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">No input has that name.</exception>
    public double this[string name]
        => _model is null
            ? throw new InvalidOperationException("These values are not attached to a model; read them by handle or position.")
            : _values[_model.GetInput(name).Index];

    /// <summary>The values as a read-only span, in input order.</summary>
    /// <returns>The span.</returns>
    public ReadOnlySpan<double> AsSpan() => _values;
}
