using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Formats;

public sealed class TokenBufferTests
{
    [Fact]
    public void Buffer_spans_carry_the_same_tokens_and_metadata_as_the_formatted_example()
    {
        var format = FormatRegistry.Get("index-hints");
        var problem = ProblemFactory.Create(TaskSpec.Addition, 98765, 4321);
        var digits = new DigitProblem();
        digits.Load(problem);
        var buffer = new TokenBuffer();
        format.Write(digits, buffer);
        var example = format.Format(problem);
        var all = example.Prompt.Concat(example.Target).ToArray();
        Assert.Equal(example.Prompt.Count, buffer.PromptLength);
        Assert.Equal(all.Select(t => t.Text), buffer.Texts.ToArray());
        Assert.Equal(all.Select(t => t.Number), buffer.Numbers.ToArray());
        Assert.Equal(all.Select(t => t.Significance), buffer.Significances.ToArray());
    }

    [Fact]
    public void Rewriting_into_a_buffer_replaces_the_previous_problem()
    {
        var format = FormatRegistry.Get("plain");
        var buffer = new TokenBuffer();
        var digits = new DigitProblem();
        digits.Load(ProblemFactory.Create(TaskSpec.Addition, 123456789, 987654321));
        format.Write(digits, buffer);
        digits.Load(ProblemFactory.Create(TaskSpec.Addition, 1, 2));
        format.Write(digits, buffer);
        Assert.Equal("1+2=3", buffer.ToString());
        Assert.Equal(4, buffer.PromptLength);
    }
}
