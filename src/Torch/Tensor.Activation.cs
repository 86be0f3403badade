using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Activation functions and (log-)softmax.
public sealed partial class Tensor
{
    public Tensor Tanh() => Status.Wrap(NativeMethods.al_tanh(Handle, out var r), r);

    /// <summary>1 / (1 + e^−x).</summary>
    public Tensor Sigmoid() => Status.Wrap(NativeMethods.al_sigmoid(Handle, out var r), r);

    public Tensor Relu() => Status.Wrap(NativeMethods.al_relu(Handle, out var r), r);

    /// <summary>x·Φ(x), exact or with the tanh approximation (Hendrycks &amp; Gimpel 2016).</summary>
    public Tensor Gelu(GeluApproximation approximate = GeluApproximation.None) =>
        Status.Wrap(NativeMethods.al_gelu(Handle, (int)approximate, out var r), r);

    /// <summary>x·sigmoid(x) (SiLU / swish, Elfwing et al. 2017).</summary>
    public Tensor Silu() => Status.Wrap(NativeMethods.al_silu(Handle, out var r), r);

    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/>; <paramref name="dtype"/> casts first (e.g. float32 for float16 logits).</summary>
    public Tensor Softmax(int dim, ScalarType? dtype = null) =>
        Status.Wrap(NativeMethods.al_softmax(Handle, dim, DTypeCode(dtype), out var r), r);

    /// <summary>x − log Σ exp(x) along <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSoftmax(int dim, ScalarType? dtype = null) =>
        Status.Wrap(NativeMethods.al_log_softmax(Handle, dim, DTypeCode(dtype), out var r), r);
}
