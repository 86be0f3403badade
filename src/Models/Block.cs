using ArithLab.Models.Generation;
using ArithLab.Models.Hooks;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models;

/// <summary>
/// One transformer block. Pre-norm: x + attn(ln_1(x)), then + mlp(ln_2(·)). Post-norm:
/// ln_1(x + attn(x)), then ln_2(· + mlp(·)). Pre-post: ln_1_post(x + attn(ln_1(x))), then
/// ln_2_post(· + mlp(ln_2(·))). State: <c>ln_1.*</c>, <c>attn.*</c>, <c>ln_1_post.*</c> (pre-post only),
/// <c>ln_2.*</c>, <c>mlp.*</c>, <c>ln_2_post.*</c> (pre-post only).
/// </summary>
public sealed class Block : Module
{
    private readonly NormPlacement _placement;
    private readonly Module _ln1;
    private readonly Attention _attn;
    private readonly Module? _ln1Post;
    private readonly Module _ln2;
    private readonly Mlp _mlp;
    private readonly Module? _ln2Post;
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
        // Cho et al. 2024's reference (layer_norm_position == 'pre_post'): a second norm with its own weights on each residual sum.
        if (_placement == NormPlacement.PrePost)
        {
            _ln1Post = Norms.Create(config);
            _ln2Post = Norms.Create(config);
        }
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
        var attnOut = _attn.Forward(Norms.ApplyIfAny(Before(_ln1), residPre), context, cache, rows);
        var mid = _hookResidMid.Forward(Norms.ApplyIfAny(After(_ln1, _ln1Post), residKept + _residDropout.Forward(attnOut)));
        var mlpOut = _mlp.Forward(Norms.ApplyIfAny(Before(_ln2), mid));
        return _hookResidPost.Forward(Norms.ApplyIfAny(After(_ln2, _ln2Post), mid + _residDropout.Forward(mlpOut)));
    }

    /// <summary>The norm on a sub-layer's input: its own for pre and pre-post, none for post.</summary>
    private Module? Before(Module norm) => _placement == NormPlacement.Post ? null : norm;

    /// <summary>The norm on the residual sum: none for pre, the sub-layer's one for post, the second one for pre-post.</summary>
    private Module? After(Module norm, Module? postNorm) => _placement switch
    {
        NormPlacement.Pre => null,
        NormPlacement.Post => norm,
        _ => postNorm,
    };

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
