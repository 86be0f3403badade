using System.Diagnostics;
using ArithLab.Torch;

LibTorch.Threads = 1;
using var a = Tensor.From(Enumerable.Range(0, 64).Select(i => (float)i / 64).ToArray(), 8, 8);
using var b = Tensor.From(Enumerable.Range(0, 64).Select(i => (float)i / 32).ToArray(), 8, 8);
for (var round = 0; round < 5; round++)
{
    const int n = 1_000_000;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < n; i++)
    {
        using var c = Tensor.MatMul(a, b);
    }
    Console.WriteLine($"8x8 matmul incl. dispose: {sw.Elapsed.TotalMilliseconds * 1000 / n:F3} us/op");
}
