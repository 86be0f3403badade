using ArithLab.Plots.Svg;

namespace ArithLab.Plots.Layout;

/// <summary>Chart title and the notes line(s) at the bottom, shared by every chart type.</summary>
internal static class Titles
{
    /// <summary>Centred on <paramref name="centerX"/> but kept inside the canvas; shrunk if it is wider than the canvas.</summary>
    public static void DrawTitle(SvgWriter w, string? title, double centerX, double canvasWidth)
    {
        if (string.IsNullOrEmpty(title))
        {
            return;
        }
        var size = ChartStyle.TitleSize;
        var room = canvasWidth - 2 * ChartStyle.Padding;
        // Bold DejaVu Sans runs about 10% wider than the regular weight TextMetrics measures.
        var width = TextMetrics.Width(title, size) * 1.1;
        if (width > room)
        {
            size *= room / width;
            width = room;
        }
        var x = Math.Clamp(centerX, ChartStyle.Padding + width / 2, canvasWidth - ChartStyle.Padding - width / 2);
        w.Text("text", title, ("class", "title"), ("x", x), ("y", ChartStyle.Padding + size), ("text-anchor", "middle"),
            ("font-size", size), ("font-weight", "bold"), ("fill", ChartStyle.Text));
    }

    public static void DrawNotes(SvgWriter w, IReadOnlyList<string> notes, double canvasHeight)
    {
        var line = ChartStyle.LineHeight(ChartStyle.NoteSize);
        for (var i = 0; i < notes.Count; i++)
        {
            var y = canvasHeight - ChartStyle.Padding - (notes.Count - 1 - i) * line;
            w.Text("text", notes[i], ("class", "note"), ("x", ChartStyle.Padding), ("y", y), ("font-size", ChartStyle.NoteSize), ("fill", ChartStyle.Note));
        }
    }
}
