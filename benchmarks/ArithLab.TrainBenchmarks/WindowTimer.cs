using System.Diagnostics;

namespace ArithLab.TrainBenchmarks;

/// <summary>
/// Times training steps in windows of equal length and reports the median window, in wall-clock
/// steps/s and in steps per CPU-second of this process (the second is steadier on a busy machine).
/// The TorchSharp peer compiles this same file, so every engine is timed the same way.
/// </summary>
internal sealed class WindowTimer(int windows, int windowSteps, double tokensPerStep)
{
    private readonly List<double> _rates = [];
    private readonly List<double> _cpuRates = [];

    public double MedianRate => Median(_rates);

    /// <summary>Runs <paramref name="step"/> windows × windowSteps times, printing each window's rate.</summary>
    public void Run(Action step)
    {
        var process = Process.GetCurrentProcess();
        for (var w = 0; w < windows; w++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < windowSteps; i++)
            {
                step();
            }
            watch.Stop();
            process.Refresh();
            _rates.Add(windowSteps / watch.Elapsed.TotalSeconds);
            _cpuRates.Add(windowSteps / (process.TotalProcessorTime - cpu0).TotalSeconds);
            Console.WriteLine($"  window {w + 1}: {_rates[^1],7:F2} steps/s  {_rates[^1] * tokensPerStep,9:F0} tokens/s  {_cpuRates[^1],7:F2} steps/CPU-s");
        }
    }

    /// <summary>"RESULT name config steps/s … tokens/s … steps/CPU-s … best-steps/s …", the line run-train-bench.sh readers grep for.</summary>
    public string Result(string name, string config) =>
        $"RESULT {name} {config} steps/s {MedianRate:F2} tokens/s {MedianRate * tokensPerStep:F0} " +
        $"steps/CPU-s {Median(_cpuRates):F2} best-steps/s {_rates.Max():F2}";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
