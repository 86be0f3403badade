using ArithLab.Probes.Capture;
using ArithLab.Probes.Helix;
using ArithLab.Probes.Patching;
using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Tests;

/// <summary>
/// Helix patching on the copy toy, whose answer is the token at position 1: the "number" is that
/// token's value v = 0…7 and h(v) is the residual stream there before the block.
/// </summary>
[Collection(CopyModelCollection.Name)]
public class HelixPatchingTests(CopyModel toy)
{
    private const string Hook = "blocks.0.hook_resid_pre";

    private static readonly double[] s_values = Enumerable.Range(0, CopyModel.Vocabulary).Select(v => (double)v).ToArray();

    [Fact]
    public void A_helix_that_fits_every_value_exactly_restores_the_whole_logit_difference()
    {
        // 1, v and cos/sin at periods 8, 4, 8/3 span every function of 8 values, so the fitted helix of a′ is h(a′) itself.
        var fit = HelixFit.Fit(Rows(), s_values, [8, 4, 8.0 / 3]);

        var result = Patch(fit);

        Assert.True(fit.RSquared > 1 - 1e-9, $"R² {fit.RSquared}");
        Assert.True(result.CleanDifference > 2, $"the toy copies: clean logit difference {result.CleanDifference}");
        Assert.Equal(1, result.Recovered, 1e-3);
        Assert.Equal(result.CleanDifference, result.PatchedDifference, 1e-3);
    }

    [Fact]
    public void A_helix_that_misses_the_values_restores_only_part_of_it()
    {
        var exact = Patch(HelixFit.Fit(Rows(), s_values, [8, 4, 8.0 / 3]));
        var poor = HelixFit.Fit(Rows(), s_values, [3]);

        var result = Patch(poor);

        Assert.True(poor.RSquared < 0.9, $"R² {poor.RSquared}");
        Assert.True(result.Recovered < 0.9 && result.Recovered < exact.Recovered, $"recovered {result.Recovered}");
    }

    [Fact]
    public void Drawn_pairs_are_seeded_in_range_and_never_equal()
    {
        var pairs = HelixPatching.DrawPairs(5, 200, seed: 3);

        Assert.Equal(pairs, HelixPatching.DrawPairs(5, 200, seed: 3));
        Assert.All(pairs, p => Assert.True(p.A is >= 0 and < 5 && p.APrime is >= 0 and < 5 && p.A != p.APrime, $"{p}"));
        Assert.Equal(5, pairs.Select(p => p.APrime).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => HelixPatching.DrawPairs(1, 3, seed: 0));
    }

    /// <summary>h(v) for v = 0…7: the hook at position 1 of a sequence with v there.</summary>
    private Matrix<double> Rows()
    {
        var ids = new long[CopyModel.Vocabulary, CopyModel.Length];
        for (var v = 0; v < CopyModel.Vocabulary; v++)
        {
            ids[v, CopyModel.Source] = v;
        }
        using var tensor = CopyModel.Ids(ids);
        using var cache = toy.Model.RunWithCache(tensor, null, [Hook]);
        return ValueActivations.At(cache, Hook, Enumerable.Repeat(CopyModel.Source, CopyModel.Vocabulary).ToArray());
    }

    private HelixPatching.Result Patch(HelixFit fit)
    {
        var pairs = HelixPatching.DrawPairs(CopyModel.Vocabulary, 32, seed: 7);
        var random = new Random(8);
        var corrupted = CopyModel.Draw(random, pairs.Count);
        var clean = (long[,])corrupted.Clone();
        for (var b = 0; b < pairs.Count; b++)
        {
            corrupted[b, CopyModel.Source] = pairs[b].A;
            clean[b, CopyModel.Source] = pairs[b].APrime;
        }
        using var cleanIds = CopyModel.Ids(clean);
        using var corruptedIds = CopyModel.Ids(corrupted);
        var metric = new LogitDifference(CopyModel.Length - 1, pairs.Select(p => p.APrime).ToArray(), pairs.Select(p => p.A).ToArray());
        return HelixPatching.Run(toy.Model, fit, Hook, cleanIds, corruptedIds, null,
            Enumerable.Repeat(CopyModel.Source, pairs.Count).ToArray(), pairs.Select(p => (double)p.APrime).ToArray(), metric);
    }
}
