namespace ArithLab.Training.Tests.Units;

/// <summary>Cancels when the progress output reaches a line, as Ctrl-C or SIGTERM would mid-run.</summary>
internal sealed class StopAfter(string marker, CancellationTokenSource stop) : StringWriter
{
    public override void WriteLine(string? value)
    {
        if (value?.Contains(marker, StringComparison.Ordinal) == true)
        {
            stop.Cancel();
        }
    }
}
