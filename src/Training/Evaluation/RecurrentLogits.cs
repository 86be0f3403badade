using ArithLab.Models;
using ArithLab.Models.Generation;
using ArithLab.Models.Looped;
using ArithLab.Torch;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// A looped model run with a chosen number of passes of its core: more passes at test time than in
/// training is how looped models reach longer operands (McLeish et al. 2024, §3.2). Decoding keeps
/// the KV cache, sized for that many passes.
/// </summary>
public sealed class RecurrentLogits : ICachedLanguageModel
{
    private readonly LoopedTransformer _model;

    public RecurrentLogits(LoopedTransformer model, int recurrences)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(recurrences, 1);
        _model = model;
        Recurrences = recurrences;
    }

    public int Recurrences { get; }

    public Tensor Logits(Tensor ids, Tensor? positionIds = null) => _model.Forward(ids, positionIds, 0, Recurrences);

    public KvCache NewCache() => _model.NewCache(Recurrences);

    // The cache was made for Recurrences passes, and it is the cache that sets how many run.
    public Tensor Logits(Tensor ids, Tensor? positionIds, KvCache cache) => _model.Logits(ids, positionIds, cache);
}
