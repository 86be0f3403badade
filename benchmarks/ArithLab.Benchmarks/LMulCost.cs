using System.Diagnostics;
using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;

namespace ArithLab.Benchmarks;

/// <summary>
/// The L-Mul matmul's cost per multiply-add next to float32 sgemm (BLAS) on the same shapes,
/// interleaved round by round: a (M, K) × (K, N) product is M·K·N multiply-adds.
/// </summary>
internal static class LMulCost
{
    private const int Rounds = 7;

    public static void Run()
    {
        LibTorch.Threads = Environment.ProcessorCount;
        Console.WriteLine($"libtorch {LibTorch.Version}, {LibTorch.Threads} threads");
        foreach (var (m, k, n) in new[] { (512, 512, 512), (2048, 64, 256), (64, 64, 64) })
        {
            var random = new Random(1);
            using var a = Tensor.From(Enumerable.Range(0, m * k).Select(_ => (float)random.NextDouble()).ToArray(), m, k);
            using var b = Tensor.From(Enumerable.Range(0, k * n).Select(_ => (float)random.NextDouble()).ToArray(), k, n);
            var repeats = Math.Max(1, (int)(2e8 / ((double)m * k * n)));
            var cases = new (string Name, Func<Tensor> Run)[]
            {
                ("sgemm (Tensor.MatMul)", () => Tensor.MatMul(a, b)),
                ("L-Mul m=4 (LMul.MatMul)", () => LMul.MatMul(a, b, 4)),
            };
            foreach (var c in cases)
            {
                c.Run().Dispose();
            }
            var best = new double[cases.Length];
            Array.Fill(best, double.MaxValue);
            for (var round = 0; round < Rounds; round++)
            {
                for (var i = 0; i < cases.Length; i++)
                {
                    var sw = Stopwatch.StartNew();
                    for (var r = 0; r < repeats; r++)
                    {
                        cases[i].Run().Dispose();
                    }
                    best[i] = Math.Min(best[i], sw.Elapsed.TotalSeconds / repeats);
                }
            }
            var macs = (double)m * k * n;
            Console.WriteLine($"({m}x{k}) x ({k}x{n}), best of {Rounds} rounds of {repeats}:");
            for (var i = 0; i < cases.Length; i++)
            {
                Console.WriteLine($"  {cases[i].Name,-26} {best[i] / macs * 1e12,8:F1} ps per multiply-add ({macs / best[i] / 1e9:F2} G multiply-adds/s)");
            }
            Console.WriteLine($"  L-Mul / sgemm time: {best[1] / best[0]:F1}x");
        }
    }
}
