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

    /// <summary>Pairs (a, a′) with b fixed, at most 64, patched at the hook's token for a (<see cref="HelixPatching"/>).</summary>
    private static (double Recovered, int Pairs) Patch(ProbeContext x, string hook, HelixFit fit, int n)
    {
        var drawn = HelixPatching.DrawPairs(n, Math.Min(x.Options.Problems, 64), x.Options.Seed);
        var b = new BigInteger(x.Options.FixedOperand);
        var pairs = PatchPairs.Of(x.Data,
            drawn.Select(p => ProblemFactory.Create(x.Data.Task, p.APrime, b)).ToArray(),
            drawn.Select(p => ProblemFactory.Create(x.Data.Task, p.A, b)).ToArray());
        if (pairs.Count == 0)
        {
            return (double.NaN, 0);
        }
        using var scope = DisposeScope.Begin();
        var result = HelixPatching.Run(x.Model, fit, hook, pairs.CleanIds(), pairs.CorruptedIds(), pairs.Positions(),
            pairs.Rows.Select(i => ValueRows.Column(x, pairs.Corrupted, i)).ToArray(),
            pairs.Rows.Select(i => (double)drawn[i].APrime).ToArray(),
            new LogitDifference(pairs.Width - 1, pairs.CleanAnswers, pairs.CorruptedAnswers));
        return (result.Recovered, result.Pairs);
    }
}
