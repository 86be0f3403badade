using ArithLab.Plots.Svg;

namespace ArithLab.Plots.Layout;

/// <summary>
/// A vertical colour bar: a gradient through the colour map's own stops (min at the bottom), nice ticks
/// and an optional rotated label.
/// </summary>
internal sealed class ColorBar
{
    public const double BarWidth = 14;
    private const string GradientId = "colorbar-gradient";

    private readonly ColorMap _map;
    private readonly double _min;
    private readonly double _max;
    private readonly string? _label;
    private readonly NiceRange _ticks;

    public ColorBar(ColorMap map, double min, double max, string? label, double height)
    {
        _map = map;
        _min = min;
        _max = max;
        _label = label;
        _ticks = NiceTicks.Compute(min, max, Math.Max(2, (int)(height / 40) + 1));
    }

    private IEnumerable<double> Ticks
    {
        get
        {
            var eps = _ticks.Step * 1e-9;
            return _ticks.Ticks.Where(t => t >= _min - eps && t <= _max + eps);
        }
    }

    public double Width =>
        BarWidth + ChartStyle.TickLength + 3 + Ticks.Select(Label).DefaultIfEmpty("").Max(l => TextMetrics.Width(l, ChartStyle.FontSize))
        + (string.IsNullOrEmpty(_label) ? 0 : ChartStyle.Gap + ChartStyle.LineHeight(ChartStyle.FontSize));

    public void Draw(SvgWriter w, double x, double y, double height)
    {
        w.Open("g", ("class", "colorbar"), ("font-size", ChartStyle.FontSize), ("fill", ChartStyle.Text));
        w.Open("defs");
        w.Open("linearGradient", ("id", GradientId), ("x1", 0.0), ("y1", 1.0), ("x2", 0.0), ("y2", 0.0));
        foreach (var stop in _map.Stops)
        {
            w.Empty("stop", ("offset", stop.Position), ("stop-color", stop.Color.Hex));
        }
        w.Close("linearGradient");
        w.Close("defs");
        w.Empty("rect", ("class", "colorbar-fill"), ("x", x), ("y", y), ("width", BarWidth), ("height", height),
            ("fill", $"url(#{GradientId})"), ("stroke", ChartStyle.Axis), ("stroke-width", 1.0));
        foreach (var t in Ticks)
        {
            var py = y + height - (t - _min) / (_max - _min) * height;
            w.Empty("line", ("class", "tick major"), ("data-value", t), ("x1", x + BarWidth), ("y1", py), ("x2", x + BarWidth + ChartStyle.TickLength), ("y2", py), ("stroke", ChartStyle.Axis));
            w.Text("text", Label(t), ("class", "tick-label"), ("x", x + BarWidth + ChartStyle.TickLength + 3), ("y", py + ChartStyle.FontSize * 0.35));
        }
        if (!string.IsNullOrEmpty(_label))
        {
            var lx = x + Width - ChartStyle.FontSize * 0.3;
            var ly = y + height / 2;
            w.Text("text", _label, ("class", "colorbar-label"), ("x", lx), ("y", ly), ("text-anchor", "middle"),
                ("transform", $"rotate(-90 {SvgNumber.Format(lx)} {SvgNumber.Format(ly)})"));
        }
        w.Close("g");
    }

    private string Label(double t) => TickLabels.Linear(t, _ticks.Step);
}
