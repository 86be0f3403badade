namespace ArithLab.TorchSharpPeer;

/// <summary>
/// The batch file ArithLab.TrainBenchmarks writes with --dump (little-endian int64: vocab size,
/// batch size, batch count, then per batch its width W, ids (B·W) and targets (B·W)), so all
/// three engines train on the same batches.
/// </summary>
internal sealed record Batches(long Vocab, long BatchSize, IReadOnlyList<(long[] Ids, long[] Targets, long Width)> Items)
{
    public static Batches Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var (vocab, batch, count) = (reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        var items = new List<(long[], long[], long)>();
        for (var n = 0; n < count; n++)
        {
            var width = reader.ReadInt64();
            var ids = new long[batch * width];
            var targets = new long[batch * width];
            for (var i = 0; i < ids.Length; i++) ids[i] = reader.ReadInt64();
            for (var i = 0; i < targets.Length; i++) targets[i] = reader.ReadInt64();
            items.Add((ids, targets, width));
        }
        return new Batches(vocab, batch, items);
    }
}
