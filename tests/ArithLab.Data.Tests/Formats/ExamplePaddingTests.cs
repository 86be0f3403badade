using System.Globalization;
using System.Numerics;
using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;
using FsCheck.Xunit;

namespace ArithLab.Data.Tests.Formats;

/// <summary>
/// `reversed-padded` against Cho et al.'s layout, rebuilt here from the reference's f-strings
/// (HanseulJo/position-coupling, src/data/addition.py with padding: True, reverse_output: True):
/// input f"{a:0{n}d}+{b:0{n}d}", label f"{a + b:0{n + 1}d}" reversed, n the longer operand's length.
/// </summary>
public sealed class ExamplePaddingTests
{
    private static readonly DigitFormat Padded = FormatRegistry.Get("reversed-padded");

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Sums_are_written_as_the_reference_writes_them(LongNumber a, LongNumber b)
    {
        var n = Math.Max(Text(a.Value).Length, Text(b.Value).Length);
        var example = Padded.Format(ProblemFactory.Create(TaskSpec.Addition, a.Value, b.Value));
        var prompt = $"{Text(a.Value).PadLeft(n, '0')}+{Text(b.Value).PadLeft(n, '0')}=";
        var target = new string(Text(a.Value + b.Value).PadLeft(n + 1, '0').Reverse().ToArray());
        return Texts.Of(example.Prompt) == prompt && Texts.Of(example.Target) == target;
    }

    [Fact]
    public void An_unpadded_answer_is_not_exact()
    {
        // 653 + 49 = 702: the reference's label is "2070"; "207" misses the padding zero.
        var problem = ProblemFactory.Create(TaskSpec.Addition, 653, 49);
        var parsed = Padded.ParseAnswer(problem, ["2", "0", "7"]);
        Assert.False(parsed.Success);
        Assert.Contains("4 digits", parsed.Error, StringComparison.Ordinal);
        Assert.True(Padded.ParseAnswer(problem, ["2", "0", "7", "0"]).Matches(problem));
    }

    [Fact]
    public void Padding_zeros_keep_the_place_values_of_their_columns()
    {
        var e = Padded.Format(ProblemFactory.Create(TaskSpec.Addition, 653, 49));
        // "653+049=" | "2070": b's padding zero is the hundreds digit; the answer's last zero its thousands.
        Assert.Equal(
            new (int, int)[] { (0, 2), (0, 1), (0, 0), (-1, -1), (1, 2), (1, 1), (1, 0), (-1, -1) },
            e.Prompt.Select(t => (t.Number, t.Significance)).ToArray());
        Assert.Equal(new (int, int)[] { (2, 0), (2, 1), (2, 2), (2, 3) }, e.Target.Select(t => (t.Number, t.Significance)).ToArray());
    }

    [Theory]
    [InlineData("subtraction")]
    [InlineData("signed-subtraction")]
    [InlineData("sorting")]
    [InlineData("modular-addition")]
    public void Tasks_the_reference_does_not_pad_are_refused(string task)
    {
        var spec = TaskRegistry.Get(task);
        Assert.False(Padded.Supports(spec.Kind));
    }

    [Fact]
    public void Fixed_width_and_per_example_padding_together_are_an_error() =>
        Assert.Throws<ArgumentException>(() => new LayoutFormat("x", new LayoutOptions(PadWidth: 3, PadPerExample: true)));

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
