using System.Globalization;

namespace ArithLab.Plots;

/// <summary>An sRGB colour with 8-bit channels.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>"#rrggbb", lower case: the form SVG and most colour tables use.</summary>
    public string Hex => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>Parses "#rrggbb" or "rrggbb".</summary>
    public static Rgb FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith('#') ? hex[1..] : hex;
        if (s.Length != 6 || !int.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #rrggbb");
        }
        return new Rgb((byte)(v >> 16), (byte)((v >> 8) & 0xff), (byte)(v & 0xff));
    }

    /// <summary>From channels in [0, 1], rounded to the nearest 8-bit value.</summary>
    public static Rgb FromUnit(double r, double g, double b) => new(ToByte(r), ToByte(g), ToByte(b));

    /// <summary>
    /// Relative luminance (WCAG 2.x, sRGB linearised). Used to pick black or white text over a cell,
    /// so labels stay readable at both ends of a colour map.
    /// </summary>
    public double Luminance => 0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B);

    public override string ToString() => Hex;

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static byte ToByte(double unit) =>
        (byte)Math.Round(Math.Clamp(unit, 0, 1) * 255, MidpointRounding.AwayFromZero);
}
