using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>Deterministic sensitivity analysis: one-at-a-time swings (tornado), two-way tables and elasticities.</summary>
public static class Sensitivity
{
    /// <summary>
    /// One-at-a-time swings: each input in turn is set to its low and then its high value, the others at base.
    /// Bars are sorted by swing |output(high) - output(low)|, largest first (ties keep input order); inputs with
    /// low = high are left out.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>The tornado data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ScenarioEvaluationException">The model failed at a low or high value.</exception>
    public static TornadoResult Tornado(this ScenarioModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var values = model.BaseValues();
        double baseOutput = model.EvaluateArray(values);
        var bars = new List<TornadoBar>();
        foreach (var input in model.Inputs)
        {
            if (input.Low == input.High) continue;
            values[input.Index] = input.Low;
            double atLow = model.EvaluateArray(values);
            values[input.Index] = input.High;
            double atHigh = model.EvaluateArray(values);
            values[input.Index] = input.BaseValue;
            bars.Add(new TornadoBar(input, input.Low, input.High, atLow, atHigh, baseOutput));
        }
        return new TornadoResult(model.Name, model.OutputUnit, baseOutput, bars.OrderByDescending(b => b.Swing).ToArray());
    }

    /// <summary>A two-way table: the output for every pair (row value, column value), other inputs at base.</summary>
    /// <param name="model">The model.</param>
    /// <param name="rowInput">The input varied down the rows.</param>
    /// <param name="rowValues">Its values (finite; at least one).</param>
    /// <param name="columnInput">The input varied across the columns (a different input).</param>
    /// <param name="columnValues">Its values (finite; at least one).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An input is not from the model, both inputs are the same, or a value list is empty or holds NaN or infinity.</exception>
    /// <exception cref="ScenarioEvaluationException">The model failed at some pair.</exception>
    public static TwoWayTable TwoWay(this ScenarioModel model, ScenarioInput rowInput, IReadOnlyList<double> rowValues,
        ScenarioInput columnInput, IReadOnlyList<double> columnValues)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.CheckOwned(rowInput, nameof(rowInput));
        model.CheckOwned(columnInput, nameof(columnInput));
        if (rowInput.Index == columnInput.Index)
        {
            throw new ArgumentException($"A two-way table needs two different inputs; both were '{rowInput.Name}'.", nameof(columnInput));
        }
        var rows = CheckValues(rowValues, rowInput, nameof(rowValues));
        var cols = CheckValues(columnValues, columnInput, nameof(columnValues));
        var values = model.BaseValues();
        var outputs = new double[rows.Length, cols.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            values[rowInput.Index] = rows[r];
            for (int c = 0; c < cols.Length; c++)
            {
                values[columnInput.Index] = cols[c];
                outputs[r, c] = model.EvaluateArray(values);
            }
        }
        return new TwoWayTable(model.OutputUnit, rowInput, rows, columnInput, cols, outputs);
    }

    /// <summary>A two-way table over evenly spaced values from each input's low to its high.</summary>
    /// <param name="model">The model.</param>
    /// <param name="rowInput">The input varied down the rows.</param>
    /// <param name="columnInput">The input varied across the columns.</param>
    /// <param name="steps">Values per input, from low to high inclusive; 2 to 1,000.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An input is not from the model or both are the same.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is outside 2 to 1,000.</exception>
    /// <exception cref="ScenarioEvaluationException">The model failed at some pair.</exception>
    public static TwoWayTable TwoWay(this ScenarioModel model, ScenarioInput rowInput, ScenarioInput columnInput, int steps = 5)
    {
        ArgumentNullException.ThrowIfNull(rowInput);
        ArgumentNullException.ThrowIfNull(columnInput);
        if (steps < 2 || steps > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Steps must be between 2 and 1,000; it was {steps}.");
        }
        return TwoWay(model, rowInput, Grid(rowInput, steps), columnInput, Grid(columnInput, steps));
    }

    /// <summary>
    /// Point elasticities at the base case: (dY/Y)/(dX/X), estimated by a central difference with X moved by
    /// +/- <paramref name="relativeStep"/> of its base value. Sorted by absolute elasticity, largest first.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="relativeStep">Relative move of each input, in (0, 0.5]; default 1%.</param>
    /// <returns>One elasticity per input; undefined (null value) where the base input or base output is zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeStep"/> is outside (0, 0.5].</exception>
    /// <exception cref="ScenarioEvaluationException">The model failed at a moved point.</exception>
    public static IReadOnlyList<Elasticity> Elasticities(this ScenarioModel model, double relativeStep = 0.01)
    {
        ArgumentNullException.ThrowIfNull(model);
        Preconditions.CheckFinite(relativeStep, nameof(relativeStep));
        if (relativeStep <= 0 || relativeStep > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(relativeStep), relativeStep,
                $"Relative step must be greater than 0 and at most 0.5; it was {Preconditions.Format(relativeStep)}.");
        }
        var values = model.BaseValues();
        double y0 = model.EvaluateArray(values);
        var result = new List<Elasticity>();
        foreach (var input in model.Inputs)
        {
            double x0 = input.BaseValue;
            if (x0 == 0 || y0 == 0)
            {
                result.Add(new Elasticity(input, null));
                continue;
            }
            values[input.Index] = x0 * (1 + relativeStep);
            double up = model.EvaluateArray(values);
            values[input.Index] = x0 * (1 - relativeStep);
            double down = model.EvaluateArray(values);
            values[input.Index] = x0;
            // (dY/dX) (X/Y) with dY/dX ~ (up - down)/(2 h X0): the X0 cancels.
            result.Add(new Elasticity(input, (up - down) / (2 * relativeStep * y0)));
        }
        return result.OrderByDescending(e => e.Value is double v ? Math.Abs(v) : -1).ToArray();
    }

    private static double[] Grid(ScenarioInput input, int steps)
    {
        var grid = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            grid[i] = i == steps - 1 ? input.High : input.Low + (input.High - input.Low) * i / (steps - 1);
        }
        return grid;
    }

    private static double[] CheckValues(IReadOnlyList<double> values, ScenarioInput input, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Count == 0)
        {
            throw new ArgumentException($"Input '{input.Name}': a two-way table needs at least one value; the list was empty.", paramName);
        }
        var array = values.ToArray();
        foreach (double v in array)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Input '{input.Name}': table values must be finite; one was {Preconditions.Format(v)}.", paramName);
            }
        }
        return array;
    }
}
