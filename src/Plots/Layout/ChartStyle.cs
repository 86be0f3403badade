namespace ArithLab.Plots.Layout;

/// <summary>Sizes and colours shared by every chart, so figures from one run look like one family.</summary>
internal static class ChartStyle
{
    // DejaVu Sans first: it is what Debian renders with, and TextMetrics is calibrated on its widths,
    // which are the widest of the common sans fonts, so margins fit whichever one a viewer picks.
    public const string FontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";
    public const double FontSize = 12;
    public const double TitleSize = 15;
    public const double NoteSize = 10;
    public const double Padding = 10;
    public const double TickLength = 5;
    public const double MinorTickLength = 3;
    public const double Gap = 6;
    public const string Text = "#222222";
    public const string Axis = "#444444";
    public const string Grid = "#e6e6e6";
    public const string Note = "#666666";
    public const string Background = "#ffffff";

    public static double LineHeight(double fontSize) => fontSize * 1.25;
}
