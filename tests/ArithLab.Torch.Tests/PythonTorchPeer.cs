using System.Diagnostics;

namespace ArithLab.Torch.Tests;

/// <summary>
/// Runs the scripts of python/ with Debian's /usr/bin/python3 and its PyTorch, the
/// independent reference for optimizer and safetensors tests.
/// </summary>
public static class PythonTorchPeer
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly Lazy<string?> s_unavailableReason = new(FindUnavailableReason);

    /// <summary>Why python3 with torch cannot be used here, or null when it can.</summary>
    public static string? UnavailableReason => s_unavailableReason.Value;

    public static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "python", name);

    /// <summary>Runs a script of python/ with arguments and stdin; returns stdout, failing the test on a nonzero exit.</summary>
    public static string Run(string script, string stdin, params string[] arguments)
    {
        var info = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ScriptPath(script));
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Interpreter}");
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        process.WaitForExit();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{script} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stderr}\n{stdout}");
        }
        return stdout;
    }

    private static string? FindUnavailableReason()
    {
        if (!File.Exists(Interpreter))
        {
            return $"{Interpreter} is absent";
        }
        try
        {
            var info = new ProcessStartInfo(Interpreter, "-c \"import torch\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{Interpreter} has no torch (install python3-torch)";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{Interpreter} cannot run: {e.Message}";
        }
    }
}

/// <summary>A fact that is skipped, with the reason shown, where python3 with torch is missing.</summary>
public sealed class PythonTorchFactAttribute : FactAttribute
{
    public PythonTorchFactAttribute()
    {
        if (PythonTorchPeer.UnavailableReason is { } reason)
        {
            Skip = "needs PyTorch as the reference: " + reason;
        }
    }
}
