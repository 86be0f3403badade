using System.Diagnostics;
using System.Globalization;
using ArithLab.TorchSharpPeer;
using ArithLab.TrainBenchmarks;
using TorchSharp;
using static TorchSharp.torch;

// TorchSharp 0.107 (libtorch 2.10 CPU) peer of benchmarks/ArithLab.TrainBenchmarks and
// benchmarks/python/train_peer.py: the same transformer, batches, loss, clipping and AdamW step,
// timed the same way. Built and run by benchmarks/run-train-bench.sh and
// benchmarks/run-torchsharp-interop.sh only; no lab project references it.
// Usage: ArithLab.TorchSharpPeer train a|b batches.bin [--threads N] [--warmup S] [--windows K] [--window-steps S]
//        ArithLab.TorchSharpPeer matmul [--threads N]
//        ArithLab.TorchSharpPeer interop DIR
var mode = args.Length > 0 ? args[0] : "";
return mode switch
{
    "train" => Train(args[1], args[2]),
    "matmul" => MatMul(),
    "interop" => Interop(args[1]),
    _ => Usage(),
};

int Usage()
{
    Console.Error.WriteLine("usage: ArithLab.TorchSharpPeer train a|b batches.bin [--threads N] | matmul [--threads N] | interop DIR");
    return 2;
}

int Train(string config, string batchFile)
{
    var (layers, c, heads) = Shape(config);
    var threads = IntOption("--threads", 1);
    var warmup = IntOption("--warmup", config == "a" ? 10 : 2);
    var windows = IntOption("--windows", config == "a" ? 5 : 3);
    var windowSteps = IntOption("--window-steps", config == "a" ? 30 : 3);
    torch.set_num_threads(threads);
    torch.manual_seed(1);
    var data = Batches.Read(batchFile);
    var ids = data.Items.Select(b => torch.tensor(b.Ids, data.BatchSize, b.Width)).ToArray();
    var targets = data.Items.Select(b => torch.tensor(b.Targets, data.BatchSize, b.Width)).ToArray();
    using var model = new PeerTransformer((int)data.Vocab, layers, c, heads);
    var parameters = model.parameters().ToList();
    // One parameter group with weight decay on every tensor, as the PyTorch peer.
    using var optimizer = torch.optim.AdamW(parameters, lr: 1e-3, weight_decay: 0.1);
    var width = data.Items.Average(b => b.Width);
    var tokensPerStep = data.BatchSize * width;
    Console.WriteLine($"TorchSharp {typeof(torch).Assembly.GetName().Version} (libtorch {torch.__version__}): config {config} (layers {layers}, d_model {c}, heads {heads}), " +
                      $"batch {data.BatchSize} x {width:F0} tokens, vocab {data.Vocab}, {parameters.Sum(p => p.numel()):N0} parameters, " +
                      $"torch threads {torch.get_num_threads()}, OMP_NUM_THREADS={Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? "unset"}");

    float Step(int n, bool readLoss)
    {
        using var scope = torch.NewDisposeScope();
        var logits = model.call(ids[n % ids.Length]);
        var loss = torch.nn.functional.cross_entropy(logits.view(-1, data.Vocab), targets[n % ids.Length].view(-1), ignore_index: -100);
        loss.backward();
        torch.nn.utils.clip_grad_norm_(parameters, 1.0);
        optimizer.step();
        optimizer.zero_grad();
        return readLoss ? loss.item<float>() : float.NaN;
    }

    var step = 0;
    var firstLoss = Step(step++, readLoss: true);
    for (var i = 1; i < warmup; i++)
    {
        Step(step++, readLoss: false);
    }
    var timer = new WindowTimer(windows, windowSteps, tokensPerStep);
    timer.Run(() => Step(step++, readLoss: false));
    var lastLoss = Step(step, readLoss: true);
    Console.WriteLine(timer.Result($"torchsharp-t{threads}", config));
    Console.WriteLine($"loss {firstLoss:F4} -> {lastLoss:F4}");
    return 0;
}

// The per-call cost of a tiny matmul (8×8, where binding overhead dominates) and the throughput of a
// large one (1024³ sgemm), as benchmarks/ArithLab.Benchmarks measures them for ArithLab.
int MatMul()
{
    var threads = IntOption("--threads", 1);
    torch.set_num_threads(threads);
    using var a = torch.randn(8, 8);
    using var b = torch.randn(8, 8);
    const int Calls = 200_000;
    for (var i = 0; i < 10_000; i++)
    {
        a.matmul(b).Dispose();
    }
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < Calls; i++)
    {
        a.matmul(b).Dispose();
    }
    var perCall = watch.Elapsed.TotalMilliseconds * 1000 / Calls;
    using var x = torch.randn(1024, 1024);
    using var y = torch.randn(1024, 1024);
    x.matmul(y).Dispose();
    const int Reps = 20;
    watch.Restart();
    for (var i = 0; i < Reps; i++)
    {
        x.matmul(y).Dispose();
    }
    var gflops = 2.0 * 1024 * 1024 * 1024 * Reps / watch.Elapsed.TotalSeconds / 1e9;
    Console.WriteLine($"RESULT torchsharp-t{threads} matmul 8x8 us/call {perCall:F2} sgemm-1024 GFLOP/s {gflops:F1}");
    return 0;
}

// ArithLab → TorchSharp → ArithLab through safetensors files under the same state-dict names.
// DIR holds what ArithLab.TrainBenchmarks --interop-export wrote: batches.bin, arithlab.safetensors
// and arithlab-logits.bin (float32 logits of batch 0). This loads the checkpoint, checks that the
// logits agree, trains 20 steps, and writes torchsharp.safetensors and torchsharp-logits.bin for
// ArithLab.TrainBenchmarks --interop-import to load and check.
int Interop(string dir)
{
    torch.set_num_threads(1);
    var data = Batches.Read(Path.Combine(dir, "batches.bin"));
    var (layers, c, heads) = Shape("a");
    using var model = new PeerTransformer((int)data.Vocab, layers, c, heads);
    Safetensors.LoadInto(model, Safetensors.Read(Path.Combine(dir, "arithlab.safetensors")));
    var first = data.Items[0];
    using var ids = torch.tensor(first.Ids, data.BatchSize, first.Width);
    var expected = ReadFloats(Path.Combine(dir, "arithlab-logits.bin"));
    float[] Logits()
    {
        using var noGrad = torch.no_grad();
        using var logits = model.call(ids);
        return logits.contiguous().data<float>().ToArray();
    }
    var loaded = Logits();
    Console.WriteLine($"ArithLab checkpoint in TorchSharp: {model.state_dict().Count} tensors by name, logits of batch 0 " +
                      $"({loaded.Length:N0} values) differ from ArithLab's by at most {MaxAbsDiff(loaded, expected):E2}");

    using var optimizer = torch.optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.1);
    for (var n = 0; n < 20; n++)
    {
        using var scope = torch.NewDisposeScope();
        var b = data.Items[n % data.Items.Count];
        var logits = model.call(torch.tensor(b.Ids, data.BatchSize, b.Width));
        var loss = torch.nn.functional.cross_entropy(logits.view(-1, data.Vocab), torch.tensor(b.Targets).view(-1), ignore_index: -100);
        loss.backward();
        optimizer.step();
        optimizer.zero_grad();
    }
    var trained = Logits();
    Safetensors.Write(Path.Combine(dir, "torchsharp.safetensors"), model.state_dict().Select(kv => (kv.Key, kv.Value)));
    WriteFloats(Path.Combine(dir, "torchsharp-logits.bin"), trained);
    Console.WriteLine($"trained 20 steps in TorchSharp (logits moved by {MaxAbsDiff(trained, loaded):E2}); wrote torchsharp.safetensors");
    return 0;
}

static (int Layers, int DModel, int Heads) Shape(string config) => config switch
{
    "a" => (2, 128, 4),
    "b" => (6, 384, 6),
    _ => throw new ArgumentException($"unknown configuration '{config}' (use a or b)"),
};

static double MaxAbsDiff(float[] a, float[] b)
{
    if (a.Length != b.Length)
    {
        throw new InvalidDataException($"{a.Length} values against {b.Length}");
    }
    return a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second));
}

static float[] ReadFloats(string path)
{
    var bytes = File.ReadAllBytes(path);
    var values = new float[bytes.Length / 4];
    Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
    return values;
}

static void WriteFloats(string path, float[] values)
{
    var bytes = new byte[values.Length * 4];
    Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
    File.WriteAllBytes(path, bytes);
}

int IntOption(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
