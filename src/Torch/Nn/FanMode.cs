namespace ArithLab.Torch.Nn;

/// <summary>Which fan a Kaiming initialisation preserves the variance of.</summary>
public enum FanMode
{
    /// <summary>The forward pass's activations.</summary>
    FanIn,

    /// <summary>The backward pass's gradients.</summary>
    FanOut,
}
