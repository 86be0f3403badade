using ArithLab.Plots.Svg;

namespace ArithLab.Plots.Layout;

/// <summary>
/// The shared scaffold of line, scatter and bar charts: margins sized from the labels they must hold,
/// axes with ticks and grid, title, axis titles and notes. Charts draw their data between
/// <see cref="DrawUnderlay"/> and <see cref="DrawOverlay"/>.
/// </summary>
internal sealed class CartesianFrame
{
    public const string ClipId = "plot-clip";

    private readonly FrameSpec _spec;
    private bool _rotateXLabels;

    private CartesianFrame(FrameSpec spec)
    {
        _spec = spec;
    }

    public Axis X { get; private set; } = null!;

    public Axis Y { get; private set; } = null!;

    public PlotRect Plot { get; private set; }

    public double PixelX(double x) => X.Map(x, Plot.X, Plot.Right);

    public double PixelY(double y) => Y.Map(y, Plot.Bottom, Plot.Y);

    public static CartesianFrame Layout(FrameSpec spec)
    {
        var frame = new CartesianFrame(spec);
        frame.Solve();
        return frame;
    }

    private void Solve()
    {
        const double fs = ChartStyle.FontSize;
        var s = _spec;
        var top = ChartStyle.Padding + (string.IsNullOrEmpty(s.Title) ? fs / 2 : ChartStyle.LineHeight(ChartStyle.TitleSize) + ChartStyle.Gap);
        var notesHeight = s.Notes.Count * ChartStyle.LineHeight(ChartStyle.NoteSize);
        var yTitle = string.IsNullOrEmpty(s.Y.Label) ? 0 : ChartStyle.LineHeight(fs) + 2;
        var xTitle = string.IsNullOrEmpty(s.X.Label) ? 0 : ChartStyle.LineHeight(fs) + 2;
        // Half a label is allowed to hang past the last x tick; keep room for it when nothing else is there.
        var right = ChartStyle.Padding + (s.RightPanelWidth > 0 ? s.RightPanelWidth + ChartStyle.Gap * 2 : fs * 1.5);

        var plotHeight = s.Height - top - 60 - notesHeight;
        var plotWidth = 0.0;
        var left = 0.0;
        // Margins depend on labels and labels on the plot size: two passes settle it.
        for (var pass = 0; pass < 2; pass++)
        {
            Y = BuildY(s.Y, plotHeight);
            left = ChartStyle.Padding + yTitle + Y.MaxLabelWidth(fs) + ChartStyle.TickLength + 4;
            plotWidth = s.Width - left - right;
            EnsureRoom(plotWidth, "wide");
            X = BuildX(s.X, plotWidth);
            if (_rotateXLabels)
            {
                // A slanted label runs left of its tick: the first one must not leave the canvas.
                var band = plotWidth / _spec.XCategories!.Count;
                var overhang = X.Majors[0].Width(fs) * Math.Sqrt(0.5) - band / 2 + ChartStyle.Padding;
                if (overhang > left)
                {
                    left = overhang;
                    plotWidth = s.Width - left - right;
                    EnsureRoom(plotWidth, "wide");
                }
            }
            var xLabels = _rotateXLabels
                ? X.MaxLabelWidth(fs) * Math.Sqrt(0.5) + fs
                : ChartStyle.LineHeight(fs);
            var bottom = ChartStyle.Padding + notesHeight + xTitle + xLabels + ChartStyle.TickLength + 4;
            plotHeight = s.Height - top - bottom;
            EnsureRoom(plotHeight, "tall");
        }
        Y = BuildY(s.Y, plotHeight);
        Plot = new PlotRect(left, top, plotWidth, plotHeight);
        if (s.EqualAspect)
        {
            EqualizeAspect();
        }
    }

    private Axis BuildY(AxisOptions options, double plotHeight) =>
        Axis.Build(options, _spec.YData, (int)(plotHeight / 40) + 1, "y", _spec.DataMargin);

    private Axis BuildX(AxisOptions options, double plotWidth)
    {
        const double fs = ChartStyle.FontSize;
        if (_spec.XCategories is { } categories)
        {
            // Side by side if they fit; else slanted at 45°, which needs about 1.6 em of band between
            // neighbours; else side by side again, thinned to every k-th label.
            var band = plotWidth / Math.Max(1, categories.Count);
            var widest = categories.Select(c => TextMetrics.Width(c, fs)).DefaultIfEmpty(0).Max();
            var stride = LabelThinning.Stride(widest + 6, band);
            _rotateXLabels = stride > 1 && band >= fs * 1.6;
            var shown = LabelThinning.Indices(categories, _rotateXLabels ? 1 : stride);
            return Axis.Categories(categories, shown);
        }
        // Fewer ticks until every label fits its share of the width with a gap.
        for (var n = Math.Max(2, (int)(plotWidth / 50)); ; n--)
        {
            var axis = Axis.Build(options, _spec.XData, n, "x", _spec.DataMargin);
            var spacing = plotWidth / Math.Max(1, axis.Majors.Count);
            if (n <= 2 || axis.MaxLabelWidth(fs) + 10 <= spacing)
            {
                return axis;
            }
        }
    }

    private void EqualizeAspect()
    {
        if (X.Scale != AxisScale.Linear || Y.Scale != AxisScale.Linear)
        {
            throw new ArgumentException("EqualAspect needs linear x and y axes");
        }
        var ux = (X.Max - X.Min) / Plot.Width;
        var uy = (Y.Max - Y.Min) / Plot.Height;
        // Widen whichever axis has more pixels per unit, about its centre, to the other's scale.
        if (ux > uy)
        {
            var half = ux * Plot.Height / 2;
            var mid = (Y.Min + Y.Max) / 2;
            Y = BuildY(_spec.Y with { Min = mid - half, Max = mid + half }, Plot.Height);
        }
        else if (uy > ux)
        {
            var half = uy * Plot.Width / 2;
            var mid = (X.Min + X.Max) / 2;
            X = BuildX(_spec.X with { Min = mid - half, Max = mid + half }, Plot.Width);
        }
    }

    private static void EnsureRoom(double pixels, string dimension)
    {
        if (pixels < 40)
        {
            throw new ArgumentException($"the chart is too small for its labels: make it {(dimension == "wide" ? "wider" : "taller")}");
        }
    }

    /// <summary>Background, clip path, plot area and grid: everything under the data.</summary>
    public void DrawUnderlay(SvgWriter w)
    {
        w.Empty("rect", ("class", "background"), ("x", 0.0), ("y", 0.0), ("width", _spec.Width), ("height", _spec.Height), ("fill", ChartStyle.Background));
        w.Open("defs");
        w.Open("clipPath", ("id", ClipId));
        w.Empty("rect", ("x", Plot.X), ("y", Plot.Y), ("width", Plot.Width), ("height", Plot.Height));
        w.Close("clipPath");
        w.Close("defs");
        w.Empty("rect", ("class", "plot-area"), ("x", Plot.X), ("y", Plot.Y), ("width", Plot.Width), ("height", Plot.Height), ("fill", ChartStyle.Background));

        w.Open("g", ("class", "grid"), ("stroke", ChartStyle.Grid), ("stroke-width", 1.0));
        if (X.Grid)
        {
            foreach (var t in X.Majors)
            {
                var px = PixelX(t.Value);
                w.Empty("line", ("x1", px), ("y1", Plot.Y), ("x2", px), ("y2", Plot.Bottom));
            }
        }
        if (Y.Grid)
        {
            foreach (var t in Y.Majors)
            {
                var py = PixelY(t.Value);
                w.Empty("line", ("x1", Plot.X), ("y1", py), ("x2", Plot.Right), ("y2", py));
            }
        }
        w.Close("g");
    }

    /// <summary>Spines, ticks, labels, titles and notes: everything over the data.</summary>
    public void DrawOverlay(SvgWriter w)
    {
        const double fs = ChartStyle.FontSize;
        w.Empty("rect", ("class", "frame"), ("x", Plot.X), ("y", Plot.Y), ("width", Plot.Width), ("height", Plot.Height),
            ("fill", "none"), ("stroke", ChartStyle.Axis), ("stroke-width", 1.0));

        w.Open("g", ("class", "x-axis"), ("font-size", fs), ("fill", ChartStyle.Text));
        foreach (var t in X.Majors)
        {
            var px = PixelX(t.Value);
            w.Empty("line", ("class", "tick major"), ("data-value", t.Value), ("x1", px), ("y1", Plot.Bottom), ("x2", px), ("y2", Plot.Bottom + ChartStyle.TickLength), ("stroke", ChartStyle.Axis));
            var ly = Plot.Bottom + ChartStyle.TickLength + fs;
            if (_rotateXLabels)
            {
                w.Text("text", t.Label, ("class", "tick-label"), ("x", px), ("y", ly), ("text-anchor", "end"),
                    ("transform", $"rotate(-45 {SvgNumber.Format(px)} {SvgNumber.Format(ly - fs / 2)})"));
            }
            else
            {
                TickLabel(w, t, px, ly, "middle");
            }
        }
        foreach (var v in X.Minors)
        {
            var px = PixelX(v);
            w.Empty("line", ("class", "tick minor"), ("data-value", v), ("x1", px), ("y1", Plot.Bottom), ("x2", px), ("y2", Plot.Bottom + ChartStyle.MinorTickLength), ("stroke", ChartStyle.Axis));
        }
        if (!string.IsNullOrEmpty(_spec.X.Label))
        {
            var y = _spec.Height - ChartStyle.Padding - _spec.Notes.Count * ChartStyle.LineHeight(ChartStyle.NoteSize) - fs * 0.3;
            w.Text("text", _spec.X.Label, ("class", "axis-label"), ("x", Plot.CenterX), ("y", y), ("text-anchor", "middle"));
        }
        w.Close("g");

        w.Open("g", ("class", "y-axis"), ("font-size", fs), ("fill", ChartStyle.Text));
        foreach (var t in Y.Majors)
        {
            var py = PixelY(t.Value);
            w.Empty("line", ("class", "tick major"), ("data-value", t.Value), ("x1", Plot.X - ChartStyle.TickLength), ("y1", py), ("x2", Plot.X), ("y2", py), ("stroke", ChartStyle.Axis));
            // 0.35 em down centres digits on the tick without relying on dominant-baseline support.
            TickLabel(w, t, Plot.X - ChartStyle.TickLength - 3, py + fs * 0.35, "end");
        }
        foreach (var v in Y.Minors)
        {
            var py = PixelY(v);
            w.Empty("line", ("class", "tick minor"), ("data-value", v), ("x1", Plot.X - ChartStyle.MinorTickLength), ("y1", py), ("x2", Plot.X), ("y2", py), ("stroke", ChartStyle.Axis));
        }
        if (!string.IsNullOrEmpty(_spec.Y.Label))
        {
            var x = ChartStyle.Padding + fs;
            w.Text("text", _spec.Y.Label, ("class", "axis-label"), ("x", x), ("y", Plot.CenterY), ("text-anchor", "middle"),
                ("transform", $"rotate(-90 {SvgNumber.Format(x)} {SvgNumber.Format(Plot.CenterY)})"));
        }
        w.Close("g");

        Titles.DrawTitle(w, _spec.Title, Plot.CenterX, _spec.Width);
        Titles.DrawNotes(w, _spec.Notes, _spec.Height);
    }

    private static void TickLabel(SvgWriter w, AxisTick t, double x, double y, string anchor)
    {
        if (t.Exponent is int k)
        {
            w.PowerOfTen(k, ("class", "tick-label"), ("x", x), ("y", y), ("text-anchor", anchor));
        }
        else
        {
            w.Text("text", t.Label, ("class", "tick-label"), ("x", x), ("y", y), ("text-anchor", anchor));
        }
    }
}
