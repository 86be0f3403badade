using System.Text;

namespace ArithLab.Plots;

/// <summary>Atomic writes of SVG text (UTF-8, no byte-order mark), through <see cref="ChartFile.Write"/>.</summary>
public static class SvgFile
{
    public static void Write(string path, string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ChartFile.Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(svg));
    }
}
