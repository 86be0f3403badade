using System.Globalization;
using System.Numerics;
using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Formats;

public sealed class LayoutFormatTests
{
    [Fact]
    public void Padded_multi_operand_width_fits_the_largest_possible_sum()
    {
        for (var k = 2; k <= 120; k++)
        {
            for (var w = 1; w <= 6; w++)
            {
                var largest = (BigInteger.Pow(10, w) - 1) * k;
                Assert.Equal(largest.ToString(CultureInfo.InvariantCulture).Length, LayoutFormat.AnswerWidth(TaskSpec.MultiOperandAddition(k), w));
            }
        }
    }

    [Fact]
    public void Padded_answer_of_the_wrong_width_fails()
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, 123, 45);
        var parsed = FormatRegistry.Get("padded", new FormatOptions(PadWidth: 5)).ParseAnswer(problem, ["1", "6", "8"]);
        Assert.False(parsed.Success);
        Assert.Contains("6 digits", parsed.Error, StringComparison.Ordinal);
    }
}
