namespace ArithLab.Models;

public enum NormKind
{
    LayerNorm,
    RmsNorm,
}
