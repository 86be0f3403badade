using System.Globalization;
using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.TrainBenchmarks;

// Training throughput of ArithLab's Transformer; benchmarks/python/train_peer.py is the PyTorch
// eager peer and benchmarks/run-train-bench.sh runs both the same way.
// Usage: ArithLab.TrainBenchmarks a|b [--threads N] [--split-ops] [--full-logits] [--warmup S] [--windows K]
//        [--window-steps S] [--dump batches.bin] [--profile] [--default-malloc]
// --threads N runs the batch as N shards side by side, one libtorch and one BLAS thread each, as
// the trainer does on a CPU; --split-ops runs it whole with N libtorch and BLAS threads instead
// (PyTorch eager's way), for comparison. The last block's position-wise part and lm_head run at the
// answer positions alone, as in the trainer; --full-logits runs them at every position, as the
// PyTorch peer does.
//        ArithLab.TrainBenchmarks a|b --precision RECIPE [--threads N] [--warmup S] [--windows K] [--window-steps S]
//        ArithLab.TrainBenchmarks --interop-export DIR | --interop-import DIR (benchmarks/run-torchsharp-interop.sh)
if (args.Length == 2 && args[0] is "--interop-export" or "--interop-import")
{
    return args[0] == "--interop-export" ? Interop.Export(args[1]) : Interop.Import(args[1]);
}
var config = BenchConfig.Parse(args.Length > 0 ? args[0] : "a");
var threads = IntOption("--threads", 1);
var warmup = IntOption("--warmup", config.Name == "a" ? 10 : 2);
var windows = IntOption("--windows", config.Name == "a" ? 5 : 3);
var windowSteps = IntOption("--window-steps", config.Name == "a" ? 30 : 3);
var dump = StringOption("--dump");
if (StringOption("--precision") is { } recipe)
{
    // A step under a low-precision recipe against float32, interleaved (benchmarks/run-precision-bench.sh).
    return PrecisionBench.Run(config, recipe, threads, warmup, windows, windowSteps);
}
var profile = args.Contains("--profile") ? new StepProfile() : null;
// The lab's setting for training on a CPU; --default-malloc measures glibc's defaults instead.
var retain = !args.Contains("--default-malloc");
if (retain)
{
    HostMemory.RetainFreed();
}

var splitOps = args.Contains("--split-ops");
var fullLogits = args.Contains("--full-logits");
var shards = splitOps ? 1 : threads;
// As the trainer's CpuParallelism: one thread per shard, or all of them inside each op.
LibTorch.Threads = splitOps ? threads : 1;
LibTorch.BlasThreads = splitOps ? threads : 1;
LibTorch.ManualSeed(1);
var data = TrainBatches.Generate(BenchConfig.Digits, BenchConfig.BatchSize, count: 16, seed: 1);
if (dump is not null)
{
    data.Write(dump);
}
var ids = data.Items.Select(b => Tensor.From(b.Ids, BenchConfig.BatchSize, b.Width)).ToArray();
var targets = data.Items.Select(b => Tensor.From(b.Targets, BenchConfig.BatchSize, b.Width)).ToArray();
using var model = new Transformer(config.Model(data.VocabSize));
var step = new TrainStep(model, learningRate: 1e-3, weightDecay: 0.1, clip: 1.0, shards, fullLogits);
var hostTargets = data.Items.Select(b => b.Targets).ToArray();
var tokensPerStep = BenchConfig.BatchSize * data.MeanWidth;
Console.WriteLine($"C# ArithLab: config {config.Name} (layers {config.Layers}, d_model {config.DModel}, heads {config.Heads}), " +
                  $"batch {BenchConfig.BatchSize} x {data.MeanWidth:F0} tokens, vocab {data.VocabSize}, " +
                  $"{model.ParameterCount():N0} parameters, {shards} batch shard(s), logits at {(fullLogits ? "every position" : "answer positions")}, libtorch threads {LibTorch.Threads}, BLAS threads {LibTorch.BlasThreads}, " +
                  $"OPENBLAS_NUM_THREADS={Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? "unset"}, " +
                  $"OMP_NUM_THREADS={Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? "unset"}, " +
                  $"freed host memory {(retain ? "retained" : "returned (glibc defaults)")}");

var n = 0;
var firstLoss = step.Run(ids[0], targets[0], hostTargets[0], readLoss: true);
for (var i = 1; i < warmup; i++, n++)
{
    step.Run(ids[n % ids.Length], targets[n % ids.Length], hostTargets[n % ids.Length], readLoss: false);
}
var live = LibTorch.LiveTensors;
var timer = new WindowTimer(windows, windowSteps, tokensPerStep);
timer.Run(() =>
{
    step.Run(ids[n % ids.Length], targets[n % ids.Length], hostTargets[n % ids.Length], readLoss: false, profile);
    n++;
});
var lastLoss = step.Run(ids[n % ids.Length], targets[n % ids.Length], hostTargets[n % ids.Length], readLoss: true);
Console.WriteLine(timer.Result($"csharp-{(splitOps ? "split-ops" : "shards")}-t{threads}{(fullLogits ? "-full-logits" : "")}", config.Name));
Console.WriteLine($"loss {firstLoss:F4} -> {lastLoss:F4}; live tensors before/after timing {live}/{LibTorch.LiveTensors}");
profile?.Print();
foreach (var t in ids.Concat(targets))
{
    t.Dispose();
}
return 0;

int IntOption(string name, int fallback)
{
    var value = StringOption(name);
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}

string? StringOption(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
