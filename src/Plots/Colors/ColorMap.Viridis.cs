namespace ArithLab.Plots;

public sealed partial class ColorMap
{
    /// <summary>
    /// Viridis (van der Walt &amp; Smith 2015, matplotlib's default): perceptually uniform and readable by
    /// colour-blind viewers and in greyscale. Stops are every 16th entry of the published 256-entry
    /// table (plus the last), at positions index/255; between them viridis is nearly linear in sRGB,
    /// so interpolation stays within about one 8-bit step of the full table.
    /// </summary>
    public static ColorMap Viridis { get; } = new("viridis", FromTable(
    [
        (0, 0.267004, 0.004874, 0.329415),
        (16, 0.282327, 0.094955, 0.417331),
        (32, 0.278826, 0.175490, 0.483397),
        (48, 0.258965, 0.251537, 0.524736),
        (64, 0.229739, 0.322361, 0.545706),
        (80, 0.199430, 0.387607, 0.554642),
        (96, 0.172719, 0.448791, 0.557885),
        (112, 0.149039, 0.508051, 0.557250),
        (128, 0.127568, 0.566949, 0.550556),
        (144, 0.120638, 0.625828, 0.533488),
        (160, 0.157851, 0.683765, 0.501686),
        (176, 0.246070, 0.738910, 0.452024),
        (192, 0.369214, 0.788888, 0.382914),
        (208, 0.515992, 0.831158, 0.294279),
        (224, 0.678489, 0.863742, 0.189503),
        (240, 0.845561, 0.887322, 0.099702),
        (255, 0.993248, 0.906157, 0.143936),
    ]));

    private static ColorStop[] FromTable((int Index, double R, double G, double B)[] rows) =>
        rows.Select(r => new ColorStop(r.Index / 255.0, Rgb.FromUnit(r.R, r.G, r.B))).ToArray();
}
