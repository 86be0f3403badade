using System.Numerics;
using ArithLab.Data.Tasks;
using FsCheck.Xunit;

namespace ArithLab.Data.Tests.Tasks;

public sealed class ProblemTextTests
{
    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 100)]
    public bool Sum_text_reads_back_with_the_BigInteger_answer(LongNumber a, LongNumber b)
    {
        var (task, problem) = ProblemText.Parse($"{a.Value}+{b.Value}");
        return task == TaskSpec.Addition && problem.Operands.SequenceEqual([a.Value, b.Value]) && problem.Answer[0] == a.Value + b.Value;
    }

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 100)]
    public bool Difference_is_signed_exactly_when_a_is_below_b(LongNumber a, LongNumber b)
    {
        var (task, problem) = ProblemText.Parse($"{a.Value}-{b.Value}");
        return task.SignedResults == a.Value < b.Value && problem.Answer[0] == a.Value - b.Value;
    }

    [Theory]
    [InlineData("12*34")]
    [InlineData("12x34")]
    [InlineData("12×34")]
    [InlineData(" 12 * 34 ")]
    public void Every_spelling_of_times_is_multiplication(string text)
    {
        var (task, problem) = ProblemText.Parse(text);

        Assert.Equal(TaskKind.Multiplication, task.Kind);
        Assert.Equal(new BigInteger(408), problem.Answer[0]);
    }

    [Fact]
    public void Three_summands_are_multi_operand_addition()
    {
        var (task, problem) = ProblemText.Parse("123+45+6");

        Assert.Equal(TaskSpec.MultiOperandAddition(3), task);
        Assert.Equal(new BigInteger(174), problem.Answer[0]);
    }

    [Fact]
    public void A_comma_list_is_sorted()
    {
        var (task, problem) = ProblemText.Parse("3,12,5");

        Assert.Equal(TaskSpec.Sorting(3), task);
        Assert.Equal([3, 5, 12], problem.Answer.Select(v => (int)v));
    }

    [Fact]
    public void A_given_task_decides_modular_addition()
    {
        var (task, problem) = ProblemText.Parse("90+17", TaskSpec.ModularAddition(97));

        Assert.Equal(97, task.Modulus);
        Assert.Equal(new BigInteger(10), problem.Answer[0]);
    }

    [Theory]
    [InlineData("12", "no operator")]
    [InlineData("1+2-3", "mixes the operators")]
    [InlineData("12+a4", "'a4' is not a non-negative decimal number")]
    [InlineData("1*2*3", "takes exactly two operands")]
    [InlineData("+5", "'' is not a non-negative decimal number")]
    public void Malformed_text_says_what_is_wrong(string text, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ProblemText.Parse(text));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_with_another_operator_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ProblemText.Parse("12*34", TaskSpec.Addition));

        Assert.Contains("written with '+'", e.Message, StringComparison.Ordinal);
    }
}
