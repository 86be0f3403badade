using ArithLab.Torch.Native;

namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// Quantization inside autograd (native/src/lowp_autograd.cpp): the forward pass rounds x as
/// <c>forward</c> says, and the gradient flows back through the straight-through estimator (unchanged,
/// except zero where a per-tensor format clipped x at its max), quantized as <c>backward</c> says.
/// <code>
/// using var xq = FakeQuantize.Apply(x, QuantSpec.Current(e4m3), QuantSpec.None);   // quantized input, STE gradient
/// using var y = FakeQuantize.Apply(h, QuantSpec.None, QuantSpec.Current(e5m2));    // identity, E5M2 gradient
/// </code>
/// </summary>
public static class FakeQuantize
{
    /// <param name="forwardAmax">A one-element float32 tensor that collects max |x| (per-tensor forward specs), or null.</param>
    /// <param name="backwardAmax">The same for the gradient, filled during backward.</param>
    public static unsafe Tensor Apply(Tensor x, QuantSpec forward, QuantSpec backward, Tensor? forwardAmax = null, Tensor? backwardAmax = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        var f = forward.Native;
        var b = backward.Native;
        var status = NativeMethods.al_lowp_fake_quantize(x.Handle, &f, &b, Tensor.OptionalHandle(forwardAmax), Tensor.OptionalHandle(backwardAmax), out var r);
        GC.KeepAlive(forwardAmax);
        GC.KeepAlive(backwardAmax);
        return Status.Wrap(status, r);
    }
}
