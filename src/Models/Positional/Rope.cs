using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>
/// Rotary position embedding (Su et al. 2021, eq. 34), in the "rotate half" layout of GPT-NeoX:
/// the head vector is split into halves (x1, x2) and pair i = (x1[i], x2[i]) is rotated by the
/// angle p·θ_i with θ_i = base^(−2i/hs). Then q_m·k_n depends only on m − n. No weights.
/// </summary>
public sealed class Rope : IQueryKeyRotation
{
    private readonly int _headSize;
    private readonly double _base;

    public Rope(int headSize, double @base = 10000.0)
    {
        if (headSize % 2 != 0) throw new ArgumentException($"RoPE needs an even head size, got {headSize}");
        _headSize = headSize;
        _base = @base;
    }

    /// <summary>Rotates x (B, nh, T, hs) whose rows sit at positions start..start+T−1.</summary>
    public Tensor Apply(Tensor x, int start)
    {
        ArgumentNullException.ThrowIfNull(x);
        var length = (int)x.Size(-2);
        var half = _headSize / 2;
        var cos = new double[length * half];
        var sin = new double[length * half];
        for (var t = 0; t < length; t++)
        {
            for (var i = 0; i < half; i++)
            {
                var angle = (start + t) * Math.Pow(_base, -2.0 * i / _headSize);
                cos[t * half + i] = Math.Cos(angle);
                sin[t * half + i] = Math.Sin(angle);
            }
        }
        using var scope = DisposeScope.Begin();
        var c = Tensor.From(cos, length, half).To(x.DType, x.Device);   // (T, hs/2), broadcasts over (B, nh)
        var s = Tensor.From(sin, length, half).To(x.DType, x.Device);
        var x1 = x.Narrow(-1, 0, half);                                  // (B, nh, T, hs/2)
        var x2 = x.Narrow(-1, half, half);
        var rotated = Tensor.Cat(new[] { x1 * c - x2 * s, x2 * c + x1 * s }, -1); // (B, nh, T, hs)
        return scope.Keep(rotated);
    }
}
