using System.Diagnostics;

namespace ArithLab.Cli.Tests;

/// <summary>
/// A real one-node Slurm cluster for the tests (munged, slurmctld, slurmd on localhost), started
/// by scripts/slurm-start.sh in a temporary folder and stopped by scripts/slurm-stop.sh, which ends
/// each daemon by its own pid. If it cannot start, the tests fail with the script's output and the
/// daemons' logs; they never skip.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    // Ports apart from the scripts' defaults, so a cluster a researcher has running is left alone.
    private const string ControllerPort = "16917";
    private const string NodePort = "16918";

    public SlurmCluster()
    {
        Folder = Directory.CreateTempSubdirectory("arithlab-slurm-").FullName;
        var start = Script("slurm-start.sh");
        if (start.ExitCode != 0)
        {
            Script("slurm-stop.sh");
            throw new InvalidOperationException($"the test Slurm cluster did not start (scripts/slurm-start.sh exit code {start.ExitCode}):\n{start.Output}");
        }
        ConfigPath = Path.Combine(Folder, "slurm.conf");
        // sbatch, squeue and scancel, run by the program and by the tests, find the cluster through it.
        Environment.SetEnvironmentVariable("SLURM_CONF", ConfigPath);
    }

    public string Folder { get; }

    public string ConfigPath { get; }

    /// <summary>Runs a Slurm command (squeue, scancel, ...) against the cluster; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Command(string name, params string[] args) => Command(name, args, new Dictionary<string, string>());

    private static (int ExitCode, string Output) Command(string name, IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Waits until none of the job's array tasks is pending or running.</summary>
    public void WaitForJob(string job, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var (code, output) = Command("squeue", "-h", "-j", job, "-o", "%i %t");
            if (code == 0 && output.Trim().Length == 0)
            {
                return;
            }
            Thread.Sleep(500);
        }
        throw new TimeoutException($"job {job} still queued after {timeout}: {Command("squeue", "-j", job).Output}\n{Logs()}");
    }

    /// <summary>The end of the daemons' logs, for failure messages.</summary>
    public string Logs() => string.Join("\n", new[] { "slurmctld.log", "slurmd.log" }
        .Select(f => Path.Combine(Folder, f)).Where(File.Exists)
        .Select(f => $"---- {f}\n" + string.Join("\n", File.ReadLines(f).TakeLast(30))));

    public void Dispose()
    {
        var stop = Script("slurm-stop.sh");
        Environment.SetEnvironmentVariable("SLURM_CONF", null);
        if (stop.ExitCode == 0)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private (int ExitCode, string Output) Script(string name) =>
        Command("bash", [Path.Combine(RepositoryRoot(), "scripts", name), Folder],
            new Dictionary<string, string> { ["ARITHLAB_SLURMCTLD_PORT"] = ControllerPort, ["ARITHLAB_SLURMD_PORT"] = NodePort });

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "slurm-start.sh")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("scripts/slurm-start.sh not found above " + AppContext.BaseDirectory);
    }
}
