using ArithLab.Data.Formats;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Tests.Tokenization;

public sealed class TokenizerTests
{
    [Fact]
    public void Specials_come_first_and_digits_follow_in_order()
    {
        var vocab = CharTokenizer.VocabularyFor(FormatRegistry.Get("plain"), TaskSpec.Addition);
        Assert.Equal(new[] { Vocabulary.Pad, Vocabulary.Bos, Vocabulary.Eos }, vocab.Tokens.Take(3));
        for (var d = 0; d < 10; d++)
        {
            Assert.Equal(3 + d, vocab.Id(d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Every_format_encodes_and_decodes_its_examples_for_every_task_it_supports()
    {
        var tasks = new[] { TaskSpec.Addition, TaskSpec.Subtraction, TaskSpec.SignedSubtraction, TaskSpec.Multiplication, TaskSpec.MultiOperandAddition(3), TaskSpec.Sorting(4), TaskSpec.ModularAddition(31) };
        foreach (var name in FormatRegistry.Names)
        {
            var format = FormatRegistry.Get(name, new FormatOptions(PadWidth: 12));
            foreach (var task in tasks.Where(t => format.Supports(t.Kind)))
            {
                var tokenizer = CharTokenizer.For(format, task);
                foreach (var p in new ProblemSampler(new SamplerOptions(task, 1, 12, Seed: 1)).Take(50))
                {
                    if (p.Answer[0].Sign < 0 && name.StartsWith("index-hints", StringComparison.Ordinal))
                    {
                        continue; // hinted formats write non-negative answers only
                    }

                    var example = format.Format(p);
                    var tokens = example.Prompt.Concat(example.Target).Select(t => t.Text).ToArray();
                    var ids = tokenizer.Encode(tokens);
                    Assert.Equal(tokens, tokenizer.Decode(ids));
                }
            }
        }
    }

    [Fact]
    public void Residue_tokens_are_in_the_modular_vocabulary_and_nowhere_else()
    {
        var modular = CharTokenizer.VocabularyFor(FormatRegistry.Get("plain"), TaskSpec.ModularAddition(7));
        var plain = CharTokenizer.VocabularyFor(FormatRegistry.Get("plain"), TaskSpec.Addition);
        Assert.True(modular.Contains("<6>"));
        Assert.False(modular.Contains("<7>"));
        Assert.False(plain.Contains("<6>"));
    }

    [Fact]
    public void The_FoNE_number_token_can_be_added()
    {
        var vocab = CharTokenizer.VocabularyFor(FormatRegistry.Get("plain"), TaskSpec.Addition, TokenText.Num);
        Assert.Equal(vocab.Count - 1, vocab.Id(TokenText.Num));
    }

    [Fact]
    public void Encoding_a_buffer_matches_encoding_the_example()
    {
        var format = FormatRegistry.Get("reversed-all");
        var tokenizer = CharTokenizer.For(format, TaskSpec.Addition);
        var problem = ProblemFactory.Create(TaskSpec.Addition, 98765, 4321);
        var digits = new DigitProblem();
        digits.Load(problem);
        var buffer = new TokenBuffer();
        format.Write(digits, buffer);
        var ids = new int[buffer.Count];
        tokenizer.Encode(buffer, ids);
        var example = format.Format(problem);
        Assert.Equal(tokenizer.Encode(example.Prompt.Concat(example.Target).ToList()), ids);
        Assert.Equal("56789+1234=680301", tokenizer.DecodeText(ids)); // 98765 + 4321 = 103086
    }

    [Fact]
    public void An_unknown_token_is_an_error_naming_it()
    {
        var tokenizer = CharTokenizer.For(FormatRegistry.Get("plain"), TaskSpec.Addition);
        var ex = Assert.Throws<ArgumentException>(() => tokenizer.Id("#"));
        Assert.Contains("'#'", ex.Message, StringComparison.Ordinal);
    }
}
