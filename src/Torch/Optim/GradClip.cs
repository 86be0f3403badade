using ArithLab.Torch.Native;

namespace ArithLab.Torch.Optim;

/// <summary>Gradient clipping, as torch.nn.utils.</summary>
public static class GradClip
{
    /// <summary>
    /// Scales all gradients in place so that their joint 2-norm is at most
    /// <paramref name="maxNorm"/> (by maxNorm / (norm + 1e-6), never up), as
    /// torch.nn.utils.clip_grad_norm_. Parameters without gradients are ignored.
    /// </summary>
    /// <returns>The joint norm before clipping (0 when no parameter has a gradient).</returns>
    public static unsafe double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (double.IsNaN(maxNorm) || maxNorm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "max norm must be a non-negative number");
        }
        var list = parameters.ToArray();
        var handles = list.Select(p => p.Handle.DangerousGetHandle()).ToArray();
        double total;
        fixed (IntPtr* h = handles)
        {
            Status.Check(NativeMethods.al_clip_grad_norm(h, handles.Length, maxNorm, out total));
        }
        GC.KeepAlive(list);
        return total;
    }
}
