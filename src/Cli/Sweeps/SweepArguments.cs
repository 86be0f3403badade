using ArithLab.Training.Config;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Sweeps;

/// <summary>What the `sweep` commands share: their switches, and loading the sweep file they take.</summary>
internal static class SweepArguments
{
    private static readonly HashSet<string> Flags = ["help", "slurm", "dry-run", "no-requeue"];

    /// <summary>
    /// The command's arguments read again with the sweep commands' own switches (`--slurm`,
    /// `--dry-run`), which the common parser, knowing only its shared switches, would read as
    /// options taking the next word.
    /// </summary>
    public static CommandArguments Reparse(string commandName)
    {
        var all = Environment.GetCommandLineArgs();
        var words = commandName.Split(' ');
        for (var i = 0; i + words.Length <= all.Length; i++)
        {
            if (all.Skip(i).Take(words.Length).SequenceEqual(words))
            {
                return new CommandArguments(all.Skip(i + words.Length).ToArray(), Flags);
            }
        }
        throw new CommandLineException("cannot find the command's arguments");
    }

    /// <summary>The sweep file argument, loaded with every run; its problems are printed and null returned (exit code 2).</summary>
    public static SweepPlan? Load(CommandArguments args)
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
        try
        {
            return SweepPlan.Load(path);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
