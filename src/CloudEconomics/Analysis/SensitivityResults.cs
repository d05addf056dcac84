using System.Globalization;
using System.Text;

namespace CloudEconomics.Analysis;

/// <summary>One bar of a tornado: the output with one input at its low and at its high value, others at base.</summary>
/// <param name="Input">The input swung.</param>
/// <param name="LowValue">The input's low value, in its unit.</param>
/// <param name="HighValue">The input's high value, in its unit.</param>
/// <param name="OutputAtLow">The output with the input at <paramref name="LowValue"/>, in the model's output unit.</param>
/// <param name="OutputAtHigh">The output with the input at <paramref name="HighValue"/>.</param>
/// <param name="BaseOutput">The output with every input at base.</param>
public sealed record TornadoBar(ScenarioInput Input, double LowValue, double HighValue, double OutputAtLow, double OutputAtHigh, double BaseOutput)
{
    /// <summary>The swing |OutputAtHigh - OutputAtLow|, in the output unit: the bar's length and sort key.</summary>
    public double Swing => Math.Abs(OutputAtHigh - OutputAtLow);

    /// <summary>The lower of the two outputs (the bar's left end).</summary>
    public double MinimumOutput => Math.Min(OutputAtLow, OutputAtHigh);

    /// <summary>The higher of the two outputs (the bar's right end).</summary>
    public double MaximumOutput => Math.Max(OutputAtLow, OutputAtHigh);
}

/// <summary>Tornado data: the base output and one bar per varied input, largest swing first.</summary>
public sealed class TornadoResult
{
    internal TornadoResult(string modelName, string outputUnit, double baseOutput, IReadOnlyList<TornadoBar> bars)
    {
        ModelName = modelName;
        OutputUnit = outputUnit;
        BaseOutput = baseOutput;
        Bars = bars;
    }

    /// <summary>The model's name.</summary>
    public string ModelName { get; }

    /// <summary>The output unit as text.</summary>
    public string OutputUnit { get; }

    /// <summary>The output with every input at base.</summary>
    public double BaseOutput { get; }

    /// <summary>The bars, sorted by swing, largest first.</summary>
    public IReadOnlyList<TornadoBar> Bars { get; }

    /// <summary>4 significant digits, or thousands separators without decimals from 10,000 up (invariant).</summary>
    internal static string Number(double value)
        => Math.Abs(value) >= 10_000 && Math.Abs(value) < 1e15
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>An invariant text table: input, low and high values, outputs and swing (4 significant digits).</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{ModelName}: base {Number(BaseOutput)} {OutputUnit}").AppendLine();
        int width = Math.Max(5, Bars.Count == 0 ? 5 : Bars.Max(b => b.Input.Name.Length));
        sb.Append("input".PadRight(width)).Append("  ").Append("low -> high".PadRight(24))
          .Append("output at low -> high".PadRight(28)).AppendLine("swing");
        foreach (var b in Bars)
        {
            sb.Append(b.Input.Name.PadRight(width)).Append("  ")
              .Append($"{Number(b.LowValue)} -> {Number(b.HighValue)}".PadRight(24))
              .Append($"{Number(b.OutputAtLow)} -> {Number(b.OutputAtHigh)}".PadRight(28))
              .Append(Number(b.Swing)).AppendLine();
        }
        return sb.ToString();
    }
}

/// <summary>A two-way table: the output over a grid of two inputs' values, others at base.</summary>
public sealed class TwoWayTable
{
    private readonly double[] _rows;
    private readonly double[] _columns;
    private readonly double[,] _outputs;

    internal TwoWayTable(string outputUnit, ScenarioInput rowInput, double[] rows, ScenarioInput columnInput, double[] columns, double[,] outputs)
    {
        OutputUnit = outputUnit;
        RowInput = rowInput;
        ColumnInput = columnInput;
        _rows = rows;
        _columns = columns;
        _outputs = outputs;
    }

    /// <summary>The output unit as text.</summary>
    public string OutputUnit { get; }

    /// <summary>The input varied down the rows.</summary>
    public ScenarioInput RowInput { get; }

    /// <summary>The input varied across the columns.</summary>
    public ScenarioInput ColumnInput { get; }

    /// <summary>The row input's values.</summary>
    public IReadOnlyList<double> RowValues => _rows;

    /// <summary>The column input's values.</summary>
    public IReadOnlyList<double> ColumnValues => _columns;

    /// <summary>The output at a row and column.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    /// <returns>The output, in <see cref="OutputUnit"/>.</returns>
    public double this[int row, int column] => _outputs[row, column];

    /// <summary>An invariant text grid (4 significant digits).</summary>
    /// <returns>The grid.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{OutputUnit}: rows {RowInput.Name} ({RowInput.Unit}), columns {ColumnInput.Name} ({ColumnInput.Unit})").AppendLine();
        sb.Append(string.Empty.PadLeft(10));
        foreach (double col in _columns) sb.Append(col.ToString("G4", c).PadLeft(10));
        sb.AppendLine();
        for (int r = 0; r < _rows.Length; r++)
        {
            sb.Append(_rows[r].ToString("G4", c).PadLeft(10));
            for (int col = 0; col < _columns.Length; col++) sb.Append(_outputs[r, col].ToString("G4", c).PadLeft(10));
            sb.AppendLine();
        }
        return sb.ToString();
    }
}

/// <summary>The elasticity of the output with respect to one input at the base case: % change in output per % change in input.</summary>
/// <param name="Input">The input.</param>
/// <param name="Value">The elasticity (dimensionless), or null when undefined (the base input or base output is zero).</param>
public sealed record Elasticity(ScenarioInput Input, double? Value)
{
    /// <summary>Whether the elasticity is defined.</summary>
    public bool IsDefined => Value.HasValue;
}
