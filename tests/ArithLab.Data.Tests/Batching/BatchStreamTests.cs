using System.Numerics;
using ArithLab.Data.Batching;
using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Tests.Batching;

public sealed class BatchStreamTests
{
    private static (BatchStream Stream, Vocabulary Vocabulary) Stream(ulong seed, PositionScheme scheme = PositionScheme.Absolute, bool training = false,
        string format = "plain", int batchSize = 32, ulong sampleSeed = 7, bool abacusPerExample = false)
    {
        var task = TaskSpec.Addition;
        var f = FormatRegistry.Get(format);
        var tokenizer = CharTokenizer.For(f, task);
        var source = new SamplerSource(new ProblemSampler(new SamplerOptions(task, 1, 20, Seed: sampleSeed)), f, tokenizer, maxTokens: 70);
        var options = new BatchOptions { BatchSize = batchSize, MaxLength = 72, Positions = new PositionOptions { Scheme = scheme, Training = training, AbacusOffsetPerExample = abacusPerExample } };
        return (new BatchStream(source, tokenizer.Vocabulary, options, seed), tokenizer.Vocabulary);
    }

    private static string Text(Batch batch, Vocabulary vocabulary, int row) =>
        string.Concat(batch.Row(batch.TokenIds, row)[1..(batch.Lengths[row] - 1)].ToArray().Select(vocabulary.Token));

    [Fact]
    public void The_same_seeds_give_the_same_batches()
    {
        var (a, _) = Stream(42, PositionScheme.Coupled, training: true);
        var (b, _) = Stream(42, PositionScheme.Coupled, training: true);
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
    public void A_different_stream_seed_changes_the_position_offsets_but_not_the_examples()
    {
        var x = Stream(1, PositionScheme.Coupled, training: true).Stream.Next();
        var tokens = x.TokenIds.ToArray();
        var positions = x.PositionIds.ToArray();
        var y = Stream(2, PositionScheme.Coupled, training: true).Stream.Next();
        Assert.Equal(tokens, y.TokenIds);
        Assert.NotEqual(positions, y.PositionIds);
    }

    [Fact]
    public void A_different_sampler_seed_changes_the_examples()
    {
        var tokens = Stream(1, sampleSeed: 1).Stream.Next().TokenIds.ToArray();
        Assert.NotEqual(tokens, Stream(1, sampleSeed: 2).Stream.Next().TokenIds);
    }

    [Fact]
    public void Next_refills_the_same_batch_instance()
    {
        var (stream, _) = Stream(3);
        var first = stream.Next();
        var tokens = first.TokenIds;
        var second = stream.Next();
        Assert.Same(first, second);
        Assert.Same(tokens, second.TokenIds);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("reversed-padded")]
    public void Steady_state_batches_allocate_nothing(string format)
    {
        var (stream, _) = Stream(3, PositionScheme.Coupled, training: true, format: format);
        for (var i = 0; i < 50; i++)
        {
            stream.Next();
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            stream.Next();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("reversed-all", true)]
    public void Sampled_rows_are_correct_sums(string format, bool reversed)
    {
        var (stream, vocabulary) = Stream(9, format: format);
        for (var step = 0; step < 10; step++)
        {
            var batch = stream.Next();
            for (var b = 0; b < batch.Size; b++)
            {
                var numbers = Text(batch, vocabulary, b).Split('+', '=')
                    .Select(p => BigInteger.Parse(reversed ? new string(p.Reverse().ToArray()) : p)).ToArray();
                Assert.Equal(numbers[0] + numbers[1], numbers[2]);
            }
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("reversed-all")]
    public void Sampler_rows_equal_packing_the_formatted_examples_of_the_same_problems(string format)
    {
        var (stream, vocabulary) = Stream(5, PositionScheme.Coupled, format: format, batchSize: 16);
        var batch = stream.Next();
        var f = FormatRegistry.Get(format);
        var problems = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 20, Seed: 7)).Take(16);
        var again = BatchStream.Pack(problems.Select(f.Format).ToArray(), vocabulary, stream.Options, 5);
        var cells = batch.Size * batch.Width;
        Assert.Equal(again.Width, batch.Width);
        Assert.Equal(again.TokenIds[..cells], batch.TokenIds[..cells]);
        Assert.Equal(again.PositionIds[..cells], batch.PositionIds[..cells]);
        Assert.Equal(again.LossMask[..cells], batch.LossMask[..cells]);
    }

    [Fact]
    public void Abacus_offset_is_one_per_batch_in_training()
    {
        var batch = Stream(8, PositionScheme.Abacus, training: true).Stream.Next();
        // Column 1 is the first digit of every row: id 1 + k, the same k for all rows.
        Assert.Single(Enumerable.Range(0, batch.Size).Select(b => batch.PositionIds[batch.Index(b, 1)]).Distinct());
    }

    [Fact]
    public void Per_example_abacus_offsets_differ_within_a_batch_and_are_shared_by_the_numbers_of_one_example()
    {
        var (stream, vocabulary) = Stream(8, PositionScheme.Abacus, training: true, abacusPerExample: true);
        var batch = stream.Next();
        var offsets = new List<int>();
        for (var b = 0; b < batch.Size; b++)
        {
            // Every digit run of the row (a, b and the answer) counts 1 + k, 2 + k, ... with the row's own k.
            var text = Text(batch, vocabulary, b);
            var ids = batch.Row(batch.PositionIds, b)[1..(batch.Lengths[b] - 1)].ToArray();
            var k = ids[0] - 1;
            var run = 0;
            for (var i = 0; i < text.Length; i++)
            {
                run = char.IsAsciiDigit(text[i]) ? run + 1 : 0;
                Assert.Equal(run == 0 ? 0 : run + k, ids[i]);
            }
            Assert.InRange(k, 0, 100);
            offsets.Add(k);
        }
        // 32 draws from 101 values: a single shared k would give one distinct value.
        Assert.True(offsets.Distinct().Count() > 20, $"{offsets.Distinct().Count()} distinct offsets");
    }

    [Fact]
    public void Per_example_abacus_offsets_are_reproduced_by_the_seed()
    {
        static int[] FirstIds(BatchStream stream) => Enumerable.Range(0, 3).SelectMany(_ =>
        {
            var batch = stream.Next();
            return Enumerable.Range(0, batch.Size).Select(b => batch.PositionIds[batch.Index(b, 1)]).ToArray();
        }).ToArray();
        var first = FirstIds(Stream(8, PositionScheme.Abacus, training: true, abacusPerExample: true).Stream);
        Assert.Equal(first, FirstIds(Stream(8, PositionScheme.Abacus, training: true, abacusPerExample: true).Stream));
        Assert.NotEqual(first, FirstIds(Stream(9, PositionScheme.Abacus, training: true, abacusPerExample: true).Stream));
        // Evaluation draws no offset, per example or not.
        Assert.All(FirstIds(Stream(8, PositionScheme.Abacus, abacusPerExample: true).Stream), id => Assert.Equal(1, id));
    }

    [Fact]
    public void Abacus_offsets_change_between_training_batches_and_stay_zero_at_evaluation()
    {
        static int FirstId(Batch batch) => batch.PositionIds[batch.Index(0, 1)];
        var (train, _) = Stream(8, PositionScheme.Abacus, training: true);
        var trainIds = Enumerable.Range(0, 20).Select(_ => FirstId(train.Next())).ToArray();
        Assert.True(trainIds.Distinct().Count() > 5);
        Assert.All(trainIds, id => Assert.InRange(id, 1, 101));
        var (eval, _) = Stream(8, PositionScheme.Abacus);
        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(1, FirstId(eval.Next())));
    }

    [Fact]
    public void No_positions_means_every_id_is_zero()
    {
        var batch = Stream(4, PositionScheme.None).Stream.Next();
        Assert.All(batch.PositionIds[..(batch.Size * batch.Width)], id => Assert.Equal(0, id));
    }

    [Fact]
    public void Coupled_starts_vary_between_examples_in_training_and_are_1_at_evaluation()
    {
        // '=' sits at start + K + 1, K being the longest operand's length (addition).
        static (int Start, int Top)[] Starts(Batch batch, Vocabulary vocabulary) => Enumerable.Range(0, batch.Size)
            .Select(b =>
            {
                var operands = Text(batch, vocabulary, b).Split('=')[0].Split('+');
                var top = Math.Max(operands[0].Length, operands[1].Length);
                return (batch.PositionIds[batch.Index(b, batch.PromptLengths[b])] - top - 1, top);
            })
            .ToArray();
        var (train, vocabulary) = Stream(8, PositionScheme.Coupled, training: true);
        var starts = Starts(train.Next(), vocabulary);
        Assert.True(starts.Select(s => s.Start).Distinct().Count() > 5);
        Assert.All(starts, s => Assert.InRange(s.Start, 1, 202 - s.Top - 1));
        Assert.All(Starts(Stream(8, PositionScheme.Coupled).Stream.Next(), vocabulary), s => Assert.Equal(1, s.Start));
    }
}
