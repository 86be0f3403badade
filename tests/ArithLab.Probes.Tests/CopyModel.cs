using ArithLab.Models;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;

namespace ArithLab.Probes.Tests;

/// <summary>
/// A toy whose answer depends on one position: a one-layer transformer trained (a few seconds) to
/// predict, at the last of 4 tokens, the token at position 1. Shared by the tests that need a model
/// with a known circuit.
/// </summary>
public sealed class CopyModel : IDisposable
{
    public const int Length = 4;
    public const int Source = 1;
    public const int Vocabulary = 8;

    public CopyModel()
    {
        LibTorch.ManualSeed(11);
        Model = new Transformer(new TransformerConfig { VocabSize = Vocabulary, Layers = 1, DModel = 32, Heads = 2, DFf = 64, MaxSeqLen = 8 });
        using var optimizer = new AdamW(Model.Parameters(), learningRate: 1e-2, weightDecay: 0);
        var random = new Random(11);
        for (var step = 0; step < 300; step++)
        {
            using var scope = DisposeScope.Begin();
            var ids = Ids(Draw(random, 64));
            var logits = Model.Logits(ids).Select(1, Length - 1);                       // (B, V)
            var loss = Functional.CrossEntropy(logits, ids.Select(1, Source));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }
        Model.Eval();
    }

    public Transformer Model { get; }

    public static long[,] Draw(Random random, int batch)
    {
        var ids = new long[batch, Length];
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < Length; t++)
            {
                ids[b, t] = random.Next(Vocabulary);
            }
        }
        return ids;
    }

    public static Tensor Ids(long[,] ids) =>
        Tensor.From(ids.Cast<long>().ToArray(), ids.GetLength(0), ids.GetLength(1));

    public void Dispose() => Model.Dispose();
}
