namespace ArithLab.Cli;

/// <summary>Dispatches arguments to commands and turns usage errors into exit code 2.</summary>
internal static class CommandRunner
{
    public static int Run(IReadOnlyList<ICommand> commands, string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintUsage(commands);
            return args.Length == 0 ? 2 : 0;
        }
        var match = commands
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(c => c.Words.Length <= args.Length && c.Words.SequenceEqual(args.Take(c.Words.Length)))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (match.Command is null)
        {
            var attempted = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
            var closest = Closest.Match(attempted, commands.Select(c => c.Name));
            Console.Error.WriteLine($"arithlab: unknown command '{attempted}'" + (closest is null ? "" : $"; did you mean '{closest}'?"));
            PrintUsage(commands);
            return 2;
        }
        try
        {
            var rest = args.Skip(match.Words.Length).ToArray();
            var parsed = new CommandArguments(rest, new HashSet<string> { "help", "json", "resume", "force", "slurm", "dry-run", "no-requeue" });
            if (parsed.Help)
            {
                Console.WriteLine(match.Command.Help);
                return 0;
            }
            return match.Command.Run(parsed);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine($"arithlab {match.Command.Name}: {e.Message}");
            Console.Error.WriteLine($"see 'arithlab {match.Command.Name} --help'");
            return 2;
        }
    }

    private static void PrintUsage(IReadOnlyList<ICommand> commands)
    {
        Console.WriteLine("usage: arithlab <command> [options]   (arithlab <command> --help for details)");
        Console.WriteLine();
        var width = commands.Max(c => c.Name.Length);
        foreach (var c in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {c.Name.PadRight(width)}  {c.Summary}");
        }
    }
}
