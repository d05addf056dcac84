using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using CloudEconomics.Charts;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Charts;

public class SvgChartsTest
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartOptions Options = new("Title & <test>", "Years from first flow", "USD") { Width = 600, Height = 400 };

    internal static IReadOnlyList<ChartPoint> CumulativeCash =>
        [new(0, -1000), new(1, -600), new(2, -200), new(3, 200), new(4, 600)];

    [Fact]
    public void LineChart_IsWellFormedSvgWithEscapedLabels()
    {
        var svg = SvgCharts.LineChart(CumulativeCash, Options, new ChartMarker(2.5, 0, "payback 2.5 y"));
        var doc = XDocument.Parse(svg);
        doc.Root!.Name.Should().Be(Svg + "svg");
        doc.Root.Attribute("width")!.Value.Should().Be("600");
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        texts.Should().Contain("Title & <test>").And.Contain("Years from first flow").And.Contain("USD").And.Contain("payback 2.5 y");
    }

    [Fact]
    public void LineChart_MapsPointsLinearlyIntoThePlotArea()
    {
        // Plot area: left 80, right 600 - 24 = 576, top 44, bottom 400 - 56 = 344.
        // x from 0 to 4 (nice step 1), y from -1000 to 600 widened to nice step 500: [-1000, 1000].
        // The point (0, -1000) is at (80, 344); (4, 600) at (576, 344 - 1600/2000 x 300 = 104).
        var svg = SvgCharts.LineChart(CumulativeCash, Options);
        var points = XDocument.Parse(svg).Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Trim().Split(' ');
        points.First().Should().Be("80,344");
        points.Last().Should().Be("576,104");
    }

    [Fact]
    public void BarChart_BarWidthsAreProportionalToValues()
    {
        // Values 1 and 3 from a zero baseline: the second bar is three times as wide as the first.
        var svg = SvgCharts.BarChart([new("a", 1), new("b", 3)], Options);
        var widths = XDocument.Parse(svg).Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null)
            .Select(r => double.Parse(r.Attribute("width")!.Value, CultureInfo.InvariantCulture)).ToList();
        widths.Should().HaveCount(2);
        (widths[1] / widths[0]).Should().BeApproximately(3, 0.01);
    }

    [Fact]
    public void BarChart_NegativeValues_DrawLeftOfZero()
    {
        var svg = SvgCharts.BarChart([new("loss", -2), new("gain", 2)], Options);
        var bars = XDocument.Parse(svg).Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        double X(XElement r) => double.Parse(r.Attribute("x")!.Value, CultureInfo.InvariantCulture);
        X(bars[0]).Should().BeLessThan(X(bars[1]));
    }

    [Fact]
    public void StackedBarChart_LayersSumToTotalLabel()
    {
        var svg = SvgCharts.StackedBarChart(["owned", "rented"], [new("capex", [2.5, 0]), new("energy", [0.5, 0]), new("rent", [0, 6.88])], Options);
        var texts = XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value).ToList();
        texts.Should().Contain("3").And.Contain("6.88").And.Contain("capex").And.Contain("energy").And.Contain("rent");
    }

    [Fact]
    public void Tornado_DrawsBaseLineAndBothSides()
    {
        var svg = SvgCharts.Tornado([new("utilisation", 3.1, 1.9), new("price", 2.2, 2.8)], 2.5, Options);
        var doc = XDocument.Parse(svg);
        doc.Descendants(Svg + "text").Select(t => t.Value).Should().Contain("base 2.5");
        doc.Descendants(Svg + "rect").Count(r => r.Element(Svg + "title") is not null).Should().Be(4);
    }

    [Fact]
    public void Histogram_HeightsFollowCounts()
    {
        var svg = SvgCharts.Histogram([new(0, 1, 10), new(1, 2, 20)], Options);
        var heights = XDocument.Parse(svg).Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null)
            .Select(r => double.Parse(r.Attribute("height")!.Value, CultureInfo.InvariantCulture)).ToList();
        (heights[1] / heights[0]).Should().BeApproximately(2, 0.01);
    }

    public static TheoryData<string, Action> BadInputs => new()
    {
        { "points", () => SvgCharts.LineChart([new(0, 1)], Options) },
        { "points", () => SvgCharts.LineChart([new(0, 1), new(1, double.NaN)], Options) },
        { "bars", () => SvgCharts.BarChart([], Options) },
        { "bars", () => SvgCharts.BarChart([new("x", double.PositiveInfinity)], Options) },
        { "series", () => SvgCharts.StackedBarChart(["a", "b"], [new("s", [1])], Options) },
        { "series", () => SvgCharts.StackedBarChart(["a"], [new("s", [-1])], Options) },
        { "bins", () => SvgCharts.Histogram([new(1, 1, 3)], Options) },
        { "bins", () => SvgCharts.Histogram([new(0, 1, -3)], Options) },
        { "baseOutput", () => SvgCharts.Tornado([new("a", 1, 2)], double.NaN, Options) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_ThrowsNamingTheArgument(string paramName, Action draw)
        => draw.Should().Throw<ArgumentException>().Where(e => e.ParamName == paramName);

    [Fact]
    public void TooSmall_Throws()
    {
        var act = () => SvgCharts.BarChart([new("a", 1)], Options with { Width = 100 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 200 x 150*");
    }

    [Theory]
    [InlineData(1234.5, "1,234.5")]
    [InlineData(12345, "12.3k")]
    [InlineData(151e9, "151B")]
    [InlineData(4.64e11, "464B")]
    [InlineData(2.731, "2.731")]
    [InlineData(0.01234, "0.0123")]
    [InlineData(-2.5e6, "-2.5M")]
    public void Number_IsCompactAndInvariant(double value, string expected)
    {
        TestHelper.InCulture("de-DE", () => SvgCharts.Number(value)).Should().Be(expected);
    }

    [Fact]
    public void Output_DoesNotDependOnCulture()
    {
        var invariant = SvgCharts.LineChart(CumulativeCash, Options);
        TestHelper.InCulture("de-DE", () => SvgCharts.LineChart(CumulativeCash, Options)).Should().Be(invariant);
        TestHelper.InCulture("tr-TR", () => SvgCharts.LineChart(CumulativeCash, Options)).Should().Be(invariant);
    }

    /// <summary>
    /// Renders one chart of each kind with rsvg-convert (Debian librsvg2-bin) to prove the SVG is valid for a real
    /// renderer. In CI (CI=true) the renderer must be present; locally the test passes vacuously without it.
    /// </summary>
    [Fact]
    public void EveryChartKind_RendersToPngWithRsvg()
    {
        var renderer = FindOnPath("rsvg-convert");
        if (renderer is null)
        {
            Environment.GetEnvironmentVariable("CI").Should().NotBe("true", "CI must install librsvg2-bin so charts are rendered");
            Assert.Skip("rsvg-convert is not installed (apt-get install librsvg2-bin)");
        }
        var dir = Path.Combine(Path.GetTempPath(), "cloudecon-charts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var charts = new Dictionary<string, string>
        {
            ["line"] = SvgCharts.LineChart(CumulativeCash, Options, new ChartMarker(2.5, 0, "payback")),
            ["bars"] = SvgCharts.BarChart([new("p5.48xlarge", 2.1), new("trn2.48xlarge", 1.3)], Options),
            ["stacked"] = SvgCharts.StackedBarChart(["owned"], [new("capex", [2]), new("energy", [0.4])], Options),
            ["tornado"] = SvgCharts.Tornado([new("utilisation", 3, 2)], 2.5, Options),
            ["histogram"] = SvgCharts.Histogram([new(0, 1, 3), new(1, 2, 5)], Options),
        };
        foreach (var (name, svg) in charts)
        {
            var svgPath = Path.Combine(dir, name + ".svg");
            var pngPath = Path.Combine(dir, name + ".png");
            File.WriteAllText(svgPath, svg);
            using var process = Process.Start(new ProcessStartInfo(renderer, ["-o", pngPath, svgPath]) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.Should().Be(0, $"rsvg-convert failed on {name}: {error}");
            var header = File.ReadAllBytes(pngPath).Take(8).ToArray();
            header.Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG file starts with its signature");
        }
        Directory.Delete(dir, recursive: true);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
