using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using Reply = ArithLab.Training.Tests.Evaluation.ArithmeticGenerator.Reply;

namespace ArithLab.Training.Tests.Evaluation;

public class GridEvaluatorTests
{
    private static readonly SplitRule Split = new(0.5);

    private static readonly EvalSettings Tiny = new()
    {
        GridA = new DigitRange(1, 2),
        GridB = new DigitRange(1, 2),
        PerCell = 4,
        TrainA = new DigitRange(1, 1),
        TrainB = new DigitRange(1, 1),
        BatchSize = 3,
        Split = Split,
    };

    private static (GridEvaluator Evaluator, ArithmeticGenerator Generator) Build(Func<BigInteger, BigInteger, Reply> behaviour)
    {
        var format = FormatRegistry.Get("plain");
        var tokenizer = CharTokenizer.For(format, TaskSpec.Addition);
        var generator = new ArithmeticGenerator(tokenizer, behaviour);
        return (new GridEvaluator(TaskSpec.Addition, new EvalEncoder(format, tokenizer), generator), generator);
    }

    // (1,1) always right, (1,2) always a wrong value, (2,1) never stops, (2,2) right when a is odd.
    private static Reply ByCell(BigInteger a, BigInteger b) => (Lengths.Of(a), Lengths.Of(b)) switch
    {
        (1, 1) => Reply.Right,
        (1, 2) => Reply.WrongValue,
        (2, 1) => Reply.NeverStops,
        _ => a.IsEven ? Reply.Garbled : Reply.Right,
    };

    [Fact]
    public void Each_cell_scores_exactly_the_answers_the_stand_in_model_got_right()
    {
        var (evaluator, _) = Build(ByCell);
        var result = evaluator.Run(Tiny);
        // The (2,2) problems, drawn as the evaluator draws them, decide that cell's expected count.
        var cell22 = EvalSets.Grid(TaskSpec.Addition, 1, 2, 4, 0, Split).Single(c => c.LengthA == 2 && c.LengthB == 2);
        var odd = cell22.Problems.Count(p => !p.Operands[0].IsEven);

        Assert.Equal(
            new[] { new CellResult(1, 1, 4, 4), new CellResult(1, 2, 4, 0), new CellResult(2, 1, 4, 0), new CellResult(2, 2, 4, odd) },
            result.Grid);
        Assert.Equal(1.0, result.Cell(1, 1)!.Accuracy);
        Assert.Equal(odd / 4.0, result.Cell(2, 2)!.Accuracy);
    }

    [Fact]
    public void Grid_csv_lists_every_cell_with_its_counts_and_accuracy()
    {
        var (evaluator, _) = Build((a, b) => Lengths.Of(a) == 1 ? Reply.Right : Reply.WrongValue);
        var csv = EvalFiles.CellsCsv(evaluator.Run(Tiny).Grid);
        Assert.Equal(
            "a_len,b_len,n,correct,accuracy\n1,1,4,4,1\n1,2,4,4,1\n2,1,4,0,0\n2,2,4,0,0\n",
            csv);
    }

    [Fact]
    public void Malformed_answers_count_as_wrong_and_their_reasons_are_tallied()
    {
        var (evaluator, _) = Build(ByCell);
        var result = evaluator.Run(Tiny);
        var failures = result.Failures.ToDictionary(kv => kv.Key, kv => kv.Value);
        var cell22 = result.Cell(2, 2)!;

        Assert.Equal(4, failures[AnswerOutcome.WrongValue]);
        Assert.Equal(4, failures[AnswerOutcome.NoEos]);
        // "1+" is read by the plain format's parser, which says why it is not a number.
        var garbled = failures.Where(kv => kv.Key != AnswerOutcome.WrongValue && kv.Key != AnswerOutcome.NoEos).ToList();
        Assert.Equal(4 - cell22.Correct, garbled.Sum(kv => kv.Value));
        Assert.Equal(4 + 4 - cell22.Correct, result.Summary().MalformedTotal);
    }

    [Fact]
    public void Summary_pools_cells_inside_and_outside_the_training_lengths()
    {
        var (evaluator, _) = Build(ByCell);
        var summary = evaluator.Run(Tiny).Summary();
        var odd = evaluator.Run(Tiny).Cell(2, 2)!.Correct;

        Assert.Equal((4, 4), (summary.InDistributionN, summary.InDistributionCorrect));
        Assert.Equal((12, odd), (summary.OutOfDistributionN, summary.OutOfDistributionCorrect));
        Assert.Equal((1, 1), (summary.Best!.LengthA, summary.Best.LengthB));
        Assert.Equal((1, 2), (summary.Worst!.LengthA, summary.Worst.LengthB));
    }

    [Fact]
    public void Requests_reach_the_generator_in_batches_of_at_most_the_batch_size()
    {
        var (evaluator, generator) = Build(ByCell);
        evaluator.Run(Tiny);
        Assert.Equal(new[] { 3, 1, 3, 1, 3, 1, 3, 1 }, generator.BatchSizes);
    }

    [Fact]
    public void Rectangular_grids_keep_the_problems_of_the_square_grid()
    {
        var (evaluator, _) = Build((a, b) => a.IsEven ? Reply.Right : Reply.WrongValue);
        var square = evaluator.Run(Tiny with { GridA = new DigitRange(1, 3), GridB = new DigitRange(1, 3) });
        var rectangle = evaluator.Run(Tiny with { GridA = new DigitRange(2, 3), GridB = new DigitRange(1, 1) });
        Assert.Equal(new[] { (2, 1), (3, 1) }, rectangle.Grid.Select(c => (c.LengthA, c.LengthB)));
        Assert.Equal(square.Cell(2, 1), rectangle.Cell(2, 1));
        Assert.Equal(square.Cell(3, 1), rectangle.Cell(3, 1));
    }

    [Fact]
    public void Beyond_sets_have_equal_lengths_and_their_own_rows()
    {
        var (evaluator, _) = Build((a, b) => Lengths.Of(a) < 5 ? Reply.Right : Reply.WrongValue);
        var result = evaluator.Run(Tiny with { Beyond = [4, 6] });
        Assert.Equal(new[] { new CellResult(4, 4, 4, 4), new CellResult(6, 6, 4, 0) }, result.Beyond);
        Assert.Equal("a_len,b_len,n,correct,accuracy\n4,4,4,4,1\n6,6,4,0,0\n", EvalFiles.CellsCsv(result.Beyond));
    }

    [Fact]
    public void Beyond_sets_with_a_fixed_b_keep_b_at_its_length()
    {
        var (evaluator, generator) = Build((a, b) => Lengths.Of(b) == 1 ? Reply.Right : Reply.WrongValue);
        var result = evaluator.Run(Tiny with { Beyond = [4, 6], BeyondB = 1 });
        Assert.Equal(new[] { new CellResult(4, 1, 4, 4), new CellResult(6, 1, 4, 4) }, result.Beyond);
        Assert.Equal("a_len,b_len,n,correct,accuracy\n4,1,4,4,1\n6,1,4,4,1\n", EvalFiles.CellsCsv(result.Beyond));
    }

    [Fact]
    public void Progress_counts_every_set_up_to_the_total()
    {
        var (evaluator, _) = Build(ByCell);
        var reports = new List<EvalProgress>();
        evaluator.Run(Tiny with { Beyond = [3] }, new SynchronousProgress(reports.Add));
        // Before each set, after each decoded batch inside it, and once at the end.
        var done = reports.Select(r => r.Done).ToArray();
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, done.Distinct());
        Assert.Equal(done.Order(), done);
        Assert.Contains(reports, r => r.Done == 0 && r.Current.EndsWith("/" + Tiny.PerCell, StringComparison.Ordinal));
        Assert.All(reports, r => Assert.Equal(5, r.Total));
    }

    private sealed class SynchronousProgress(Action<EvalProgress> report) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value) => report(value);
    }

    [Theory]
    [InlineData("sorting")]
    [InlineData("multi-addition")]
    [InlineData("modular-addition")]
    public void Tasks_without_two_operand_lengths_have_no_grid(string name)
    {
        var task = TaskRegistry.Get(name);
        var format = FormatRegistry.Get("plain");
        var encoder = new EvalEncoder(format, CharTokenizer.For(format, task));
        var e = Assert.Throws<NotSupportedException>(() => new GridEvaluator(task, encoder, new FixedGenerator([])));
        Assert.Contains(task.Kind.ToString(), e.Message);
    }
}
