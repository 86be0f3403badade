namespace ArithLab.Cli.Tests.Corpus;

/// <summary>
/// One bad input: how to set it up (returning the program's arguments), the exit code it must get and
/// words its message must contain. <see cref="Works"/> marks an input the program now handles (a
/// fallback, a merge key): it must succeed, and may write its run.
/// </summary>
public sealed record BadInputCase(string Name, Func<CaseFolder, string[]> Setup, int ExitCode, string Message)
{
    public bool Works => ExitCode == 0;

    public override string ToString() => Name;
}
