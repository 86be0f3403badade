using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models;

/// <summary>Builds the configured normalisation layer.</summary>
internal static class Norms
{
    public static Module Create(TransformerConfig config) => config.Norm switch
    {
        // Bias = false drops the norms' biases too, as GPT-2-style configs mean it (nanoGPT's bias flag).
        NormKind.LayerNorm => new LayerNorm(config.DModel, eps: config.NormEps, bias: config.Bias),
        NormKind.RmsNorm => new RmsNorm(config.DModel, eps: config.NormEps),
        _ => throw new ArgumentException($"unknown norm {config.Norm}"),
    };

    /// <summary>
    /// <c>ln_f</c>, the norm before the unembedding: pre-norm leaves the residual stream un-normalised;
    /// pre-post keeps it too, as Cho et al.'s reference does (<c>final_layer_norm</c> in custom_t5_decoder_only.py).
    /// Post-norm ends on a norm already.
    /// </summary>
    public static Module? CreateFinal(TransformerConfig config) =>
        config.NormPlacement == NormPlacement.Post ? null : Create(config);

    /// <summary><paramref name="x"/> through <paramref name="norm"/>, or unchanged where there is none.</summary>
    public static Tensor ApplyIfAny(Module? norm, Tensor x) => norm is null ? x : Apply(norm, x);

    public static Tensor Apply(Module norm, Tensor x) => norm switch
    {
        LayerNorm ln => ln.Forward(x),
        RmsNorm rms => rms.Forward(x),
        _ => throw new InvalidOperationException($"not a norm: {norm.GetType().Name}"),
    };
}
