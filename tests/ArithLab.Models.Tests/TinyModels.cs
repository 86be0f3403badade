using ArithLab.Models;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Tests;

/// <summary>Small configurations and seeded construction shared by the tests.</summary>
internal static class TinyModels
{
    public static TransformerConfig Config(string positional = "learned") => new()
    {
        VocabSize = 11,
        Layers = 2,
        DModel = 16,
        Heads = 4,
        DFf = 32,
        MaxSeqLen = 32,
        MaxPositionId = 40,
        FireMlpWidth = 8,
        FireInitL = 4.0,
        Positional = positional,
    };

    /// <summary>A seeded model in eval mode (no dropout), in float64 for exact comparisons.</summary>
    public static Transformer Build(TransformerConfig config, long seed = 1)
    {
        LibTorch.ManualSeed(seed);
        // Returned to the caller, who disposes it.
#pragma warning disable CA2000
        return new Transformer(config).To(ScalarType.Float64).Eval();
#pragma warning restore CA2000
    }

    public static Tensor Ids(long[,] values)
    {
        var (b, t) = (values.GetLength(0), values.GetLength(1));
        var flat = new long[b * t];
        for (var i = 0; i < b; i++)
            for (var j = 0; j < t; j++)
                flat[i * t + j] = values[i, j];
        return Tensor.From(flat, b, t);
    }

    /// <summary>Abacus-like ids for tests: position in the row counted from 1, capped to stay inside the table.</summary>
    public static Tensor PositionIds(int batch, int length, int start = 0)
    {
        var flat = new long[batch * length];
        for (var i = 0; i < batch; i++)
            for (var j = 0; j < length; j++)
                flat[i * length + j] = (start + j) % 7 + 1;
        return Tensor.From(flat, batch, length);
    }

    public static readonly string[] AllSchemes =
    {
        "nope", "learned", "sinusoidal", "rope", "alibi", "hard_alibi", "fire", "kerple", "abacus", "coupled", "abacus+fire", "abacus+rope", "abacus+kerple",
    };
}
