namespace ArithLab.Cli;

/// <summary>
/// What `arithlab` returns, one meaning per code (docs/training.md has the table). A script or a
/// sweep can tell "fix your input" (2) from "try again later" (4) from "the machine refused" (5).
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad input: usage, a config, a run directory or a checkpoint that cannot be used as given.</summary>
    public const int BadInput = 2;

    /// <summary>Training stopped on a NaN or Inf; the last good checkpoint is kept.</summary>
    public const int Diverged = 3;

    /// <summary>The run directory is locked by another arithlab process (a training, or an eval or plot).</summary>
    public const int Busy = 4;

    /// <summary>The machine refused: a read-only folder, a full disk, not enough memory.</summary>
    public const int Environment = 5;

    /// <summary>A fault in arithlab itself: one line, the stack trace with ARITHLAB_DEBUG=1.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl-C or SIGTERM after a checkpoint (128 + SIGINT, as a shell reports it).</summary>
    public const int Interrupted = 130;
}
