using System.Numerics;
using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Formats;

/// <summary>The worked examples of docs/data-formats.md, string for string (worked by hand from the papers).</summary>
public sealed class WorkedExampleTests
{
    private static readonly Problem Sum = ProblemFactory.Create(TaskSpec.Addition, 123, 45);
    private static readonly Problem Product = ProblemFactory.Create(TaskSpec.Multiplication, 12, 34);

    [Theory]
    [InlineData("plain", "123+45=", "168")]
    [InlineData("reversed", "$123+45=", "861$")]
    [InlineData("reversed-all", "321+54=", "861")]
    [InlineData("turing", "$123^+45^=|", "$12^3+4^5=8|$1^23+^45=68|$^123+^45=168")]
    public void Addition_of_123_and_45_is_written_as_published(string format, string prompt, string target) =>
        AssertWritten(FormatRegistry.Get(format), Sum, prompt, target);

    [Theory]
    [InlineData("plain", "12*34=", "408")]
    [InlineData("reversed", "$12*34=", "804$")]
    [InlineData("reversed-all", "21x43=", "804")]
    public void Multiplication_of_12_and_34_is_written_as_published(string format, string prompt, string target) =>
        AssertWritten(FormatRegistry.Get(format), Product, prompt, target);

    // Zhou et al. 2023's illustration, at offset 0 (the first hint 'a'); offset 50 wraps from 'Z' to 'a'.
    [Fact]
    public void Zhou_index_hints_count_from_the_most_significant_place()
    {
        var atA = FormatRegistry.Get("index-hints", new FormatOptions(HintOffset: 0));
        AssertWritten(atA, Sum, "a1b2c3+a0b4c5=", "c8b6a1");
        AssertWritten(atA, Product, "a0b1c2*a0b3c4=", "c8b0a4");
        AssertWritten(FormatRegistry.Get("index-hints", new FormatOptions(HintOffset: 50)), Sum, "Y1Z2a3+Y0Z4a5=", "a8Z6Y1");
    }

    [Fact]
    public void Padded_addition_at_width_3_matches_Lee_et_al_zero_padding() =>
        AssertWritten(FormatRegistry.Get("padded", new FormatOptions(PadWidth: 3)), Sum, "123+045=", "0168");

    [Fact]
    public void Padded_addition_pads_operands_to_the_width_and_the_sum_to_one_more() =>
        AssertWritten(FormatRegistry.Get("padded", new FormatOptions(PadWidth: 5)), Sum, "00123+00045=", "000168");

    [Fact]
    public void Padded_multiplication_pads_the_product_to_twice_the_width() =>
        AssertWritten(FormatRegistry.Get("padded", new FormatOptions(PadWidth: 3)), Product, "012*034=", "000408");

    // Cho et al. 2024 (HanseulJo/position-coupling, src/data/addition.py with padding: True, reverse_output: True):
    // operands padded to the longer one, the sum to one digit more, then the sum reversed.
    [Theory]
    [InlineData(653, 49, "653+049=", "2070")]
    [InlineData(5, 5, "5+5=", "01")]
    [InlineData(0, 0, "0+0=", "00")]
    [InlineData(999, 1, "999+001=", "0001")]
    [InlineData(123, 45, "123+045=", "8610")]
    [InlineData(7, 1234, "0007+1234=", "14210")]
    public void Reversed_padded_addition_is_written_as_Cho_et_al_write_it(int a, int b, string prompt, string target) =>
        AssertWritten(FormatRegistry.Get("reversed-padded"), ProblemFactory.Create(TaskSpec.Addition, a, b), prompt, target);

    // The reference's N×M data (src/data/multiplication.py): operands as written, the product padded to len a + len b.
    [Theory]
    [InlineData(12, 34, "12*34=", "8040")]
    [InlineData(123, 5, "123*5=", "5160")]
    [InlineData(0, 7, "0*7=", "00")]
    public void Reversed_padded_multiplication_pads_the_product_to_the_operand_lengths_added_up(int a, int b, string prompt, string target) =>
        AssertWritten(FormatRegistry.Get("reversed-padded"), ProblemFactory.Create(TaskSpec.Multiplication, a, b), prompt, target);

    // The reference's multi-operand sums: the answer to the digits of k·(10^n − 1); 3 × 999 = 2997 has 4.
    [Fact]
    public void Reversed_padded_multi_operand_addition_pads_every_operand_and_the_widest_sum() =>
        AssertWritten(FormatRegistry.Get("reversed-padded"), ProblemFactory.Create(TaskSpec.MultiOperandAddition(3), 123, 45, 6), "123+045+006=", "4710");

    [Fact]
    public void Spaces_separate_every_token_and_the_prompt_keeps_its_trailing_space() =>
        AssertWritten(FormatRegistry.Get("plain", new FormatOptions(Spaces: true)), Sum, "1 2 3 + 4 5 = ", "1 6 8");

    [Fact]
    public void McLeish_index_hints_count_from_the_units_digit()
    {
        AssertWritten(new IndexHintFormat(IndexHintStyle.McLeish, fixedOffset: 0), Sum, "A3B2C1+A5B4=", "A8B6C1");
        AssertWritten(new IndexHintFormat(IndexHintStyle.McLeish, fixedOffset: 0), Product, "A2B1xA4B3=", "A8B0C4");
    }

    [Fact]
    public void McLeish_hint_cycle_wraps_after_its_last_character() =>
        AssertWritten(new IndexHintFormat(IndexHintStyle.McLeish, fixedOffset: 101), Sum, "ω3A2B1+ω5A4=", "ω8A6B1");

    [Fact]
    public void Reversed_signed_subtraction_reverses_the_sign_with_the_digits() =>
        AssertWritten(FormatRegistry.Get("reversed"), ProblemFactory.Create(TaskSpec.SignedSubtraction, 45, 123), "$45-123=", "87-$");

    [Fact]
    public void Plain_signed_subtraction_writes_a_leading_minus() =>
        AssertWritten(FormatRegistry.Get("plain"), ProblemFactory.Create(TaskSpec.SignedSubtraction, 45, 123), "45-123=", "-78");

    [Fact]
    public void Sorting_writes_the_list_and_the_sorted_list() =>
        AssertWritten(FormatRegistry.Get("plain"), ProblemFactory.Create(TaskSpec.Sorting(3), 3, 12, 5), "3,12,5=", "3,5,12");

    [Fact]
    public void McLeish_sorting_lists_labelled_reversed_numbers_and_answers_with_labels() =>
        AssertWritten(new LabelledSortingFormat(fixedOffset: 0), ProblemFactory.Create(TaskSpec.Sorting(3), 123, 45, 6), "A:321,B:54,C:6=", "C,B,A");

    [Fact]
    public void McLeish_sorting_labels_wrap_around_the_cycle() =>
        AssertWritten(new LabelledSortingFormat(fixedOffset: 99), ProblemFactory.Create(TaskSpec.Sorting(3), 123, 45, 6), "ω:321,A:54,B:6=", "B,A,ω");

    [Fact]
    public void McLeish_sorting_keeps_equal_numbers_in_list_order() =>
        AssertWritten(new LabelledSortingFormat(fixedOffset: 0), ProblemFactory.Create(TaskSpec.Sorting(3), 5, 5, 1), "A:5,B:5,C:1=", "C,A,B");

    [Fact]
    public void Multi_operand_addition_chains_the_operator() =>
        AssertWritten(FormatRegistry.Get("plain"), ProblemFactory.Create(TaskSpec.MultiOperandAddition(3), 123, 45, 6), "123+45+6=", "174");

    [Fact]
    public void Modular_addition_writes_each_residue_as_one_token()
    {
        var example = FormatRegistry.Get("plain").Format(ProblemFactory.Create(TaskSpec.ModularAddition(97), 90, 17));
        Assert.Equal(new[] { "<90>", "+", "<17>", "=" }, Texts.Strings(example.Prompt));
        Assert.Equal(new[] { "<10>" }, Texts.Strings(example.Target));
    }

    [Fact]
    public void Detailed_scratchpad_for_128_plus_367_matches_Lee_et_al()
    {
        const string Target =
            "<scratch>\n" +
            "[1,2,8] has 3 digits.\n" +
            "[3,6,7] has 3 digits.\n" +
            "[1,2,8] + [3,6,7] , A=[] , C=0 , 8+7+0=15 , A->5 , C->1\n" +
            "[1,2] + [3,6] , A=[5] , C=1 , 2+6+1=9 , A->9 , C->0\n" +
            "[1] + [3] , A=[9,5] , C=0 , 1+3+0=4 , A->4 , C->0\n" +
            "[] + [] , A=[4,9,5] C=0 , END\n" +
            "</scratch>\n" +
            "4 9 5";
        AssertWritten(FormatRegistry.Get("scratchpad"), ProblemFactory.Create(TaskSpec.Addition, 128, 367), "Input:\n128+367\nTarget:\n", Target);
    }

    [Fact]
    public void Detailed_scratchpad_for_123_plus_45_pads_the_short_operand_with_zero()
    {
        const string Target =
            "<scratch>\n" +
            "[1,2,3] has 3 digits.\n" +
            "[4,5] has 2 digits.\n" +
            "[1,2,3] + [4,5] , A=[] , C=0 , 3+5+0=8 , A->8 , C->0\n" +
            "[1,2] + [4] , A=[8] , C=0 , 2+4+0=6 , A->6 , C->0\n" +
            "[1] + [] , A=[6,8] , C=0 , 1+0+0=1 , A->1 , C->0\n" +
            "[] + [] , A=[1,6,8] C=0 , END\n" +
            "</scratch>\n" +
            "1 6 8";
        AssertWritten(FormatRegistry.Get("scratchpad"), Sum, "Input:\n123+45\nTarget:\n", Target);
    }

    [Fact]
    public void Detailed_scratchpad_for_12_times_34_accumulates_partial_products()
    {
        const string Target =
            "<scratch>\n" +
            "[1,2] has 2 digits.\n" +
            "[3,4] has 2 digits.\n" +
            "[1,2] * 4 , A=[4,8] , k=1 , B=[4,8] , C=0+48=48\n" +
            "[1,2] * 3 , A=[3,6] , k=10 , B=[3,6,0] , C=48+360=408 , END\n" +
            "</scratch>\n" +
            "4 0 8";
        AssertWritten(FormatRegistry.Get("scratchpad"), Product, "Input:\n12*34\nTarget:\n", Target);
    }

    [Fact]
    public void Detailed_subtraction_scratchpad_borrows_ten_in_all_but_the_last_column()
    {
        const string Target =
            "<scratch>\n" +
            "[1,2,3] has 3 digits.\n" +
            "[4,5] has 2 digits.\n" +
            "[1,2,3] - [4,5] , A=[] , C=0 , 3-5-0+10=8 , A->8 , C->-1\n" +
            "[1,2] - [4] , A=[8] , C=-1 , 2-4-1+10=7 , A->7 , C->-1\n" +
            "[1] - [] , A=[7,8] , C=-1 , 1-0-1=0 , A->0 , C->0\n" +
            "[] - [] , A=[0,7,8]\n" +
            "0+78=78 , END\n" +
            "</scratch>\n" +
            "7 8";
        AssertWritten(FormatRegistry.Get("scratchpad"), ProblemFactory.Create(TaskSpec.Subtraction, 123, 45), "Input:\n123-45\nTarget:\n", Target);
    }

    [Fact]
    public void Detailed_subtraction_scratchpad_carries_the_sign_in_the_last_column()
    {
        const string Target =
            "<scratch>\n" +
            "[4,5] has 2 digits.\n" +
            "[1,2,3] has 3 digits.\n" +
            "[4,5] - [1,2,3] , A=[] , C=0 , 5-3-0=2 , A->2 , C->0\n" +
            "[4] - [1,2] , A=[2] , C=0 , 4-2-0=2 , A->2 , C->0\n" +
            "[] - [1] , A=[2,2] , C=0 , 0-1-0=-1 , A->-1 , C->-1\n" +
            "[] - [] , A=[-1,2,2]\n" +
            "-100+22=-78 , END\n" +
            "</scratch>\n" +
            "-7 8";
        AssertWritten(FormatRegistry.Get("scratchpad"), ProblemFactory.Create(TaskSpec.SignedSubtraction, 45, 123), "Input:\n45-123\nTarget:\n", Target);
    }

    [Fact]
    public void Simplified_subtraction_scratchpad_recombines_the_signed_last_digit() =>
        AssertWritten(
            FormatRegistry.Get("scratchpad-simplified"),
            ProblemFactory.Create(TaskSpec.SignedSubtraction, 45, 123),
            "Input:\n45-123\nTarget:\n",
            "A->2 , C->0\nA->2 , C->0\nA->-1 , C->-1\n-100+22=-78.\n-78");

    [Fact]
    public void Simplified_scratchpad_for_128_plus_367_matches_Lee_et_al() =>
        AssertWritten(
            FormatRegistry.Get("scratchpad-simplified"),
            ProblemFactory.Create(TaskSpec.Addition, 128, 367),
            "Input:\n128+367\nTarget:\n",
            "A->5 , C->1\nA->9 , C->0\nA->4 , C->0.\n495");

    [Fact]
    public void Simplified_scratchpad_for_123_plus_45_ends_its_last_step_with_a_full_stop() =>
        AssertWritten(FormatRegistry.Get("scratchpad-simplified"), Sum, "Input:\n123+45\nTarget:\n", "A->8 , C->0\nA->6 , C->0\nA->1 , C->0.\n168");

    [Fact]
    public void Spaced_multiplication_separates_every_token() =>
        AssertWritten(FormatRegistry.Get("plain", new FormatOptions(Spaces: true)), Product, "1 2 * 3 4 = ", "4 0 8");

    [Fact]
    public void Simplified_scratchpad_writes_the_final_carry_into_the_answer() =>
        AssertWritten(
            FormatRegistry.Get("scratchpad-simplified"),
            ProblemFactory.Create(TaskSpec.Addition, 58, 67),
            "Input:\n58+67\nTarget:\n",
            "A->5 , C->1\nA->2 , C->1.\n125");

    [Fact]
    public void Turing_program_marks_carries_with_letters_and_adds_a_step_for_the_final_carry() =>
        AssertWritten(FormatRegistry.Get("turing"), ProblemFactory.Create(TaskSpec.Addition, 58, 67), "$58^+67^=|", "$5^8+6^7=f|$^58+^67=c5|$^58+^67=125");

    private static void AssertWritten(IFormat format, Problem problem, string prompt, string target)
    {
        var example = format.Format(problem);
        Assert.Equal(prompt, Texts.Of(example.Prompt));
        Assert.Equal(target, Texts.Of(example.Target));
        var parsed = format.ParseAnswer(problem, Texts.Strings(example.Target));
        Assert.True(parsed.Matches(problem), parsed.Error);
    }

    [Fact]
    public void Worked_examples_use_the_gold_answers()
    {
        Assert.Equal(new BigInteger(168), Sum.Answer[0]);
        Assert.Equal(new BigInteger(408), Product.Answer[0]);
    }
}
