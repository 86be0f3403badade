using ScottPlot;

namespace ArithLab.Plots.Rendering;

/// <summary>
/// The font every figure uses. SkiaSharp's dependency-free Linux build (the one ScottPlot brings)
/// reads font files from /usr/share/fonts itself, without fontconfig; scripts/setup.sh installs
/// DejaVu (fonts-dejavu-core) so a fresh Debian machine has one. Without any font file SkiaSharp
/// would draw every label as nothing, so that case is an error that says what to install.
/// </summary>
internal static class FontFamily
{
    private static readonly Lazy<string> Resolved = new(Resolve);

    public static string Name => Resolved.Value;

    private static string Resolve()
    {
        foreach (var candidate in new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", Fonts.Default })
        {
            if (Fonts.GetTypeface(candidate, bold: false, italic: false) is not null)
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "no font found for chart text: install one (on Debian: apt-get install fonts-dejavu-core, as scripts/setup.sh does)");
    }
}
