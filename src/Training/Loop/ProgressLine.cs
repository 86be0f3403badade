using System.Globalization;

namespace ArithLab.Training.Loop;

/// <summary>
/// The terminal's view of training. On a terminal, one status line rewritten in place with a carriage
/// return (at most a few times a second); when output is redirected to a file or pipe, a plain line
/// per logged step instead, so logs stay readable.
/// </summary>
public sealed class ProgressLine
{
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly bool _enabled;
    private long _lastDraw;
    private int _lastLength;

    public ProgressLine(TextWriter writer, bool enabled, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _enabled = enabled;
        _interactive = interactive;
    }

    /// <summary>A progress line on the console: interactive unless standard output is redirected.</summary>
    public static ProgressLine ForConsole(bool enabled) => new(Console.Out, enabled, interactive: !Console.IsOutputRedirected);

    /// <summary>Called every step; draws on a terminal (throttled), or writes a line on logged steps when redirected.</summary>
    public void Update(long step, long total, double loss, double exactMatch, double tokensPerSecond, TimeSpan eta, bool logged)
    {
        if (!_enabled)
        {
            return;
        }
        var text = string.Create(CultureInfo.InvariantCulture,
            $"step {step}/{total}  loss {loss:0.0000}  acc {exactMatch:0.000}  tok/s {Compact(tokensPerSecond)}  ETA {Duration(eta)}");
        if (_interactive)
        {
            var now = Environment.TickCount64;
            if (!logged && step != total && now - _lastDraw < 200)
            {
                return;
            }
            _lastDraw = now;
            _writer.Write('\r' + text.PadRight(_lastLength));
            _lastLength = text.Length;
            _writer.Flush();
        }
        else if (logged)
        {
            _writer.WriteLine(text);
        }
    }

    /// <summary>A message on its own line (ends the in-place line first).</summary>
    public void Message(string message)
    {
        if (_interactive && _lastLength > 0)
        {
            _writer.WriteLine();
            _lastLength = 0;
        }
        _writer.WriteLine(message);
    }

    /// <summary>Ends the in-place line.</summary>
    public void Finish()
    {
        if (_interactive && _lastLength > 0)
        {
            _writer.WriteLine();
            _lastLength = 0;
        }
    }

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.Seconds}s";

    private static string Compact(double value) => value >= 1e6
        ? (value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M"
        : value >= 1e3 ? (value / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + "k" : value.ToString("0", CultureInfo.InvariantCulture);
}
