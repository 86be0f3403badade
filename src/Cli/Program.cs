using ArithLab.Cli;
using ArithLab.Cli.Commands;

// The `arithlab` command: picks the command whose words match the most leading arguments.
ICommand[] commands =
[
    new DemoCommand(),
    new DataPreviewCommand(),
    new ConfigExplainCommand(),
    new ConfigCheckCommand(),
    new TrainCommand(),
    new EvalCommand(),
    new PlotCommand(),
    new CompareCommand(),
    new ProbeCommand(),
    new PrecisionShowCommand(),
    new PrecisionQuantizeCommand(),
    new UnitsCommand(),
    .. SweepCommands.All,
];

return CommandRunner.Run(commands, args);
