using ArithLab.Torch;

namespace ArithLab.Probes.Patching;

/// <summary>
/// What patching measures (Wang et al. 2022; Heimersheim &amp; Nanda 2024): at one answer position, the
/// logit of the clean answer's token minus that of the corrupted answer's token, averaged over the batch.
/// </summary>
/// <param name="Position">The token position whose logits predict the answer token (the one before it).</param>
/// <param name="Clean">Per batch row, the token the clean problem's answer has there.</param>
/// <param name="Corrupted">Per batch row, the token the corrupted problem's answer has there.</param>
public sealed record LogitDifference(int Position, IReadOnlyList<int> Clean, IReadOnlyList<int> Corrupted)
{
    public double Of(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = DisposeScope.Begin();
        var at = logits.Select(1, Position).To(ScalarType.Float64).Contiguous();  // (B, V)
        var vocabulary = (int)at.Size(1);
        var values = at.ToArray<double>();
        return Enumerable.Range(0, Clean.Count).Average(b => values[b * vocabulary + Clean[b]] - values[b * vocabulary + Corrupted[b]]);
    }

    /// <summary>(patched − corrupted) / (clean − corrupted): 1 when a patch restores the clean behaviour, 0 when it does nothing.</summary>
    public static double Normalised(double patched, double clean, double corrupted) =>
        Math.Abs(clean - corrupted) < 1e-12 ? 0 : (patched - corrupted) / (clean - corrupted);
}
