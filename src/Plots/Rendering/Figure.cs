using ScottPlot;

namespace ArithLab.Plots.Rendering;

/// <summary>A new ScottPlot figure in the lab's house style: white background, one sans-serif font, a title.</summary>
internal static class Figure
{
    public const float TitleSize = 16;
    public const float LabelSize = 14;
    public const float TickSize = 12;

    public static Plot New(string? title)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Font.Set(FontFamily.Name);
        if (!string.IsNullOrEmpty(title))
        {
            plot.Title(title, TitleSize);
        }
        return plot;
    }

    /// <summary>Black or white text, whichever reads better on <paramref name="background"/>.</summary>
    public static Color InkOn(Rgb background) => background.Luminance > 0.4 ? Colors.Black : Colors.White;
}
