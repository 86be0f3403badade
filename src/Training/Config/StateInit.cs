namespace ArithLab.Training.Config;

/// <summary>
/// `model.looped.state_init`: where the recurrent state starts before the first pass (McLeish et al.
/// 2024; mcleish7/arithmetic starts it from N(0, 0.02²) noise).
/// </summary>
public enum StateInit
{
    /// <summary>0: with input injection the first pass reads exactly the embedding.</summary>
    Zero,

    /// <summary>The embedding itself, so with input injection the first pass reads it twice (the rule of runs made before `zero` became the default).</summary>
    Embedding,

    /// <summary>N(0, 0.02²) per entry while training, 0 in evaluation.</summary>
    Noise,
}
