namespace ArithLab.Cli.Commands;

/// <summary>The `arithlab sweep` commands, registered together.</summary>
internal static class SweepCommands
{
    public static ICommand[] All { get; } = [new SweepPlanCommand(), new SweepRunCommand(), new SweepStatusCommand(), new SweepCollectCommand()];
}
