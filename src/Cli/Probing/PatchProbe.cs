using ArithLab.Probes.Figures;
using ArithLab.Probes.Patching;
using ArithLab.Torch;
using ArithLab.Training.Probing;

namespace ArithLab.Cli.Probing;

/// <summary>
/// <c>arithlab probe RUN patch</c>: clean problems and corrupted ones (operand a redrawn, so that the
/// first answer token changes), the residual stream patched per layer × token, normalised logit
/// difference at the first answer token.
/// </summary>
internal static class PatchProbe
{
    public static IEnumerable<string> Run(ProbeContext x)
    {
        var digits = x.Options.Digits ?? x.Trained.Config.Data.DigitsA.Max;
        var cleanProblems = ProbeBatch.RandomProblems(x.Data, x.Options.Problems, digits, x.Options.Seed);
        var corruptedProblems = ProbeBatch.RandomProblems(x.Data, x.Options.Problems, digits, x.Options.Seed + 1)
            .Select((p, i) => Data.Tasks.ProblemFactory.Create(x.Data.Task, [p.Operands[0], .. cleanProblems[i].Operands.Skip(1)])).ToArray();
        var pairs = PatchPairs.Of(x.Data, cleanProblems, corruptedProblems);
        if (pairs.Count < 4)
        {
            throw new CommandLineException($"only {pairs.Count} of {cleanProblems.Count} problem pairs share a layout and differ in their first answer token; try more --problems");
        }
        var (clean, keep, width) = (pairs.Clean, pairs.Rows, pairs.Width);
        var hooks = Enumerable.Range(0, x.Model.Config.Layers).Select(i => $"blocks.{i}.hook_resid_pre").Append($"blocks.{x.Model.Config.Layers - 1}.hook_resid_post").ToArray();
        var metric = new LogitDifference(width - 1, pairs.CleanAnswers, pairs.CorruptedAnswers);
        using var scope = DisposeScope.Begin();
        var cleanIds = pairs.CleanIds();
        var corruptedIds = pairs.CorruptedIds();
        var positions = pairs.Positions();
        var table = ActivationPatching.Run(x.Model, cleanIds, corruptedIds, positions, hooks, metric,
            (done, all) => ProbeContext.Progress($"patch: {done}/{all} hooks"));
        var tokens = Enumerable.Range(0, width).Select(c => c == 0 ? "BOS" : clean.Token(keep[0], c)?.Text ?? "?").ToArray();
        var labels = tokens.Select((t, c) => $"{c}:{t}").ToArray();
        yield return x.WriteCsv("patch.csv", ["hook", .. labels], hooks.Select((h, i) => new object[] { h }.Concat(Enumerable.Range(0, width).Select(t => (object)table.Recovered[i, t]))));
        var strongest = Enumerable.Range(0, hooks.Length).SelectMany(h => Enumerable.Range(0, width).Select(t => (h, t))).MaxBy(p => table.Recovered[p.h, p.t]);
        yield return x.WriteJson(new
        {
            Pairs = keep.Count,
            Digits = digits,
            ExampleClean = string.Concat(tokens.Skip(1)),
            CleanLogitDifference = Math.Round(table.CleanDifference, 4),
            CorruptedLogitDifference = Math.Round(table.CorruptedDifference, 4),
            Strongest = $"{hooks[strongest.h]} at {labels[strongest.t]}: {table.Recovered[strongest.h, strongest.t]:F3}",
        });
        yield return x.Save(ProbeFigures.Table(table.Recovered, "Activation patching: share of the logit difference restored", hooks, labels,
            "token (position: token of the first clean problem)", "hook", "normalised logit difference", 0, 1), "patch.svg");
    }
}
