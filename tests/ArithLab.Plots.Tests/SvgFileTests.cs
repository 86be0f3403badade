namespace ArithLab.Plots.Tests;

public sealed class SvgFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-plots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void SaveAs_writes_the_svg_and_leaves_no_temp_file()
    {
        var chart = new LineChart().Add("s", [0.0, 1], [0.0, 1]);
        var path = Path.Combine(_folder, "sub", "loss.svg");
        chart.SaveAs(path);
        Assert.Equal(chart.ToSvg(), File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void SaveAs_replaces_an_existing_file()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "heat.svg");
        File.WriteAllText(path, "old");
        new Heatmap(new double[,] { { 1 } }).SaveAs(path);
        Assert.StartsWith("<?xml", File.ReadAllText(path));
        Svg.Parse(File.ReadAllText(path));
    }
}
