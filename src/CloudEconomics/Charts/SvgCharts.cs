using System.Globalization;
using System.Text;
using CloudEconomics.Utility;

namespace CloudEconomics.Charts;

/// <summary>
/// Small, dependency-free SVG charts for notebooks, reports and the command line: line (with a marker), bars,
/// stacked bars, tornado and histogram. Output is a standalone SVG 1.1 document with a white background,
/// labelled axes and culture-invariant numbers; it renders the same in browsers, notebooks and rsvg-convert.
/// </summary>
/// <remarks>
/// Inputs are plain numbers: callers map their domain results (cash flows, prices, TCO components) to points and
/// bars. Every value must be finite; labels are escaped for XML.
/// </remarks>
public static class SvgCharts
{
    private static readonly string[] Palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
    private const int MarginLeft = 80, MarginRight = 24, MarginTop = 44, MarginBottom = 56;

    /// <summary>A line chart of one series, with an optional labelled marker (such as a payback point) and a zero line.</summary>
    /// <param name="points">At least two points, in x order.</param>
    /// <param name="options">Title and axis labels.</param>
    /// <param name="marker">An optional marker.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentException">Fewer than two points, or a value that is not finite.</exception>
    public static string LineChart(IReadOnlyList<ChartPoint> points, ChartOptions options, ChartMarker? marker = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        if (points.Count < 2)
        {
            throw new ArgumentException($"A line chart needs at least two points; it had {points.Count}.", nameof(points));
        }
        foreach (var p in points)
        {
            CheckFinite(p.X, nameof(points));
            CheckFinite(p.Y, nameof(points));
        }
        var xs = Axis.Create(points.Min(p => p.X), points.Max(p => p.X), includeZero: false);
        double yMin = points.Min(p => p.Y), yMax = points.Max(p => p.Y);
        if (marker is not null)
        {
            CheckFinite(marker.X, nameof(marker));
            CheckFinite(marker.Y, nameof(marker));
            yMin = Math.Min(yMin, marker.Y);
            yMax = Math.Max(yMax, marker.Y);
        }
        var ys = Axis.Create(yMin, yMax, includeZero: true);
        var plot = new Plot(options);
        var svg = Begin(options);
        DrawGrid(svg, plot, xs, ys);
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Palette[0]}\" stroke-width=\"2\" points=\"");
        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"{F(plot.X(xs, p.X))},{F(plot.Y(ys, p.Y))} ");
        }
        svg.Append("\"/>\n");
        if (marker is not null)
        {
            double mx = plot.X(xs, marker.X), my = plot.Y(ys, marker.Y);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(mx)}\" y1=\"{plot.Top}\" x2=\"{F(mx)}\" y2=\"{plot.Bottom}\" stroke=\"{Palette[3]}\" stroke-dasharray=\"4 3\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(mx)}\" cy=\"{F(my)}\" r=\"5\" fill=\"{Palette[3]}\"/>\n");
            var anchor = mx > plot.Left + plot.Width * 0.7 ? "end" : "start";
            var dx = anchor == "end" ? -8 : 8;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(mx + dx)}\" y=\"{F(my - 8)}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"{Palette[3]}\">{Escape(marker.Label)}</text>\n");
        }
        return End(svg);
    }

    /// <summary>A horizontal bar chart (labels on the left, values along the bottom), in the order given.</summary>
    /// <param name="bars">At least one bar; values may be negative.</param>
    /// <param name="options">Title and axis labels (the x axis carries the values).</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentException">No bars, or a value that is not finite.</exception>
    public static string BarChart(IReadOnlyList<BarItem> bars, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(options);
        if (bars.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one bar.", nameof(bars));
        }
        foreach (var b in bars)
        {
            CheckFinite(b.Value, nameof(bars));
        }
        var labelWidth = LabelWidth(bars.Select(b => b.Label));
        var plot = new Plot(options, labelWidth);
        var xs = Axis.Create(bars.Min(b => b.Value), bars.Max(b => b.Value), includeZero: true);
        var svg = Begin(options);
        DrawValueGridX(svg, plot, xs);
        double band = plot.Height / bars.Count;
        for (int i = 0; i < bars.Count; i++)
        {
            double y = plot.Top + i * band + band * 0.15, h = band * 0.7;
            double x0 = plot.X(xs, 0), x1 = plot.X(xs, bars[i].Value);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(Math.Min(x0, x1))}\" y=\"{F(y)}\" width=\"{F(Math.Abs(x1 - x0))}\" height=\"{F(h)}\" fill=\"{Palette[i % Palette.Length]}\"><title>{Escape(bars[i].Label)}: {Escape(Number(bars[i].Value))}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(plot.Left - 6)}\" y=\"{F(y + h / 2 + 4)}\" text-anchor=\"end\" font-size=\"12\">{Escape(Truncate(bars[i].Label))}</text>\n");
            var valueAnchor = bars[i].Value < 0 ? "end" : "start";
            var valueX = bars[i].Value < 0 ? Math.Min(x0, x1) - 4 : Math.Max(x0, x1) + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(valueX)}\" y=\"{F(y + h / 2 + 4)}\" text-anchor=\"{valueAnchor}\" font-size=\"11\" fill=\"#333\">{Escape(Number(bars[i].Value))}</text>\n");
        }
        return End(svg);
    }

    /// <summary>A vertical stacked bar chart: one bar per category, one coloured layer per series, with a legend.</summary>
    /// <param name="categories">Category names (x axis).</param>
    /// <param name="series">Layers; each has one non-negative value per category.</param>
    /// <param name="options">Title and axis labels (the y axis carries the values).</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentException">No categories or series, a series of the wrong length, or a negative or non-finite value.</exception>
    public static string StackedBarChart(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        if (categories.Count == 0)
        {
            throw new ArgumentException("A stacked bar chart needs at least one category.", nameof(categories));
        }
        if (series.Count == 0)
        {
            throw new ArgumentException("A stacked bar chart needs at least one series.", nameof(series));
        }
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
            {
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values; it needs one per category ({categories.Count}).", nameof(series));
            }
            foreach (var v in s.Values)
            {
                CheckFinite(v, nameof(series));
                if (v < 0)
                {
                    throw new ArgumentException($"Series '{s.Name}' has a negative value ({Number(v)}); stacked bars need values of zero or more.", nameof(series));
                }
            }
        }
        var totals = Enumerable.Range(0, categories.Count).Select(c => series.Sum(s => s.Values[c])).ToArray();
        var ys = Axis.Create(0, totals.Max(), includeZero: true);
        var plot = new Plot(options, legendWidth: LabelWidth(series.Select(s => s.Name)) + 24);
        var svg = Begin(options);
        DrawValueGridY(svg, plot, ys);
        double band = plot.Width / categories.Count;
        for (int c = 0; c < categories.Count; c++)
        {
            double x = plot.Left + c * band + band * 0.2, w = band * 0.6, cumulative = 0;
            for (int s = 0; s < series.Count; s++)
            {
                double v = series[s].Values[c];
                double yTop = plot.Y(ys, cumulative + v), yBottom = plot.Y(ys, cumulative);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(yTop)}\" width=\"{F(w)}\" height=\"{F(yBottom - yTop)}\" fill=\"{Palette[s % Palette.Length]}\"><title>{Escape(categories[c])} / {Escape(series[s].Name)}: {Escape(Number(v))}</title></rect>\n");
                cumulative += v;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + w / 2)}\" y=\"{F(plot.Y(ys, cumulative) - 4)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{Escape(Number(cumulative))}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + w / 2)}\" y=\"{F(plot.Bottom + 16)}\" text-anchor=\"middle\" font-size=\"12\">{Escape(categories[c])}</text>\n");
        }
        for (int s = 0; s < series.Count; s++)
        {
            double lx = plot.Right + 12, ly = plot.Top + s * 18;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(lx)}\" y=\"{F(ly)}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(lx + 16)}\" y=\"{F(ly + 10)}\" font-size=\"12\">{Escape(series[s].Name)}</text>\n");
        }
        return End(svg);
    }

    /// <summary>
    /// A tornado chart: one horizontal bar per input from the output at its low value to the output at its high value,
    /// around a vertical line at the base output. Bars are drawn in the order given (sort by impact first).
    /// </summary>
    /// <param name="bars">At least one input's swing.</param>
    /// <param name="baseOutput">The output with every input at its base value.</param>
    /// <param name="options">Title and axis labels (the x axis carries the output).</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentException">No bars, or a value that is not finite.</exception>
    public static string Tornado(IReadOnlyList<TornadoChartBar> bars, double baseOutput, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(options);
        if (bars.Count == 0)
        {
            throw new ArgumentException("A tornado chart needs at least one input.", nameof(bars));
        }
        CheckFinite(baseOutput, nameof(baseOutput));
        foreach (var b in bars)
        {
            CheckFinite(b.OutputAtLow, nameof(bars));
            CheckFinite(b.OutputAtHigh, nameof(bars));
        }
        double min = Math.Min(baseOutput, bars.Min(b => Math.Min(b.OutputAtLow, b.OutputAtHigh)));
        double max = Math.Max(baseOutput, bars.Max(b => Math.Max(b.OutputAtLow, b.OutputAtHigh)));
        var xs = Axis.Create(min, max, includeZero: false);
        var plot = new Plot(options, LabelWidth(bars.Select(b => b.Label)), legendWidth: 0);
        var svg = Begin(options);
        DrawValueGridX(svg, plot, xs);
        double band = plot.Height / bars.Count, xBase = plot.X(xs, baseOutput);
        for (int i = 0; i < bars.Count; i++)
        {
            double y = plot.Top + i * band + band * 0.15, h = band * 0.7;
            double xLow = plot.X(xs, bars[i].OutputAtLow), xHigh = plot.X(xs, bars[i].OutputAtHigh);
            // The part of the bar from base to the output at the input's low value, then to its high value.
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(Math.Min(xBase, xLow))}\" y=\"{F(y)}\" width=\"{F(Math.Abs(xLow - xBase))}\" height=\"{F(h)}\" fill=\"{Palette[0]}\"><title>{Escape(bars[i].Label)} low: {Escape(Number(bars[i].OutputAtLow))}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(Math.Min(xBase, xHigh))}\" y=\"{F(y)}\" width=\"{F(Math.Abs(xHigh - xBase))}\" height=\"{F(h)}\" fill=\"{Palette[1]}\"><title>{Escape(bars[i].Label)} high: {Escape(Number(bars[i].OutputAtHigh))}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(plot.Left - 6)}\" y=\"{F(y + h / 2 + 4)}\" text-anchor=\"end\" font-size=\"12\">{Escape(Truncate(bars[i].Label))}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(xBase)}\" y1=\"{plot.Top}\" x2=\"{F(xBase)}\" y2=\"{plot.Bottom}\" stroke=\"#000\" stroke-width=\"1.5\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(xBase)}\" y=\"{F(plot.Top - 4)}\" text-anchor=\"middle\" font-size=\"11\">base {Escape(Number(baseOutput))}</text>\n");
        // Legend in the bottom-left corner, under the input labels: clear of the bars and of the centred axis label.
        double legendY = options.Height - 36;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"8\" y=\"{F(legendY)}\" width=\"12\" height=\"12\" fill=\"{Palette[0]}\"/><text x=\"24\" y=\"{F(legendY + 10)}\" font-size=\"11\">input at low</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"8\" y=\"{F(legendY + 16)}\" width=\"12\" height=\"12\" fill=\"{Palette[1]}\"/><text x=\"24\" y=\"{F(legendY + 26)}\" font-size=\"11\">input at high</text>\n");
        return End(svg);
    }

    /// <summary>A histogram: adjacent vertical bars, one per bin.</summary>
    /// <param name="bins">At least one bin, in increasing order, each with Lower &lt; Upper and a count of zero or more.</param>
    /// <param name="options">Title and axis labels (x: the output and its unit; y: usually "draws").</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentException">No bins, a bin with Lower &gt;= Upper, a negative count, or a value that is not finite.</exception>
    public static string Histogram(IReadOnlyList<HistogramBin> bins, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(options);
        if (bins.Count == 0)
        {
            throw new ArgumentException("A histogram needs at least one bin.", nameof(bins));
        }
        foreach (var b in bins)
        {
            CheckFinite(b.Lower, nameof(bins));
            CheckFinite(b.Upper, nameof(bins));
            if (b.Lower >= b.Upper)
            {
                throw new ArgumentException($"A bin's lower edge must be below its upper edge; it was [{Number(b.Lower)}, {Number(b.Upper)}).", nameof(bins));
            }
            if (b.Count < 0)
            {
                throw new ArgumentException($"A bin's count must not be negative; it was {b.Count}.", nameof(bins));
            }
        }
        var xs = Axis.Create(bins[0].Lower, bins[^1].Upper, includeZero: false);
        var ys = Axis.Create(0, Math.Max(1, bins.Max(b => b.Count)), includeZero: true);
        var plot = new Plot(options);
        var svg = Begin(options);
        DrawGrid(svg, plot, xs, ys);
        foreach (var b in bins)
        {
            double x0 = plot.X(xs, b.Lower), x1 = plot.X(xs, b.Upper), yTop = plot.Y(ys, b.Count);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x0)}\" y=\"{F(yTop)}\" width=\"{F(Math.Max(0, x1 - x0 - 1))}\" height=\"{F(plot.Bottom - yTop)}\" fill=\"{Palette[0]}\"><title>[{Escape(Number(b.Lower))}, {Escape(Number(b.Upper))}): {b.Count}</title></rect>\n");
        }
        return End(svg);
    }

    /// <summary>Formats a number compactly and invariantly for labels: 1,234.5; 12.3k; 4.5M; 1.2B; 0.0123.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The label text.</returns>
    public static string Number(double value)
    {
        double a = Math.Abs(value);
        string text = a switch
        {
            >= 1e12 => (value / 1e12).ToString("0.##", CultureInfo.InvariantCulture) + "T",
            >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
            >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1e4 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            >= 100 => value.ToString("#,0.#", CultureInfo.InvariantCulture),
            >= 1 => value.ToString("0.###", CultureInfo.InvariantCulture),
            0 => "0",
            _ => value.ToString("0.####", CultureInfo.InvariantCulture),
        };
        return text == "-0" ? "0" : text;
    }

    private static StringBuilder Begin(ChartOptions options)
    {
        if (options.Width < 200 || options.Height < 150)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"A chart must be at least 200 x 150 pixels; it was {options.Width} x {options.Height}.");
        }
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{options.Width}\" height=\"{options.Height}\" viewBox=\"0 0 {options.Width} {options.Height}\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{options.Width}\" height=\"{options.Height}\" fill=\"#fff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{options.Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(options.Title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{options.Width / 2}\" y=\"{options.Height - 10}\" text-anchor=\"middle\" font-size=\"12\">{Escape(options.XAxisLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{options.Height / 2}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 {options.Height / 2})\">{Escape(options.YAxisLabel)}</text>\n");
        return svg;
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>\n").ToString();

    private static void DrawGrid(StringBuilder svg, Plot plot, Axis xs, Axis ys)
    {
        DrawValueGridY(svg, plot, ys);
        foreach (var t in xs.Ticks)
        {
            double x = plot.X(xs, t);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{plot.Bottom}\" x2=\"{F(x)}\" y2=\"{plot.Bottom + 4}\" stroke=\"#333\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{plot.Bottom + 18}\" text-anchor=\"middle\" font-size=\"11\">{Escape(Number(t))}</text>\n");
        }
    }

    private static void DrawValueGridY(StringBuilder svg, Plot plot, Axis ys)
    {
        foreach (var t in ys.Ticks)
        {
            double y = plot.Y(ys, t);
            var stroke = t == 0 ? "#333" : "#ddd";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{plot.Left}\" y1=\"{F(y)}\" x2=\"{plot.Right}\" y2=\"{F(y)}\" stroke=\"{stroke}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{plot.Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"11\">{Escape(Number(t))}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{plot.Left}\" y1=\"{plot.Top}\" x2=\"{plot.Left}\" y2=\"{plot.Bottom}\" stroke=\"#333\"/>\n");
    }

    private static void DrawValueGridX(StringBuilder svg, Plot plot, Axis xs)
    {
        foreach (var t in xs.Ticks)
        {
            double x = plot.X(xs, t);
            var stroke = t == 0 ? "#333" : "#ddd";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{plot.Top}\" x2=\"{F(x)}\" y2=\"{plot.Bottom}\" stroke=\"{stroke}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{plot.Bottom + 18}\" text-anchor=\"middle\" font-size=\"11\">{Escape(Number(t))}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{plot.Left}\" y1=\"{plot.Bottom}\" x2=\"{plot.Right}\" y2=\"{plot.Bottom}\" stroke=\"#333\"/>\n");
    }

    private const int MaxLabelCharacters = 32;

    private static int LabelWidth(IEnumerable<string> labels) => 12 + 7 * labels.DefaultIfEmpty("").Max(l => Math.Min(MaxLabelCharacters, l?.Length ?? 0));

    /// <summary>A category label cut to fit the label column (the full text stays in the bar's tooltip).</summary>
    private static string Truncate(string? label) =>
        label is null ? "" : label.Length <= MaxLabelCharacters ? label : label[..(MaxLabelCharacters - 1)] + "\u2026";

    private static void CheckFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Chart values must be finite numbers; one was {Preconditions.Format(value)}.", paramName);
        }
    }

    internal static string Escape(string? text) => System.Security.SecurityElement.Escape(text ?? "") ?? "";

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The plot area inside the margins.</summary>
    private sealed class Plot
    {
        public Plot(ChartOptions options, int labelWidth = 0, int legendWidth = 0)
        {
            Left = Math.Max(MarginLeft, labelWidth + 24);
            Right = options.Width - MarginRight - legendWidth;
            Top = MarginTop;
            Bottom = options.Height - MarginBottom;
        }

        public int Left { get; }
        public int Right { get; }
        public int Top { get; }
        public int Bottom { get; }
        public double Width => Right - Left;
        public double Height => Bottom - Top;
        public double X(Axis axis, double value) => Left + (value - axis.Min) / (axis.Max - axis.Min) * Width;
        public double Y(Axis axis, double value) => Bottom - (value - axis.Min) / (axis.Max - axis.Min) * Height;
    }

    /// <summary>An axis range widened to "nice" tick steps of 1, 2 or 5 x 10^n.</summary>
    internal sealed class Axis
    {
        private Axis(double min, double max, double step)
        {
            Min = min;
            Max = max;
            Step = step;
        }

        public double Min { get; }
        public double Max { get; }
        public double Step { get; }

        public IEnumerable<double> Ticks
        {
            get
            {
                int count = (int)Math.Round((Max - Min) / Step);
                for (int i = 0; i <= count; i++)
                {
                    double t = Min + i * Step;
                    yield return Math.Abs(t) < Step * 1e-9 ? 0 : t;
                }
            }
        }

        public static Axis Create(double min, double max, bool includeZero)
        {
            if (includeZero)
            {
                min = Math.Min(min, 0);
                max = Math.Max(max, 0);
            }
            if (max - min <= 0)
            {
                double pad = Math.Abs(max) > 0 ? Math.Abs(max) * 0.1 : 1;
                min -= pad;
                max += pad;
                if (includeZero)
                {
                    min = Math.Min(min, 0);
                    max = Math.Max(max, 0);
                }
            }
            double step = NiceStep((max - min) / 5);
            double lo = Math.Floor(min / step) * step, hi = Math.Ceiling(max / step) * step;
            return new Axis(lo, hi, step);
        }

        internal static double NiceStep(double rough)
        {
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            double fraction = rough / magnitude;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }
}
