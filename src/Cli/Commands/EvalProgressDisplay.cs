using ArithLab.Training.Evaluation;

namespace ArithLab.Cli.Commands;

/// <summary>
/// One status line on stderr, rewritten in place: sets done / total, the set in hand, elapsed and ETA.
/// When stderr is redirected (a log file, a batch job) it prints a line every tenth of the way (and every 10 s) instead.
/// </summary>
internal sealed class EvalProgressDisplay : IProgress<EvalProgress>
{
    private int _lastDecile = -1;
    private TimeSpan _lastPrinted;
    private bool _lineOpen;

    public void Report(EvalProgress value)
    {
        var eta = value.Eta is { } e ? Clock(e) : "?";
        var line = $"cells {value.Done}/{value.Total}  {value.Current}  elapsed {Clock(value.Elapsed)}  eta {eta}";
        if (!Console.IsErrorRedirected)
        {
            // Carriage return, the line, then erase to the end of the line (ANSI EL) for when the new line is shorter.
            Console.Error.Write("\r" + line + "\x1b[K");
            _lineOpen = true;
            if (value.Done == value.Total)
            {
                EndLine();
            }
            return;
        }
        var decile = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
        // Every tenth of the way, and at least every 10 s inside a long cell.
        if (decile != _lastDecile || value.Elapsed - _lastPrinted >= TimeSpan.FromSeconds(10))
        {
            _lastDecile = decile;
            _lastPrinted = value.Elapsed;
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Ends a status line left open (an evaluation stopped part-way), so what follows starts on its own line.</summary>
    public void EndLine()
    {
        if (_lineOpen)
        {
            Console.Error.WriteLine();
            _lineOpen = false;
        }
    }

    private static string Clock(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
