using ArithLab.Plots.Layout;

namespace ArithLab.Plots;

/// <summary>The frame scaffolding of the x–y charts (lines, scatter).</summary>
internal static class XyFrame
{
    public static void Validate(IXyChartOptions options)
    {
        ChartGuard.Size(options.Width, options.Height);
        Axis.Validate(options.X, "x");
        Axis.Validate(options.Y, "y");
    }

    /// <summary>A frame whose axes span every point of every series, with a note for each log axis
    /// that has to skip values; the chart adds its own right panel and spacing.</summary>
    public static FrameSpec Spec(IXyChartOptions options, IEnumerable<IReadOnlyList<double>> xs, IEnumerable<IReadOnlyList<double>> ys)
    {
        var xData = xs.SelectMany(v => v).ToArray();
        var yData = ys.SelectMany(v => v).ToArray();
        var notes = new[]
        {
            ChartGuard.LogSkipNote(options.X, "x", xData),
            ChartGuard.LogSkipNote(options.Y, "y", yData),
        }.OfType<string>().ToArray();
        return new FrameSpec
        {
            Width = options.Width,
            Height = options.Height,
            Title = options.Title,
            X = options.X,
            Y = options.Y,
            XData = xData,
            YData = yData,
            Notes = notes,
        };
    }
}
