namespace ArithLab.Torch.Nn;

/// <summary>A parameter with its state-dict name, as <see cref="Module.NamedParameters"/> yields it.</summary>
public readonly record struct NamedParameter(string Name, Parameter Parameter)
{
    public Tensor Tensor => Parameter.Tensor;

    /// <summary>Whether the optimizer should leave this parameter out of weight decay.</summary>
    public bool NoWeightDecay => Parameter.NoWeightDecay;
}
