namespace ArithLab.Plots.Layout;

/// <summary>How a legend row draws its key.</summary>
internal enum LegendKey
{
    Line,
    Marker,
    Box,
}

/// <summary>One legend row: a key in <paramref name="Color"/> and the series name.</summary>
internal sealed record LegendEntry(string Name, Rgb Color, LegendKey Key, bool Markers = false, bool Dashed = false);
