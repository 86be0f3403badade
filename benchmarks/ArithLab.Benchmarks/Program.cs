using ArithLab.Benchmarks;

// On-demand engine benchmarks (not tests):
//   dotnet run -c Release --project benchmarks/ArithLab.Benchmarks -- <name>
// Results and the exact commands behind docs/performance.md are recorded there.
var benchmarks = new Dictionary<string, (string Description, Action Run)>
{
    ["matmul-overhead"] = ("per-op cost of an 8x8 float32 matmul incl. disposal (1 thread)", MatMulOverhead.Run),
    ["matmul-gflops"] = ("1024x1024x1024 float32 matmul throughput in GFLOP/s (all threads)", MatMulThroughput.Run),
    ["quantize"] = ("low-precision quantize-dequantize kernels, M elements/s over 16 M floats (all threads)", QuantizeThroughput.Run),
    ["lmul"] = ("L-Mul matmul cost per multiply-add next to sgemm (all threads)", LMulCost.Run),
};

var name = args.Length > 0 ? args[0] : "";
if (benchmarks.TryGetValue(name, out var benchmark))
{
    benchmark.Run();
    return 0;
}
if (name == "all")
{
    foreach (var b in benchmarks.Values)
    {
        b.Run();
    }
    return 0;
}
Console.Error.WriteLine(name.Length == 0 ? "name a benchmark:" : $"unknown benchmark '{name}'; known:");
foreach (var (key, value) in benchmarks)
{
    Console.Error.WriteLine($"  {key,-16} {value.Description}");
}
Console.Error.WriteLine($"  {"all",-16} every benchmark above");
return 2;
