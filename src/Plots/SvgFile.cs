using System.Text;

namespace ArithLab.Plots;

/// <summary>Atomic writes of SVG text, so a reader (a browser tab, a notebook) never sees half a file.</summary>
public static class SvgFile
{
    /// <summary>
    /// Writes <paramref name="svg"/> to a temp file beside <paramref name="path"/>, flushes it to disk and
    /// renames it over the target. The temp file lives in the same folder because a rename is only
    /// atomic within one file system.
    /// </summary>
    public static void Write(string path, string svg)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(svg);

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)
            ?? throw new ArgumentException($"'{path}' has no parent folder", nameof(path));
        Directory.CreateDirectory(folder);

        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(svg);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
