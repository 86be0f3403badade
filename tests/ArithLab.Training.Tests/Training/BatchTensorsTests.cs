using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Tasks;
using ArithLab.Torch;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class BatchTensorsTests
{
    private const long Ignore = BatchTensors.IgnoreIndex;

    /// <summary>$123+45=861$ alone in a batch, as tensors: [BOS] $ 1 2 3 + 4 5 = 8 6 1 $ [EOS].</summary>
    private static (ExperimentData Data, BatchTensors Tensors) WorkedExample(TinyRun tiny, LossScope scope)
    {
        var data = new ExperimentData(tiny.Config);
        var example = data.Format.Format(ProblemFactory.Create(data.Task, [123, 45]));
        var batch = BatchStream.Pack([example], data.Vocabulary, new BatchOptions { Loss = scope }, seed: 0);
        return (data, BatchTensors.From(batch, Device.Cpu));
    }

    [Theory]
    [InlineData(LossScope.Answer)]
    [InlineData(LossScope.Sequence)]
    public void Answer_targets_are_the_reversed_sum_its_dollar_and_eos_whatever_the_loss_scope(LossScope scope)
    {
        using var tiny = new TinyRun();
        using var _ = DisposeScope.Begin();
        var (data, t) = WorkedExample(tiny, scope);

        // Columns: [BOS] $ 1 2 3 + 4 5 = 8 6 1 $ [EOS]; column 8 ('=') predicts the first answer digit.
        long Id(string token) => data.Vocabulary.Id(token);
        long[] expected = [.. Enumerable.Repeat(Ignore, 8), Id("8"), Id("6"), Id("1"), Id("$"), Vocabulary.EosId, Ignore];
        Assert.Equal(expected, t.AnswerTargets);
        Assert.Equal(scope == LossScope.Answer ? 5 : 13, t.LossTokens);
    }

    [Theory]
    [InlineData(LossScope.Answer)]
    [InlineData(LossScope.Sequence)]
    public void Scored_rows_are_the_positions_the_loss_counts_with_their_targets(LossScope scope)
    {
        using var tiny = new TinyRun();
        using var _ = DisposeScope.Begin();
        var (data, t) = WorkedExample(tiny, scope);

        // Columns: [BOS] $ 1 2 3 + 4 5 = 8 6 1 $ [EOS]; column c predicts column c + 1's token.
        long Id(string token) => data.Vocabulary.Id(token);
        long[] next = [Id("$"), Id("1"), Id("2"), Id("3"), Id("+"), Id("4"), Id("5"), Id("="), Id("8"), Id("6"), Id("1"), Id("$"), Vocabulary.EosId];
        var first = scope == LossScope.Answer ? 8 : 0;
        long[] rows = [.. Enumerable.Range(first, 13 - first).Select(c => (long)c)];
        Assert.Equal(rows, t.HostScoredRows);
        Assert.Equal(rows, t.ScoredRows.ToArray<long>());
        Assert.Equal(next[first..], t.ScoredTargets.ToArray<long>());
        Assert.Equal(13 - first, t.LossTokens);
    }

    [Fact]
    public void A_slice_scores_its_rows_as_a_batch_of_those_rows_alone()
    {
        using var tiny = new TinyRun();
        var data = new ExperimentData(tiny.Config);
        var examples = new[] { new BigInteger[] { 123, 45 }, [9, 7], [321, 54] }
            .Select(operands => data.Format.Format(ProblemFactory.Create(data.Task, operands))).ToList();
        var options = new BatchOptions { Loss = LossScope.Answer };

        using var _ = DisposeScope.Begin();
        var whole = BatchTensors.From(BatchStream.Pack(examples, data.Vocabulary, options, seed: 0), Device.Cpu);
        var alone = BatchTensors.From(BatchStream.Pack([examples[2]], data.Vocabulary, options, seed: 0), Device.Cpu);
        var slice = whole.Slice(2, 1);

        // The longest rows (0 and 2) set the width, so row 2 alone packs to the same width.
        Assert.Equal(whole.Width, alone.Width);
        Assert.Equal(alone.HostScoredRows, slice.HostScoredRows);
        Assert.Equal(alone.ScoredRows.ToArray<long>(), slice.ScoredRows.ToArray<long>());
        Assert.Equal(alone.ScoredTargets.ToArray<long>(), slice.ScoredTargets.ToArray<long>());
        Assert.Equal(alone.AnswerTargets, slice.AnswerTargets);
    }
}
