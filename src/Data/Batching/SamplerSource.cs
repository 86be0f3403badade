using ArithLab.Data.Formats;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Batching;

/// <summary>
/// The allocation-free path from the lab's tasks and formats to batches: a <see cref="ProblemSampler"/>
/// (or a fixed set cycled in epochs) writes digits into a reusable <see cref="DigitProblem"/>, a <see cref="DigitFormat"/> writes it into a
/// reusable <see cref="TokenBuffer"/>, and a <see cref="CharTokenizer"/> turns the texts into ids.
/// The problem source's seed decides the examples.
/// </summary>
public sealed class SamplerSource : IExampleSource
{
    private readonly IProblemSource _problems;
    private readonly DigitFormat _format;
    private readonly CharTokenizer _tokenizer;
    private readonly DigitProblem _problem = new();
    private readonly TokenBuffer _buffer = new();

    /// <param name="maxTokens">The most prompt + target tokens an example may have; a longer one is an error.</param>
    public SamplerSource(IProblemSource problems, DigitFormat format, CharTokenizer tokenizer, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        if (!format.Supports(problems.Task.Kind))
        {
            throw new ArgumentException($"format '{format.Name}' does not write {problems.Task.Kind} problems", nameof(format));
        }
        _problems = problems;
        _format = format;
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    public TaskKind Task => _problems.Task.Kind;

    public int MaxTokens { get; }

    public int Write(Span<int> tokenIds, Span<int> numbers, Span<int> significances, out int promptLength)
    {
        _problems.Next(_problem);
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
