using ArithLab.Data.Formats;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Batching;

/// <summary>
/// The allocation-free path from the lab's tasks and formats to batches: a <see cref="ProblemSampler"/>
/// draws digits into a reusable <see cref="DigitProblem"/>, a <see cref="DigitFormat"/> writes it into a
/// reusable <see cref="TokenBuffer"/>, and a <see cref="CharTokenizer"/> turns the texts into ids.
/// The sampler's seed decides the examples.
/// </summary>
public sealed class SamplerSource : IExampleSource
{
    private readonly ProblemSampler _sampler;
    private readonly DigitFormat _format;
    private readonly CharTokenizer _tokenizer;
    private readonly DigitProblem _problem = new();
    private readonly TokenBuffer _buffer = new();

    /// <param name="maxTokens">The most prompt + target tokens an example may have; a longer one is an error.</param>
    public SamplerSource(ProblemSampler sampler, DigitFormat format, CharTokenizer tokenizer, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        if (!format.Supports(sampler.Options.Task.Kind))
        {
            throw new ArgumentException($"format '{format.Name}' does not write {sampler.Options.Task.Kind} problems", nameof(format));
        }
        _sampler = sampler;
        _format = format;
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    public TaskKind Task => _sampler.Options.Task.Kind;

    public int MaxTokens { get; }

    public int Write(Span<int> tokenIds, Span<int> numbers, Span<int> significances, out int promptLength)
    {
        _sampler.Next(_problem);
        _format.Write(_problem, _buffer);
        var n = _buffer.Count;
        if (n > MaxTokens || n > tokenIds.Length || n > numbers.Length || n > significances.Length)
        {
            throw new InvalidOperationException($"'{_buffer}' has {n} tokens, more than the {MaxTokens} this source was declared with");
        }
        _tokenizer.Encode(_buffer, tokenIds);
        var ns = _buffer.Numbers;
        var ss = _buffer.Significances;
        for (var i = 0; i < n; i++)
        {
            numbers[i] = checked(ns[i]);
            significances[i] = checked(ss[i]);
        }
        promptLength = _buffer.PromptLength;
        return n;
    }
}
