using System.Numerics;
using System.Text.Json;
using ArithLab.Data.Tasks;
using ArithLab.Training.Config;
using ArithLab.Training.Setup;

namespace ArithLab.Cli.Tests;

/// <summary>`arithlab data preview`: with flags, and with an experiment YAML (what the trainer sees).</summary>
[Collection(CliCollection.Name)]
public sealed class DataPreviewCliTests : CliTestFolder
{
    [Fact]
    public void PlainAdditionRowsAreCorrectSums()
    {
        var result = Arithlab.Run(Folder, "data", "preview", "--format", "plain", "--min-digits", "1", "--max-digits", "40", "--count", "25", "--json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRows(result.Stdout);
        Assert.Equal(25, rows.Count);
        foreach (var row in rows)
        {
            var text = row.GetProperty("text").GetString()!;
            var (a, b, sum) = Parts(text);
            Assert.Equal(BigInteger.Parse(a) + BigInteger.Parse(b), BigInteger.Parse(sum));
            // The loss mask scores exactly the answer's digits and the end token: next tokens after '='.
            var tokens = row.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToArray();
            var mask = row.GetProperty("loss_mask").EnumerateArray().Select(m => m.GetInt32()).ToArray();
            var equals = Array.IndexOf(tokens, "=");
            Assert.Equal(Enumerable.Range(0, tokens.Length).Select(i => i >= equals && i < tokens.Length - 1 ? 1 : 0), mask);
        }
    }

    [Fact]
    public void UnknownFormatSuggestsTheClosestName()
    {
        var result = Arithlab.Run(Folder, "data", "preview", "--format", "revrsed");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown format 'revrsed'; did you mean 'reversed'?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ExperimentTrainModeShowsTheTrainersFirstBatch()
    {
        var yaml = WriteExperiment();

        var result = Arithlab.Run(Folder, "data", "preview", yaml, "--mode", "train", "--count", "4", "--json");

        Assert.Equal(0, result.ExitCode);
        var config = ConfigLoader.Load(yaml, []);
        var batch = new ExperimentData(config).TrainStream(config.Seed).Next();
        var rows = JsonRows(result.Stdout);
        Assert.Equal(4, rows.Count);
        for (var b = 0; b < rows.Count; b++)
        {
            var length = batch.Lengths[b];
            Assert.Equal(batch.Row(batch.TokenIds, b)[..length].ToArray(), Ints(rows[b], "ids"));
            Assert.Equal(batch.Row(batch.PositionIds, b)[..length].ToArray(), Ints(rows[b], "positions"));
        }
        // Reversed format: "a+b=" then the sum's digits units first.
        foreach (var row in rows)
        {
            var (a, b, reversedSum) = Parts(row.GetProperty("text").GetString()!);
            Assert.Equal((BigInteger.Parse(a) + BigInteger.Parse(b)).ToString(), new string(reversedSum.Reverse().ToArray()));
        }
    }

    [Fact]
    public void ExperimentEvalModeShowsHeldOutProblemsWithEvaluationPositions()
    {
        var yaml = WriteExperiment();

        var result = Arithlab.Run(Folder, "data", "preview", yaml, "--mode", "eval", "--count", "6", "--json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRows(result.Stdout);
        Assert.Equal(6, rows.Count);
        var config = ConfigLoader.Load(yaml, []);
        var data = new ExperimentData(config);
        foreach (var row in rows)
        {
            var (a, b, _) = Parts(row.GetProperty("text").GetString()!);
            Assert.True(data.Split.IsTest(ProblemFactory.Create(data.Task, [BigInteger.Parse(a), BigInteger.Parse(b)])), $"{a}+{b} is not a held-out problem");
            // Evaluation ids are the plain 0, 1, 2, ... (no random start).
            var positions = Ints(row, "positions");
            Assert.Equal(Enumerable.Range(0, positions.Length), positions);
        }
    }

    [Fact]
    public void ExperimentModeRefusesFlagsThatTheFileDecides()
    {
        var yaml = WriteExperiment();

        var result = Arithlab.Run(Folder, "data", "preview", yaml, "--format", "plain");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format comes from the experiment YAML", result.Stderr, StringComparison.Ordinal);
    }

    private string WriteExperiment()
    {
        var path = Path.Combine(Folder, "preview.yaml");
        File.WriteAllText(path, """
            name: preview
            seed: 3
            task:
              name: addition
            data:
              format: reversed
              digits: {min: 1, max: 12}
              positions: absolute
              absolute_max_offset: 0
            model:
              layers: 1
              d_model: 16
              heads: 2
            train:
              steps: 10
              warmup_steps: 0
              batch_size: 8
            """);
        return path;
    }

    private static List<JsonElement> JsonRows(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static int[] Ints(JsonElement row, string name) => row.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    /// <summary>"a+b=c" (with or without Lee et al.'s '$' around it) → (a, b, c) as written.</summary>
    private static (string A, string B, string C) Parts(string text)
    {
        var core = text.Trim('$');
        var plus = core.IndexOf('+', StringComparison.Ordinal);
        var equals = core.IndexOf('=', StringComparison.Ordinal);
        return (core[..plus], core[(plus + 1)..equals], core[(equals + 1)..]);
    }
}
