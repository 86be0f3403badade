using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Formats;

public sealed class FormatRegistryTests
{
    [Fact]
    public void Every_name_builds_a_format_of_that_name()
    {
        foreach (var name in FormatRegistry.Names)
        {
            Assert.Equal(name, FormatRegistry.Get(name).Name);
        }
    }

    [Fact]
    public void An_unknown_name_suggests_the_closest()
    {
        var ex = Assert.Throws<ArgumentException>(() => FormatRegistry.Get("reversd"));
        Assert.Contains("did you mean 'reversed'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_refuses_a_task_it_does_not_write()
    {
        var ex = Assert.Throws<NotSupportedException>(() => FormatRegistry.Get("turing").Format(ProblemFactory.Create(TaskSpec.Multiplication, 12, 34)));
        Assert.Contains("turing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Padding_a_number_wider_than_the_width_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => FormatRegistry.Get("padded", new FormatOptions(PadWidth: 2)).Format(ProblemFactory.Create(TaskSpec.Addition, 123, 45)));
    }
}
