using ArithLab.Models.Generation;
using ArithLab.Models.Hooks;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models;

/// <summary>
/// One transformer block. Pre-norm: x + attn(ln_1(x)), then + mlp(ln_2(·)). Post-norm:
/// ln_1(x + attn(x)), then ln_2(· + mlp(·)). State: <c>ln_1.*</c>, <c>attn.*</c>, <c>ln_2.*</c>, <c>mlp.*</c>.
/// </summary>
public sealed class Block : Module
{
    private readonly NormPlacement _placement;
    private readonly Module _ln1;
    private readonly Attention _attn;
    private readonly Module _ln2;
    private readonly Mlp _mlp;
    private readonly Dropout _residDropout;
    private readonly HookPoint _hookResidPre = new();
    private readonly HookPoint _hookResidMid = new();
    private readonly HookPoint _hookResidPost = new();

    public Block(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _placement = config.NormPlacement;
        _ln1 = Norms.Create(config);
        _attn = new Attention(config);
        _ln2 = Norms.Create(config);
        _mlp = new Mlp(config);
        _residDropout = new Dropout(config.Dropout);
    }

    public Attention Attn => _attn;

    public Mlp Mlp => _mlp;

    /// <summary>
    /// x (B, T, C) → (B, T, C). With <paramref name="rows"/> (N flat positions, see <see cref="FlatRows"/>)
    /// → (N, C), those positions' outputs alone: attention reads every position, and all that follows
    /// it (projection, residual, norms, MLP) is position-wise, so it runs on those rows only.
    /// </summary>
    public Tensor Forward(Tensor x, AttentionContext context, LayerCache? cache = null, Tensor? rows = null)
    {
        var residPre = _hookResidPre.Forward(x);
        var residKept = rows is null ? residPre : FlatRows.Select(residPre, rows);   // (B, T, C) or (N, C)
        if (_placement == NormPlacement.Pre)
        {
            var mid = _hookResidMid.Forward(residKept + _residDropout.Forward(_attn.Forward(Norms.Apply(_ln1, residPre), context, cache, rows)));
            return _hookResidPost.Forward(mid + _residDropout.Forward(_mlp.Forward(Norms.Apply(_ln2, mid))));
        }
        var midPost = _hookResidMid.Forward(Norms.Apply(_ln1, residKept + _residDropout.Forward(_attn.Forward(residPre, context, cache, rows))));
        return _hookResidPost.Forward(Norms.Apply(_ln2, midPost + _residDropout.Forward(_mlp.Forward(midPost))));
    }

    /// <summary>Whether a hook is attached anywhere in this block.</summary>
    internal bool HasHooks => HookPoints("").Any(p => p.Value.HasHooks);

    internal IEnumerable<KeyValuePair<string, HookPoint>> HookPoints(string prefix)
    {
        yield return new($"{prefix}hook_resid_pre", _hookResidPre);
        yield return new($"{prefix}hook_resid_mid", _hookResidMid);
        yield return new($"{prefix}hook_resid_post", _hookResidPost);
        foreach (var p in _attn.HookPoints($"{prefix}attn.")) yield return p;
        foreach (var p in _mlp.HookPoints($"{prefix}mlp.")) yield return p;
    }
}
