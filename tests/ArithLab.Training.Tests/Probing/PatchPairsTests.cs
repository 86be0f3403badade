using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Training.Config;
using ArithLab.Training.Probing;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Probing;

public sealed class PatchPairsTests
{
    private const string Yaml = """
        name: patch-pairs
        data:
          format: reversed
          digits: {min: 1, max: 3}
          positions: coupled
        model:
          positional: [coupled]
        """;

    [Fact]
    public void Keeps_the_pairs_laid_out_alike_whose_first_answer_digits_differ_and_cuts_them_to_the_prompt()
    {
        var data = new ExperimentData(ConfigLoader.Parse(Yaml, "test.yaml"));
        (int A, int B)[] clean = [(123, 45), (5, 7), (100, 200), (999, 12)];
        (int A, int B)[] corrupted = [(124, 45), (15, 7), (200, 200), (998, 12)];

        var pairs = PatchPairs.Of(data, Problems(data, clean), Problems(data, corrupted));

        // 5+7 vs 15+7: prompts of different length; 300 vs 400: the same units digit first (reversed answer).
        Assert.Equal([0, 3], pairs.Rows);
        Assert.Equal(1 + "$123+45=".Length, pairs.Width);   // BOS, then the prompt with its "$"
        Assert.Equal(new[] { 0, 3 }.Select(i => data.Tokenizer.Id(FirstDigit(clean[i]))), pairs.CleanAnswers);
        Assert.Equal(new[] { 0, 3 }.Select(i => data.Tokenizer.Id(FirstDigit(corrupted[i]))), pairs.CorruptedAnswers);
        using var cleanIds = pairs.CleanIds();
        using var corruptedIds = pairs.CorruptedIds();
        using var positions = pairs.Positions();
        Assert.Equal([2L, pairs.Width], cleanIds.Shape);
        Assert.Equal([2L, pairs.Width], positions!.Shape);
        var text = cleanIds.ToArray<long>().Select(v => (int)v).ToArray();
        Assert.Equal("$123+45=", data.Tokenizer.DecodeText(text.AsSpan(1, pairs.Width - 1)));
        Assert.Equal("$998+12=", data.Tokenizer.DecodeText(corruptedIds.ToArray<long>().Select(v => (int)v).ToArray().AsSpan(pairs.Width + 1, pairs.Width - 1)));
    }

    [Fact]
    public void Unequal_counts_are_refused()
    {
        var data = new ExperimentData(ConfigLoader.Parse(Yaml, "test.yaml"));

        Assert.Throws<ArgumentException>(() => PatchPairs.Of(data, Problems(data, [(1, 2)]), Problems(data, [(1, 2), (3, 4)])));
    }

    private static Problem[] Problems(ExperimentData data, IEnumerable<(int A, int B)> pairs) =>
        pairs.Select(p => ProblemFactory.Create(data.Task, new BigInteger(p.A), new BigInteger(p.B))).ToArray();

    /// <summary>The reversed answer starts with the units digit of the sum.</summary>
    private static string FirstDigit((int A, int B) p) => (BigInteger.Add(p.A, p.B) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
