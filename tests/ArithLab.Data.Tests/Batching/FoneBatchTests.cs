using ArithLab.Data.Batching;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Tests.Batching;

public sealed class FoneBatchTests
{
    private static readonly Vocabulary V = HandWritten.Vocabulary;

    private static Batch Pack() =>
        BatchStream.Pack([HandWritten.Addition(123, 45, true, true)], V, new BatchOptions { FoneDigits = 4 }, seed: 1);

    [Fact]
    public void Each_number_is_one_num_token_in_the_row()
    {
        var batch = Pack();
        var num = V.Id(TokenText.Num);
        int[] expected = [Vocabulary.BosId, num, V.Id("+"), num, V.Id("="), num, Vocabulary.EosId];
        Assert.Equal(expected, batch.Row(batch.TokenIds, 0).ToArray());
        Assert.Equal(4, batch.PromptLengths[0]);
    }

    [Fact]
    public void Num_tokens_carry_their_values_and_the_mask_marks_them()
    {
        var batch = Pack();
        Assert.Equal([0, 123, 0, 45, 0, 168, 0], batch.Row(batch.NumberValues!, 0).ToArray());
        Assert.Equal([0, 1, 0, 1, 0, 1, 0], batch.Row(batch.NumberMask!, 0).ToArray());
    }

    [Fact]
    public void Input_digits_are_least_significant_first_and_minus_one_off_numbers()
    {
        var batch = Pack();
        var digits = batch.NumberDigits!.AsSpan(0, batch.Width * 4).ToArray();
        Assert.Equal([-1, -1, -1, -1], digits[0..4]);
        Assert.Equal([3, 2, 1, 0], digits[4..8]);
        Assert.Equal([5, 4, 0, 0], digits[12..16]);
        Assert.Equal([8, 6, 1, 0], digits[20..24]);
    }

    [Fact]
    public void Target_digits_sit_one_column_before_the_answer_and_only_where_the_loss_counts()
    {
        var batch = Pack();
        var targets = batch.TargetDigits!.AsSpan(0, batch.Width * 4).ToArray();
        // Column 4 ('=') predicts the answer [NUM] at column 5.
        Assert.Equal([8, 6, 1, 0], targets[16..20]);
        // The operands' digits are inputs, not answer targets.
        Assert.Equal(batch.Width * 4 - 4, targets.Count(d => d == -1));
    }

    [Fact]
    public void Examples_already_in_the_fone_view_are_rejected_with_the_reason()
    {
        var collapsed = ArithLab.Data.Fone.FoneView.Collapse(HandWritten.Addition(1, 2));
        var error = Assert.Throws<InvalidOperationException>(() => BatchStream.Pack([collapsed], V, new BatchOptions { FoneDigits = 2 }, 1));
        Assert.Contains("collapses numbers itself", error.Message);
    }

    [Fact]
    public void Sampled_batches_carry_the_operands_and_answer_of_each_problem()
    {
        var task = TaskSpec.Addition;
        var format = FormatRegistry.Get("reversed-all");
        var tokenizer = CharTokenizer.For(format, task, TokenText.Num);
        var source = new SamplerSource(new ProblemSampler(new SamplerOptions(task, 1, 12, Seed: 3)), format, tokenizer, maxTokens: 40);
        var batch = new BatchStream(source, tokenizer.Vocabulary, new BatchOptions { BatchSize = 20, MaxLength = 42, FoneDigits = 13 }, 1).Next();
        var problems = new ProblemSampler(new SamplerOptions(task, 1, 12, Seed: 3)).Take(20);
        for (var b = 0; b < batch.Size; b++)
        {
            var values = Enumerable.Range(0, batch.Width).Where(i => batch.NumberMask![batch.Index(b, i)] == 1f)
                .Select(i => batch.NumberValues![batch.Index(b, i)]).ToArray();
            var p = problems[b];
            Assert.Equal(new[] { (double)p.Operands[0], (double)p.Operands[1], (double)p.Answer[0] }, values);
        }
    }
}
