using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.TrainBenchmarks;

/// <summary>
/// Pre-generated training batches of reversed additions: token ids and next-token targets
/// (B, W) as int64, with targets outside the answer set to -100 so that cross-entropy's
/// ignore index keeps only the answer tokens. Generated once, before timing, and written to a
/// file so that the PyTorch peer trains on exactly the same batches.
/// </summary>
internal sealed class TrainBatches
{
    public const long IgnoreIndex = -100;

    private TrainBatches(int vocabSize, List<(long[] Ids, long[] Targets, int Width)> batches, int batchSize)
    {
        VocabSize = vocabSize;
        Items = batches;
        BatchSize = batchSize;
    }

    public int VocabSize { get; }

    public int BatchSize { get; }

    public IReadOnlyList<(long[] Ids, long[] Targets, int Width)> Items { get; }

    public double MeanWidth => Items.Average(b => b.Width);

    public static TrainBatches Generate(int digits, int batchSize, int count, ulong seed)
    {
        var task = TaskSpec.Addition;
        var format = FormatRegistry.Get("reversed");
        var tokenizer = CharTokenizer.For(format, task);
        // Fixed-length operands, so every batch has the same width and the step does the same work.
        var sampler = new ProblemSampler(new SamplerOptions(task, digits, digits, Seed: seed));
        var source = new SamplerSource(sampler, format, tokenizer, maxTokens: 3 * digits + 8);
        var options = new BatchOptions { BatchSize = batchSize, MaxLength = 3 * digits + 10, Loss = LossScope.Answer };
        var stream = new BatchStream(source, tokenizer.Vocabulary, options, seed);
        var batches = new List<(long[], long[], int)>(count);
        for (var n = 0; n < count; n++)
        {
            var batch = stream.Next();
            var cells = batch.Size * batch.Width;
            var ids = new long[cells];
            var targets = new long[cells];
            for (var i = 0; i < cells; i++)
            {
                ids[i] = batch.TokenIds[i];
                targets[i] = batch.LossMask[i] > 0 ? batch.Targets[i] : IgnoreIndex;
            }
            batches.Add((ids, targets, batch.Width));
        }
        return new TrainBatches(tokenizer.Vocabulary.Count, batches, batchSize);
    }

    /// <summary>
    /// Little-endian int64 file: vocab size, batch size, batch count, then per batch its width
    /// W followed by ids (B·W) and targets (B·W).
    /// </summary>
    public void Write(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write((long)VocabSize);
        writer.Write((long)BatchSize);
        writer.Write((long)Items.Count);
        foreach (var (ids, targets, width) in Items)
        {
            writer.Write((long)width);
            foreach (var v in ids) writer.Write(v);
            foreach (var v in targets) writer.Write(v);
        }
    }
}
