using System.Globalization;
using ArithLab.Plots.Layout;
using ArithLab.Plots.Svg;

namespace ArithLab.Plots;

/// <summary>
/// A matrix of values as coloured cells, with row and column labels, a colour bar, optional text per
/// cell and an outlined region: the length-generalization grids of McLeish et al. 2024 (accuracy per
/// (operand-a length, operand-b length), training region boxed). NaN cells (not evaluated) are hatched.
/// </summary>
public sealed class Heatmap : IChart
{
    private const string MissingPatternId = "missing-hatch";
    private readonly double[,] _values;

    public Heatmap(double[,] values, HeatmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Options = options ?? new HeatmapOptions();
        _values = (double[,])values.Clone();
        Validate();
    }

    public HeatmapOptions Options { get; }

    public int Rows => _values.GetLength(0);

    public int Columns => _values.GetLength(1);

    /// <summary>From jagged rows (all the same length), as results often arrive.</summary>
    public static Heatmap FromRows(IReadOnlyList<IReadOnlyList<double>> rows, HeatmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("a heatmap needs at least one row", nameof(rows));
        }
        var columns = rows[0].Count;
        var values = new double[rows.Count, columns];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
            {
                throw new ArgumentException($"row {r} has {rows[r].Count} values but row 0 has {columns}", nameof(rows));
            }
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = rows[r][c];
            }
        }
        return new Heatmap(values, options);
    }

    public void SaveAs(string path) => SvgFile.Write(path, ToSvg());

    /// <summary>The value range the colours span: fixed ends as given, free ends from the finite data.</summary>
    public (double Min, double Max) ValueRange()
    {
        var finite = _values.Cast<double>().Where(double.IsFinite).ToArray();
        var min = Options.Min ?? (finite.Length > 0 ? finite.Min() : 0);
        var max = Options.Max ?? (finite.Length > 0 ? finite.Max() : 1);
        if (!(max > min))
        {
            // All cells equal (e.g. all 100%): give the map a span so the colour is well defined.
            if (Options.Max is null)
            {
                max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1);
            }
            else
            {
                min = max - (max == 0 ? 1 : Math.Abs(max) * 0.1);
            }
        }
        return (min, max);
    }

    public string ToSvg()
    {
        const double fs = ChartStyle.FontSize;
        var o = Options;
        var (min, max) = ValueRange();
        var rowLabels = o.RowLabels ?? Enumerable.Range(0, Rows).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var columnLabels = o.ColumnLabels ?? Enumerable.Range(0, Columns).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        var top = ChartStyle.Padding + (string.IsNullOrEmpty(o.Title) ? fs / 2 : ChartStyle.LineHeight(ChartStyle.TitleSize) + ChartStyle.Gap);
        var yTitle = string.IsNullOrEmpty(o.YLabel) ? 0 : ChartStyle.LineHeight(fs) + 2;
        var xTitle = string.IsNullOrEmpty(o.XLabel) ? 0 : ChartStyle.LineHeight(fs) + 2;
        var left = ChartStyle.Padding + yTitle + rowLabels.Max(l => TextMetrics.Width(l, fs)) + 6;
        var bottom = ChartStyle.Padding + xTitle + ChartStyle.LineHeight(fs) + 4;
        var areaHeight = o.Height - top - bottom;
        // Sized with the tallest bar it could get; the one drawn below may be shorter, never wider.
        var colorBar = o.ColorBar ? new ColorBar(o.ColorMap, min, max, o.ColorBarLabel, Math.Max(areaHeight, 120)) : null;
        var right = ChartStyle.Padding + (colorBar is null ? fs : colorBar.Width + 3 * ChartStyle.Gap);
        var areaWidth = o.Width - left - right;
        if (areaWidth < 20 || areaHeight < 20)
        {
            throw new ArgumentException("the heatmap is too small for its labels: make it larger");
        }

        var cellW = areaWidth / Columns;
        var cellH = areaHeight / Rows;
        if (o.SquareCells)
        {
            cellW = cellH = Math.Min(cellW, cellH);
        }
        // Whole-pixel cells: with crispEdges, fractional edges round unevenly and leave hairline seams.
        var crisp = cellW >= 2 && cellH >= 2;
        if (crisp)
        {
            cellW = Math.Floor(cellW);
            cellH = Math.Floor(cellH);
        }
        // Centre grid and colour bar together in the width left over by square cells.
        var gridX = left + Math.Floor((areaWidth - cellW * Columns) / 2);
        var grid = new PlotRect(gridX, Math.Round(top), cellW * Columns, cellH * Rows);

        var w = new SvgWriter(o.Width, o.Height, ChartStyle.FontFamily);
        w.Empty("rect", ("class", "background"), ("x", 0.0), ("y", 0.0), ("width", o.Width), ("height", o.Height), ("fill", ChartStyle.Background));
        w.Open("defs");
        // A hatch, not a colour: no colour of the map can be mistaken for "not evaluated".
        w.Open("pattern", ("id", MissingPatternId), ("width", 6.0), ("height", 6.0), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)"));
        w.Empty("rect", ("width", 6.0), ("height", 6.0), ("fill", "#f0f0f0"));
        w.Empty("line", ("x1", 0.0), ("y1", 0.0), ("x2", 0.0), ("y2", 6.0), ("stroke", "#b0b0b0"), ("stroke-width", 2.0));
        w.Close("pattern");
        w.Close("defs");

        DrawCells(w, grid, cellW, cellH, min, max, crisp);
        DrawLabels(w, grid, cellW, cellH, rowLabels, columnLabels);
        if (o.Region is { } region)
        {
            var (firstDisplayRow, _) = DisplayRows(region);
            w.Empty("rect", ("class", "region"),
                ("x", grid.X + region.FirstColumn * cellW), ("y", grid.Y + firstDisplayRow * cellH),
                ("width", region.ColumnCount * cellW), ("height", region.RowCount * cellH),
                ("fill", "none"), ("stroke", region.Color.Hex), ("stroke-width", region.LineWidth));
        }
        if (colorBar is not null)
        {
            // Ticks for the bar's real height: a short grid gets a short bar with fewer ticks.
            var barHeight = Math.Min(areaHeight, Math.Max(grid.Height, 120));
            new ColorBar(o.ColorMap, min, max, o.ColorBarLabel, barHeight).Draw(w, grid.Right + 3 * ChartStyle.Gap, grid.Y, barHeight);
        }
        Titles.DrawTitle(w, o.Title, grid.CenterX, o.Width);
        return w.Finish();
    }

    private int DisplayRow(int row) => Options.RowsBottomUp ? Rows - 1 - row : row;

    private (int First, int Last) DisplayRows(CellRegion region)
    {
        var a = DisplayRow(region.FirstRow);
        var b = DisplayRow(region.FirstRow + region.RowCount - 1);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    private void DrawCells(SvgWriter w, PlotRect grid, double cellW, double cellH, double min, double max, bool crisp)
    {
        var o = Options;
        // crispEdges keeps anti-aliasing seams from showing between neighbouring cells.
        w.Open("g", ("class", "cells"), ("shape-rendering", crisp ? "crispEdges" : null));
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var v = _values[r, c];
                var x = grid.X + c * cellW;
                var y = grid.Y + DisplayRow(r) * cellH;
                var fill = double.IsNaN(v) ? $"url(#{MissingPatternId})" : o.ColorMap.At(Math.Clamp(v, min, max), min, max).Hex;
                w.Empty("rect", ("class", double.IsNaN(v) ? "cell missing" : "cell"), ("data-row", r), ("data-col", c),
                    ("data-value", double.IsFinite(v) ? v : null), ("x", x), ("y", y), ("width", cellW), ("height", cellH), ("fill", fill));
            }
        }
        w.Close("g");

        if (o.CellText is null)
        {
            return;
        }
        var texts = new List<(int R, int C, string Text)>();
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                if (!double.IsNaN(_values[r, c]))
                {
                    texts.Add((r, c, o.CellText(_values[r, c])));
                }
            }
        }
        var widest = texts.Select(t => TextMetrics.Width(t.Text, 1)).DefaultIfEmpty(1).Max();
        var size = Math.Min(Math.Min(cellH * 0.45, ChartStyle.FontSize), cellW * 0.75 / Math.Max(widest, 0.5));
        if (size < 5)
        {
            return; // Unreadable at this cell size; the colours still carry the values.
        }
        w.Open("g", ("class", "cell-text"), ("font-size", size), ("text-anchor", "middle"));
        foreach (var (r, c, text) in texts)
        {
            var v = _values[r, c];
            var fill = o.ColorMap.At(Math.Clamp(double.IsFinite(v) ? v : min, min, max), min, max);
            var ink = fill.Luminance > 0.4 ? "#000000" : "#ffffff";
            w.Text("text", text, ("x", grid.X + (c + 0.5) * cellW), ("y", grid.Y + (DisplayRow(r) + 0.5) * cellH + size * 0.35), ("fill", ink));
        }
        w.Close("g");
    }

    private void DrawLabels(SvgWriter w, PlotRect grid, double cellW, double cellH, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels)
    {
        const double fs = ChartStyle.FontSize;
        var o = Options;
        // With many lengths (1..100) not every label fits: keep every k-th, k from 1, 2, 5, 10, 20, ….
        var columnStride = LabelThinning.Stride(columnLabels.Max(l => TextMetrics.Width(l, fs)) + 6, cellW);
        var rowStride = LabelThinning.Stride(fs * 1.1, cellH);

        w.Open("g", ("class", "x-axis"), ("font-size", fs), ("fill", ChartStyle.Text));
        foreach (var c in LabelThinning.Indices(columnLabels, columnStride))
        {
            w.Text("text", columnLabels[c], ("class", "tick-label"), ("x", grid.X + (c + 0.5) * cellW), ("y", grid.Bottom + 4 + fs), ("text-anchor", "middle"));
        }
        if (!string.IsNullOrEmpty(o.XLabel))
        {
            w.Text("text", o.XLabel, ("class", "axis-label"), ("x", grid.CenterX), ("y", grid.Bottom + 4 + fs + ChartStyle.LineHeight(fs) + 2), ("text-anchor", "middle"));
        }
        w.Close("g");

        w.Open("g", ("class", "y-axis"), ("font-size", fs), ("fill", ChartStyle.Text));
        foreach (var r in LabelThinning.Indices(rowLabels, rowStride))
        {
            var y = grid.Y + (DisplayRow(r) + 0.5) * cellH + fs * 0.35;
            w.Text("text", rowLabels[r], ("class", "tick-label"), ("x", grid.X - 6), ("y", y), ("text-anchor", "end"));
        }
        if (!string.IsNullOrEmpty(o.YLabel))
        {
            // Beside the row labels, not at the canvas edge: the grid may be centred far from it.
            var x = grid.X - 6 - rowLabels.Max(l => TextMetrics.Width(l, fs)) - ChartStyle.Gap;
            w.Text("text", o.YLabel, ("class", "axis-label"), ("x", x), ("y", grid.CenterY), ("text-anchor", "middle"),
                ("transform", $"rotate(-90 {SvgNumber.Format(x)} {SvgNumber.Format(grid.CenterY)})"));
        }
        w.Close("g");
    }

    private void Validate()
    {
        var o = Options;
        if (Rows == 0 || Columns == 0)
        {
            throw new ArgumentException($"a heatmap needs at least one row and one column, got {Rows} × {Columns}");
        }
        ChartGuard.Size(o.Width, o.Height);
        ArgumentNullException.ThrowIfNull(o.ColorMap, nameof(o.ColorMap));
        if (o.RowLabels is { } rl && rl.Count != Rows)
        {
            throw new ArgumentException($"RowLabels has {rl.Count} labels but the matrix has {Rows} rows");
        }
        if (o.ColumnLabels is { } cl && cl.Count != Columns)
        {
            throw new ArgumentException($"ColumnLabels has {cl.Count} labels but the matrix has {Columns} columns");
        }
        if (o.Min is double lo && !double.IsFinite(lo) || o.Max is double hi && !double.IsFinite(hi))
        {
            throw new ArgumentException($"Min and Max must be finite, got Min = {o.Min}, Max = {o.Max}");
        }
        if (o.Min is double a && o.Max is double b && !(b > a))
        {
            throw new ArgumentException($"Max ({b}) must be greater than Min ({a})");
        }
        if (o.Region is { } g)
        {
            if (g.RowCount < 1 || g.ColumnCount < 1 || g.FirstRow < 0 || g.FirstColumn < 0
                || g.FirstRow + g.RowCount > Rows || g.FirstColumn + g.ColumnCount > Columns)
            {
                throw new ArgumentException(
                    $"Region rows {g.FirstRow}..{g.FirstRow + g.RowCount - 1}, columns {g.FirstColumn}..{g.FirstColumn + g.ColumnCount - 1} "
                    + $"is not inside the {Rows} × {Columns} matrix");
            }
            if (!(g.LineWidth > 0))
            {
                throw new ArgumentException($"Region.LineWidth must be positive, got {g.LineWidth}");
            }
        }
    }
}
