namespace ArithLab.Plots.Layout;

/// <summary>A rectangle in SVG pixels (y grows downwards).</summary>
internal readonly record struct PlotRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + Width / 2;

    public double CenterY => Y + Height / 2;
}
