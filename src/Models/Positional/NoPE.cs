namespace ArithLab.Models.Positional;

/// <summary>
/// No positional encoding: the causal mask alone lets a decoder recover positions
/// (Kazemnejad et al. 2023, "The Impact of Positional Encoding on Length Generalization").
/// Selected with the name "nope"; the model then adds nothing and biases nothing.
/// </summary>
public static class NoPE
{
    public const string Name = "nope";
}
