using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Runs;

namespace ArithLab.Cli;

/// <summary>
/// Dispatches arguments to commands, and turns every failure into one message and an exit code
/// (<see cref="ExitCodes"/>): a user never sees a stack trace unless ARITHLAB_DEBUG=1 asks for it.
/// </summary>
internal static class CommandRunner
{
    public static int Run(IReadOnlyList<ICommand> commands, string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintUsage(commands);
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }
        var match = commands
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(c => c.Words.Length <= args.Length && c.Words.SequenceEqual(args.Take(c.Words.Length)))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (match.Command is null && args.Skip(1).FirstOrDefault() is "--help" or "-h" or "help"
            && commands.Where(c => c.Name.StartsWith(args[0] + " ", StringComparison.Ordinal)).ToList() is { Count: > 0 } group)
        {
            // `arithlab data --help`: the commands of that group.
            PrintUsage(group);
            return ExitCodes.Ok;
        }
        if (match.Command is null)
        {
            var attempted = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
            var closest = ClosestName.Find(attempted, commands.Select(c => c.Name));
            Console.Error.WriteLine($"arithlab: unknown command '{attempted}'" + (closest is null ? "" : $"; did you mean '{closest}'?"));
            PrintUsage(commands);
            return ExitCodes.BadInput;
        }
        try
        {
            var rest = args.Skip(match.Words.Length).ToArray();
            var parsed = new CommandArguments(rest, new HashSet<string> { "help", "json", "resume", "force", "spaces", "finished-only", "slurm", "dry-run", "no-requeue" });
            if (parsed.Help)
            {
                Console.WriteLine(match.Command.Help);
                return ExitCodes.Ok;
            }
            return match.Command.Run(parsed);
        }
        catch (Exception e)
        {
            var (code, message) = Explain(e);
            Console.Error.WriteLine($"arithlab {match.Command.Name}: {message}");
            if (e is CommandLineException)
            {
                Console.Error.WriteLine($"see 'arithlab {match.Command.Name} --help'");
            }
            else if (Environment.GetEnvironmentVariable("ARITHLAB_DEBUG") is "1")
            {
                Console.Error.WriteLine(e);
            }
            return code;
        }
    }

    /// <summary>
    /// The exit code and one-line message of a failure: the one map from the lab's exceptions to
    /// exit codes. Commands do not catch to choose a code; they throw, and this says what it means.
    /// </summary>
    internal static (int Code, string Message) Explain(Exception e) => e switch
    {
        CommandLineException or ConfigException or CheckpointDamagedException or InputRefusedException => (ExitCodes.BadInput, e.Message),
        // The lab throws it for a combination it does not support (a FoNE looped model, positions FoNE cannot read).
        NotSupportedException => (ExitCodes.BadInput, e.Message),
        RunLockedException => (ExitCodes.Busy, e.Message),
        UnauthorizedAccessException => (ExitCodes.Environment, $"permission denied: {e.Message} (is the folder read-only?)"),
        PathTooLongException => (ExitCodes.BadInput, $"path too long: {e.Message}"),
        DirectoryNotFoundException or FileNotFoundException => (ExitCodes.BadInput, e.Message),
        InsufficientMemoryException or OutOfMemoryException => (ExitCodes.Environment, $"not enough memory: {e.Message}"),
        IOException when IsDiskFull(e) => (ExitCodes.Environment, $"the disk is full: {e.Message}"),
        IOException => (ExitCodes.Environment, $"cannot read or write a file: {e.Message}"),
        InvalidDataException or SafetensorsFormatException or StateDictException or FormatException or System.Text.Json.JsonException
            => (ExitCodes.BadInput, $"a file is corrupt: {e.Message}"),
        TorchException => (ExitCodes.BadInput, $"libtorch refused: {e.Message}"),
        _ => (ExitCodes.InternalError, $"internal error ({e.GetType().Name}): {e.Message}; rerun with ARITHLAB_DEBUG=1 for the stack trace and please report it"),
    };

    // ENOSPC (28) and EDQUOT (122) on Linux; .NET keeps the OS message.
    private static bool IsDiskFull(Exception e) =>
        e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("quota", StringComparison.OrdinalIgnoreCase);

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
