using ScottPlot;
using SkiaSharp;

namespace ArithLab.Plots.Tests;

/// <summary>A chart rendered the way its PNG is, kept with the ScottPlot figure so that data coordinates map to pixels.</summary>
internal sealed class Rendered : IDisposable
{
    public Rendered(Chart chart, int width, int height)
    {
        Plot = chart.BuildPlot();
        Bitmap = SKBitmap.Decode(Plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    public Plot Plot { get; }

    public SKBitmap Bitmap { get; }

    /// <summary>The colour of the pixel at data coordinates (x, y).</summary>
    public Rgb ColorAt(double x, double y)
    {
        var pixel = Plot.GetPixel(new Coordinates(x, y));
        var c = Bitmap.GetPixel((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
        return new Rgb(c.Red, c.Green, c.Blue);
    }

    public void Dispose()
    {
        Bitmap.Dispose();
        Plot.Dispose();
    }

    /// <summary>Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a }), "not a PNG signature");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)),
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>How many pixels of the decoded PNG differ from white, in the given band of rows.</summary>
    public static int InkedPixels(byte[] png, int fromRow, int toRow)
    {
        using var bitmap = SKBitmap.Decode(png);
        var count = 0;
        for (var y = fromRow; y < Math.Min(toRow, bitmap.Height); y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 200 || c.Green < 200 || c.Blue < 200)
                {
                    count++;
                }
            }
        }
        return count;
    }

    public static bool Near(Rgb a, Rgb b, int tolerance = 3) =>
        Math.Abs(a.R - b.R) <= tolerance && Math.Abs(a.G - b.G) <= tolerance && Math.Abs(a.B - b.B) <= tolerance;
}
