namespace ArithLab.Training.Units;

/// <summary>The tensors a low-precision recipe quantizes in a unit network, numbered for the checkpoint's keys.</summary>
public enum UnitTensorRole
{
    /// <summary>A layer's input x.</summary>
    Activations = 0,

    /// <summary>A layer's effective weight.</summary>
    Weights = 1,

    /// <summary>The gradient with respect to a layer's output.</summary>
    Gradients = 2,

    /// <summary>Adam's moments of one parameter.</summary>
    OptimizerState = 3,
}
