using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Probes.Figures;
using ArithLab.Probes.Fourier;
using ArithLab.Probes.Helix;
using ArithLab.Probes.Patching;
using ArithLab.Torch;
using ArithLab.Training.Probing;

namespace ArithLab.Cli.Probing;

/// <summary>
/// <c>arithlab probe RUN helix</c> (Kantamneni &amp; Tegmark 2025): fit h(a) ≈ C·B(a) at a hook while a
/// sweeps 0…N−1, compare R² with same-size baselines, and patch the fitted helix of a′ into the
/// run for a: the share of the logit difference it recovers.
/// </summary>
internal static class HelixProbe
{
    public const string DefaultHook = "blocks.0.hook_resid_pre";

    public static IEnumerable<string> Run(ProbeContext x)
    {
        var hook = x.Options.Hook ?? DefaultHook;
        var rows = ValueRows.Of(x, hook);
        // Without --periods: the paper's {2, 5, 10, 100} for digit numbers; the strongest Fourier periods for residues (no decimal structure mod p).
        var periods = x.Options.Periods ?? (x.Data.Task.Kind == TaskKind.ModularAddition
            ? FourierPeriods(rows, 4)
            : HelixBasis.DefaultPeriods);
        var table = HelixBaselines.Compare(rows.Matrix, rows.Values, periods, x.Options.Pca);
        var fit = HelixFit.Fit(rows.Matrix, rows.Values, periods, x.Options.Pca);
        ProbeContext.Progress($"helix: R² {fit.RSquared:F3} with periods {{{string.Join(", ", periods)}}}; patching");
        var (helixRecovered, pairs) = Patch(x, hook, fit, rows.Values.Count);
        yield return x.WriteCsv("helix.csv", ["fit", "parameters", "r_squared"], table.Select(r => new object[] { $"\"{r.Name}\"", r.Parameters, r.RSquared }));
        yield return x.WriteJson(new
        {
            Source = rows.Source,
            Periods = periods,
            PcaComponents = x.Options.Pca,
            RSquared = table.ToDictionary(r => r.Name, r => Math.Round(r.RSquared, 4)),
            HelixPatchRecovered = Math.Round(helixRecovered, 4),
            PatchPairs = pairs,
        });
        yield return x.Save(ProbeFigures.HelixComparison(table, $"Helix T = {{{string.Join(", ", periods)}}} at {hook} vs same-size baselines"), "helix.svg");
    }

    /// <summary>The periods N/k of the <paramref name="count"/> strongest frequencies of the rows.</summary>
    public static IReadOnlyList<double> FourierPeriods(ValueRows.Rows rows, int count)
    {
        var spectrum = FourierAnalysis.Analyze(rows.Matrix);
        return spectrum.Ranked.Take(count).Select(k => Math.Round(spectrum.PeriodOf(k), 4)).ToArray();
    }

    /// <summary>
    /// Pairs (a, a′) with b fixed: run the problem with a, replace the hook's activation at a's token by
    /// the helix fitted for a′, and score the logit difference (answer for a′ minus answer for a) at the
    /// first answer token, normalised by the clean run with a′ (1) and the unpatched run with a (0).
    /// </summary>
    private static (double Recovered, int Pairs) Patch(ProbeContext x, string hook, HelixFit fit, int n)
    {
        var random = new Random(x.Options.Seed);
        var count = Math.Min(x.Options.Problems, 64);
        var a = Enumerable.Range(0, count).Select(_ => random.Next(n)).ToArray();
        var aPrime = a.Select(v => (v + 1 + random.Next(n - 1)) % n).ToArray();
        var b = new BigInteger(x.Options.FixedOperand);
        var corrupted = ProbeBatch.Of(x.Data, a.Select(v => ProblemFactory.Create(x.Data.Task, v, b)).ToArray());
        var clean = ProbeBatch.Of(x.Data, aPrime.Select(v => ProblemFactory.Create(x.Data.Task, v, b)).ToArray());
        var keep = Enumerable.Range(0, count).Where(i => corrupted.AnswerStart(i) == corrupted.AnswerStart(0) && clean.AnswerStart(i) == corrupted.AnswerStart(0)
            && corrupted.TokenId(i, corrupted.AnswerStart(i)) != clean.TokenId(i, clean.AnswerStart(i))).ToArray();
        if (keep.Length == 0)
        {
            return (double.NaN, 0);
        }
        var width = corrupted.AnswerStart(0);
        var metric = new LogitDifference(width - 1,
            keep.Select(i => clean.TokenId(i, width)).ToArray(),
            keep.Select(i => corrupted.TokenId(i, width)).ToArray());
        using var scope = DisposeScope.Begin();
        var rows = Tensor.From(keep.Select(i => (long)i).ToArray(), keep.Length);
        var cleanIds = clean.Ids().IndexSelect(0, rows).Narrow(1, 0, width);
        var corruptedIds = corrupted.Ids().IndexSelect(0, rows).Narrow(1, 0, width);
        var positions = corrupted.Positions()?.IndexSelect(0, rows).Narrow(1, 0, width);
        var columns = keep.Select(i => ValueRows.Column(x, corrupted, i)).ToArray();
        var helix = fit.Predict(keep.Select(i => (double)aPrime[i]).ToArray());
        var replacement = Tensor.From(helix.ToRowMajorArray().Select(v => (float)v).ToArray(), helix.RowCount, helix.ColumnCount);
        double cleanScore, corruptedScore;
        using (LibTorch.NoGrad())
        {
            cleanScore = metric.Of(x.Model.Logits(cleanIds, positions));
            corruptedScore = metric.Of(x.Model.Logits(corruptedIds, positions));
        }
        var patched = ActivationPatching.WithRows(x.Model, corruptedIds, positions, hook, columns, replacement, metric);
        return (LogitDifference.Normalised(patched, cleanScore, corruptedScore), keep.Length);
    }
}
