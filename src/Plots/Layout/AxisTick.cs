namespace ArithLab.Plots.Layout;

/// <summary>A labelled tick. <paramref name="Exponent"/> set means "draw as 10 with this superscript".</summary>
internal readonly record struct AxisTick(double Value, string Label, int? Exponent = null)
{
    public double Width(double fontSize) =>
        Exponent is int k ? TextMetrics.PowerOfTenWidth(k, fontSize) : TextMetrics.Width(Label, fontSize);
}
