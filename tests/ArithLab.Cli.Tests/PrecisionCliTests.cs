using System.Text.Json;

namespace ArithLab.Cli.Tests;

/// <summary>`arithlab precision show` and `precision quantize`, checked against the OCP spec tables by hand.</summary>
[Collection(CliCollection.Name)]
public sealed class PrecisionCliTests : CliTestFolder
{
    [Fact]
    public void ShowE4M3PrintsTheRangeAndEveryCode()
    {
        var result = Arithlab.Run(Folder, "precision", "show", "e4m3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bias                7", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("max finite          448", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("min subnormal       0.001953125", result.Stdout, StringComparison.Ordinal);
        var rows = result.Stdout.Split('\n').Where(l => l.StartsWith("  0x", StringComparison.Ordinal)).ToList();
        Assert.Equal(256, rows.Count);
        // OCP 8-bit FP spec: S.1111.110 = 448, S.1111.111 = NaN, 0.0000.001 = 2^-9, 0.0111.000 = 1
        Assert.Contains("  0x7E  0 1111 110  448", rows);
        Assert.Contains("  0x7F  0 1111 111  NaN", rows);
        Assert.Contains("  0x01  0 0000 001  0.001953125", rows);
        Assert.Contains("  0x38  0 0111 000  1", rows);
        Assert.Contains("  0x80  1 0000 000  -0", rows);
    }

    [Fact]
    public void ShowOfAWideFormatHasNoTableAndMxShowsItsScaleRule()
    {
        var bf16 = Arithlab.Run(Folder, "precision", "show", "bf16");
        Assert.Equal(0, bf16.ExitCode);
        Assert.DoesNotContain("  0x", bf16.Stdout, StringComparison.Ordinal);
        var mx = Arithlab.Run(Folder, "precision", "show", "mxfp4");
        Assert.Equal(0, mx.ExitCode);
        Assert.Contains("2^(floor(log2 amax) - 2)", mx.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  0x7  0 11 1 +6\n", mx.Stdout);
    }

    [Fact]
    public void QuantizeE4M3RoundsTheTieAt464To448AndOverflowsAbove()
    {
        var result = Arithlab.Run(Folder, "precision", "quantize", "--format", "e4m3", "--json", "464", "464.1", "-0.3");

        Assert.Equal(0, result.ExitCode);
        var values = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(("0x7E", 448.0), (values[0].GetProperty("code").GetString(), values[0].GetProperty("value").GetDouble()));
        Assert.Equal(("0x7F", "NaN"), (values[1].GetProperty("code").GetString(), values[1].GetProperty("value").GetString()));
        // -0.3 lies between -0.28125 (0xA9) and -0.3125 (0xAA), nearer the latter
        Assert.Equal(("0xAA", -0.3125), (values[2].GetProperty("code").GetString(), values[2].GetProperty("value").GetDouble()));
    }

    [Fact]
    public void QuantizeMxfp4PrintsEachBlocksSharedScale()
    {
        var result = Arithlab.Run(Folder, "precision", "quantize", "--format", "mxfp4", "--block", "4", "0.1", "2.5", "-7", "1000", "0", "0", "0", "0");

        Assert.Equal(0, result.ExitCode);
        // amax 1000: floor(log2 1000) = 9, emax_elem 2 → 2^7 (code 127 + 7 = 0x86); 1000/128 = 7.8 saturates to 6 → 768
        Assert.Contains("block 0: scale E8M0 0x86 = 2^7", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("block 1: scale E8M0 0x00 = 2^-127", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"1000\s+0x7\s+768", result.Stdout);
    }

    [Fact]
    public void BadFormatsAndOptionsAreUsageErrors()
    {
        var unknown = Arithlab.Run(Folder, "precision", "quantize", "--format", "e4m9x", "1");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown format 'e4m9x'", unknown.Stderr, StringComparison.Ordinal);
        var blockOnElement = Arithlab.Run(Folder, "precision", "quantize", "--format", "e4m3", "--block", "4", "1");
        Assert.Equal(2, blockOnElement.ExitCode);
        var notANumber = Arithlab.Run(Folder, "precision", "quantize", "--format", "e4m3", "one");
        Assert.Contains("'one' is not a number", notANumber.Stderr, StringComparison.Ordinal);
        var impossible = Arithlab.Run(Folder, "precision", "show", "e9m2");
        Assert.Equal(2, impossible.ExitCode);
        Assert.Contains("exponent bits must be in 1..8", impossible.Stderr, StringComparison.Ordinal);
    }
}
