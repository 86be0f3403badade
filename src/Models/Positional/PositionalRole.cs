namespace ArithLab.Models.Positional;

/// <summary>
/// What a positional scheme does to the model. A model combines schemes freely across roles
/// ("abacus+rope", "abacus+fire") but uses at most one scheme per role.
/// </summary>
public enum PositionalRole
{
    /// <summary>Nothing: the causal mask alone carries order (NoPE).</summary>
    None,

    /// <summary>Adds a table over absolute positions to the token embedding (learned, sinusoidal).</summary>
    AddsToEmbedding,

    /// <summary>Adds a learned table indexed by position ids the data supplies (Abacus, coupled).</summary>
    SuppliesIdTable,

    /// <summary>Rotates queries and keys by their positions (RoPE).</summary>
    RotatesQueryKey,

    /// <summary>Adds a bias over (query, key) offsets to the attention scores (ALiBi, Hard-ALiBi, FIRE, KERPLE).</summary>
    BiasesScores,
}
