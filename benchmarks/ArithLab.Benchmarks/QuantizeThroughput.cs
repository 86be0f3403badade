using System.Diagnostics;
using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;

namespace ArithLab.Benchmarks;

/// <summary>
/// Elements per second of the native quantize-dequantize kernels over a 16 M-element float32
/// tensor (64 MB, larger than cache: memory traffic counts, as in training) and over a 256 K one
/// (1 MB, cache-resident: the kernels' own speed). The quantizers run interleaved, round by
/// round, so their ratios are measured under the same load.
/// </summary>
internal static class QuantizeThroughput
{
    public static void Run()
    {
        Run(16 << 20, rounds: 10);
        Run(256 << 10, rounds: 200);
    }

    private static void Run(int n, int rounds)
    {
        var random = new Random(0);
        using var x = Tensor.From(Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), n / 1024, 1024);
        using var buffer = Tensor.ZerosLike(x);
        LibTorch.Threads = Environment.ProcessorCount;
        Console.WriteLine($"libtorch {LibTorch.Version}, {LibTorch.Threads} threads, {n / 1024} K float32 elements");
        var cases = new (string Name, Func<Tensor?> Run)[]
        {
            ("e4m3 per-tensor, nearest-even", () => Quantizer.Quantize(x, NumberFormat.E4M3)),
            ("e4m3 per-tensor, into a reused buffer", () => Into(() => Quantizer.QuantizeInto(x, NumberFormat.E4M3, buffer))),
            ("e4m3 current scaling (amax + quantize)", () => TensorScaling.Quantize(x, NumberFormat.E4M3, out _)),
            ("e4m3 stochastic", () => Quantizer.Quantize(x, NumberFormat.E4M3, Rounding.Stochastic, seed: 1)),
            ("e5m2 per-tensor, nearest-even", () => Quantizer.Quantize(x, NumberFormat.E5M2)),
            ("mxfp8-e4m3, blocks of 32", () => MxQuantizer.Quantize(x, MxFormat.Mxfp8E4M3)),
            ("mxfp4, blocks of 32", () => MxQuantizer.Quantize(x, MxFormat.Mxfp4)),
            ("mxfp4, into a reused buffer", () => Into(() => MxQuantizer.QuantizeInto(x, MxFormat.Mxfp4, buffer))),
            ("nvfp4, blocks of 16", () => Nvfp4Quantizer.Quantize(x)),
            ("copy (x.Clone(), memory bound)", () => x.Clone()),
        };
        foreach (var c in cases) // warm-up: page faults of the results, thread pool
        {
            c.Run()?.Dispose();
        }
        var seconds = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var sw = Stopwatch.StartNew();
                cases[i].Run()?.Dispose();
                seconds[i].Add(sw.Elapsed.TotalSeconds);
            }
            Console.Error.Write($"\rround {round + 1}/{rounds}");
        }
        Console.Error.WriteLine();
        for (var i = 0; i < cases.Length; i++)
        {
            var s = seconds[i].Order().ToArray();
            Console.WriteLine($"{cases[i].Name,-42} best {n / s[0] / 1e6,7:F0} M elements/s, median {n / s[rounds / 2] / 1e6,7:F0} M elements/s");
        }
    }

    private static Tensor? Into(Action quantize)
    {
        quantize();
        return null;
    }
}
