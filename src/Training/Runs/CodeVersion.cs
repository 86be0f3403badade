using System.Diagnostics;
using System.Reflection;
using ArithLab.Torch;

namespace ArithLab.Training.Runs;

/// <summary>What code produced a run: `git describe` of the working tree when there is one, else the assembly version; plus libtorch's version.</summary>
public static class CodeVersion
{
    public static string Describe()
    {
        var code = GitDescribe() ?? "assembly " + (typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                                                   ?? typeof(CodeVersion).Assembly.GetName().Version?.ToString() ?? "unknown");
        return $"{code}; libtorch {LibTorch.Version}";
    }

    private static string? GitDescribe()
    {
        try
        {
            var start = new ProcessStartInfo("git", "describe --always --dirty --tags")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            if (!process.WaitForExit(5000) || process.ExitCode != 0 || output.Length == 0)
            {
                return null;
            }
            return "git " + output;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
