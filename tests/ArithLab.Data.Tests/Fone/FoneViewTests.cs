using System.Numerics;
using ArithLab.Data.Fone;
using ArithLab.Data.Tests.Batching;

namespace ArithLab.Data.Tests.Fone;

public sealed class FoneViewTests
{
    [Fact]
    public void Worked_example_123_plus_45_becomes_three_num_tokens_carrying_the_values()
    {
        var view = FoneView.Collapse(HandWritten.Addition(123, 45));
        Assert.Equal(["[NUM]", "+", "[NUM]", "="], view.Prompt.Select(t => t.Text));
        Assert.Equal([(BigInteger?)123, null, 45, null], view.Prompt.Select(t => t.Value));
        Assert.Equal([0, -1, 1, -1], view.Prompt.Select(t => t.Number));
        var answer = Assert.Single(view.Target);
        Assert.Equal(new FormattedToken("[NUM]", 2, -1, 168), answer);
    }

    [Fact]
    public void Reversed_digits_give_the_same_values_as_plain_ones()
    {
        var plain = FoneView.Collapse(HandWritten.Addition(9081, 27));
        var reversed = FoneView.Collapse(HandWritten.Addition(9081, 27, reverseOperands: true, reverseAnswer: true));
        Assert.Equal(plain.Prompt, reversed.Prompt);
        Assert.Equal(plain.Target, reversed.Target);
    }

    [Fact]
    public void Worked_example_12_times_34_keeps_the_operator_and_carries_408()
    {
        var view = FoneView.Collapse(HandWritten.Multiplication(12, 34));
        Assert.Equal("[NUM]*[NUM]=[NUM]", view.Text);
        Assert.Equal(408, view.Target[0].Value);
    }

    [Fact]
    public void Num_tokens_are_not_digits_so_positional_schemes_treat_them_as_words()
    {
        var view = FoneView.Collapse(HandWritten.Addition(5, 7));
        Assert.All(view.Prompt.Concat(view.Target), t => Assert.False(t.IsDigit));
    }

    [Fact]
    public void Digit_targets_are_least_significant_first_and_zero_above_the_number()
    {
        var digits = new int[5];
        FoneView.Digits(168, digits);
        Assert.Equal([8, 6, 1, 0, 0], digits);
    }

    [Fact]
    public void Digit_targets_of_a_twenty_digit_number_are_exact()
    {
        var value = BigInteger.Parse("98765432109876543210");
        var digits = new int[20];
        FoneView.Digits(value, digits);
        var rebuilt = digits.Select((d, j) => d * BigInteger.Pow(10, j)).Aggregate(BigInteger.Zero, (a, b) => a + b);
        Assert.Equal(value, rebuilt);
    }

    [Fact]
    public void A_number_wider_than_the_digit_count_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => FoneView.Digits(12345, new int[4]));
        Assert.Contains("more than 4 digits", error.Message);
    }
}
