using System.Numerics;
using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;
using FsCheck.Xunit;

namespace ArithLab.Data.Tests.Formats;

/// <summary>For random operands up to 200 digits, every format's extractor recovers the BigInteger answer from the gold target.</summary>
public sealed class RoundTripPropertyTests
{
    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Every_format_recovers_200_digit_sums(LongNumber a, LongNumber b) =>
        Supporting(TaskKind.Addition).All(f => RoundTrips(f, ProblemFactory.Create(TaskSpec.Addition, a.Value, b.Value)));

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Every_supporting_format_recovers_200_digit_products(LongNumber a, LongNumber b) =>
        Supporting(TaskKind.Multiplication).All(f => RoundTrips(f, ProblemFactory.Create(TaskSpec.Multiplication, a.Value, b.Value)));

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Every_supporting_format_recovers_signed_differences(LongNumber a, LongNumber b) =>
        new[] { "plain", "reversed", "reversed-all", "padded", "scratchpad", "scratchpad-simplified" }
            .All(n => RoundTrips(FormatRegistry.Get(n, new FormatOptions(PadWidth: 201)), ProblemFactory.Create(TaskSpec.SignedSubtraction, a.Value, b.Value)));

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Every_supporting_format_recovers_non_negative_differences(LongNumber a, LongNumber b)
    {
        var (hi, lo) = a.Value >= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        return Supporting(TaskKind.Subtraction).All(f => RoundTrips(f, ProblemFactory.Create(TaskSpec.Subtraction, hi, lo)));
    }

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 40)]
    public bool Every_sorting_format_recovers_sorted_lists(LongNumber a, LongNumber b, LongNumber c) =>
        Supporting(TaskKind.Sorting).All(f => RoundTrips(f, ProblemFactory.Create(TaskSpec.Sorting(3), a.Value, b.Value, c.Value)));

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 40)]
    public bool Line_formats_recover_multi_operand_sums(LongNumber a, LongNumber b, LongNumber c) =>
        Supporting(TaskKind.MultiOperandAddition).All(f => RoundTrips(f, ProblemFactory.Create(TaskSpec.MultiOperandAddition(3), a.Value, b.Value, c.Value)));

    // Padded answers begin (reversed: end) with zeros; the extractor must read them as leading zeros, not reject them.
    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Per_example_padding_recovers_200_digit_sums_products_and_multi_sums(LongNumber a, LongNumber b, LongNumber c)
    {
        var format = FormatRegistry.Get("reversed-padded");
        return RoundTrips(format, ProblemFactory.Create(TaskSpec.Addition, a.Value, b.Value))
            && RoundTrips(format, ProblemFactory.Create(TaskSpec.Multiplication, a.Value, b.Value))
            && RoundTrips(format, ProblemFactory.Create(TaskSpec.MultiOperandAddition(3), a.Value, b.Value, c.Value));
    }

    [Fact]
    public void Plain_recovers_every_residue_of_addition_mod_13()
    {
        var format = FormatRegistry.Get("plain");
        for (var a = 0; a < 13; a++)
        {
            for (var b = 0; b < 13; b++)
            {
                Assert.True(RoundTrips(format, ProblemFactory.Create(TaskSpec.ModularAddition(13), a, b)));
            }
        }
    }

    [Fact]
    public void Spaced_formats_recover_answers()
    {
        var p = ProblemFactory.Create(TaskSpec.SignedSubtraction, 45, 98765);
        foreach (var n in new[] { "plain", "reversed", "reversed-all" })
        {
            Assert.True(RoundTrips(FormatRegistry.Get(n, new FormatOptions(Spaces: true)), p), n);
        }
    }

    [Fact]
    public void Thousand_digit_operands_round_trip_through_every_addition_format()
    {
        var a = BigInteger.Pow(7, 1180); // 998 digits
        var b = BigInteger.Pow(10, 1000) - 1; // 1,000 nines: carries all the way
        var p = ProblemFactory.Create(TaskSpec.Addition, a, b);
        foreach (var name in FormatRegistry.Names.Where(n => FormatRegistry.Get(n).Supports(TaskKind.Addition)))
        {
            Assert.True(RoundTrips(FormatRegistry.Get(name, new FormatOptions(PadWidth: 1000)), p), name);
        }
    }

    [Fact]
    public void Thousand_digit_products_round_trip_through_the_line_and_hint_formats()
    {
        var a = BigInteger.Pow(10, 1000) - 1;
        var b = BigInteger.Pow(3, 2094); // 1,000 digits
        var p = ProblemFactory.Create(TaskSpec.Multiplication, a, b);
        foreach (var name in new[] { "plain", "reversed", "reversed-all", "padded", "reversed-padded", "index-hints", "index-hints-mcleish" })
        {
            Assert.True(RoundTrips(FormatRegistry.Get(name, new FormatOptions(PadWidth: 1000)), p), name);
        }
    }

    private static IEnumerable<DigitFormat> Supporting(TaskKind task) =>
        FormatRegistry.Names.Select(n => FormatRegistry.Get(n, new FormatOptions(PadWidth: 201))).Where(f => f.Supports(task));

    private static bool RoundTrips(IFormat format, Problem problem)
    {
        var example = format.Format(problem);
        var parsed = format.ParseAnswer(problem, Texts.Strings(example.Target));
        return parsed.Matches(problem);
    }
}
