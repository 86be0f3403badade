using ArithLab.Data.Sampling;
using System.Numerics;
using ArithLab.Data.Positions;
using ArithLab.Data.Tests.Batching;

namespace ArithLab.Data.Tests.Positions;

public sealed class AbacusPositionsTests
{
    private static readonly PositionOptions Eval = new() { Scheme = PositionScheme.Abacus };
    private static readonly PositionOptions Train = Eval with { Training = true };

    [Fact]
    public void Worked_example_reversed_123_plus_45_numbers_each_digit_run_from_the_units()
    {
        // McLeish et al. write all numbers reversed: [BOS] 3 2 1 + 5 4 = 8 6 1 [EOS]
        var example = HandWritten.Addition(123, 45, reverseOperands: true, reverseAnswer: true);
        var ids = PositionIds.For(example, Eval, new SeededRandom(0));
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 0, 1, 2, 3, 0], ids);
    }

    [Fact]
    public void The_reversed_all_format_gives_the_worked_example_ids()
    {
        var example = FormatRegistry.Get("reversed-all").Format(new Problem(TaskKind.Addition, [123, 45], [168]));
        Assert.Equal("321+54=861", example.Text);
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 0, 1, 2, 3, 0], PositionIds.For(example, Eval, new SeededRandom(0)));
    }

    [Fact]
    public void Worked_example_12_times_34_numbers_each_operand_and_the_answer()
    {
        // [BOS] 2 1 * 4 3 = 8 0 4 [EOS]
        var example = HandWritten.Binary(TaskKind.Multiplication, 12, "*", 34, 408, reverseOperands: true, reverseAnswer: true);
        Assert.Equal([0, 1, 2, 0, 1, 2, 0, 1, 2, 3, 0], PositionIds.For(example, Eval, new SeededRandom(0)));
    }

    [Fact]
    public void With_reversed_numbers_id_1_is_the_units_digit_of_every_number()
    {
        var random = new SeededRandom(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var example = HandWritten.Addition(RandomNumber(random), RandomNumber(random), true, true);
            var ids = PositionIds.For(example, Eval, random);
            var tokens = example.Prompt.Concat(example.Target).ToArray();
            for (var i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].IsDigit)
                {
                    Assert.Equal(tokens[i].Significance + 1, ids[i + 1]);
                }
            }
        }
    }

    [Fact]
    public void Ids_restart_at_each_number_and_count_one_to_its_length()
    {
        var random = new SeededRandom(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var example = HandWritten.Addition(RandomNumber(random), RandomNumber(random));
            var ids = PositionIds.For(example, Eval, random);
            var tokens = example.Prompt.Concat(example.Target).ToArray();
            foreach (var number in tokens.Where(t => t.IsDigit).Select(t => t.Number).Distinct())
            {
                var runIds = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].Number == number).Select(i => ids[i + 1]);
                var length = tokens.Count(t => t.Number == number);
                Assert.Equal(Enumerable.Range(1, length), runIds);
            }
        }
    }

    [Fact]
    public void Non_digit_tokens_bos_and_eos_get_zero()
    {
        var example = HandWritten.Addition(907, 3);
        var ids = PositionIds.For(example, Train, new SeededRandom(3));
        var tokens = example.Prompt.Concat(example.Target).ToArray();
        Assert.Equal(0, ids[0]);
        Assert.Equal(0, ids[^1]);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].IsDigit)
            {
                Assert.Equal(0, ids[i + 1]);
            }
        }
    }

    [Fact]
    public void Two_numbers_written_back_to_back_each_restart_at_one()
    {
        int[] numbers = [0, 0, 1, 1, 1];
        int[] significances = [1, 0, 2, 1, 0];
        var ids = new int[5];
        AbacusPositions.Assign(numbers, significances, ids, 0);
        Assert.Equal([1, 2, 1, 2, 3], ids);
    }

    [Fact]
    public void Training_offset_shifts_every_digit_id_by_the_same_k()
    {
        var example = HandWritten.Addition(123, 45, true, true);
        var plain = PositionIds.For(example, Eval, new SeededRandom(0));
        var shifted = PositionIds.For(example, Train, new SeededRandom(0), abacusOffset: 37);
        for (var i = 0; i < plain.Length; i++)
        {
            Assert.Equal(plain[i] == 0 ? 0 : plain[i] + 37, shifted[i]);
        }
    }

    [Fact]
    public void Training_offsets_cover_zero_to_max_k_and_evaluation_offset_is_zero()
    {
        var random = new SeededRandom(5);
        var options = Train with { AbacusMaxOffset = 4 };
        var seen = Enumerable.Range(0, 500).Select(_ => AbacusPositions.DrawOffset(random, options)).ToHashSet();
        Assert.Equal([0, 1, 2, 3, 4], seen.Order());
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(0, AbacusPositions.DrawOffset(random, Eval)));
    }

    private static BigInteger RandomNumber(SeededRandom random)
    {
        var digits = random.NextInt(1, 29);
        var value = BigInteger.Zero;
        for (var i = 0; i < digits; i++)
        {
            value = value * 10 + (i == 0 ? random.NextInt(1, 9) : random.NextInt(10));
        }
        return value;
    }
}
