using ScottPlot.TickGenerators;

namespace ArithLab.Plots.Rendering;

/// <summary>
/// Text ticks at category centres (heatmap rows and columns, bar groups). With many categories
/// (lengths 1..100) not every label fits: every k-th is kept, k from 1, 2, 5, 10, 20, …, so that
/// labels stay at least <paramref name="minSpacing"/> pixels apart.
/// </summary>
internal static class CategoryTicks
{
    public static NumericManual For(IReadOnlyList<string> labels, IReadOnlyList<double> positions, double pixelsPerCategory, double minSpacing)
    {
        var stride = 1;
        for (var k = 0; stride * pixelsPerCategory < minSpacing; k++)
        {
            stride = (k % 3) switch { 0 => 2, 1 => 5, _ => 10 } * (int)Math.Pow(10, k / 3);
        }
        var ticks = new NumericManual();
        for (var i = 0; i < labels.Count; i += stride)
        {
            ticks.AddMajor(positions[i], labels[i]);
        }
        return ticks;
    }
}
