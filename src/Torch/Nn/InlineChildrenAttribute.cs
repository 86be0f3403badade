namespace ArithLab.Torch.Nn;

/// <summary>
/// Lists the children of a <see cref="Module"/> member as children of the module that holds it,
/// under their own names: the member is a container that groups and builds modules (a model's
/// positional schemes) without adding a level to the state-dict names. The member itself is no
/// node of the tree, so it must hold no parameters or buffers of its own and must not read
/// <see cref="Module.Training"/>; its children do both as usual.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class InlineChildrenAttribute : Attribute
{
}
