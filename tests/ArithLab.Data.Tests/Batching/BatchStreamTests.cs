using System.Numerics;
using ArithLab.Data.Batching;
using ArithLab.Data.Positions;

namespace ArithLab.Data.Tests.Batching;

public sealed class BatchStreamTests
{
    private static readonly Vocabulary V = HandWritten.Vocabulary;

    private static BatchStream Stream(long seed, PositionScheme scheme = PositionScheme.Absolute, bool training = false, bool reversed = false) =>
        new(new FastAdditionSource(V, 1, 20, reversed, reversed), V,
            new BatchOptions { BatchSize = 32, MaxLength = 70, Positions = new PositionOptions { Scheme = scheme, Training = training } }, seed);

    [Fact]
    public void The_same_seed_gives_the_same_batches()
    {
        var a = Stream(42, PositionScheme.Coupled, training: true);
        var b = Stream(42, PositionScheme.Coupled, training: true);
        for (var step = 0; step < 5; step++)
        {
            var x = a.Next();
            var y = b.Next();
            Assert.Equal(x.TokenIds, y.TokenIds);
            Assert.Equal(x.PositionIds, y.PositionIds);
            Assert.Equal(x.Width, y.Width);
        }
    }

    [Fact]
    public void Different_seeds_give_different_batches()
    {
        Assert.NotEqual(Stream(1).Next().TokenIds, Stream(2).Next().TokenIds);
    }

    [Fact]
    public void Next_refills_the_same_batch_instance()
    {
        var stream = Stream(3);
        var first = stream.Next();
        var tokens = first.TokenIds;
        var second = stream.Next();
        Assert.Same(first, second);
        Assert.Same(tokens, second.TokenIds);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fast_addition_rows_are_correct_sums(bool reversed)
    {
        var stream = Stream(9, reversed: reversed);
        for (var step = 0; step < 20; step++)
        {
            var batch = stream.Next();
            for (var b = 0; b < batch.Size; b++)
            {
                var text = string.Concat(batch.Row(batch.TokenIds, b)[1..(batch.Lengths[b] - 1)].ToArray().Select(V.Token));
                var parts = text.Split('+', '=');
                var numbers = parts.Select(p => BigInteger.Parse(reversed ? new string(p.Reverse().ToArray()) : p)).ToArray();
                Assert.Equal(numbers[0] + numbers[1], numbers[2]);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fast_addition_writes_the_same_tokens_and_positions_as_the_hand_written_format(bool reversed)
    {
        var options = new BatchOptions { BatchSize = 16, MaxLength = 70, Positions = new PositionOptions { Scheme = PositionScheme.Abacus } };
        var batch = new BatchStream(new FastAdditionSource(V, 1, 20, reversed, reversed), V, options, 5).Next();
        var expected = new List<FormattedExample>();
        for (var b = 0; b < batch.Size; b++)
        {
            var text = string.Concat(batch.Row(batch.TokenIds, b)[1..(batch.Lengths[b] - 1)].ToArray().Select(V.Token));
            var parts = text.Split('+', '=').Select(p => BigInteger.Parse(reversed ? new string(p.Reverse().ToArray()) : p)).ToArray();
            expected.Add(HandWritten.Addition(parts[0], parts[1], reversed, reversed));
        }
        var again = BatchStream.Pack(expected, V, options, 5);
        Assert.Equal(again.TokenIds[..(batch.Size * batch.Width)], batch.TokenIds[..(batch.Size * batch.Width)]);
        Assert.Equal(again.PositionIds[..(batch.Size * batch.Width)], batch.PositionIds[..(batch.Size * batch.Width)]);
        Assert.Equal(again.LossMask[..(batch.Size * batch.Width)], batch.LossMask[..(batch.Size * batch.Width)]);
    }

    [Fact]
    public void Operand_lengths_cover_the_configured_range()
    {
        var source = new FastAdditionSource(V, 3, 5);
        var tokens = new int[source.MaxTokens];
        var numbers = new short[source.MaxTokens];
        var significances = new short[source.MaxTokens];
        var random = new FastRandom(1);
        var lengths = new HashSet<int>();
        for (var i = 0; i < 300; i++)
        {
            var n = source.Write(random, tokens, numbers, significances, out _);
            lengths.Add(numbers.AsSpan(0, n).Count((short)0));
        }
        Assert.Equal([3, 4, 5], lengths.Order());
    }

    [Fact]
    public void Abacus_offset_is_one_per_batch_in_training()
    {
        var batch = Stream(8, PositionScheme.Abacus, training: true).Next();
        // The first digit of every row (column 1) is the first of its run: id 1 + k, the same k for all rows.
        var firstIds = Enumerable.Range(0, batch.Size).Select(b => batch.PositionIds[batch.Index(b, 1)]).Distinct().ToArray();
        Assert.Single(firstIds);
    }

    [Fact]
    public void Abacus_offsets_change_between_training_batches_and_stay_zero_at_evaluation()
    {
        static int FirstId(Batch batch) => batch.PositionIds[batch.Index(0, 1)];
        var train = Stream(8, PositionScheme.Abacus, training: true);
        var trainIds = Enumerable.Range(0, 20).Select(_ => FirstId(train.Next())).ToArray();
        Assert.True(trainIds.Distinct().Count() > 5);
        Assert.All(trainIds, id => Assert.InRange(id, 1, 101));
        var eval = Stream(8, PositionScheme.Abacus);
        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(1, FirstId(eval.Next())));
    }

    [Fact]
    public void No_positions_means_every_id_is_zero()
    {
        var batch = Stream(4, PositionScheme.None).Next();
        Assert.All(batch.PositionIds[..(batch.Size * batch.Width)], id => Assert.Equal(0, id));
    }

    [Fact]
    public void Coupled_starts_vary_between_examples_in_training_and_are_1_at_evaluation()
    {
        // '=' sits at start + K + 1, K being the longest operand's length (addition).
        static int[] Starts(Batch batch) => Enumerable.Range(0, batch.Size)
            .Select(b => batch.PositionIds[batch.Index(b, batch.PromptLengths[b])] - Math.Max(CountDigits(batch, b, 0), CountDigits(batch, b, 1)) - 1)
            .ToArray();
        var train = Starts(Stream(8, PositionScheme.Coupled, training: true).Next());
        Assert.True(train.Distinct().Count() > 5);
        Assert.All(train, s => Assert.InRange(s, 1, 202 - 20 - 1));
        Assert.All(Starts(Stream(8, PositionScheme.Coupled, training: false).Next()), s => Assert.Equal(1, s));
    }

    private static int CountDigits(Batch batch, int row, int operand)
    {
        var text = string.Concat(batch.Row(batch.TokenIds, row)[1..(batch.PromptLengths[row] + 1)].ToArray().Select(V.Token));
        return text.Split('+', '=')[operand].Length;
    }
}
