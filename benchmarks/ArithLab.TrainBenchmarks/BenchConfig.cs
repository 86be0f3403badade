using ArithLab.Models;

namespace ArithLab.TrainBenchmarks;

/// <summary>
/// The two benchmarked shapes. (a) small: 2 layers, d_model 128, 4 heads; (b) large: 6 layers,
/// d_model 384, 6 heads. Both: batch 64, 9-digit reversed additions (34 tokens a row with BOS
/// and EOS), learned positions, untied embeddings, GELU MLP 4×d, pre-norm, no dropout.
/// </summary>
internal sealed record BenchConfig(string Name, int Layers, int DModel, int Heads)
{
    public const int BatchSize = 64;
    public const int Digits = 9;

    public static BenchConfig Parse(string name) => name switch
    {
        "a" or "small" => new BenchConfig("a", 2, 128, 4),
        "b" or "large" => new BenchConfig("b", 6, 384, 6),
        _ => throw new ArgumentException($"unknown configuration '{name}' (use a or b)"),
    };

    public TransformerConfig Model(int vocabSize) => new()
    {
        VocabSize = vocabSize,
        Layers = Layers,
        DModel = DModel,
        Heads = Heads,
        MaxSeqLen = 64,
    };
}
