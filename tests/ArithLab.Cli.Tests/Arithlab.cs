using System.Diagnostics;

namespace ArithLab.Cli.Tests;

/// <summary>What one run of the `arithlab` program printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the real `arithlab` program (arithlab.dll, copied next to the tests) in a child process,
/// so exit codes, standard streams and signals are tested as a user meets them.
/// </summary>
internal static class Arithlab
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "arithlab.dll");

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, unprivileged: false, args);

    /// <summary>
    /// Runs the program; <paramref name="unprivileged"/> runs it as a user without write access to
    /// folders made read-only (root ignores file permissions, so under root it runs as nobody).
    /// </summary>
    public static CliResult Run(string workingDirectory, bool unprivileged, params string[] args)
    {
        using var process = Start(workingDirectory, args, unprivileged);
        // Read both streams at once: a child blocked on a full stderr pipe never exits.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"arithlab {string.Join(' ', args)} ran over 2 minutes");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(string workingDirectory, IEnumerable<string> args, bool unprivileged = false)
    {
        var asNobody = unprivileged && Environment.UserName == "root";
        var info = new ProcessStartInfo(asNobody ? "setpriv" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" })
            {
                info.ArgumentList.Add(a);
            }
            info.Environment["HOME"] = Path.GetTempPath();
            info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Sends a signal by name (INT, TERM) with kill(1).</summary>
    public static void Signal(Process process, string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

/// <summary>Kills a child that is still running when a test ends, pass or fail.</summary>
internal sealed class KillOnDispose(Process process) : IDisposable
{
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
}
