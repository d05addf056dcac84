namespace CloudEconomics.Analysis;

/// <summary>
/// A batch of scenarios in columns (structure of arrays), passed to a model's batch function: one column per
/// input, <see cref="Count"/> scenarios each. Read it inside the function, do not keep it.
/// </summary>
public readonly struct ScenarioBatch
{
    private readonly double[] _columns;
    private readonly int _stride;
    private readonly ScratchBuffer? _scratch;

    internal ScenarioBatch(double[] columns, int stride, int count, ScratchBuffer? scratch)
    {
        _columns = columns;
        _stride = stride;
        Count = count;
        _scratch = scratch;
    }

    /// <summary>The number of scenarios in the batch.</summary>
    public int Count { get; }

    /// <summary>The column of an input: its value in each scenario of the batch, in its unit.</summary>
    /// <param name="input">An input of the model.</param>
    /// <returns>A span of <see cref="Count"/> values.</returns>
    public ReadOnlySpan<double> this[ScenarioInput input] => new(_columns, input.Index * _stride, Count);

    /// <summary>The column of the input at a position.</summary>
    /// <param name="index">0-based input position.</param>
    /// <returns>A span of <see cref="Count"/> values.</returns>
    public ReadOnlySpan<double> this[int index] => new(_columns, index * _stride, Count);

    /// <summary>
    /// A scratch span owned by the worker thread, reused from batch to batch (no allocation after the first use):
    /// for intermediate results such as a matrix of cash flows. Its contents are undefined on entry.
    /// </summary>
    /// <param name="length">Number of doubles needed; not negative.</param>
    /// <returns>A span of exactly <paramref name="length"/> doubles.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public Span<double> GetScratch(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return _scratch is null ? new double[length] : _scratch.Get(length);
    }
}

/// <summary>A growable per-worker buffer.</summary>
internal sealed class ScratchBuffer
{
    private double[] _buffer = [];

    internal Span<double> Get(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new double[length];
        }
        return _buffer.AsSpan(0, length);
    }
}

/// <summary>A model's vectorised output: fills <paramref name="output"/> (length <see cref="ScenarioBatch.Count"/>) from the batch's columns.</summary>
/// <param name="batch">The scenarios, one column per input.</param>
/// <param name="output">Where to write one output per scenario, in the model's output unit.</param>
public delegate void ScenarioBatchFunction(ScenarioBatch batch, Span<double> output);
