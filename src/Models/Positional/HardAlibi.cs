using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>
/// Hard-ALiBi (Jelassi et al. 2024, "Repeat After Me", §4): head h sees only the last m_h keys
/// (offsets i − j &lt; m_h get bias 0, older keys −∞); heads with m_h = 0 see everything, as
/// NoPE. The reference code gives the first masked heads m_h = 1, 2, ... and leaves the rest
/// unmasked, masking 8 of its 12 heads by default (its --num_masked_heads); the default here masks
/// half the heads (model.hard_alibi_windows sets any windows). No weights.
/// </summary>
public sealed class HardAlibi : IScoreBias
{
    public HardAlibi(int heads, IReadOnlyList<int>? windows = null)
    {
        if (windows is null)
        {
            var masked = heads / 2;
            Windows = Enumerable.Range(0, heads).Select(h => h < masked ? h + 1 : 0).ToArray();
        }
        else
        {
            if (windows.Count != heads) throw new ArgumentException($"{windows.Count} Hard-ALiBi windows for {heads} heads");
            if (windows.Any(w => w < 0)) throw new ArgumentException("Hard-ALiBi windows must be ≥ 0 (0 = unlimited)");
            Windows = windows.ToArray();
        }
    }

    /// <summary>Window per head; 0 means unlimited.</summary>
    public IReadOnlyList<int> Windows { get; }

    /// <summary>True where head h must not see key j from query i: (nh, Tq, Tk), row-major.</summary>
    public bool[] Blocked(int qStart, int queryLength, int keyLength)
    {
        var heads = Windows.Count;
        var blocked = new bool[heads * queryLength * keyLength];
        for (var h = 0; h < heads; h++)
            for (var i = 0; i < queryLength; i++)
                for (var j = 0; j < keyLength; j++)
                    blocked[(h * queryLength + i) * keyLength + j] = Windows[h] > 0 && qStart + i - j >= Windows[h];
        return blocked;
    }

    /// <summary>The bias (nh, Tq, Tk): 0 inside each head's window, −∞ outside.</summary>
    public Tensor Bias(int qStart, int queryLength, int keyLength, ScalarType dtype, Device device)
    {
        using var scope = DisposeScope.Begin();
        var blocked = Tensor.From(Blocked(qStart, queryLength, keyLength), Windows.Count, queryLength, keyLength).To(Device.Cpu);
        var bias = Tensor.Zeros(new long[] { Windows.Count, queryLength, keyLength }, dtype).MaskedFill(blocked, double.NegativeInfinity);
        return scope.Keep(bias.To(dtype, device));
    }
}
