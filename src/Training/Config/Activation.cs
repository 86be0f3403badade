namespace ArithLab.Training.Config;

/// <summary>The MLP nonlinearity (`model.activation`).</summary>
public enum Activation
{
    Gelu,
    Relu,
    SwiGlu,
    GeGlu,
}
