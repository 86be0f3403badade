using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Formats;

/// <summary>Number/Significance on the worked examples, worked out by hand: (number, place value) per token.</summary>
public sealed class MetadataTests
{
    private static readonly Problem Sum = ProblemFactory.Create(TaskSpec.Addition, 123, 45);

    [Fact]
    public void Plain_digits_carry_their_number_and_place_value()
    {
        var e = FormatRegistry.Get("plain").Format(Sum);
        Assert.Equal(
            new (int, int)[] { (0, 2), (0, 1), (0, 0), (-1, -1), (1, 1), (1, 0), (-1, -1) },
            e.Prompt.Select(t => (t.Number, t.Significance)).ToArray());
        Assert.Equal(new (int, int)[] { (2, 2), (2, 1), (2, 0) }, e.Target.Select(t => (t.Number, t.Significance)).ToArray());
    }

    [Fact]
    public void Reversed_all_digits_run_from_units_upward()
    {
        var e = FormatRegistry.Get("reversed-all").Format(Sum);
        Assert.Equal(
            new (int, int)[] { (0, 0), (0, 1), (0, 2), (-1, -1), (1, 0), (1, 1), (-1, -1) },
            e.Prompt.Select(t => (t.Number, t.Significance)).ToArray());
        Assert.Equal(new (int, int)[] { (2, 0), (2, 1), (2, 2) }, e.Target.Select(t => (t.Number, t.Significance)).ToArray());
    }

    [Fact]
    public void Lee_reversed_delimiters_are_not_digits()
    {
        var e = FormatRegistry.Get("reversed").Format(Sum);
        Assert.Equal((-1, -1), (e.Prompt[0].Number, e.Prompt[0].Significance));
        Assert.Equal(new (int, int)[] { (2, 0), (2, 1), (2, 2), (-1, -1) }, e.Target.Select(t => (t.Number, t.Significance)).ToArray());
    }

    [Fact]
    public void Padding_zeros_keep_their_place_values()
    {
        var e = FormatRegistry.Get("padded", new FormatOptions(PadWidth: 5)).Format(Sum);
        Assert.Equal(new[] { 4, 3, 2, 1, 0 }, e.Prompt.Take(5).Select(t => t.Significance).ToArray());
        Assert.All(e.Prompt.Take(5), t => Assert.Equal(0, t.Number));
    }

    [Fact]
    public void Index_hints_announce_the_significance_of_the_next_digit_with_number_minus_one()
    {
        var e = FormatRegistry.Get("index-hints").Format(Sum);

        // "a1b2c3+a0b4c5=" then "c8b6a1"
        Assert.Equal(
            new (int, int)[] { (-1, 2), (0, 2), (-1, 1), (0, 1), (-1, 0), (0, 0), (-1, -1), (-1, 2), (1, 2), (-1, 1), (1, 1), (-1, 0), (1, 0), (-1, -1) },
            e.Prompt.Select(t => (t.Number, t.Significance)).ToArray());
        Assert.Equal(
            new (int, int)[] { (-1, 0), (2, 0), (-1, 1), (2, 1), (-1, 2), (2, 2) },
            e.Target.Select(t => (t.Number, t.Significance)).ToArray());
    }

    [Fact]
    public void Spaces_are_not_digits()
    {
        var e = FormatRegistry.Get("plain", new FormatOptions(Spaces: true)).Format(Sum);
        Assert.All(e.Prompt.Where(t => t.Text == " "), t => Assert.False(t.IsDigit));
        Assert.Equal(new[] { 2, 1, 0 }, e.Target.Where(t => t.IsDigit).Select(t => t.Significance).ToArray());
    }

    [Fact]
    public void Simplified_scratchpad_numbers_are_counted_in_order_of_appearance()
    {
        // "Input:\n58+67\nTarget:\n" | "A->5 , C->1\nA->2 , C->1.\n125": numbers 0,1 are operands; 2..5 the A/C values; 6 the answer.
        var e = FormatRegistry.Get("scratchpad-simplified").Format(ProblemFactory.Create(TaskSpec.Addition, 58, 67));
        var digits = e.Target.Where(t => t.IsDigit).Select(t => (t.Text, t.Number, t.Significance)).ToArray();
        Assert.Equal(
            new[] { ("5", 2, 0), ("1", 3, 0), ("2", 4, 0), ("1", 5, 0), ("1", 6, 2), ("2", 6, 1), ("5", 6, 0) },
            digits);
    }

    [Fact]
    public void Detailed_scratchpad_digit_lists_are_one_number_each()
    {
        // "[1,2,8] has 3 digits." — the list is number 2 with place values 2,1,0; the count "3" is number 3.
        var e = FormatRegistry.Get("scratchpad").Format(ProblemFactory.Create(TaskSpec.Addition, 128, 367));
        var first = e.Target.Where(t => t.IsDigit).Take(4).Select(t => (t.Text, t.Number, t.Significance)).ToArray();
        Assert.Equal(new[] { ("1", 2, 2), ("2", 2, 1), ("8", 2, 0), ("3", 3, 0) }, first);
    }

    [Fact]
    public void Turing_heads_are_not_digits_and_carry_letters_are_output_digits()
    {
        // "$5^8+6^7=f|..." — 'f' is the units digit 5 (with carry) of the output, number 4 (after a, b of the prompt and this snapshot).
        var e = FormatRegistry.Get("turing").Format(ProblemFactory.Create(TaskSpec.Addition, 58, 67));
        Assert.All(e.Target.Where(t => t.Text == "^"), t => Assert.False(t.IsDigit));
        var letter = e.Target.First(t => t.Text == "f");
        Assert.Equal((4, 0), (letter.Number, letter.Significance));
    }

    [Fact]
    public void Residue_tokens_are_whole_numbers_at_place_value_zero()
    {
        var e = FormatRegistry.Get("plain").Format(ProblemFactory.Create(TaskSpec.ModularAddition(97), 90, 17));
        Assert.Equal((0, 0), (e.Prompt[0].Number, e.Prompt[0].Significance));
        Assert.Equal((2, 0), (e.Target[0].Number, e.Target[0].Significance));
    }
}
