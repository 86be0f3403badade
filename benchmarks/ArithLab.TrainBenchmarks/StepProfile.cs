using System.Diagnostics;

namespace ArithLab.TrainBenchmarks;

/// <summary>Wall time per <see cref="StepPhase"/>, summed over steps, and tensors made per step.</summary>
internal sealed class StepProfile
{
    private readonly double[] _seconds = new double[Enum.GetValues<StepPhase>().Length];
    private long _last;
    private long _tensors;
    private int _steps;

    public void Start() => _last = Stopwatch.GetTimestamp();

    public void Lap(StepPhase phase)
    {
        var now = Stopwatch.GetTimestamp();
        _seconds[(int)phase] += (now - _last) / (double)Stopwatch.Frequency;
        _last = now;
    }

    public void CountTensors(int count)
    {
        _tensors += count;
        _steps++;
    }

    public void Print()
    {
        var total = _seconds.Sum();
        Console.WriteLine($"profile over {_steps} steps: {total / _steps * 1e3:F2} ms/step, {_tensors / (double)_steps:F0} tensors made per step");
        foreach (var phase in Enum.GetValues<StepPhase>())
        {
            var s = _seconds[(int)phase];
            Console.WriteLine($"  {phase,-10} {s / _steps * 1e3,8:F3} ms  {100 * s / total,5:F1} %");
        }
    }
}
