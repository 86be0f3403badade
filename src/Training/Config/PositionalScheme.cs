namespace ArithLab.Training.Config;

/// <summary>A positional scheme of the model (`model.positional` lists one or more).</summary>
public enum PositionalScheme
{
    None,
    Learned,
    Sinusoidal,
    Rope,
    Alibi,
    HardAlibi,
    Fire,
    Abacus,
    Coupled,
}
