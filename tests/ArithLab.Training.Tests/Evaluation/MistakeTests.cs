using System.Globalization;
using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using Reply = ArithLab.Training.Tests.Evaluation.ArithmeticGenerator.Reply;

namespace ArithLab.Training.Tests.Evaluation;

public class MistakeTests
{
    [Theory]
    [InlineData("861", "871", 2)]
    [InlineData("861", "862", 1)]
    [InlineData("100", "1000", 3)]
    [InlineData("100", "1100", 4)]
    [InlineData("5", "15", 2)]
    [InlineData("0", "10", 2)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891", 1)]
    public void The_first_wrong_place_is_the_lowest_differing_decimal_digit(string gold, string read, int place)
    {
        Assert.Equal(place, Mistake.FirstDifferingPlace(BigInteger.Parse(gold, CultureInfo.InvariantCulture), BigInteger.Parse(read, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_first_wrong_place_agrees_with_comparing_the_digit_strings_from_the_right()
    {
        var random = new Random(5);
        for (var n = 0; n < 2000; n++)
        {
            var x = new BigInteger(random.NextInt64(0, 1_000_000_000_000));
            // Half the pairs share a long run of low digits, so the difference sits high.
            var y = random.Next(2) == 0 ? new BigInteger(random.NextInt64(0, 1_000_000_000_000)) : x + BigInteger.Pow(10, random.Next(0, 12)) * random.Next(1, 10);
            var xs = x.ToString(CultureInfo.InvariantCulture);
            var ys = y.ToString(CultureInfo.InvariantCulture);
            var width = Math.Max(xs.Length, ys.Length);
            (xs, ys) = (xs.PadLeft(width, '0'), ys.PadLeft(width, '0'));
            int? expected = null;
            for (var place = 1; place <= width; place++)
            {
                if (xs[width - place] != ys[width - place])
                {
                    expected = place;
                    break;
                }
            }
            Assert.Equal(expected, Mistake.FirstDifferingPlace(x, y));
        }
    }

    [Fact]
    public void Answers_that_were_not_read_or_hold_several_numbers_have_no_first_wrong_place()
    {
        var sum = new Problem(TaskKind.Addition, [BigInteger.One, BigInteger.One], [new BigInteger(2)]);
        Assert.Null(Mistake.FirstWrongPlaceOf(sum, null));
        Assert.Null(Mistake.FirstWrongPlaceOf(sum, [new BigInteger(2)]));                      // right
        Assert.Equal(1, Mistake.FirstWrongPlaceOf(sum, [new BigInteger(-3)]));                  // magnitudes compared
        var sorted = new Problem(TaskKind.Sorting, [new BigInteger(3), BigInteger.One], [BigInteger.One, new BigInteger(3)]);
        Assert.Null(Mistake.FirstWrongPlaceOf(sorted, [new BigInteger(3), BigInteger.One]));
        Assert.Throws<ArgumentException>(() => Mistake.FirstDifferingPlace(-1, 1));
    }

    private static readonly EvalSettings Tiny = new()
    {
        GridA = new DigitRange(1, 2),
        GridB = new DigitRange(1, 2),
        PerCell = 4,
        TrainA = new DigitRange(1, 1),
        TrainB = new DigitRange(1, 1),
        BatchSize = 3,
        Split = new Data.Sampling.SplitRule(0.5),
        MistakesPerCell = 2,
    };

    // (1,1) right, (1,2) one too many, (2,1) never stops, (2,2) garbled.
    private static Reply ByCell(BigInteger a, BigInteger b) => (Lengths.Of(a), Lengths.Of(b)) switch
    {
        (1, 1) => Reply.Right,
        (1, 2) => Reply.WrongValue,
        (2, 1) => Reply.NeverStops,
        _ => Reply.Garbled,
    };

    private static EvalResult Run(EvalSettings settings)
    {
        var format = FormatRegistry.Get("plain");
        var tokenizer = CharTokenizer.For(format, TaskSpec.Addition);
        return new GridEvaluator(TaskSpec.Addition, new EvalEncoder(format, tokenizer), new ArithmeticGenerator(tokenizer, ByCell)).Run(settings);
    }

    [Fact]
    public void Each_cell_keeps_at_most_its_share_of_wrong_answers_with_what_the_model_wrote()
    {
        var result = Run(Tiny with { Beyond = [3] });
        Assert.Equal(new[] { (1, 2), (1, 2), (2, 1), (2, 1), (2, 2), (2, 2) }, result.Mistakes.Where(m => !m.Beyond).Select(m => (m.LengthA, m.LengthB)));
        foreach (var m in result.Mistakes.Where(m => m is { LengthA: 1, LengthB: 2 }))
        {
            // The stand-in writes a + b + 1: read back, and wrong first at the units place.
            var gold = m.Problem.Operands[0] + m.Problem.Operands[1];
            Assert.Equal(new[] { gold }, m.Problem.Answer);
            Assert.Equal(new[] { gold + 1 }, m.Read);
            Assert.Equal(1, m.FirstWrongPlace);
            Assert.Equal(AnswerOutcome.WrongValue, m.Failure);
            Assert.Equal((gold + 1).ToString(CultureInfo.InvariantCulture) + Vocabulary.Eos, m.Output);
        }
        Assert.All(result.Mistakes.Where(m => m is { LengthA: 2, LengthB: 1 }), m => Assert.Equal((AnswerOutcome.NoEos, (IReadOnlyList<BigInteger>?)null), (m.Failure, m.Read)));
        // Beyond the grid (3 + 3 is garbled by the stand-in) keeps its own share.
        Assert.Equal(2, result.Mistakes.Count(m => m.Beyond));
        // Every wrong value is tallied by place, not only the kept examples: the (1,2) cell's four.
        Assert.Equal(new[] { new KeyValuePair<int, int>(1, 4) }, result.FirstWrongPlaces);
        Assert.Empty(Run(Tiny with { MistakesPerCell = 0 }).Mistakes);
        Assert.Throws<ArgumentException>(() => Run(Tiny with { MistakesPerCell = -1 }));
    }

    [Fact]
    public void Mistakes_csv_quotes_the_failure_and_the_output()
    {
        var sum = new Problem(TaskKind.Addition, [new BigInteger(12), new BigInteger(9)], [new BigInteger(21)]);
        var text = EvalFiles.MistakesText(
        [
            new Mistake(false, 2, 1, sum, "31[EOS]", AnswerOutcome.WrongValue, [new BigInteger(31)]),
            new Mistake(true, 2, 1, sum, "2,\"1", "unreadable, \"quoted\"", null),
        ]);
        Assert.Equal(
            "set,a_len,b_len,operands,expected,read,first_wrong_place,failure,output\n"
            + "grid,2,1,12 9,21,31,2,\"wrong value\",\"31[EOS]\"\n"
            + "beyond,2,1,12 9,21,,,\"unreadable, \"\"quoted\"\"\",\"2,\"\"1\"\n",
            text);
    }
}
