using ArithLab.Models.Generation;
using ArithLab.Models.Hooks;
using ArithLab.Models.Positional;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models;

/// <summary>
/// Causal multi-head self-attention. State: <c>qkv.weight</c> (3C, C) holding [W_q; W_k; W_v],
/// <c>qkv.bias</c> (3C), <c>proj.weight</c> (C, C), <c>proj.bias</c> (C), and a per-layer positional scheme's
/// weights under its name (<c>fire.*</c>, <c>kerple.*</c>). Scores are computed explicitly (not fused) so that
/// <c>hook_pattern</c> sees the attention probabilities.
/// </summary>
public sealed class Attention : Module
{
    private readonly int _heads;
    private readonly int _headSize;
    private readonly Linear _qkv;
    private readonly Linear _proj;
    [InlineChildren]
    private readonly LayerPositions _positions;
    private readonly Dropout _attnDropout;
    private readonly HookPoint _hookQ = new();
    private readonly HookPoint _hookK = new();
    private readonly HookPoint _hookV = new();
    private readonly HookPoint _hookPattern = new();
    private readonly HookPoint _hookZ = new();

    public Attention(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _heads = config.Heads;
        _headSize = config.HeadSize;
        _qkv = new Linear(config.DModel, 3 * config.DModel, bias: config.Bias);
        _proj = new Linear(config.DModel, config.DModel, bias: config.Bias);
        _attnDropout = new Dropout(config.Dropout);
        _positions = new LayerPositions(config);
    }

    /// <summary>
    /// x (B, T, C) → (B, T, C). With a cache, keys and values of earlier positions come from it and the
    /// new ones are appended. With <paramref name="rows"/> (N flat positions, see <see cref="FlatRows"/>)
    /// every position is still attended to, but only those rows go through the output projection: (N, C).
    /// </summary>
    public Tensor Forward(Tensor x, AttentionContext context, LayerCache? cache = null, Tensor? rows = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(context);
        var (B, T, C) = (x.Size(0), x.Size(1), x.Size(2));
        var qkv = _qkv.Forward(x).Split(C, -1);                                    // 3 × (B, T, C)
        var q = qkv[0].View(B, T, _heads, _headSize).Transpose(1, 2);              // (B, nh, T, hs)
        var k = qkv[1].View(B, T, _heads, _headSize).Transpose(1, 2);              // (B, nh, T, hs)
        var v = qkv[2].View(B, T, _heads, _headSize).Transpose(1, 2);              // (B, nh, T, hs)
        if (context.Rotation is { } rotation)
        {
            q = rotation.Apply(q, context.Start);
            k = rotation.Apply(k, context.Start);
        }
        q = _hookQ.Forward(q);
        k = _hookK.Forward(k);
        v = _hookV.Forward(v);
        if (cache is not null)
        {
            (k, v) = cache.Append(k, v);                                            // (B, nh, Tk, hs)
        }
        var keyLength = (int)k.Size(2);

        var scores = Tensor.MatMul(q, k.Transpose(-2, -1)) * (1.0 / Math.Sqrt(_headSize)); // (B, nh, T, Tk)
        if (context.SharedBias is { } shared)
        {
            scores = scores + shared;                                               // (nh, T, Tk) broadcasts over B
        }
        if (_positions.Bias(context.Start, (int)T, keyLength, scores.DType, scores.Device) is { } layerBias)
        {
            scores = scores + layerBias;                                            // (nh, T, Tk), this layer's own (FIRE, KERPLE)
        }
        scores = scores.MaskedFill(context.CausalMask, double.NegativeInfinity);
        var pattern = _hookPattern.Forward(scores.Softmax(-1));                     // (B, nh, T, Tk)
        var z = Tensor.MatMul(_attnDropout.Forward(pattern), v);                    // (B, nh, T, hs)
        z = _hookZ.Forward(z);
        var merged = z.Transpose(1, 2).Contiguous().View(B, T, C);                  // (B, T, C)
        return _proj.Forward(rows is null ? merged : FlatRows.Select(merged, rows));  // (B, T, C) or (N, C)
    }

    internal IEnumerable<KeyValuePair<string, HookPoint>> HookPoints(string prefix)
    {
        yield return new($"{prefix}hook_q", _hookQ);
        yield return new($"{prefix}hook_k", _hookK);
        yield return new($"{prefix}hook_v", _hookV);
        yield return new($"{prefix}hook_pattern", _hookPattern);
        yield return new($"{prefix}hook_z", _hookZ);
    }
}
