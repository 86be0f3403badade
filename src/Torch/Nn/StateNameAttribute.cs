namespace ArithLab.Torch.Nn;

/// <summary>
/// Names a module member in the state dict instead of the snake_case of its C# name:
/// <c>[StateName("fc1")] public Linear Fc1 { get; }</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class StateNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
