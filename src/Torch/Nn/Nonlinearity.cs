namespace ArithLab.Torch.Nn;

/// <summary>Nonlinearities with a recommended gain (PyTorch's <c>nn.init.calculate_gain</c>).</summary>
public enum Nonlinearity
{
    Linear,
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Selu,
}
