using ArithLab.Torch;

namespace ArithLab.Models;

/// <summary>A model mapping token ids to next-token logits; what uncached decoding and teacher forcing need.</summary>
public interface ICausalLanguageModel
{
    /// <summary>ids (B, T) → logits (B, T, V). <paramref name="positionIds"/> (B, T) feeds Abacus / coupled tables (and a learned one that reads ids).</summary>
    Tensor Logits(Tensor ids, Tensor? positionIds = null);

    /// <summary>
    /// ids (B, T) → logits (N, V) at the flat positions <paramref name="rows"/> (N) int64, b·T + t (see
    /// <see cref="FlatRows"/>): those rows of <see cref="Logits(Tensor, Tensor?)"/>. This default computes
    /// every position and picks; a model whose last layers are position-wise overrides it to skip the rest.
    /// </summary>
    Tensor LogitsAt(Tensor ids, Tensor? positionIds, Tensor rows) => FlatRows.Select(Logits(ids, positionIds), rows);
}
