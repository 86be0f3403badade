namespace ArithLab.Cli.Tests;

/// <summary>A fresh temporary folder per test for the program's files (YAMLs, runs), removed afterwards.</summary>
public abstract class CliTestFolder : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("arithlab-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
