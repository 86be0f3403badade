using ArithLab.Torch;

namespace ArithLab.Models.Generation;

/// <summary>
/// Exact match under teacher forcing: one forward pass over the full sequences, and a row
/// counts as correct when the arg-max prediction at every answer position equals the answer
/// token. Greedy decoding is exactly right on the same rows (it emits the same tokens until a
/// first error), so this is the fast way to score exact match.
/// </summary>
public static class TeacherForcing
{
    /// <param name="ids">Full sequences (B, T): prompt and answer.</param>
    /// <param name="answerMask">(B, T), non-zero at the answer tokens to be predicted.</param>
    /// <returns>Per row, whether every answer token was predicted.</returns>
    public static bool[] ExactMatch(ICausalLanguageModel model, Tensor ids, Tensor answerMask, Tensor? positionIds = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(answerMask);
        using var noGrad = LibTorch.NoGrad();
        using var scope = DisposeScope.Begin();
        var (B, T) = ((int)ids.Size(0), (int)ids.Size(1));
        var predicted = model.Logits(ids, positionIds).ArgMax(-1).ToArray<long>();  // (B, T): token t + 1 predicted at t
        var tokens = ids.To(ScalarType.Int64).ToArray<long>();
        var mask = answerMask.To(ScalarType.Int64).ToArray<long>();
        var result = new bool[B];
        for (var b = 0; b < B; b++)
        {
            var ok = true;
            for (var t = 1; t < T && ok; t++)
            {
                if (mask[b * T + t] != 0 && predicted[b * T + t - 1] != tokens[b * T + t])
                {
                    ok = false;
                }
            }
            result[b] = ok;
        }
        return result;
    }
}
