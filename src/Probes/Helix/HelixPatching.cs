using ArithLab.Models;
using ArithLab.Probes.Patching;
using ArithLab.Torch;

namespace ArithLab.Probes.Helix;

/// <summary>
/// Helix activation patching (Kantamneni &amp; Tegmark 2025, §4): run the problem with a (corrupted),
/// replace the hook's activation at a's token by the fitted helix of a′, and measure the share of the
/// logit difference (answer for a′ minus answer for a) that comes back, normalised by the clean run
/// with a′ (1) and the unpatched run with a (0). A helix that holds all the model reads of a restores 1.
/// </summary>
public static class HelixPatching
{
    public sealed record Result(double Recovered, double CleanDifference, double CorruptedDifference, double PatchedDifference, int Pairs);

    /// <summary>
    /// <paramref name="cleanIds"/> (with a′) and <paramref name="corruptedIds"/> (with a) must align token for token;
    /// <paramref name="columns"/>[i] is a's token in row i and <paramref name="cleanValues"/>[i] is a′ of row i.
    /// </summary>
    public static Result Run(Transformer model, HelixFit fit, string hook, Tensor cleanIds, Tensor corruptedIds, Tensor? positions,
        IReadOnlyList<int> columns, IReadOnlyList<double> cleanValues, LogitDifference metric)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(cleanIds);
        ArgumentNullException.ThrowIfNull(corruptedIds);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(cleanValues);
        ArgumentNullException.ThrowIfNull(metric);
        var rows = (int)corruptedIds.Size(0);
        if (columns.Count != rows || cleanValues.Count != rows || !cleanIds.Shape.SequenceEqual(corruptedIds.Shape))
        {
            throw new ArgumentException($"clean [{string.Join(", ", cleanIds.Shape)}] and corrupted [{string.Join(", ", corruptedIds.Shape)}] ids need one shape, and one column and one a′ per row ({columns.Count} and {cleanValues.Count} for {rows} rows)");
        }
        var helix = fit.Predict(cleanValues);   // (rows, D)
        using var scope = DisposeScope.Begin();
        var replacement = Tensor.From(helix.ToRowMajorArray().Select(v => (float)v).ToArray(), helix.RowCount, helix.ColumnCount);
        double clean, corrupted;
        using (LibTorch.NoGrad())
        {
            clean = metric.Of(model.Logits(cleanIds, positions));
            corrupted = metric.Of(model.Logits(corruptedIds, positions));
        }
        var patched = ActivationPatching.WithRows(model, corruptedIds, positions, hook, columns, replacement, metric);
        return new Result(LogitDifference.Normalised(patched, clean, corrupted), clean, corrupted, patched, rows);
    }

    /// <summary>
    /// <paramref name="count"/> seeded pairs (a, a′) of values in 0…<paramref name="values"/>−1 with a′ ≠ a.
    /// </summary>
    public static IReadOnlyList<(int A, int APrime)> DrawPairs(int values, int count, int seed)
    {
        if (values < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values, "pairs a ≠ a′ need at least 2 values");
        }
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var a = random.Next(values);
            return (a, (a + 1 + random.Next(values - 1)) % values);
        }).ToArray();
    }
}
