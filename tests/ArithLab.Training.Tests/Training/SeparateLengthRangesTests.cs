using ArithLab.Data.Tasks;
using System.Globalization;
using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Sampling;
using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Loop;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

/// <summary>Training with operand a from data.digits.a and operand b from data.digits.b (N×M problems).</summary>
[Collection(TrainingStateCollection.Name)]
public sealed class SeparateLengthRangesTests
{
    /// <summary>5×2 multiplication (Cho et al. 2024's N×2 task): a of 1-5 digits, b of 1-2.</summary>
    private static ExperimentConfig FiveByTwo(ExperimentConfig c) => c with
    {
        Task = new TaskConfig { Name = TaskName.Multiplication },
        Data = c.Data with { DigitsA = new DigitRange(1, 5), DigitsB = new DigitRange(1, 2) },
    };

    private static int Digits(BigInteger n) => n.ToString(CultureInfo.InvariantCulture).Length;

    private static IEnumerable<(int A, int B)> Pairs(IEnumerable<(BigInteger A, BigInteger B)> operands) =>
        operands.Select(o => (Digits(o.A), Digits(o.B)));

    private static IEnumerable<(int A, int B)> AllPairs(int maxA, int maxB) =>
        Enumerable.Range(1, maxA).SelectMany(a => Enumerable.Range(1, maxB).Select(b => (a, b)));

    /// <summary>The operands written in the prompts of a batch (reversed format: `$a*b=`, operands as written).</summary>
    private static IEnumerable<(BigInteger A, BigInteger B)> Operands(ExperimentData data, Batch batch)
    {
        for (var row = 0; row < batch.Size; row++)
        {
            var ids = batch.Row(batch.TokenIds, row)[1..(batch.PromptLengths[row] + 1)].ToArray();
            var parts = string.Concat(ids.Select(data.Vocabulary.Token)).Trim('$', '=').Split('*');
            yield return (BigInteger.Parse(parts[0], CultureInfo.InvariantCulture), BigInteger.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Training_batches_draw_a_and_b_from_their_own_ranges()
    {
        using var tiny = new TinyRun(FiveByTwo);
        var data = new ExperimentData(tiny.Config);
        var stream = data.TrainStream(tiny.Config.Seed);
        var pairs = Enumerable.Range(0, 20).SelectMany(_ => Pairs(Operands(data, stream.Next()))).ToList();

        Assert.Equal(20 * 32, pairs.Count);
        Assert.All(pairs, p => Assert.True(p.A is >= 1 and <= 5 && p.B is >= 1 and <= 2, $"a has {p.A} digits, b {p.B}"));
        Assert.Equal(AllPairs(5, 2), pairs.Distinct().Order());
    }

    [Fact]
    public void Held_out_problems_draw_a_and_b_from_their_own_ranges_on_the_test_side()
    {
        using var tiny = new TinyRun(FiveByTwo);
        var data = new ExperimentData(tiny.Config);
        var problems = data.HeldOutProblems(300);

        Assert.Equal(300, problems.Count);
        Assert.All(problems, p => Assert.True(data.Split.IsTest(p)));
        Assert.All(problems, p => Assert.Equal(p.Operands[0] * p.Operands[1], p.Answer[0]));
        Assert.Equal(AllPairs(5, 2), Pairs(problems.Select(p => (p.Operands[0], p.Operands[1]))).Distinct().Order());
        Assert.Equal(300, new HeldOutEvaluator(data, 300, 64).Count);
    }

    [Fact]
    public void Equal_ranges_train_and_hold_out_exactly_what_one_shared_range_draws()
    {
        // Before b could have its own range every operand came from data.digits.a through one sampler range.
        using var tiny = new TinyRun(c => c with
        {
            Task = new TaskConfig { Name = TaskName.Subtraction },
            Data = c.Data with { DigitsA = new DigitRange(1, 4), DigitsB = new DigitRange(1, 4) },
        });
        var data = new ExperimentData(tiny.Config);
        var seed = tiny.Config.Seed;
        var shared = new ProblemSampler(new SamplerOptions(data.Task, 1, 4, Seeds.Problems(seed), SplitSide.Train, data.Split));
        var expected = new BatchStream(new SamplerSource(shared, data.Format, data.Tokenizer, data.MaxTrainTokens), data.Vocabulary, data.BatchOptions(32, training: true), Seeds.Positions(seed));
        var actual = data.TrainStream(seed);
        for (var i = 0; i < 5; i++)
        {
            var (e, a) = (expected.Next(), actual.Next());
            Assert.Equal(e.TokenIds, a.TokenIds);
            Assert.Equal(e.PositionIds, a.PositionIds);
        }

        // The held-out set is the first 50 distinct problems of the test side.
        var heldOut = new ProblemSampler(new SamplerOptions(data.Task, 1, 4, Seeds.HeldOut(0), SplitSide.Test, data.Split)).Take(200)
            .Select(p => (p.Operands[0], p.Operands[1])).Distinct().Take(50);
        Assert.Equal(heldOut, data.HeldOutProblems(50).Select(p => (p.Operands[0], p.Operands[1])));
    }

    [Fact]
    public void A_b_length_beyond_the_grid_longer_than_anything_else_sizes_the_data_for_it()
    {
        // 3-digit a times 12-digit b: the padded format's width and the token budget must hold b.
        using var tiny = new TinyRun(c => FiveByTwo(c) with
        {
            Data = FiveByTwo(c).Data with { Format = DataFormat.Padded },
            Eval = c.Eval with { GridA = new DigitRange(1, 3), GridB = new DigitRange(1, 2), Beyond = ConfigList.Of(3), BeyondB = 12 },
        });
        var data = new ExperimentData(tiny.Config);
        var problem = EvalSets.FixedB(data.Task, [3], 12, 1, seed: 0, data.Split).Single().Problems.Single();
        var example = data.Format.Format(problem);
        Assert.Equal(12, data.LongestOperand);
        Assert.InRange(example.Prompt.Count + example.Target.Count, 1, data.MaxTokens);
    }

    [Fact]
    public void Separate_ranges_for_a_task_without_a_and_b_are_refused_naming_the_keys()
    {
        // A config built in code skips the loader's check; the data setup refuses it the same way.
        using var tiny = new TinyRun(c => c with
        {
            Task = new TaskConfig { Name = TaskName.Sorting, Operands = 3 },
            Data = c.Data with { Format = DataFormat.Plain, DigitsA = new DigitRange(1, 3), DigitsB = new DigitRange(1, 2) },
        });
        var ex = Assert.Throws<NotSupportedException>(() => new ExperimentData(tiny.Config));
        Assert.StartsWith("data.digits.a (1..3) and data.digits.b (1..2) differ, but sorting has no operand a and b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiny_N_by_1_multiplication_run_trains_and_evaluates_end_to_end()
    {
        using var tiny = new TinyRun(c => c with
        {
            Task = new TaskConfig { Name = TaskName.Multiplication },
            Data = c.Data with { DigitsA = new DigitRange(1, 3), DigitsB = new DigitRange(1, 1) },
            Eval = c.Eval with { GridA = new DigitRange(1, 4), GridB = new DigitRange(1, 2), PerCell = 3 },
        });
        var run = tiny.Create();
        var outcome = tiny.Train(run, heldOut: 64);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.InRange(outcome.HeldOutExactMatch!.Value, 0, 1);

        using var trained = TrainedModel.Load(run.Path, Device.Cpu);
        var settings = EvalSettings.From(trained.Config);
        var result = new GridEvaluator(trained.Data.Task, EvalEncoder.For(trained.Data), ModelAnswerGenerator.For(trained.Model, Device.Cpu)).Run(settings);
        EvalFiles.Write(result, run.EvalPath);

        Assert.Equal(AllPairs(4, 2), result.Grid.Select(c => (c.LengthA, c.LengthB)));
        Assert.All(result.Grid, c => Assert.Equal(3, c.N));
        // In distribution: a of 1-3 digits times a 1-digit b, the cells (1,1), (2,1), (3,1).
        Assert.Equal(9, EvalSummary.Of(result).InDistributionN);
        Assert.True(File.Exists(Path.Combine(run.EvalPath, "heatmap.svg")));
    }
}
