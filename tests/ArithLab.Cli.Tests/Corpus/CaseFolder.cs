using System.Text;

namespace ArithLab.Cli.Tests.Corpus;

/// <summary>The workspace of one corpus case: its own folder, copies of the trained run, files it writes, locks it holds.</summary>
public sealed class CaseFolder : IDisposable
{
    private readonly TrainedRunFixture _fixture;
    private readonly List<IDisposable> _held = [];

    public CaseFolder(TrainedRunFixture fixture)
    {
        _fixture = fixture;
        Path = Directory.CreateTempSubdirectory("arithlab-corpus-").FullName;
        // Traversable by the unprivileged user the read-only cases run as (see Arithlab.RunUnprivileged).
        SetMode(Path, (UnixFileMode)0b111_101_101);
    }

    public string Path { get; }

    /// <summary>Set by a case whose folders must be read-only: the program then runs as a user who cannot write them.</summary>
    public bool Unprivileged { get; set; }

    /// <summary>A copy of the trained run, named <paramref name="name"/>.</summary>
    public string Run(string name = "run")
    {
        var target = Combine(name);
        Copy(_fixture.RunPath, target);
        return target;
    }

    /// <summary>The tiny experiment YAML with one piece of text replaced (or as is).</summary>
    public string Yaml(string? find = null, string? replace = null, string name = "exp.yaml")
    {
        var text = TrainedRunFixture.TinyYaml;
        if (find is not null)
        {
            Assert.Contains(find, text, StringComparison.Ordinal);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        return Write(name, text);
    }

    public string Write(string name, string text)
    {
        var path = Combine(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Keeps something (a lock) until the case has run.</summary>
    public void Hold(IDisposable held) => _held.Add(held);

    /// <summary>Removes every write permission under a folder (and the folder itself), and runs the program unprivileged.</summary>
    public void MakeReadOnly(string folder)
    {
        Unprivileged = true;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            SetMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        foreach (var dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            SetMode(dir, (UnixFileMode)0b101_101_101);
        }
    }

    public void Dispose()
    {
        foreach (var held in _held)
        {
            held.Dispose();
        }
        foreach (var dir in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories))
        {
            SetMode(dir, (UnixFileMode)0b111_101_101);
        }
        Directory.Delete(Path, recursive: true);
    }

    // File modes are POSIX; the lab's tests run on Linux.
    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }
}
