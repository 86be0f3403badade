using System.Diagnostics;
using ArithLab.Torch;

namespace ArithLab.Benchmarks;

/// <summary>
/// Throughput of a large float32 matmul through the binding, to compare with the same product
/// called from C++ (benchmarks/run-native-matmul.sh): both should be BLAS-bound and equal.
/// </summary>
internal static class MatMulThroughput
{
    private const int N = 1024;
    private const int Repeats = 30;

    public static void Run()
    {
        var random = new Random(0);
        using var a = Tensor.From(Enumerable.Range(0, N * N).Select(_ => random.NextSingle()).ToArray(), N, N);
        using var b = Tensor.From(Enumerable.Range(0, N * N).Select(_ => random.NextSingle()).ToArray(), N, N);
        Console.WriteLine($"libtorch {LibTorch.Version}, {LibTorch.Threads} threads");
        for (var i = 0; i < 2; i++) // warm-up: BLAS thread pool, page faults of the result
        {
            using var c = Tensor.MatMul(a, b);
        }

        var seconds = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            using var c = Tensor.MatMul(a, b);
            seconds[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        // An n×n×n product is n³ multiply-adds: 2n³ floating-point operations.
        var flops = 2.0 * N * N * N;
        Console.WriteLine($"{N}x{N}x{N} float32 matmul: best {flops / seconds[0] / 1e9:F1} GFLOP/s, " +
                          $"median {flops / seconds[Repeats / 2] / 1e9:F1} GFLOP/s ({Repeats} repeats)");
    }
}
