namespace CloudEconomics.Charts;

/// <summary>Size, title and axis labels of a chart. Axis labels should name the unit, such as "USD per million tokens".</summary>
/// <param name="Title">The title above the plot.</param>
/// <param name="XAxisLabel">The label under the horizontal axis, with its unit.</param>
/// <param name="YAxisLabel">The label beside the vertical axis, with its unit.</param>
public sealed record ChartOptions(string Title, string XAxisLabel, string YAxisLabel)
{
    /// <summary>Width in pixels (default 720, about a notebook's width).</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height in pixels (default 400).</summary>
    public int Height { get; init; } = 400;
}

/// <summary>A point of a line chart.</summary>
/// <param name="X">Horizontal value, in the x axis's unit.</param>
/// <param name="Y">Vertical value, in the y axis's unit.</param>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>A labelled marker on a line chart (such as the payback point).</summary>
/// <param name="X">Horizontal position.</param>
/// <param name="Y">Vertical position.</param>
/// <param name="Label">Text shown beside the marker.</param>
public sealed record ChartMarker(double X, double Y, string Label);

/// <summary>A bar of a bar chart.</summary>
/// <param name="Label">The category, such as an instance name.</param>
/// <param name="Value">The bar's value, in the value axis's unit.</param>
public readonly record struct BarItem(string Label, double Value);

/// <summary>One series (layer) of a stacked bar chart: one value per category.</summary>
/// <param name="Name">The series name shown in the legend, such as "energy".</param>
/// <param name="Values">One value per category, in category order.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>One input's swing in a tornado chart: the output at the input's low and high values.</summary>
/// <param name="Label">The input's name.</param>
/// <param name="OutputAtLow">The output with the input at its low value.</param>
/// <param name="OutputAtHigh">The output with the input at its high value.</param>
public readonly record struct TornadoChartBar(string Label, double OutputAtLow, double OutputAtHigh);

/// <summary>A histogram bin [Lower, Upper) with its count.</summary>
/// <param name="Lower">Lower edge, inclusive.</param>
/// <param name="Upper">Upper edge, exclusive (inclusive for the last bin).</param>
/// <param name="Count">Draws in the bin.</param>
public readonly record struct HistogramBin(double Lower, double Upper, long Count);
