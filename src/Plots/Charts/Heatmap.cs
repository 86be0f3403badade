using System.Globalization;
using ArithLab.Plots.Rendering;
using ScottPlot;

namespace ArithLab.Plots;

/// <summary>
/// A matrix of values as coloured cells, with row and column labels, a colour bar, optional text per
/// cell and an outlined region: the length-generalization grids of McLeish et al. 2024 (accuracy per
/// (operand-a length, operand-b length), training region boxed). NaN cells (not evaluated) are light
/// grey and carry no text.
/// </summary>
public sealed class Heatmap : Chart
{
    // Not a colour of viridis or greys' ends, so it is not read as a value.
    private static readonly ScottPlot.Color MissingCell = new(0xe6, 0xe6, 0xe6);
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

    private protected override double PixelWidth => Options.Width;

    private protected override double PixelHeight => Options.Height;

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

    /// <summary>
    /// The text written in each finite cell, by matrix index, or none without <see cref="HeatmapOptions.CellText"/>
    /// (or when the cells are too small for readable text).
    /// </summary>
    public IReadOnlyList<(int Row, int Column, string Text)> CellTexts()
    {
        if (Options.CellText is not { } format || CellTextSize() < MinimumTextSize)
        {
            return [];
        }
        var texts = new List<(int, int, string)>();
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                if (!double.IsNaN(_values[r, c]))
                {
                    texts.Add((r, c, format(_values[r, c])));
                }
            }
        }
        return texts;
    }

    private const double MinimumTextSize = 6;

    // Plot coordinates: column c spans x in [c, c + 1]; the row drawn at the top spans y in [Rows - 1, Rows].
    private double CenterY(int row) => (Options.RowsBottomUp ? row : Rows - 1 - row) + 0.5;

    internal override Plot BuildPlot()
    {
        var o = Options;
        var (min, max) = ValueRange();
        var plot = Figure.New(o.Title);

        // ScottPlot draws Intensities[0, *] as the top row.
        var display = new double[Rows, Columns];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                display[o.RowsBottomUp ? Rows - 1 - r : r, c] = _values[r, c];
            }
        }
        var cells = plot.Add.Heatmap(display);
        cells.Colormap = o.ColorMap.ToScott();
        cells.ManualRange = new ScottPlot.Range(min, max);
        cells.NaNCellColor = MissingCell;
        // Extent places the centres of the corner cells, so cell c spans [c, c + 1].
        cells.Extent = new CoordinateRect(0.5, Columns - 0.5, 0.5, Rows - 0.5);

        AddCellTexts(plot, min, max);
        if (o.Region is { } region)
        {
            var bottom = Math.Min(CenterY(region.FirstRow), CenterY(region.FirstRow + region.RowCount - 1)) - 0.5;
            var box = plot.Add.Rectangle(region.FirstColumn, region.FirstColumn + region.ColumnCount, bottom, bottom + region.RowCount);
            box.FillStyle.Color = Colors.Transparent;
            box.LineStyle.Color = region.Color.ToScott();
            box.LineStyle.Width = (float)region.LineWidth;
        }
        if (o.ColorBar)
        {
            ColorBars.Add(plot, cells, o.ColorBarLabel);
        }

        var (cellWidth, cellHeight) = CellPixels();
        Rendering.Axes.Label(plot.Axes.Bottom, o.XLabel);
        Rendering.Axes.Label(plot.Axes.Left, o.YLabel);
        var columnLabels = o.ColumnLabels ?? Indices(Columns);
        var rowLabels = o.RowLabels ?? Indices(Rows);
        var widest = columnLabels.Max(l => l.Length);
        plot.Axes.Bottom.TickGenerator = CategoryTicks.For(columnLabels, Enumerable.Range(0, Columns).Select(c => c + 0.5).ToArray(), cellWidth, Figure.TickSize * (0.6 * widest + 1));
        plot.Axes.Left.TickGenerator = CategoryTicks.For(rowLabels, Enumerable.Range(0, Rows).Select(CenterY).ToArray(), cellHeight, Figure.TickSize * 1.3);
        plot.HideGrid();
        plot.Axes.SetLimits(0, Columns, 0, Rows);
        if (o.SquareCells)
        {
            plot.Axes.SquareUnits();
        }
        return plot;
    }

    private void AddCellTexts(Plot plot, double min, double max)
    {
        var size = (float)CellTextSize();
        foreach (var (r, c, text) in CellTexts())
        {
            var v = _values[r, c];
            var fill = Options.ColorMap.At(Math.Clamp(double.IsFinite(v) ? v : min, min, max), min, max);
            var label = plot.Add.Text(text, c + 0.5, CenterY(r));
            label.Alignment = Alignment.MiddleCenter;
            label.LabelFontSize = size;
            label.LabelFontColor = Figure.InkOn(fill);
        }
    }

    // The largest font that fits the widest cell text in a cell: under half its height, three quarters of its width.
    private double CellTextSize()
    {
        if (Options.CellText is not { } format)
        {
            return 0;
        }
        var widest = _values.Cast<double>().Where(v => !double.IsNaN(v)).Select(v => format(v).Length).DefaultIfEmpty(1).Max();
        var (w, h) = CellPixels();
        return Math.Min(Math.Min(h * 0.45, Figure.TickSize), w * 0.75 / (0.62 * Math.Max(widest, 1)));
    }

    // An estimate of a cell's size before ScottPlot lays the figure out: the figure less room for
    // title, tick labels, axis titles and colour bar (about 110 by 170 pixels), square when asked.
    private (double Width, double Height) CellPixels()
    {
        var w = Math.Max(Options.Width - (Options.ColorBar ? 170 : 90), 10) / Columns;
        var h = Math.Max(Options.Height - 110, 10) / Rows;
        return Options.SquareCells ? (Math.Min(w, h), Math.Min(w, h)) : (w, h);
    }

    private static string[] Indices(int count) =>
        Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

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
