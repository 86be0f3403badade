namespace ArithLab.Models.Positional;

/// <summary>What the Abacus and coupled schemes look their ids up in.</summary>
public enum IdTableKind
{
    /// <summary>A learned table, as both papers use (McLeish et al. 2024; Cho et al. 2024).</summary>
    Learned,

    /// <summary>
    /// Fixed sinusoids of the id (Vaswani et al. 2017, §3.5), row 0 ("no position") zero. Two ids
    /// that no training example put side by side still have a dot product fixed by their distance,
    /// where a learned table leaves it to whatever training did to each row on its own.
    /// </summary>
    Sinusoidal,

    /// <summary>
    /// A learned table whose rows start as the sinusoids of the id, scaled to the per-entry
    /// standard deviation (0.02) of the other embeddings, instead of independent noise. Every pair
    /// of neighbouring rows then starts related by one fixed rotation per frequency, so one
    /// query-key map can compare id i with id i (or i + 1) for every i at once; training is free
    /// to move the rows from there.
    /// </summary>
    LearnedSinusoidal,
}
