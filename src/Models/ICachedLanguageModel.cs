using ArithLab.Models.Generation;
using ArithLab.Torch;

namespace ArithLab.Models;

/// <summary>A causal model that can decode incrementally, reusing the keys and values of earlier positions.</summary>
public interface ICachedLanguageModel : ICausalLanguageModel
{
    KvCache NewCache();

    /// <summary>Logits (B, Tnew, V) for new ids (B, Tnew) following the tokens in <paramref name="cache"/>, which it extends.</summary>
    Tensor Logits(Tensor ids, Tensor? positionIds, KvCache cache);
}
