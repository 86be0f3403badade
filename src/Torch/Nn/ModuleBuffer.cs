namespace ArithLab.Torch.Nn;

/// <summary>
/// A tensor that is module state but not trained (PyTorch's <c>register_buffer</c>): it
/// moves with <c>To(...)</c>, is disposed with its module and, when persistent, is saved
/// in the state dict. A non-persistent buffer holds derived data such as a causal mask.
/// A module finds its buffers by reflection, like its parameters (see <see cref="Module"/>).
/// </summary>
public sealed class ModuleBuffer : IDisposable
{
    /// <summary>Takes ownership of <paramref name="data"/>: it leaves any open dispose scope and is disposed with the buffer.</summary>
    public ModuleBuffer(Tensor data, bool persistent = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Owner = null;
        Tensor = data;
        Persistent = persistent;
    }

    /// <summary>The tensor itself (the same object across <c>To(...)</c>).</summary>
    public Tensor Tensor { get; }

    /// <summary>Whether the state dict holds this buffer.</summary>
    public bool Persistent { get; }

    public bool IsDisposed => Tensor.IsDisposed;

    public void Dispose() => Tensor.Dispose();

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(buffer))]
    public static implicit operator Tensor?(ModuleBuffer? buffer) => buffer?.Tensor;

    public override string ToString() => $"ModuleBuffer({Tensor}{(Persistent ? "" : ", non-persistent")})";
}
