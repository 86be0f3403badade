using ArithLab.Data.Sampling;
using ArithLab.Data.Batching;
using ArithLab.Data.Positions;

namespace ArithLab.Data.Tests.Batching;

public sealed class BatchLayoutTests
{
    private static readonly Vocabulary V = HandWritten.Vocabulary;

    private static int[] Ids(string text) => text.Select(c => V.Id(c.ToString())).ToArray();

    private static Batch PackTwo(BatchOptions? options = null) =>
        BatchStream.Pack([HandWritten.Addition(123, 45), HandWritten.Addition(5, 7)], V, options ?? new BatchOptions(), seed: 1);

    [Fact]
    public void Rows_are_bos_prompt_target_eos_then_pad()
    {
        var batch = PackTwo();
        int[] first = [Vocabulary.BosId, .. Ids("123+45=168"), Vocabulary.EosId];
        int[] second = [Vocabulary.BosId, .. Ids("5+7=12"), Vocabulary.EosId, .. Enumerable.Repeat(Vocabulary.PadId, 4)];
        Assert.Equal(first, batch.Row(batch.TokenIds, 0).ToArray());
        Assert.Equal(second, batch.Row(batch.TokenIds, 1).ToArray());
    }

    [Fact]
    public void Width_is_the_longest_row_and_lengths_count_bos_and_eos()
    {
        var batch = PackTwo();
        Assert.Equal(2, batch.Size);
        Assert.Equal(12, batch.Width);
        Assert.Equal([12, 8], batch.Lengths[..2]);
        Assert.Equal([7, 4], batch.PromptLengths[..2]);
    }

    [Fact]
    public void Targets_are_the_tokens_shifted_left_by_one_with_pad_at_the_end()
    {
        var batch = PackTwo();
        for (var b = 0; b < batch.Size; b++)
        {
            var tokens = batch.Row(batch.TokenIds, b);
            var targets = batch.Row(batch.Targets, b);
            for (var i = 0; i < batch.Width - 1; i++)
            {
                Assert.Equal(tokens[i + 1], targets[i]);
            }
            Assert.Equal(Vocabulary.PadId, targets[^1]);
        }
    }

    [Fact]
    public void Answer_loss_mask_covers_exactly_the_answer_and_eos_targets()
    {
        var batch = PackTwo();
        // Row 0: [BOS] 1 2 3 + 4 5 = 1 6 8 [EOS]; targets at columns 7..10 are 1 6 8 [EOS].
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0], batch.Row(batch.LossMask, 0).ToArray());
        var masked = Enumerable.Range(0, batch.Width).Where(i => batch.LossMask[i] == 1f).Select(i => batch.Targets[i]);
        Assert.Equal([.. Ids("168"), Vocabulary.EosId], masked);
    }

    [Fact]
    public void Sequence_loss_mask_covers_every_real_target_and_never_pad()
    {
        var batch = PackTwo(new BatchOptions { Loss = LossScope.Sequence });
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], batch.Row(batch.LossMask, 1).ToArray());
        for (var i = 0; i < batch.Size * batch.Width; i++)
        {
            Assert.Equal(batch.Targets[i] != Vocabulary.PadId, batch.LossMask[i] == 1f);
        }
    }

    [Fact]
    public void Padding_has_position_zero_and_no_loss()
    {
        var batch = PackTwo(new BatchOptions { Positions = new PositionOptions { Scheme = PositionScheme.Absolute } });
        var row = batch.Row(batch.PositionIds, 1).ToArray();
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0], row);
        Assert.All(Enumerable.Range(8, 4), i => Assert.Equal(0f, batch.Row(batch.LossMask, 1)[i]));
    }

    [Fact]
    public void Batch_position_rows_equal_the_per_example_ids()
    {
        var options = new BatchOptions { Positions = new PositionOptions { Scheme = PositionScheme.Coupled } };
        var batch = PackTwo(options);
        Assert.Equal(PositionIds.For(HandWritten.Addition(123, 45), options.Positions, new SeededRandom(0)), batch.Row(batch.PositionIds, 0).ToArray());
    }

    [Fact]
    public void An_example_longer_than_max_length_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PackTwo(new BatchOptions { MaxLength = 10 }));
        Assert.Contains("exceeds MaxLength 10", error.Message);
    }
}
