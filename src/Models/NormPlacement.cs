namespace ArithLab.Models;

/// <summary>Where the norms sit: before each sub-layer (GPT-2, nanoGPT) or after the residual sum (Vaswani et al. 2017).</summary>
public enum NormPlacement
{
    Pre,
    Post,
}
