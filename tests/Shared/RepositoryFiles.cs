namespace ArithLab.Tests;

/// <summary>Files of the repository (docs, examples) found by walking up from the test binaries; compiled into each test project that reads them.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArithLab.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("no ArithLab.slnx above " + AppContext.BaseDirectory);
    }
}
