using System.Diagnostics;
using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Training.Config;
using ArithLab.Training.Precision;

namespace ArithLab.TrainBenchmarks;

/// <summary>
/// A training step under a low-precision recipe against the same step in float32, interleaved:
/// window k of float32 steps, then window k of recipe steps, on two models with the same initial
/// weights and the same batches. Each window pair gives a time ratio measured under the same load
/// (a busy machine shifts both alike); the median ratio is the result.
/// </summary>
internal static class PrecisionBench
{
    public static int Run(BenchConfig config, string recipe, int threads, int warmup, int windows, int windowSteps)
    {
        var precision = ConfigLoader.Parse($"name: bench\nprecision:\n  format: {recipe}\n", "--precision").Precision;
        LibTorch.Threads = 1;
        LibTorch.BlasThreads = 1;
        HostMemory.RetainFreed();
        var data = TrainBatches.Generate(BenchConfig.Digits, BenchConfig.BatchSize, count: 16, seed: 1);
        var ids = data.Items.Select(b => Tensor.From(b.Ids, BenchConfig.BatchSize, b.Width)).ToArray();
        var targets = data.Items.Select(b => Tensor.From(b.Targets, BenchConfig.BatchSize, b.Width)).ToArray();
        var hostTargets = data.Items.Select(b => b.Targets).ToArray();
        LibTorch.ManualSeed(1);
        using var plainModel = new Transformer(config.Model(data.VocabSize));
        LibTorch.ManualSeed(1);
        using var lowModel = new Transformer(config.Model(data.VocabSize));
        using var policy = (LowPrecisionTraining)PrecisionPolicies.Create(precision, Device.Cpu);
        var plain = new TrainStep(plainModel, learningRate: 1e-3, weightDecay: 0.1, clip: 1.0, threads, fullLogits: false);
        var low = new TrainStep(lowModel, learningRate: 1e-3, weightDecay: 0.1, clip: 1.0, threads, fullLogits: false, policy);
        Console.WriteLine($"C# ArithLab: config {config.Name} (layers {config.Layers}, d_model {config.DModel}), batch {BenchConfig.BatchSize}, " +
                          $"{threads} batch shard(s) of one thread; float32 against {policy.Description}; {windows} interleaved windows of {windowSteps} steps");

        var n = 0;
        double Step(TrainStep step, bool read) => step.Run(ids[n % ids.Length], targets[n % ids.Length], hostTargets[n % ids.Length], read);
        var (plainFirst, lowFirst) = (Step(plain, true), Step(low, true));
        for (var i = 1; i < warmup; i++, n++)
        {
            Step(plain, false);
            Step(low, false);
        }
        var live = LibTorch.LiveTensors;
        // Wall-clock seconds and this process's CPU seconds per step; on a busy machine the second is steadier.
        var (plainWall, lowWall, plainCpu, lowCpu) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var w = 0; w < windows; w++)
        {
            var start = n;
            var (wall, cpu) = Time(() => Step(plain, false), windowSteps, ref n);
            plainWall.Add(wall);
            plainCpu.Add(cpu);
            n = start;                                   // the recipe's window takes the same batches
            (wall, cpu) = Time(() => Step(low, false), windowSteps, ref n);
            lowWall.Add(wall);
            lowCpu.Add(cpu);
            Console.WriteLine($"  window {w + 1}: float32 {plainWall[^1] * 1e3:F1} ms/step ({plainCpu[^1] * 1e3:F1} CPU-ms), " +
                              $"{recipe} {lowWall[^1] * 1e3:F1} ms/step ({lowCpu[^1] * 1e3:F1} CPU-ms), ratio {lowWall[^1] / plainWall[^1]:F3} (CPU {lowCpu[^1] / plainCpu[^1]:F3})");
        }
        var wallRatios = plainWall.Zip(lowWall, (p, l) => l / p).ToList();
        var cpuRatios = plainCpu.Zip(lowCpu, (p, l) => l / p).ToList();
        var (plainLast, lowLast) = (Step(plain, true), Step(low, true));
        Console.WriteLine($"RESULT precision {config.Name} {recipe} float32-ms/step {Median(plainWall) * 1e3:F2} {recipe}-ms/step {Median(lowWall) * 1e3:F2} " +
                          $"median-ratio {Median(wallRatios):F3} min-ratio {wallRatios.Min():F3} max-ratio {wallRatios.Max():F3} " +
                          $"float32-CPU-ms/step {Median(plainCpu) * 1e3:F2} {recipe}-CPU-ms/step {Median(lowCpu) * 1e3:F2} median-CPU-ratio {Median(cpuRatios):F3} " +
                          $"min-CPU-ratio {cpuRatios.Min():F3} max-CPU-ratio {cpuRatios.Max():F3}");
        Console.WriteLine($"loss float32 {plainFirst:F4} -> {plainLast:F4}, {recipe} {lowFirst:F4} -> {lowLast:F4}; live tensors before/after timing {live}/{LibTorch.LiveTensors}");
        foreach (var t in ids.Concat(targets))
        {
            t.Dispose();
        }
        return 0;
    }

    private static (double Wall, double Cpu) Time(Action step, int steps, ref int n)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++, n++)
        {
            step();
        }
        var wall = watch.Elapsed.TotalSeconds / steps;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu0).TotalSeconds / steps);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
