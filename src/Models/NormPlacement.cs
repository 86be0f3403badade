namespace ArithLab.Models;

/// <summary>
/// Where the norms sit: before each sub-layer (GPT-2, nanoGPT), after the residual sum (Vaswani et al.
/// 2017), or both, each with its own weights (Cho et al. 2024's <c>layer_norm_position: pre_post</c>).
/// </summary>
public enum NormPlacement
{
    Pre,
    Post,
    PrePost,
}
