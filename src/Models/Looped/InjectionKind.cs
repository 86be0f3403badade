namespace ArithLab.Models.Looped;

/// <summary>How the embedded input e re-enters the recurrent state h before each pass of the core.</summary>
public enum InjectionKind
{
    /// <summary>h is passed on unchanged.</summary>
    None,

    /// <summary>h + e (McLeish et al. 2024's default, "input injection").</summary>
    Add,

    /// <summary>W [h; e] with W (C, 2C), no bias (McLeish et al. 2024's "linear" variant).</summary>
    Linear,

    /// <summary>Ā ⊙ h + B ⊙ e with Ā = exp(−exp(log_dt + log_a)) ∈ (0, 1) per channel, so the linear part is stable (Parcae).</summary>
    Parcae,
}
