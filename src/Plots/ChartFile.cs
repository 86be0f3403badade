namespace ArithLab.Plots;

/// <summary>Writes charts to files atomically, so a reader (a browser tab, a notebook) never sees half a file.</summary>
public static class ChartFile
{
    /// <summary>The extensions <see cref="Save"/> understands.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".svg"];

    /// <summary>Writes <paramref name="chart"/> as PNG or SVG, chosen by the extension of <paramref name="path"/>.</summary>
    public static void Save(IChart chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".png":
                Write(path, chart.ToPng());
                break;
            case ".svg":
                SvgFile.Write(path, chart.ToSvg());
                break;
            default:
                throw new ArgumentException(
                    $"cannot tell the image format of '{path}': use a file name ending in {string.Join(" or ", Extensions)}", nameof(path));
        }
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to a temp file beside <paramref name="path"/>, flushes it to disk and
    /// renames it over the target. The temp file lives in the same folder because a rename is only
    /// atomic within one file system.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)
            ?? throw new ArgumentException($"'{path}' has no parent folder", nameof(path));
        Directory.CreateDirectory(folder);

        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
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
