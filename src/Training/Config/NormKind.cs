namespace ArithLab.Training.Config;

/// <summary>The normalisation layer (`model.norm`).</summary>
public enum NormKind
{
    LayerNorm,
    RmsNorm,
}
