namespace ArithLab.Plots.Tests;

public sealed class TickLabelsTests
{
    [Theory]
    [InlineData(0.30000000000000004, 0.1, "0.3")]
    [InlineData(0.6000000000000001, 0.2, "0.6")]
    [InlineData(1.0, 0.2, "1.0")]
    [InlineData(-0.5, 0.5, "-0.5")]
    [InlineData(2000, 1000, "2000")]
    [InlineData(1e-17, 0.1, "0")]
    [InlineData(0.005, 0.005, "0.005")]
    [InlineData(12000000, 2000000, "1.2e7")]
    [InlineData(0.00002, 0.00001, "2e-5")]
    public void Labels_carry_the_steps_decimals_and_no_noise(double value, double step, string expected)
    {
        Assert.Equal(expected, TickLabels.Linear(value, step));
    }

    [Fact]
    public void Value_labels_round_to_four_significant_digits()
    {
        Assert.Equal("0.3", TickLabels.Value(0.1 + 0.2));
        Assert.Equal("1235", TickLabels.Value(1234.6));
    }
}
