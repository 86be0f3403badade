using System.Diagnostics;
using System.Globalization;

namespace ArithLab.Cli.Tests;

/// <summary>
/// `data preview` streams: its memory is that of one example whatever --count is. The output goes
/// to a counting sink, not a file or a string, so the test holds none of it either.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class DataPreviewMemoryTests : CliTestFolder
{
    [Fact]
    public async Task TwoHundredExamplesOf10000DigitsStreamInBoundedMemory()
    {
        // 200 examples keep the test to seconds; the full 10,000 × 10,000 run is in docs/training.md.
        var (peakBytes, outputBytes, exitCode) = await Measure("data", "preview", "--digits", "10000", "--count", "200");

        Assert.Equal(0, exitCode);
        // Each example prints a ~20,000-token table: about 140 MB in all, which a buffered preview held.
        Assert.True(outputBytes > 100_000_000, $"{outputBytes} bytes printed");
        Assert.True(peakBytes < 200_000_000, $"peak RSS {peakBytes / 1e6:0} MB for {outputBytes / 1e6:0} MB printed");
    }

    /// <summary>Runs the program, counting its output bytes and sampling its peak RSS (VmHWM) until it exits.</summary>
    private async Task<(long PeakBytes, long OutputBytes, int ExitCode)> Measure(params string[] args)
    {
        using var process = Arithlab.Start(Folder, args);
        using var cleanup = new KillOnDispose(process);
        var stderr = process.StandardError.ReadToEndAsync();
        var counting = Task.Run(() =>
        {
            var buffer = new char[1 << 16];
            long total = 0;
            int n;
            while ((n = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += n;
            }
            return total;
        });
        long peak = 0;
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(status));
            Thread.Sleep(20);
        }
        process.WaitForExit();
        await stderr;
        return (peak, await counting, process.ExitCode);
    }

    private static long HighWaterMark(string statusPath)
    {
        try
        {
            var line = File.ReadLines(statusPath).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // the process ended between the check and the read
        }
    }
}
