using ArithLab.Data.Sampling;
using ArithLab.Data.Batching;

namespace ArithLab.Data.Tests.Batching;

public sealed class FormattedExampleSourceTests
{
    [Fact]
    public void Writes_token_ids_and_metadata_of_the_formatted_tokens()
    {
        var v = HandWritten.Vocabulary;
        var source = FormattedExampleSource.Cycle([HandWritten.Addition(12, 3, reverseAnswer: true)], v);
        var ids = new int[source.MaxTokens];
        var numbers = new int[source.MaxTokens];
        var significances = new int[source.MaxTokens];
        var n = source.Write(ids, numbers, significances, out var prompt);
        Assert.Equal(7, n);
        Assert.Equal(5, prompt);
        Assert.Equal("12+3=51".Select(c => v.Id(c.ToString())), ids);
        Assert.Equal([0, 0, -1, 1, -1, 2, 2], numbers);
        Assert.Equal([1, 0, -1, 0, -1, 0, 1], significances);
    }

    [Fact]
    public void An_example_longer_than_declared_is_rejected()
    {
        var source = new FormattedExampleSource(() => HandWritten.Addition(123, 456), HandWritten.Vocabulary, TaskKind.Addition, maxTokens: 5);
        var error = Assert.Throws<InvalidOperationException>(() => source.Write(new int[20], new int[20], new int[20], out _));
        Assert.Contains("more than the 5", error.Message);
    }

    [Fact]
    public void A_token_missing_from_the_vocabulary_is_named()
    {
        var vocabulary = new Vocabulary(["1", "2", "+", "="]);
        var source = FormattedExampleSource.Cycle([HandWritten.Addition(1, 2)], vocabulary);
        var error = Assert.Throws<ArgumentException>(() => source.Write(new int[9], new int[9], new int[9], out _));
        Assert.Contains("'3'", error.Message);
    }
}
