using System.Diagnostics;

namespace ArithLab.Training.Tests;

/// <summary>
/// The Python the lab's interop tests and docs use: <c>$ARITHLAB_PYTHON</c> if set, else Debian's
/// <c>/usr/bin/python3</c> (where scripts/setup.sh installs python3-torch), else the first
/// <c>python3</c> on PATH — the first of them that imports torch.
/// </summary>
internal static class PythonWithTorch
{
    private static readonly Lazy<(string? Path, string Reason)> Found = new(Find);

    /// <summary>The interpreter, or null when none of the candidates imports torch.</summary>
    public static string? Path => Found.Value.Path;

    /// <summary>Why there is none: every candidate tried and what it said.</summary>
    public static string Reason => Found.Value.Reason;

    /// <summary>Runs a script with the interpreter; returns exit code and both streams.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(Reason)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static (string?, string) Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("ARITHLAB_PYTHON"), "/usr/bin/python3", "python3" }
            .Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        var tried = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                var start = new ProcessStartInfo(candidate!, ["-c", "import torch"]) { RedirectStandardError = true, UseShellExecute = false };
                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode == 0)
                {
                    return (candidate, "");
                }
                tried.Add($"{candidate}: {error.Trim().Split('\n')[^1]}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{candidate}: {e.Message}");
            }
        }
        return (null, "no Python with torch ($ARITHLAB_PYTHON, /usr/bin/python3, python3 on PATH): " + string.Join("; ", tried)
            + ". Install it with apt-get install python3-torch or point ARITHLAB_PYTHON at one.");
    }
}

/// <summary>A fact that is skipped, with the reason, where no Python with torch is found.</summary>
internal sealed class PythonTorchFactAttribute : FactAttribute
{
    public PythonTorchFactAttribute()
    {
        if (PythonWithTorch.Path is null)
        {
            Skip = PythonWithTorch.Reason;
        }
    }
}
