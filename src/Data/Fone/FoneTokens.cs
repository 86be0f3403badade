namespace ArithLab.Data.Fone;

/// <summary>The token that stands for a whole number in the FoNE view.</summary>
public static class FoneTokens
{
    /// <summary>Zhou et al. 2025 replace each number by one token whose embedding is computed from its value.</summary>
    public const string Num = "[NUM]";
}
