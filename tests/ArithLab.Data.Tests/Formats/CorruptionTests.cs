using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;
using FsCheck.Xunit;

namespace ArithLab.Data.Tests.Formats;

/// <summary>Extractors fail cleanly, with a reason, on corrupted targets, and never read a changed digit as the gold answer.</summary>
public sealed class CorruptionTests
{
    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 40)]
    public bool A_non_digit_in_place_of_an_answer_digit_fails_with_a_reason(LongNumber a, LongNumber b)
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, a.Value, b.Value);
        foreach (var name in AdditionFormats)
        {
            var format = FormatRegistry.Get(name, new FormatOptions(PadWidth: 201));
            var target = Texts.Strings(format.Format(problem).Target).ToList();
            var last = target.FindLastIndex(NumberTextIsDigit);
            target[last] = "+";
            var parsed = format.ParseAnswer(problem, target);
            if (parsed.Success || string.IsNullOrEmpty(parsed.Error))
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 40)]
    public bool A_changed_answer_digit_never_matches_the_gold_answer(LongNumber a, LongNumber b)
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, a.Value, b.Value);
        foreach (var name in AdditionFormats)
        {
            var format = FormatRegistry.Get(name, new FormatOptions(PadWidth: 201));
            var target = Texts.Strings(format.Format(problem).Target).ToList();
            var last = target.FindLastIndex(NumberTextIsDigit);
            target[last] = target[last] == "1" ? "2" : "1";
            if (format.ParseAnswer(problem, target).Matches(problem))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Lee_reversed_answer_without_its_closing_dollar_fails()
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, 123, 45);
        var parsed = FormatRegistry.Get("reversed").ParseAnswer(problem, ["8", "6", "1"]);
        Assert.False(parsed.Success);
        Assert.Contains("'$'", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_after_end_of_sequence_are_ignored()
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, 123, 45);
        var parsed = FormatRegistry.Get("plain").ParseAnswer(problem, ["1", "6", "8", Vocabulary.Eos, "9", Vocabulary.Pad]);
        Assert.True(parsed.Matches(problem));
    }

    [Fact]
    public void An_empty_generation_fails_with_a_reason()
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, 123, 45);
        foreach (var name in AdditionFormats)
        {
            var parsed = FormatRegistry.Get(name).ParseAnswer(problem, [Vocabulary.Eos]);
            Assert.False(parsed.Success, name);
            Assert.False(string.IsNullOrEmpty(parsed.Error), name);
        }
    }

    [Fact]
    public void A_leading_zero_is_not_an_exact_answer()
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, 123, 45);
        Assert.False(FormatRegistry.Get("plain").ParseAnswer(problem, ["0", "1", "6", "8"]).Success);
    }

    [Fact]
    public void A_Turing_program_stopped_on_a_carry_fails()
    {
        var problem = ProblemFactory.Create(TaskSpec.Addition, 58, 67);
        var parsed = FormatRegistry.Get("turing").ParseAnswer(problem, "$5^8+6^7=f|$^58+^67=c5".Select(c => c.ToString()).ToList());
        Assert.False(parsed.Success);
    }

    [Fact]
    public void A_sorting_label_that_names_no_number_fails()
    {
        var problem = ProblemFactory.Create(TaskSpec.Sorting(3), 123, 45, 6);
        var format = new ArithLab.Data.Formats.LabelledSortingFormat(fixedOffset: 0);
        Assert.False(format.ParseAnswer(problem, ["C", ",", "B", ",", "D"]).Success);
        Assert.False(format.ParseAnswer(problem, ["C", ",", "C", ",", "A"]).Success);
    }

    private static IEnumerable<string> AdditionFormats => FormatRegistry.Names.Where(n => FormatRegistry.Get(n).Supports(TaskKind.Addition));

    private static bool NumberTextIsDigit(string t) => t.Length == 1 && char.IsAsciiDigit(t[0]);
}
