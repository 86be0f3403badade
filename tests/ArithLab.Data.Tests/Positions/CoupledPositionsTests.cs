using ArithLab.Data.Sampling;
using System.Numerics;
using ArithLab.Data.Positions;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tests.Batching;

namespace ArithLab.Data.Tests.Positions;

public sealed class CoupledPositionsTests
{
    private static readonly PositionOptions Eval = new() { Scheme = PositionScheme.Coupled };
    private static readonly PositionOptions Train = Eval with { Training = true };

    [Fact]
    public void Worked_example_123_plus_45_with_reversed_answer_matches_the_paper_layout()
    {
        // Cho et al.: [BOS] 1 2 3 + 4 5 = 8 6 1 [EOS]; start 1, K = 3 (room for a carry):
        // hundreds 2, tens 3, units 4, '+' and '=' 5, BOS/EOS 0.
        var example = HandWritten.Addition(123, 45, reverseAnswer: true);
        Assert.Equal([0, 2, 3, 4, 5, 3, 4, 5, 4, 3, 2, 0], PositionIds.For(example, Eval, new SeededRandom(0)));
    }

    [Fact]
    public void Worked_example_653_plus_49_zero_padded_matches_the_reference_ids()
    {
        // The reference (HanseulJo/position-coupling, AdditionDatasetWithCoupledPositions, padding: True) at start 1:
        // n = 3, end = start + n + 1 = 5; a's digits get range(end − 3, end), then '+' gets end; b likewise, then '=';
        // the padded answer "0702" gets range(end − 4, end) = 1 2 3 4, reversed with it to 4 3 2 1; BOS and EOS 0.
        // [BOS] 6 5 3 + 0 4 9 = 2 0 7 0 [EOS]
        var example = FormatRegistry.Get("reversed-padded").Format(ProblemFactory.Create(TaskSpec.Addition, 653, 49));
        Assert.Equal([0, 2, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 1, 0], PositionIds.For(example, Eval, new SeededRandom(0)));
    }

    [Fact]
    public void Zero_padded_sums_fill_every_column_with_a_digit_of_each_operand_and_the_answer()
    {
        var format = FormatRegistry.Get("reversed-padded");
        var random = new SeededRandom(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var example = format.Format(ProblemFactory.Create(TaskSpec.Addition, RandomNumber(random, 20), RandomNumber(random, 20)));
            var ids = PositionIds.For(example, Train with { CouplingMaxPosition = 40 }, random);
            var tokens = example.Prompt.Concat(example.Target).ToArray();
            var columns = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].IsDigit)
                .GroupBy(i => ids[i + 1], i => tokens[i].Number)
                .OrderByDescending(g => g.Key)
                .ToList();
            // Units up to the longer operand's top digit: one digit of a, b and the answer; above it the answer's carry alone.
            Assert.All(columns.SkipLast(1), column => Assert.Equal([0, 1, 2], column.Order()));
            Assert.Equal([2], columns[^1]);
        }
    }

    [Fact]
    public void Worked_example_12_times_34_couples_operands_and_answer_by_significance()
    {
        // N×2 multiplication: K = 2 + 2 − 1 = 3; [BOS] 1 2 * 3 4 = 8 0 4 [EOS] (answer reversed).
        var example = HandWritten.Multiplication(12, 34, reverseAnswer: true);
        Assert.Equal([0, 3, 4, 5, 3, 4, 5, 4, 3, 2, 0], PositionIds.For(example, Eval, new SeededRandom(0)));
    }

    [Fact]
    public void A_four_digit_product_puts_its_thousands_digit_at_the_start_id()
    {
        // 99 × 99 = 9801 uses every significance up to K = 3.
        var example = HandWritten.Multiplication(99, 99);
        Assert.Equal([0, 3, 4, 5, 3, 4, 5, 1, 2, 3, 4, 0], PositionIds.For(example, Eval, new SeededRandom(0)));
    }

    [Fact]
    public void Digits_of_equal_significance_share_an_id_across_operands_and_answer()
    {
        var random = new SeededRandom(1);
        for (var trial = 0; trial < 300; trial++)
        {
            var example = HandWritten.Addition(RandomNumber(random), RandomNumber(random), random.NextInt(2) == 0, random.NextInt(2) == 0);
            var ids = PositionIds.For(example, Train, random);
            var tokens = example.Prompt.Concat(example.Target).ToArray();
            var digitIds = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].IsDigit)
                .Select(i => (tokens[i].Significance, Id: ids[i + 1])).ToArray();
            foreach (var group in digitIds.GroupBy(d => d.Significance))
            {
                Assert.Single(group.Select(d => d.Id).Distinct());
            }
            // One more significance is one id lower, whatever the start.
            foreach (var (s, id) in digitIds)
            {
                Assert.Equal(digitIds[0].Id + digitIds[0].Significance - s, id);
            }
        }
    }

    [Fact]
    public void Evaluation_starts_at_1_so_the_units_id_is_one_more_than_the_longest_operand()
    {
        var example = HandWritten.Addition(BigInteger.Parse("98765"), 12);
        var ids = PositionIds.For(example, Eval, new SeededRandom(0));
        // K = 5; units digit of "98765" is the 5th token (column 5).
        Assert.Equal(6, ids[5]);
        Assert.Equal(7, ids[6]); // '+'
    }

    [Fact]
    public void Training_starts_are_uniform_over_the_range_that_keeps_ids_within_max_position()
    {
        var options = Train with { CouplingMaxPosition = 10 };
        var random = new SeededRandom(2);
        // K = 3 → ids start..start+4 ≤ 10 → start ∈ [1, 6].
        var starts = Enumerable.Range(0, 2000).Select(_ => CoupledPositions.DrawStart(random, options, 3)).ToArray();
        Assert.Equal(Enumerable.Range(1, 6), starts.Distinct().Order());
        Assert.All(starts.GroupBy(s => s), g => Assert.InRange(g.Count(), 250, 420));
    }

    [Fact]
    public void Training_ids_stay_within_one_to_max_position()
    {
        var options = Train with { CouplingMaxPosition = 30 };
        var random = new SeededRandom(4);
        for (var trial = 0; trial < 200; trial++)
        {
            var example = HandWritten.Addition(RandomNumber(random, 20), RandomNumber(random, 20), true, true);
            var ids = PositionIds.For(example, options, random);
            Assert.All(ids[1..^1], id => Assert.InRange(id, 1, 30));
        }
    }

    [Fact]
    public void An_example_too_long_for_max_position_is_rejected_with_the_needed_range()
    {
        var example = HandWritten.Addition(BigInteger.Parse("123456789"), 1);
        var error = Assert.Throws<ArgumentException>(() => PositionIds.For(example, Eval with { CouplingMaxPosition = 8 }, new SeededRandom(0)));
        Assert.Contains("needs ids up to 11", error.Message);
    }

    [Fact]
    public void Index_hints_share_the_id_of_the_digit_they_announce()
    {
        // a1 b2 style hints: the hint token (Number −1) carries the significance of its digit.
        int[] numbers = [-1, 0, -1, 0, -1, -1, 1, -1];
        int[] significances = [1, 1, 0, 0, -1, 0, 0, -1];
        var top = CoupledPositions.TopSignificance(numbers, significances, numbers.Length, TaskKind.Addition);
        var ids = new int[numbers.Length];
        CoupledPositions.Assign(numbers, significances, top, 1, ids);
        Assert.Equal(2, top);
        Assert.Equal([2, 2, 3, 3, 4, 3, 3, 4], ids);
    }

    private static BigInteger RandomNumber(SeededRandom random, int maxDigits = 30)
    {
        var digits = random.NextInt(1, maxDigits);
        var value = BigInteger.Zero;
        for (var i = 0; i < digits; i++)
        {
            value = value * 10 + (i == 0 ? random.NextInt(1, 9) : random.NextInt(10));
        }
        return value;
    }
}
