using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ArithLab.Cli.Tests;

/// <summary>
/// ArithLab.sln (the classic format every IDE and SDK reads) and ArithLab.slnx list the same
/// projects, and every project in the repository is in them, except the TorchSharp benchmark
/// peer, which is built on demand only (benchmarks/run-train-bench.sh).
/// </summary>
public sealed partial class SolutionFilesTests
{
    // Projects kept out of the solutions on purpose, with the reason.
    private static readonly Dictionary<string, string> OutOfSolution = new()
    {
        ["benchmarks/ArithLab.TorchSharpPeer/ArithLab.TorchSharpPeer.csproj"] = "restores ~600 MB of TorchSharp only when its benchmark runs",
    };

    [Fact]
    public void Sln_and_slnx_list_the_same_projects()
    {
        var root = RepositoryRoot();
        var sln = SlnProjects(File.ReadAllText(Path.Combine(root, "ArithLab.sln")));
        var slnx = SlnxProjects(File.ReadAllText(Path.Combine(root, "ArithLab.slnx")));
        var onlySln = sln.Except(slnx).Order().ToList();
        var onlySlnx = slnx.Except(sln).Order().ToList();
        Assert.True(onlySln.Count == 0 && onlySlnx.Count == 0,
            $"ArithLab.sln and ArithLab.slnx differ. Only in ArithLab.sln: [{string.Join(", ", onlySln)}]; "
            + $"only in ArithLab.slnx: [{string.Join(", ", onlySlnx)}]. Add the project to both "
            + "(dotnet sln ArithLab.sln add PATH; dotnet sln ArithLab.slnx add PATH).");
    }

    [Fact]
    public void Every_project_in_the_repository_is_in_the_sln()
    {
        var root = RepositoryRoot();
        var sln = SlnProjects(File.ReadAllText(Path.Combine(root, "ArithLab.sln")));
        var onDisk = new[] { "src", "tests", "benchmarks" }
            .Where(d => Directory.Exists(Path.Combine(root, d)))
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Where(p => !OutOfSolution.ContainsKey(p))
            .ToHashSet();
        var missing = onDisk.Except(sln).Order().ToList();
        Assert.True(missing.Count == 0, $"projects not in ArithLab.sln: [{string.Join(", ", missing)}]");
        Assert.DoesNotContain(sln, p => OutOfSolution.ContainsKey(p));
    }

    [Fact]
    public void Reads_the_projects_of_a_classic_solution_file()
    {
        // A worked example in the format `dotnet new sln --format sln` writes: a solution folder
        // (type 2150E333…) is not a project; project paths use backslashes.
        const string text = """
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{827E0CD3-B72D-47B6-A68D-7590B98EB39B}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "ArithLab.Data", "src\Data\ArithLab.Data.csproj", "{E47BEB41-AB62-4E85-9E78-FF6D522355A0}"
            EndProject
            """;
        Assert.Equal(["src/Data/ArithLab.Data.csproj"], SlnProjects(text));
    }

    private static HashSet<string> SlnProjects(string text) =>
        SlnProjectLine().Matches(text).Select(m => m.Groups["path"].Value.Replace('\\', '/')).ToHashSet();

    private static HashSet<string> SlnxProjects(string text) =>
        XDocument.Parse(text).Descendants("Project").Select(p => ((string?)p.Attribute("Path") ?? "").Replace('\\', '/')).ToHashSet();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArithLab.sln")))
            {
                return dir.FullName;
            }
        }
        throw new FileNotFoundException("ArithLab.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "[^"]*", "(?<path>[^"]+\.[a-z]+proj)",""", RegexOptions.Multiline)]
    private static partial Regex SlnProjectLine();
}
