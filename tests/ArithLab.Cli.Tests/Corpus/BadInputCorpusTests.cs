namespace ArithLab.Cli.Tests.Corpus;

/// <summary>
/// Every case of <see cref="BadInputCases"/> runs the real `arithlab` program: the documented exit
/// code, a message naming the problem, no stack trace, and (for refusals) no change to any file of
/// the case's folder, its run copies included.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class BadInputCorpusTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    public static TheoryData<string> Names => new(BadInputCases.All.Select(c => c.Name));

    [Fact]
    public void TheCorpusHasAtLeast60Cases() => Assert.True(BadInputCases.All.Count >= 60, $"{BadInputCases.All.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public void BadInputGetsItsExitCodeAndMessage(string name)
    {
        var @case = BadInputCases.All.Single(c => c.Name == name);
        using var folder = new CaseFolder(fixture);
        var args = @case.Setup(folder);
        var before = RunFiles.Snapshot(folder.Path);

        var result = Arithlab.Run(folder.Path, folder.Unprivileged, args);

        var output = result.Stderr + result.Stdout;
        Assert.True(result.ExitCode == @case.ExitCode, $"exit code {result.ExitCode}, expected {@case.ExitCode}: {Head(output)}");
        Assert.Contains(@case.Message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        if (!@case.Works)
        {
            RunFiles.AssertUnchanged(before, folder.Path);
        }
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000] + "...";
}
