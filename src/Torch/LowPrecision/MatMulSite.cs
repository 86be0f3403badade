namespace ArithLab.Torch.LowPrecision;

/// <summary>One matmul of a model: the module that computes it and, for a module with several, which one.</summary>
/// <param name="Owner">The module (compared by reference).</param>
/// <param name="Index">0 for a module's only or first matmul.</param>
public readonly record struct MatMulSite(object Owner, int Index = 0);
