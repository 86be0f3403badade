namespace ArithLab.Torch.Nn;

/// <summary>
/// Keeps a buffer (a <see cref="Tensor"/> member of a module) out of the state dict, as
/// PyTorch's <c>register_buffer(..., persistent=False)</c>: it still moves with
/// <c>To(...)</c> and is disposed with the module. For derived data such as a causal mask.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class NonPersistentAttribute : Attribute
{
}
