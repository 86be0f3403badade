using System.Numerics;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Data;
using ArithLab.Data.Tokenization;
using Reply = ArithLab.Training.Tests.Evaluation.ArithmeticGenerator.Reply;

namespace ArithLab.Training.Tests.Evaluation;

public class CarryTests
{
    [Theory]
    [InlineData("999", "1", 3)]
    [InlineData("123", "45", 0)]
    [InlineData("5", "5", 1)]
    [InlineData("0", "0", 0)]
    [InlineData("19", "1", 1)]
    [InlineData("555", "445", 3)]
    [InlineData("909", "91", 3)]
    [InlineData("1000", "9000", 1)]
    public void Carries_match_hand_worked_sums(string a, string b, int carries)
    {
        Assert.Equal(carries, CarryCounter.Count(BigInteger.Parse(a), BigInteger.Parse(b)));
    }

    [Fact]
    public void Every_carry_removes_nine_from_the_digit_sum()
    {
        // digitsum(a) + digitsum(b) − digitsum(a + b) = 9 · carries: each carry turns a 10 in one column into a 1 in the next.
        var sampler = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 40, Seed: 11));
        for (var i = 0; i < 500; i++)
        {
            var p = sampler.Next();
            var (a, b) = (p.Operands[0], p.Operands[1]);
            var expected = (Lengths.DigitSum(a) + Lengths.DigitSum(b) - Lengths.DigitSum(a + b)) / 9;
            Assert.Equal(expected, CarryCounter.Count(a, b));
        }
    }

    [Fact]
    public void The_carries_table_splits_the_grid_problems_by_their_carries()
    {
        var format = FormatRegistry.Get("plain");
        var tokenizer = CharTokenizer.For(format, TaskSpec.Addition);
        // Right exactly when there is no carry: the table must then read 100% at 0 carries and 0% elsewhere.
        var generator = new ArithmeticGenerator(tokenizer, (a, b) => CarryCounter.Count(a, b) == 0 ? Reply.Right : Reply.WrongValue);
        var settings = new EvalSettings { GridA = new DigitRange(1, 3), GridB = new DigitRange(1, 3), PerCell = 20 };
        var result = new GridEvaluator(TaskSpec.Addition, new EvalEncoder(format, tokenizer), generator).Run(settings);

        var problems = EvalSets.Grid(TaskSpec.Addition, 1, 3, 20, 0, settings.Split).SelectMany(c => c.Problems).ToList();
        var byCarries = problems.GroupBy(p => (Lengths.DigitSum(p.Operands[0]) + Lengths.DigitSum(p.Operands[1]) - Lengths.DigitSum(p.Answer[0])) / 9)
            .OrderBy(g => g.Key).Select(g => new CarryResult(g.Key, g.Count(), g.Key == 0 ? g.Count() : 0));
        Assert.Equal(byCarries, result.Carries);
        Assert.Null(result.CarriesNote);
    }

    [Fact]
    public void Tasks_other_than_addition_skip_carries_with_a_note()
    {
        var format = FormatRegistry.Get("plain");
        var tokenizer = CharTokenizer.For(format, TaskSpec.Multiplication);
        var generator = new FixedGenerator([Vocabulary.EosId]);
        var settings = new EvalSettings { GridA = new DigitRange(1, 2), GridB = new DigitRange(1, 2), PerCell = 2 };
        var result = new GridEvaluator(TaskSpec.Multiplication, new EvalEncoder(format, tokenizer), generator).Run(settings);
        Assert.Empty(result.Carries);
        Assert.Contains("Multiplication", result.CarriesNote);
        Assert.Equal("carries,n,correct,accuracy\n", EvalFiles.CarriesText(result.Carries));
    }
}
