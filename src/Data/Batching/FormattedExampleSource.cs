namespace ArithLab.Data.Batching;

/// <summary>
/// Adapts any function that draws a <see cref="FormattedExample"/> to the batcher. General but
/// allocating; <see cref="SamplerSource"/> is the allocation-free path for the lab's tasks and formats.
/// </summary>
public sealed class FormattedExampleSource : IExampleSource
{
    private readonly Func<FormattedExample> _next;
    private readonly Vocabulary _vocabulary;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public FormattedExampleSource(Func<FormattedExample> next, Vocabulary vocabulary, TaskKind task, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        _next = next;
        _vocabulary = vocabulary;
        Task = task;
        MaxTokens = maxTokens;
    }

    /// <summary>A source that cycles through fixed examples (previews, evaluation sets, tests).</summary>
    public static FormattedExampleSource Cycle(IReadOnlyList<FormattedExample> examples, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("need at least one example", nameof(examples));
        }
        var tasks = examples.Select(e => e.Problem.Task).Distinct().ToArray();
        if (tasks.Length != 1)
        {
            throw new ArgumentException($"examples of one task expected, got {string.Join(", ", tasks)}", nameof(examples));
        }
        var i = 0;
        var max = examples.Max(e => e.Prompt.Count + e.Target.Count);
        return new FormattedExampleSource(() => examples[i++ % examples.Count], vocabulary, tasks[0], max);
    }

    public TaskKind Task { get; }

    public int MaxTokens { get; }

    public int Write(Span<int> tokenIds, Span<int> numbers, Span<int> significances, out int promptLength)
    {
        var example = _next();
        var n = example.Prompt.Count + example.Target.Count;
        if (n > MaxTokens || n > tokenIds.Length)
        {
            throw new InvalidOperationException($"example '{example.Text}' has {n} tokens, more than the {MaxTokens} this source was declared with");
        }
        var k = 0;
        foreach (var t in example.Prompt)
        {
            Put(t, k++, tokenIds, numbers, significances);
        }
        foreach (var t in example.Target)
        {
            Put(t, k++, tokenIds, numbers, significances);
        }
        promptLength = example.Prompt.Count;
        return n;
    }

    private void Put(FormattedToken t, int k, Span<int> tokenIds, Span<int> numbers, Span<int> significances)
    {
        if (!_ids.TryGetValue(t.Text, out var id))
        {
            id = _vocabulary.Id(t.Text);
            _ids[t.Text] = id;
        }
        tokenIds[k] = id;
        numbers[k] = t.Number;
        significances[k] = t.Significance;
    }
}
