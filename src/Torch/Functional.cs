using ArithLab.Torch.Native;

namespace ArithLab.Torch;

/// <summary>
/// Stateless neural-network functions (PyTorch's <c>torch.nn.functional</c>): each returns a
/// new tensor, records gradients like any op and disposes nothing it is given.
/// The modules of <c>ArithLab.Torch.Nn</c> hold parameters and call these.
/// </summary>
public static partial class Functional
{
    /// <summary>Rows of <paramref name="weight"/> (n, d) picked by <paramref name="ids"/> (int64 or int32, any shape): (*ids, d).</summary>
    public static Tensor Embedding(Tensor weight, Tensor ids)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(ids);
        return Status.Wrap(NativeMethods.al_embedding(weight.Handle, ids.Handle, out var r), r);
    }

    /// <summary>y = x wᵀ + b, with <paramref name="weight"/> (out, in) and <paramref name="bias"/> (out) or null.</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        var result = Status.Wrap(NativeMethods.al_linear(x.Handle, weight.Handle, Tensor.OptionalHandle(bias), out var r), r);
        GC.KeepAlive(bias);
        return result;
    }

    /// <summary>
    /// Layer normalization over the trailing dimensions <paramref name="normalizedShape"/>
    /// (Ba et al. 2016): (x − mean) / sqrt(var + eps) · w + b, with the biased variance.
    /// </summary>
    public static unsafe Tensor LayerNorm(Tensor x, ReadOnlySpan<long> normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(x);
        fixed (long* dims = normalizedShape)
        {
            var result = Status.Wrap(NativeMethods.al_layer_norm(x.Handle, dims, normalizedShape.Length, Tensor.OptionalHandle(weight), Tensor.OptionalHandle(bias), eps, out var r), r);
            GC.KeepAlive(weight);
            GC.KeepAlive(bias);
            return result;
        }
    }

    /// <summary>Layer normalization over the last dimension.</summary>
    public static Tensor LayerNorm(Tensor x, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(x);
        return LayerNorm(x, new[] { x.Size(-1) }, weight, bias, eps);
    }

    /// <summary>
    /// RMS normalization over the last dimension (Zhang &amp; Sennrich 2019):
    /// x / sqrt(mean(x²) + eps) · w. A null <paramref name="eps"/> is the dtype's machine
    /// epsilon, as in PyTorch's <c>nn.RMSNorm</c>.
    /// </summary>
    public static Tensor RmsNorm(Tensor x, Tensor? weight = null, double? eps = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (eps is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must not be negative");
        }
        var result = Status.Wrap(NativeMethods.al_rms_norm(x.Handle, Tensor.OptionalHandle(weight), eps ?? -1, out var r), r);
        GC.KeepAlive(weight);
        return result;
    }

    /// <summary>
    /// Zeroes each element with probability <paramref name="p"/> and scales the others by
    /// 1/(1 − p) while <paramref name="training"/> (Srivastava et al. 2014, inverted dropout);
    /// otherwise returns a new handle of the same values. The mask comes from libtorch's
    /// default generator, so <see cref="LibTorch.ManualSeed"/> makes it repeatable.
    /// </summary>
    public static Tensor Dropout(Tensor x, double p = 0.5, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
        }
        return Status.Wrap(NativeMethods.al_dropout(x.Handle, p, training ? 1 : 0, out var r), r);
    }
}
