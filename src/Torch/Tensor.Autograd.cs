using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Autograd: requires-grad, backward, gradients.
public sealed partial class Tensor
{
    public bool RequiresGrad
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_requires_grad(Handle, out var result));
            return result != 0;
        }
        set => Status.Check(NativeMethods.al_tensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for chaining.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    public bool IsLeaf
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_is_leaf(Handle, out var result));
            return result != 0;
        }
    }

    /// <summary>Back-propagates from this tensor. <paramref name="gradient"/> is needed unless it has one element.</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
    {
        Status.Check(NativeMethods.al_tensor_backward(Handle, OptionalHandle(gradient), retainGraph ? 1 : 0));
        GC.KeepAlive(gradient);
    }

    /// <summary>The accumulated gradient as a new handle, or null when none has been computed.</summary>
    public Tensor? Grad
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_grad(Handle, out var result));
            return result == IntPtr.Zero ? null : new Tensor(result);
        }
        set
        {
            Status.Check(NativeMethods.al_tensor_set_grad(Handle, OptionalHandle(value)));
            GC.KeepAlive(value);
        }
    }

    /// <summary>Drops the accumulated gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>).</summary>
    public void ZeroGrad() => Status.Check(NativeMethods.al_tensor_zero_grad(Handle));

    /// <summary>Keeps the gradient of a non-leaf tensor after backward.</summary>
    public void RetainGrad() => Status.Check(NativeMethods.al_tensor_retain_grad(Handle));

    /// <summary>The same data, cut off from the autograd graph.</summary>
    public Tensor Detach() => Status.Wrap(NativeMethods.al_tensor_detach(Handle, out var r), r);
}
