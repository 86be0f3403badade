using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Sweeps;

/// <summary>
/// One view of a whole sweep while it runs: a count of runs by state and a line per running run.
/// On a terminal it redraws in place every second; when the output is a file it writes a line
/// whenever a run starts or ends and the running runs' steps every 30 seconds.
/// </summary>
internal sealed class SweepProgressView : IDisposable
{
    private readonly int _total;
    private readonly int _notChosen;
    private int _waiting;
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private readonly ConcurrentDictionary<string, string> _running = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private int _done, _failed, _interrupted, _drawnLines;

    /// <param name="total">runs in the plan</param>
    /// <param name="alreadyDone">runs done before this start</param>
    /// <param name="toRun">runs this start will take (the rest of the plan is left out by --runs)</param>
    public SweepProgressView(int total, int alreadyDone, int toRun)
    {
        _total = total;
        _done = alreadyDone;
        _waiting = toRun;
        _notChosen = Math.Max(0, total - alreadyDone - toRun);
        var period = TimeSpan.FromSeconds(_interactive ? 1 : 30);
        _timer = new Timer(_ => Draw(), null, period, period);
    }

    public void Started(SweepRun run)
    {
        Interlocked.Decrement(ref _waiting);
        Update(run, "starting", $"started  {run.Name} ({run.Label}, seed {run.Seed})");
    }

    public void Progress(SweepRun run, string what) => _running[run.Name] = what;

    public void Finished(SweepRun run, SweepTaskOutcome outcome)
    {
        _running.TryRemove(run.Name, out _);
        _ = outcome.Status switch
        {
            SweepRunStatus.Done => Interlocked.Increment(ref _done),
            SweepRunStatus.Interrupted => Interlocked.Increment(ref _interrupted),
            _ => Interlocked.Increment(ref _failed),
        };
        var word = outcome.Status switch { SweepRunStatus.Done => "done    ", SweepRunStatus.Interrupted => "stopped ", _ => "FAILED  " };
        Say($"{word} {run.Name} ({run.Label}, seed {run.Seed})" + (outcome.Failure is { } f ? $": {f}" : ""));
    }

    private void Update(SweepRun run, string what, string line)
    {
        _running[run.Name] = what;
        Say(line);
    }

    private void Say(string line)
    {
        lock (_gate)
        {
            Erase();
            Console.WriteLine($"[{Elapsed()}] {line}");
            if (_interactive)
            {
                DrawLocked();
            }
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            Erase();
            DrawLocked();
        }
    }

    private void DrawLocked()
    {
        var lines = new List<string>
        {
            $"[{Elapsed()}] sweep: {_done}/{_total} done, {_running.Count} running, {_failed} failed, {_interrupted} stopped, {_waiting} waiting"
                + (_notChosen > 0 ? $", {_notChosen} not chosen (--runs)" : ""),
        };
        lines.AddRange(_running.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"    {p.Key}  {p.Value}"));
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
        _drawnLines = _interactive ? lines.Count : 0;
    }

    // On a terminal the status block is redrawn in place: move up over it and clear to the end.
    private void Erase()
    {
        if (_drawnLines > 0)
        {
            Console.Write($"\u001b[{_drawnLines}A\u001b[J");
            _drawnLines = 0;
        }
    }

    private string Elapsed() => _clock.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _timer.Dispose();
        Draw();
    }
}
