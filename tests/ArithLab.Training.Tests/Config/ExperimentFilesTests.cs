using System.Text.RegularExpressions;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

/// <summary>The paper setups in experiments/ load, and so do the paper-sized overrides their headers give.</summary>
public sealed partial class ExperimentFilesTests
{
    private static string ExperimentsFolder()
    {
        // Walk up from the test binaries to the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "experiments");
            if (File.Exists(Path.Combine(dir.FullName, "ArithLab.slnx")) && Directory.Exists(path))
            {
                return path;
            }
        }
        throw new DirectoryNotFoundException("experiments/ not found above " + AppContext.BaseDirectory);
    }

    private static string[] Files() => Directory.GetFiles(ExperimentsFolder(), "*.yaml").Order(StringComparer.Ordinal).ToArray();

    // `--set key=value` or `--set 'key={...}'` in a comment line.
    [GeneratedRegex(@"--set\s+(?:'([^']*)'|(\S+))")]
    private static partial Regex SetOption();

    [Fact]
    public void Every_experiment_file_loads_and_is_named_after_its_file()
    {
        var files = Files();
        Assert.True(files.Length >= 8, $"only {files.Length} experiment files");
        Assert.All(files, path => Assert.Equal(Path.GetFileNameWithoutExtension(path), ConfigLoader.Load(path).Name));
    }

    [Fact]
    public void The_paper_sized_overrides_in_each_header_load()
    {
        var problems = new List<string>();
        foreach (var path in Files())
        {
            var comments = File.ReadLines(path).Where(line => line.TrimStart().StartsWith('#'));
            var overrides = comments
                .SelectMany(line => SetOption().Matches(line))
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .ToList();
            try
            {
                ConfigLoader.Load(path, overrides);
            }
            catch (ConfigException e)
            {
                problems.Add(Path.GetFileName(path) + ": " + e.Message);
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
