namespace ArithLab.Cli.Tests;

/// <summary>`arithlab compare`: files written where --out says, and usage errors.</summary>
[Collection(CliCollection.Name)]
public sealed class CompareCliTests : CliTestFolder
{
    [Fact]
    public void TwoEvaluatedRunsGetGridsSideBySideAndTheirDifference()
    {
        Run("a", "1,1,10,5,0.5");
        Run("b", "1,1,10,10,1");

        var result = Arithlab.Run(Folder, "compare", "a", "b", "--out", "cmp");

        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (var file in new[] { "loss.svg", "accuracy.svg", "grid-1-a.svg", "grid-2-b.svg", "difference.svg", "compare.html" })
        {
            Assert.Contains($"wrote {Path.Combine("cmp", file)}", result.Stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Folder, "cmp", file)), file);
        }
    }

    [Theory]
    [InlineData("a", "expected two or more run directories")]
    [InlineData("a missing", "no run directory or checkpoint at 'missing'")]
    public void BadArgumentsAreUsageErrors(string arguments, string message)
    {
        Run("a", "1,1,10,5,0.5");

        var result = Arithlab.Run(Folder, ["compare", .. arguments.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    private void Run(string name, string cell)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.Combine(path, "eval"));
        File.WriteAllText(Path.Combine(path, "config.resolved.yaml"), $"name: {name}\n");
        File.WriteAllText(Path.Combine(path, "metrics.jsonl"), "{\"step\": 10, \"loss\": 2.0, \"held_out_exact_match\": 0.5}\n");
        File.WriteAllText(Path.Combine(path, "eval", "grid.csv"), $"a_len,b_len,n,correct,accuracy\n{cell}\n");
    }
}
