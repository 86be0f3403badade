namespace ArithLab.Plots;

/// <summary>
/// A continuous colour map: colours at stops in [0, 1], linearly interpolated in sRGB between them.
/// SVG gradients interpolate in sRGB too, so a colour bar drawn from the same stops matches the cells.
/// </summary>
public sealed partial class ColorMap
{
    private readonly ColorStop[] _stops;

    public ColorMap(string name, IReadOnlyList<ColorStop> stops)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count < 2)
        {
            throw new ArgumentException($"colour map '{name}' needs at least two stops, got {stops.Count}", nameof(stops));
        }
        if (stops[0].Position != 0 || stops[^1].Position != 1)
        {
            throw new ArgumentException($"colour map '{name}' must start at position 0 and end at 1", nameof(stops));
        }
        for (var i = 1; i < stops.Count; i++)
        {
            if (!(stops[i].Position > stops[i - 1].Position))
            {
                throw new ArgumentException(
                    $"colour map '{name}': stop positions must increase strictly (stop {i} at {stops[i].Position} follows {stops[i - 1].Position})",
                    nameof(stops));
            }
        }
        Name = name;
        _stops = stops.ToArray();
    }

    public string Name { get; }

    public IReadOnlyList<ColorStop> Stops => _stops;

    /// <summary>The colour at <paramref name="t"/>, clamped to [0, 1]. NaN has no colour: it throws.</summary>
    public Rgb At(double t)
    {
        if (double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), "NaN has no colour; draw missing values separately");
        }
        t = Math.Clamp(t, 0, 1);
        var hi = 1;
        while (hi < _stops.Length - 1 && _stops[hi].Position < t)
        {
            hi++;
        }
        var a = _stops[hi - 1];
        var b = _stops[hi];
        var f = (t - a.Position) / (b.Position - a.Position);
        return Rgb.FromUnit(
            (a.Color.R + (b.Color.R - a.Color.R) * f) / 255.0,
            (a.Color.G + (b.Color.G - a.Color.G) * f) / 255.0,
            (a.Color.B + (b.Color.B - a.Color.B) * f) / 255.0);
    }

    /// <summary>The colour of <paramref name="value"/> on the range [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public Rgb At(double value, double min, double max)
    {
        if (!(max > min))
        {
            throw new ArgumentException($"colour range needs max > min, got [{min}, {max}]");
        }
        return At((value - min) / (max - min));
    }

    /// <summary>White to black, for print and for figures where colour would distract.</summary>
    public static ColorMap Greys { get; } = new("greys", [new ColorStop(0, new Rgb(255, 255, 255)), new ColorStop(1, new Rgb(0, 0, 0))]);
}
