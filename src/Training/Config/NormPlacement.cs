namespace ArithLab.Training.Config;

/// <summary>Whether the norm sits before the residual branch or after the residual sum (`model.norm_placement`).</summary>
public enum NormPlacement
{
    Pre,
    Post,
}
