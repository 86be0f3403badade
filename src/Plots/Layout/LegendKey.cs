namespace ArithLab.Plots.Layout;

/// <summary>How a legend row draws its key.</summary>
internal enum LegendKey
{
    Line,
    Marker,
    Box,
}
