using System.Diagnostics;

namespace ArithLab.Cli.Sweeps;

/// <summary>
/// How to start this `arithlab` program again as a child: the same host (dotnet, or the published
/// executable) and assembly, so a sweep's runs go through the real `train` and `eval` commands.
/// </summary>
internal static class SelfProcess
{
    /// <summary>The command line that starts the program, before its arguments.</summary>
    public static IReadOnlyList<string> Command { get; } = Find();

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in Command.Skip(1).Concat(args))
        {
            info.ArgumentList.Add(a);
        }
        return info;
    }

    private static string[] Find()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(SelfProcess).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, assembly] : [host];
    }

    /// <summary>Sends SIGTERM (train's checkpoint-and-stop signal) with kill(1); .NET has no call for it.</summary>
    public static void Terminate(Process process)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
