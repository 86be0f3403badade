using System.Globalization;
using System.Numerics;
using ArithLab.Data.Batching;
using ArithLab.Data.Sampling;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

/// <summary>data.train_size: a fixed set of N training problems cycled in epochs (Lee et al. 2023's N).</summary>
[Collection(TrainingStateCollection.Name)]
public sealed class TrainSizeTests
{
    private static Func<ExperimentConfig, ExperimentConfig> Fixed(int size, int splitSeed = 0) =>
        c => c with { Data = c.Data with { TrainSize = size, SplitSeed = splitSeed } };

    /// <summary>The (a, b) of every row, read back from the reversed format's prompt `$a+b=`.</summary>
    private static IEnumerable<(BigInteger A, BigInteger B)> Operands(ExperimentData data, Batch batch)
    {
        for (var row = 0; row < batch.Size; row++)
        {
            var ids = batch.Row(batch.TokenIds, row)[1..(batch.PromptLengths[row] + 1)].ToArray();
            var parts = string.Concat(ids.Select(data.Vocabulary.Token)).Trim('$', '=').Split('+');
            yield return (BigInteger.Parse(parts[0], CultureInfo.InvariantCulture), BigInteger.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }

    private static List<(BigInteger A, BigInteger B)> Draw(ExperimentData data, BatchStream stream, int batches) =>
        Enumerable.Range(0, batches).SelectMany(_ => Operands(data, stream.Next()).ToList()).ToList();

    [Fact]
    public void Training_cycles_exactly_N_distinct_problems_each_epoch_in_a_new_order()
    {
        // 96 problems, batches of 32: three batches are one epoch.
        using var tiny = new TinyRun(Fixed(96));
        var data = new ExperimentData(tiny.Config);
        var stream = data.TrainStream(tiny.Config.Seed);
        var epochs = Enumerable.Range(0, 4).Select(_ => Draw(data, stream, 3)).ToList();

        var set = data.TrainingSet!.Select(p => (p.Operands[0], p.Operands[1])).ToHashSet();
        Assert.Equal(96, set.Count);
        Assert.All(epochs, e =>
        {
            Assert.Equal(96, e.Distinct().Count());
            Assert.True(set.SetEquals(e), "an epoch serves the training set, nothing else");
        });
        Assert.Equal(4, epochs.Select(e => string.Join(' ', e)).Distinct().Count());
        // Every row still adds up (independent truth: BigInteger addition of the operands read back).
        var answers = data.TrainingSet!.ToDictionary(p => (p.Operands[0], p.Operands[1]), p => p.Answer[0]);
        Assert.All(set, p => Assert.Equal(p.Item1 + p.Item2, answers[p]));
    }

    [Fact]
    public void Data_lengths_values_draws_the_set_the_stream_and_the_held_out_check_uniform_over_values()
    {
        // 1–3 digits by value: 90% of the operands have 3 digits; by bucket, a third.
        static double ThreeDigitShare(IEnumerable<BigInteger> operands)
        {
            var list = operands.ToList();
            return list.Count(x => x >= 100) / (double)list.Count;
        }
        Func<ExperimentConfig, ExperimentConfig> byValue = c => c with
        {
            Data = c.Data with { TrainSize = 2000, DigitsA = new DigitRange(1, 3), DigitsB = new DigitRange(1, 3), Lengths = LengthDistribution.Values },
        };
        using var tiny = new TinyRun(byValue);
        var data = new ExperimentData(tiny.Config);
        Assert.InRange(ThreeDigitShare(data.TrainingSet!.SelectMany(p => p.Operands)), 0.87, 0.93);
        Assert.InRange(ThreeDigitShare(data.HeldOutProblems(1000).SelectMany(p => p.Operands)), 0.86, 0.94);
        var fresh = new ExperimentData(tiny.Config with { Data = tiny.Config.Data with { TrainSize = 0 } });
        var stream = fresh.TrainStream(tiny.Config.Seed);
        Assert.InRange(ThreeDigitShare(Draw(fresh, stream, 30).SelectMany(p => new[] { p.A, p.B })), 0.86, 0.94);
        var buckets = new ExperimentData(tiny.Config with { Data = tiny.Config.Data with { Lengths = LengthDistribution.Buckets } });
        Assert.InRange(ThreeDigitShare(buckets.TrainingSet!.SelectMany(p => p.Operands)), 0.29, 0.38);
    }

    [Fact]
    public void The_set_comes_from_the_split_seed_and_the_order_from_the_run_seed()
    {
        using var tiny = new TinyRun(Fixed(64));
        var data = new ExperimentData(tiny.Config);
        var otherRun = new ExperimentData(tiny.Config with { Seed = 8 });
        var otherSplit = new ExperimentData(tiny.Config with { Data = tiny.Config.Data with { SplitSeed = 1 } });
        static HashSet<string> Keys(ExperimentData d) => d.TrainingSet!.Select(DistinctProblems.Key).ToHashSet(StringComparer.Ordinal);

        Assert.True(Keys(data).SetEquals(Keys(otherRun)), "another run seed trains on the same problems");
        Assert.False(Keys(data).SetEquals(Keys(otherSplit)), "another split seed draws another set");
        Assert.NotEqual(Draw(data, data.TrainStream(7), 2), Draw(otherRun, otherRun.TrainStream(8), 2));
    }

    [Fact]
    public void The_fixed_set_holds_no_held_out_problem()
    {
        // 1-2 digit addition: 11,100 problems, about a tenth held out; a set of 5,000 meets many neighbours of test problems.
        using var tiny = new TinyRun(Fixed(5000));
        var data = new ExperimentData(tiny.Config);
        var set = data.TrainingSet!;
        Assert.Equal(5000, set.Select(DistinctProblems.Key).Distinct().Count());
        Assert.All(set, p => Assert.False(data.Split.IsTest(p), $"{p.Operands[0]}+{p.Operands[1]} is a test problem"));
        var keys = set.Select(DistinctProblems.Key).ToHashSet(StringComparer.Ordinal);
        var heldOut = data.HeldOutProblems(500);
        Assert.Equal(500, heldOut.Count);
        Assert.DoesNotContain(heldOut, p => keys.Contains(DistinctProblems.Key(p)));
        var grid = EvalSets.Grid(data.Task, 1, 2, 50, seed: 0, data.Split).SelectMany(c => c.Problems);
        Assert.DoesNotContain(grid, p => keys.Contains(DistinctProblems.Key(p)));
    }

    [Fact]
    public void A_set_larger_than_the_training_side_is_refused_with_the_count_found()
    {
        using var tiny = new TinyRun(c => c with { Data = c.Data with { TrainSize = 95, DigitsA = new DigitRange(1, 1), DigitsB = new DigitRange(1, 1) } });
        var error = Assert.Throws<InvalidOperationException>(() => new ExperimentData(tiny.Config).TrainStream(0));
        Assert.Contains("data.train_size 95", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_size_0_keeps_fresh_problems_every_step()
    {
        // The stream before data.train_size existed: the problem sampler of the run seed, batch after batch.
        using var tiny = new TinyRun();
        var data = new ExperimentData(tiny.Config);
        Assert.Null(data.TrainingSet);
        var sampler = new ProblemSampler(new SamplerOptions(data.Task, 1, 2, Seeds.Problems(7), SplitSide.Train, data.Split));
        var fresh = new BatchStream(new SamplerSource(sampler, data.Format, data.Tokenizer, data.MaxTrainTokens), data.Vocabulary,
            data.BatchOptions(32, training: true), Seeds.Positions(7));
        Assert.Equal(Draw(data, fresh, 20), Draw(data, data.TrainStream(7), 20));
    }

    [Fact]
    public void An_interrupted_run_resumes_at_the_same_epoch_position_and_repeats_the_losses_bit_for_bit()
    {
        // 80 problems in batches of 32: step 12 stops inside epoch 4 (384 = 4 × 80 + 64), mid-batch of an epoch.
        using var straight = new TinyRun(Fixed(80));
        var a = straight.Create();
        Assert.Equal(TrainingStatus.Completed, straight.Train(a).Status);

        using var broken = new TinyRun(Fixed(80));
        var b = broken.Create();
        using var stop = new CancellationTokenSource();
        var first = broken.Train(b, afterStep: (step, _) => { if (step == 12) stop.Cancel(); }, cancel: stop.Token);
        Assert.Equal(TrainingStatus.Interrupted, first.Status);
        Assert.Equal(12, first.Step);
        Assert.Equal(TrainingStatus.Completed, broken.Train(b, resume: true).Status);

        var expected = straight.Losses(a);
        var actual = broken.Losses(b);
        Assert.Equal(30, expected.Count);
        Assert.Equal(expected.Select(l => l.Step), actual.Select(l => l.Step));
        Assert.All(expected.Zip(actual), pair => Assert.True(
            BitConverter.DoubleToInt64Bits(pair.First.Loss) == BitConverter.DoubleToInt64Bits(pair.Second.Loss),
            $"step {pair.First.Step}: {pair.First.Loss:R} uninterrupted, {pair.Second.Loss:R} resumed"));
    }
}
