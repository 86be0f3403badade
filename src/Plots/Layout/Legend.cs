using ArithLab.Plots.Svg;

namespace ArithLab.Plots.Layout;

/// <summary>A legend drawn outside the plot, to its right, so it never hides data.</summary>
internal static class Legend
{
    private const double KeyWidth = 22;
    private static double Row => ChartStyle.LineHeight(ChartStyle.FontSize) + 4;

    public static double Width(IReadOnlyList<LegendEntry> entries) =>
        entries.Count == 0 ? 0 : KeyWidth + ChartStyle.Gap + entries.Max(e => TextMetrics.Width(e.Name, ChartStyle.FontSize));

    public static void Draw(SvgWriter w, IReadOnlyList<LegendEntry> entries, double x, double y)
    {
        if (entries.Count == 0)
        {
            return;
        }
        w.Open("g", ("class", "legend"), ("font-size", ChartStyle.FontSize), ("fill", ChartStyle.Text));
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var cy = y + i * Row + Row / 2;
            var hex = e.Color.Hex;
            switch (e.Key)
            {
                case LegendKey.Line:
                    w.Empty("line", ("x1", x), ("y1", cy), ("x2", x + KeyWidth), ("y2", cy), ("stroke", hex), ("stroke-width", 2.0),
                        ("stroke-dasharray", e.Dashed ? "6 3" : null));
                    if (e.Markers)
                    {
                        w.Empty("circle", ("cx", x + KeyWidth / 2), ("cy", cy), ("r", 3.0), ("fill", hex));
                    }
                    break;
                case LegendKey.Marker:
                    w.Empty("circle", ("cx", x + KeyWidth / 2), ("cy", cy), ("r", 4.0), ("fill", hex));
                    break;
                default:
                    w.Empty("rect", ("x", x + 3), ("y", cy - 6), ("width", KeyWidth - 6), ("height", 12.0), ("fill", hex));
                    break;
            }
            w.Text("text", e.Name, ("class", "legend-label"), ("x", x + KeyWidth + ChartStyle.Gap), ("y", cy + ChartStyle.FontSize * 0.35));
        }
        w.Close("g");
    }
}
