namespace ArithLab.Models.Looped;

/// <summary>
/// The recurrent state h₀ the first pass of the core starts from (McLeish et al. 2024's
/// <c>initialize_state</c> in mcleish7/arithmetic <c>crammed_depthrecurrent.py</c>).
/// </summary>
public enum StateInit
{
    /// <summary>h₀ = 0, so under additive injection the first pass reads exactly the embedding e: the deterministic limit of the reference's N(0, 0.02²) start.</summary>
    Zero,

    /// <summary>h₀ = e, so under additive injection the first pass reads 2e (the rule before <see cref="Zero"/> became the default; kept to reproduce runs trained with it).</summary>
    Embedding,

    /// <summary>h₀ ~ N(0, std²) per entry while training, drawn from libtorch's generator like dropout; 0 in eval mode (the reference's <c>state_init: embed</c>, std 0.02).</summary>
    Noise,
}
