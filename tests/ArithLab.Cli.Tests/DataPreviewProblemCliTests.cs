using System.Text.Json;

namespace ArithLab.Cli.Tests;

/// <summary>`arithlab data preview --problem`: exactly the given problems, and clear errors.</summary>
[Collection(CliCollection.Name)]
public sealed class DataPreviewProblemCliTests : CliTestFolder
{
    [Fact]
    public void TextOutputQuotesPromptAndTargetAboveTheRows()
    {
        var result = Arithlab.Run(Folder, "data", "preview", "--problem", "123+45", "--format", "plain", "--spaces");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("#1  123+45  (plain, positions absolute, eval)", lines[0]);
        // The trailing space of the spaced prompt shows inside the quotes.
        Assert.Equal("  prompt    \"1 2 3 + 4 5 = \"", lines[1]);
        Assert.Equal("  target    \"1 6 8\"", lines[2]);
        Assert.Equal("token [BOS] 1 ␣ 2 ␣ 3 ␣ + ␣ 4 ␣ 5 ␣ = ␣ 1 ␣ 6 ␣ 8 [EOS]".Split(' '), lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void EachProblemKeepsItsOwnTaskAndAnswer()
    {
        var result = Arithlab.Run(Folder, "data", "preview", "--json", "--problem", "999+1", "--problem", "45-123", "--problem", "99*99", "--format", "plain");

        Assert.Equal(0, result.ExitCode);
        var targets = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("target").GetString());
        Assert.Equal(["1000", "-78", "9801"], targets);
    }

    [Theory]
    [InlineData("12", "--problem 12: '12' has no operator")]
    [InlineData("123+45 --count 3", "--count applies to sampled examples")]
    [InlineData("123+45 --format sorting-mcleish", "format 'sorting-mcleish' does not write Addition problems")]
    [InlineData("123-45 --format reversed-padded", "does not write Subtraction problems")]
    public void BadProblemsAreUsageErrors(string arguments, string message)
    {
        var result = Arithlab.Run(Folder, ["data", "preview", "--problem", .. arguments.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }
}
