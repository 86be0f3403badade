namespace ArithLab.Plots.Tests;

/// <summary>Every chart type and figure recipe renders headless to a PNG of the size asked for, with something drawn on it.</summary>
public sealed class RenderTests
{
    private static readonly double[] Steps = [0, 100, 200, 300, 400];

    public static TheoryData<string> Figures => new(Makers.Keys);

    private static readonly Dictionary<string, Func<IChart>> Makers = new()
    {
        ["LineChart"] = () => new LineChart(new LineChartOptions { Width = 500, Height = 300 }).Add("s", [0.0, 1, 2], [1.0, 3, 2]),
        ["Heatmap"] = () => new Heatmap(new double[,] { { 0.1, 0.9 }, { 0.5, double.NaN } }, new HeatmapOptions { Width = 420, Height = 360 }),
        ["BarChart"] = () => new BarChart(["a", "b"], new BarChartOptions { Width = 400, Height = 300 }).Add("s", [1.0, 2]),
        ["ScatterChart"] = () => new ScatterChart(new ScatterChartOptions { Width = 380, Height = 380 }).Add("p", [0.0, 1, 2], [2.0, 0, 1]),
        ["LengthHeatmap"] = () => LengthHeatmap.Create("addition", "reversed", new LengthSpan(1, 3), new LengthSpan(1, 2),
            new double[,] { { 1, 0.9 }, { 0.8, 0.4 }, { 0.2, double.NaN } }, new LengthSpan(1, 2), new LengthSpan(1, 1)),
        ["LossCurves"] = () => LossCurves.Create([new Curve("loss", Steps, [2.3, 0.9, 0.2, 0.05, 0.01])]),
        ["AccuracyCurves"] = () => AccuracyCurves.Create([new Curve("held_out_exact_match", Steps, [0, 0.2, 0.6, 0.9, 0.99])]),
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Renders_a_non_empty_png_of_the_requested_size(string figure)
    {
        var chart = Makers[figure]();
        var png = chart.ToPng();
        var (width, height) = Rendered.PngSize(png);
        var expected = chart switch
        {
            LineChart c => (c.Options.Width, c.Options.Height),
            Heatmap c => (c.Options.Width, c.Options.Height),
            BarChart c => (c.Options.Width, c.Options.Height),
            ScatterChart c => (c.Options.Width, c.Options.Height),
            _ => throw new InvalidOperationException(figure),
        };
        Assert.Equal(((int)expected.Item1, (int)expected.Item2), (width, height));
        // Axes, labels and data: well over a thousand pixels that are not background.
        Assert.InRange(Rendered.InkedPixels(png, 0, height), 1000, width * height);
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Renders_an_svg_document(string figure)
    {
        var svg = System.Xml.Linq.XDocument.Parse(Makers[figure]().ToSvg());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
    }

    [Fact]
    public void Text_is_drawn_headless()
    {
        // SkiaSharp's Linux build finds fonts without a display or fontconfig; a missing font would
        // leave the title band blank. Same chart with and without a title: the title band differs.
        var plain = new LineChart(new LineChartOptions { Width = 400, Height = 300 }).Add("s", [0.0, 1], [0.0, 1]).ToPng();
        var titled = new LineChart(new LineChartOptions { Width = 400, Height = 300, Title = "Held-out loss, 8-digit addition" })
            .Add("s", [0.0, 1], [0.0, 1]).ToPng();
        Assert.True(Rendered.InkedPixels(titled, 0, 30) > Rendered.InkedPixels(plain, 0, 30) + 100,
            "the title drew no pixels: no font was found");
    }

    [Fact]
    public void Text_with_markup_characters_stays_well_formed_svg()
    {
        var svg = new LineChart(new LineChartOptions { Title = "a < b & \"c\"", X = new AxisOptions { Label = "<step>" } })
            .Add("x & y", [0.0, 1], [0.0, 1]).ToSvg();
        System.Xml.Linq.XDocument.Parse(svg);
    }
}
