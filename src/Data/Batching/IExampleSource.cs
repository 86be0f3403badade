namespace ArithLab.Data.Batching;

/// <summary>
/// Writes examples as token ids with their FormattedToken metadata (Number, Significance), straight
/// into the stream's reusable buffers: the allocation-free contract between generators and the batcher.
/// A source owns its randomness (its own seed), so the same source settings give the same examples.
/// </summary>
public interface IExampleSource
{
    /// <summary>The task of the examples (coupled ids treat multiplication differently).</summary>
    TaskKind Task { get; }

    /// <summary>The most prompt + target tokens one example can have; sizes the buffers.</summary>
    int MaxTokens { get; }

    /// <summary>
    /// Writes one example's prompt then target tokens (no BOS/EOS) and returns how many it wrote;
    /// <paramref name="promptLength"/> is how many of them are prompt.
    /// </summary>
    int Write(Span<int> tokenIds, Span<int> numbers, Span<int> significances, out int promptLength);
}
