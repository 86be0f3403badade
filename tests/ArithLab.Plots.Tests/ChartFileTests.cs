namespace ArithLab.Plots.Tests;

public sealed class ChartFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-plots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static LineChart Chart() => new LineChart(new LineChartOptions { Width = 300, Height = 200 }).Add("s", [0.0, 1], [0.0, 1]);

    [Fact]
    public void SaveAs_png_writes_a_png_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_folder, "sub", "loss.png");
        Chart().SaveAs(path);
        Assert.Equal((300, 200), Rendered.PngSize(File.ReadAllBytes(path)));
        Assert.Equal(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void SaveAs_svg_writes_svg_text_over_an_existing_file()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "loss.SVG");
        File.WriteAllText(path, "old");
        Chart().SaveAs(path);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(path).Root!.Name.LocalName);
    }

    [Fact]
    public void An_unknown_extension_is_refused_naming_the_ones_known()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart().SaveAs(Path.Combine(_folder, "loss.pdf")));
        Assert.Contains(".png or .svg", e.Message);
        Assert.False(Directory.Exists(_folder));
    }
}
