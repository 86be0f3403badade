using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Formats;

/// <summary>The size estimate against examples actually written at lengths past the 64 digits it measures.</summary>
public sealed class ExampleSizeTests
{
    [Theory]
    [InlineData("addition", "plain", 2000)]
    [InlineData("addition", "reversed", 3000)]
    [InlineData("multiplication", "scratchpad", 200)]
    public void The_estimate_is_within_5_percent_of_the_written_example(string task, string format, int digits)
    {
        var spec = TaskRegistry.Get(task);
        var writer = FormatRegistry.Get(format);
        var nines = System.Numerics.BigInteger.Pow(10, digits) - 1;
        var example = writer.Format(ProblemFactory.Create(spec, nines, nines));
        var actual = example.Prompt.Count + example.Target.Count + 2; // with [BOS] and [EOS]

        var estimate = ExampleSize.Estimate(spec, writer, digits);

        Assert.InRange(estimate, actual * 0.95, actual * 1.05);
    }

    [Fact]
    public void Up_to_64_digits_the_count_is_exact()
    {
        // Plain addition of two 10-digit numbers: [BOS] 10 digits + 10 digits = 11 digits [EOS].
        Assert.Equal(1 + 10 + 1 + 10 + 1 + 11 + 1, ExampleSize.Estimate(TaskSpec.Addition, FormatRegistry.Get("plain"), 10));
    }
}
