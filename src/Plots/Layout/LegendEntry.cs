namespace ArithLab.Plots.Layout;

/// <summary>One legend row: a key in <paramref name="Color"/> and the series name.</summary>
internal sealed record LegendEntry(string Name, Rgb Color, LegendKey Key, bool Markers = false, bool Dashed = false);
