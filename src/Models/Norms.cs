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

    public static Tensor Apply(Module norm, Tensor x) => norm switch
    {
        LayerNorm ln => ln.Forward(x),
        RmsNorm rms => rms.Forward(x),
        _ => throw new InvalidOperationException($"not a norm: {norm.GetType().Name}"),
    };
}
