using ArithLab.Training.Config;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Sweeps;

/// <summary>What the `sweep` commands share: loading the sweep file they take.</summary>
internal static class SweepArguments
{
    /// <summary>The sweep file argument, loaded with every run; its problems are a <see cref="ConfigException"/>.</summary>
    public static SweepPlan Load(CommandArguments args)
    {
        if (args.Positionals.Count != 1)
        {
            throw new CommandLineException("expected one sweep YAML file");
        }
        var path = args.Positionals[0];
        if (!File.Exists(path))
        {
            throw new CommandLineException($"no such file: {path}");
        }
        return SweepPlan.Load(path);
    }
}
