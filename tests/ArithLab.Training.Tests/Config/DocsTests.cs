using System.Text.RegularExpressions;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

public sealed partial class DocsTests
{
    private static string ReadDocs()
    {
        // Walk up from the test binaries to the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "config.md");
            if (File.Exists(Path.Combine(dir.FullName, "ArithLab.slnx")) && File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }
        throw new FileNotFoundException("docs/config.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [Fact]
    public void Every_yaml_example_in_the_docs_loads()
    {
        var blocks = YamlBlock().Matches(ReadDocs()).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 8, $"only {blocks.Count} examples");
        Assert.All(blocks, yaml => ConfigLoader.Parse(yaml, "docs/config.md"));
    }

    [Fact]
    public void The_key_table_in_the_docs_is_current()
    {
        var docs = ReadDocs();
        Assert.EndsWith(ConfigExplanation.Markdown(ConfigKeys.All), docs, StringComparison.Ordinal);
    }
}
