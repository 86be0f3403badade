using System.Text.RegularExpressions;
using ArithLab.Tests;

namespace ArithLab.Cli.Tests;

/// <summary>README's list of papers: every experiment file named, every paper's BibTeX in docs/papers.bib.</summary>
public sealed partial class ReadmePapersTests
{
    private static readonly string Papers = Section(RepositoryFiles.Read("README.md"), "## The papers");

    [Fact]
    public void EveryExperimentFileIsNamedInThePaperTable()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf("experiments"), "*.yaml").Select(Path.GetFileName);

        Assert.All(files, f => Assert.Contains($"`{f}`", Papers, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryLinkedPaperHasItsBibTeX()
    {
        var bib = RepositoryFiles.Read("docs/papers.bib");
        var linked = ArxivLink().Matches(Papers).Select(m => m.Groups[1].Value).ToList();

        Assert.True(linked.Count >= 6, $"only {linked.Count} papers linked");
        Assert.All(linked, id => Assert.Contains($"eprint        = {{{id}}}", bib, StringComparison.Ordinal));
        Assert.Equal(linked.Count, Regex.Count(bib, "^@", RegexOptions.Multiline));
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{heading}'");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [GeneratedRegex(@"\(https://arxiv\.org/abs/(\d{4}\.\d{5})\)")]
    private static partial Regex ArxivLink();
}
