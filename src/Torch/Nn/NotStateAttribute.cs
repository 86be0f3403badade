namespace ArithLab.Torch.Nn;

/// <summary>
/// Hides a member of type <see cref="Parameter"/>, <see cref="Module"/>,
/// <see cref="ModuleBuffer"/> or <see cref="Tensor"/> from the module tree: it is not a parameter, child or buffer of
/// this module, is not saved, moved or disposed with it. For references the module does
/// not own (a shared module, a parent, a cached tensor).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class NotStateAttribute : Attribute
{
}
