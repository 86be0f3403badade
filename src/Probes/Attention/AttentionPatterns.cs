using ArithLab.Probes.Capture;
using ArithLab.Torch;

namespace ArithLab.Probes.Attention;

/// <summary>Attention patterns of one problem from a cache: per layer and head, query × key probabilities.</summary>
public static class AttentionPatterns
{
    /// <summary>The hook that holds layer <paramref name="layer"/>'s pattern (B, nh, T, T).</summary>
    public static string HookName(int layer) => $"blocks.{layer}.attn.hook_pattern";

    /// <summary>pattern[head][query, key] of batch row <paramref name="row"/> at one layer.</summary>
    public static double[][,] Of(ActivationCache cache, int layer, int row = 0)
    {
        ArgumentNullException.ThrowIfNull(cache);
        using var scope = DisposeScope.Begin();
        var pattern = cache[HookName(layer)].Select(0, row).To(ScalarType.Float64).Contiguous();   // (nh, T, T)
        var (heads, T) = ((int)pattern.Size(0), (int)pattern.Size(1));
        var values = pattern.ToArray<double>();
        var result = new double[heads][,];
        for (var h = 0; h < heads; h++)
        {
            result[h] = new double[T, T];
            for (var q = 0; q < T; q++)
            {
                for (var k = 0; k < T; k++)
                {
                    result[h][q, k] = values[((long)h * T + q) * T + k];
                }
            }
        }
        return result;
    }
}
