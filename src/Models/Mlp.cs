using ArithLab.Models.Hooks;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models;

/// <summary>
/// The position-wise feed-forward network. State: <c>fc_in.weight</c> (F, C) — (2F, C) for the
/// GLU variants, whose first half is the gate (Shazeer 2020) —, <c>fc_in.bias</c>,
/// <c>fc_out.weight</c> (C, F), <c>fc_out.bias</c>. <c>hook_post</c> sees the F-wide activation.
/// </summary>
public sealed class Mlp : Module
{
    private readonly Activation _activation;
    private readonly int _width;
    private readonly Linear _fcIn;
    private readonly Linear _fcOut;
    private readonly HookPoint _hookPost = new();

    public Mlp(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _activation = config.Activation;
        _width = config.FfWidth;
        var glu = _activation is Activation.SwiGlu or Activation.GeGlu;
        _fcIn = new Linear(config.DModel, glu ? 2 * _width : _width, bias: config.Bias);
        _fcOut = new Linear(_width, config.DModel, bias: config.Bias);
    }

    /// <summary>x (B, T, C) → (B, T, C), or any (…, C) → (…, C): it works position by position.</summary>
    public Tensor Forward(Tensor x)
    {
        var h = _fcIn.Forward(x);                                                   // (B, T, F) or (B, T, 2F)
        var post = _activation switch
        {
            Activation.Gelu => h.Gelu(),
            Activation.Relu => h.Relu(),
            Activation.SwiGlu => h.Narrow(-1, 0, _width).Silu() * h.Narrow(-1, _width, _width),
            Activation.GeGlu => h.Narrow(-1, 0, _width).Gelu() * h.Narrow(-1, _width, _width),
            _ => throw new InvalidOperationException($"unknown activation {_activation}"),
        };
        return _fcOut.Forward(_hookPost.Forward(post));                             // (B, T, C)
    }

    internal IEnumerable<KeyValuePair<string, HookPoint>> HookPoints(string prefix)
    {
        yield return new($"{prefix}hook_post", _hookPost);
    }
}
