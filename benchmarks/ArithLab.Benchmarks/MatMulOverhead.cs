using System.Diagnostics;
using ArithLab.Torch;

namespace ArithLab.Benchmarks;

/// <summary>
/// The fixed cost of one op through the binding: an 8x8 float32 matmul (whose arithmetic is
/// negligible) plus disposing its result, on one thread. Compare with
/// benchmarks/python/matmul_overhead.py and the C++ figure of benchmarks/run-native-matmul.sh.
/// </summary>
internal static class MatMulOverhead
{
    private const int OpsPerRound = 1_000_000;
    private const int Rounds = 5;

    public static void Run()
    {
        LibTorch.Threads = 1;
        using var a = Tensor.From(Enumerable.Range(0, 64).Select(i => (float)i / 64).ToArray(), 8, 8);
        using var b = Tensor.From(Enumerable.Range(0, 64).Select(i => (float)i / 32).ToArray(), 8, 8);
        Loop(a, b, OpsPerRound / 10); // warm-up: JIT tiers, allocator caches

        var perOp = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            perOp[round] = Loop(a, b, OpsPerRound);
            Console.WriteLine($"8x8 matmul incl. dispose: {perOp[round]:F3} us/op");
        }
        Array.Sort(perOp);
        Console.WriteLine($"best {perOp[0]:F3} us/op, median {perOp[Rounds / 2]:F3} us/op ({Rounds} rounds of {OpsPerRound:N0})");
    }

    // Microseconds per op.
    private static double Loop(Tensor a, Tensor b, int n)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            using var c = Tensor.MatMul(a, b);
        }
        return sw.Elapsed.TotalMilliseconds * 1000 / n;
    }
}
