using System.Globalization;
using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Evaluation;

/// <summary>
/// The length grid of an experiment in `reversed-padded` writes every cell as Cho et al.'s reference
/// does (HanseulJo/position-coupling, padding: True): unequal lengths padded to the longer operand.
/// </summary>
public sealed class PaddedGridTests
{
    private const string Yaml = """
        name: padded-grid
        data:
          format: reversed-padded
          digits: {min: 1, max: 2}
          positions: coupled
        model:
          positional: [coupled]
        eval:
          grid: {a: {min: 1, max: 3}, b: {min: 1, max: 3}}
          per_cell: 4
        """;

    [Fact]
    public void Unequal_length_cells_are_prompted_padded_and_scored_against_the_padded_answer()
    {
        var config = ConfigLoader.Parse(Yaml, "test.yaml");
        var data = new ExperimentData(config);
        var model = new ReferenceModel(data.Tokenizer);
        var result = new GridEvaluator(data.Task, EvalEncoder.For(data), model).Run(EvalSettings.From(config));

        // A model that writes the reference's padded answers is right in every cell.
        Assert.Equal(9, result.Grid.Count);
        Assert.All(result.Grid, c => Assert.Equal(c.N, c.Correct));
        Assert.Contains(model.Seen, s => s.LengthA != s.LengthB);
        foreach (var s in model.Seen)
        {
            var n = Math.Max(s.LengthA, s.LengthB);
            Assert.Equal(n, s.TextA.Length);
            Assert.Equal(n, s.TextB.Length);
            // Coupled ids at evaluation (start 1): the reversed answer's digits n + 1, n, ..., 1, then [EOS] 0.
            Assert.Equal(Enumerable.Range(1, n + 1).Reverse().Append(0), s.AnswerPositions);
        }
    }

    /// <summary>What the stand-in model read: the operands as written and as numbers, and its answer slots' ids.</summary>
    private sealed record Prompt(string TextA, string TextB, int LengthA, int LengthB, int[] AnswerPositions);

    /// <summary>Reads "a+b=" and answers with the reference's label: a + b zero-padded to the longer operand + 1 digits, reversed.</summary>
    private sealed class ReferenceModel(CharTokenizer tokenizer) : IAnswerGenerator
    {
        public List<Prompt> Seen { get; } = [];

        public IReadOnlyList<int[]> Generate(IReadOnlyList<GenerationRequest> requests) => requests.Select(Answer).ToArray();

        private int[] Answer(GenerationRequest request)
        {
            var parts = tokenizer.DecodeText(request.PromptIds.AsSpan(1)).TrimEnd('=').Split('+');
            var a = BigInteger.Parse(parts[0], CultureInfo.InvariantCulture);
            var b = BigInteger.Parse(parts[1], CultureInfo.InvariantCulture);
            Seen.Add(new Prompt(parts[0], parts[1], Lengths.Of(a), Lengths.Of(b), request.AnswerPositions!));
            var n = Math.Max(Lengths.Of(a), Lengths.Of(b));
            var label = (a + b).ToString(CultureInfo.InvariantCulture).PadLeft(n + 1, '0').Reverse();
            return label.Select(c => tokenizer.Id(c.ToString())).Append(Vocabulary.EosId).ToArray();
        }
    }
}
