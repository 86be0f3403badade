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
        var random = new Random(x.Options.Seed);
        var cleanProblems = ProbeBatch.RandomProblems(x.Data, x.Options.Problems, digits, x.Options.Seed);
        var corruptedProblems = ProbeBatch.RandomProblems(x.Data, x.Options.Problems, digits, x.Options.Seed + 1)
            .Select((p, i) => Data.Tasks.ProblemFactory.Create(x.Data.Task, [p.Operands[0], .. cleanProblems[i].Operands.Skip(1)])).ToArray();
        var clean = ProbeBatch.Of(x.Data, cleanProblems);
        var corrupted = ProbeBatch.Of(x.Data, corruptedProblems);
        var width = clean.AnswerStart(0);
        var keep = Enumerable.Range(0, clean.Size).Where(i => clean.AnswerStart(i) == width && corrupted.AnswerStart(i) == width
            && clean.TokenId(i, width) != corrupted.TokenId(i, width)).ToArray();
        if (keep.Length < 4)
        {
            throw new CommandLineException($"only {keep.Length} of {clean.Size} problem pairs share a layout and differ in their first answer token; try more --problems");
        }
        var hooks = Enumerable.Range(0, x.Model.Config.Layers).Select(i => $"blocks.{i}.hook_resid_pre").Append($"blocks.{x.Model.Config.Layers - 1}.hook_resid_post").ToArray();
        var metric = new LogitDifference(width - 1, keep.Select(i => clean.TokenId(i, width)).ToArray(), keep.Select(i => corrupted.TokenId(i, width)).ToArray());
        using var scope = DisposeScope.Begin();
        var rows = Tensor.From(keep.Select(i => (long)i).ToArray(), keep.Length);
        var cleanIds = clean.Ids().IndexSelect(0, rows).Narrow(1, 0, width);
        var corruptedIds = corrupted.Ids().IndexSelect(0, rows).Narrow(1, 0, width);
        var positions = clean.Positions()?.IndexSelect(0, rows).Narrow(1, 0, width);
        var table = ActivationPatching.Run(x.Model, cleanIds, corruptedIds, positions, hooks, metric,
            (done, all) => ProbeContext.Progress($"patch: {done}/{all} hooks"));
        var tokens = Enumerable.Range(0, width).Select(c => c == 0 ? "BOS" : clean.Token(keep[0], c)?.Text ?? "?").ToArray();
        var labels = tokens.Select((t, c) => $"{c}:{t}").ToArray();
        yield return x.WriteCsv("patch.csv", ["hook", .. labels], hooks.Select((h, i) => new object[] { h }.Concat(Enumerable.Range(0, width).Select(t => (object)table.Recovered[i, t]))));
        var strongest = Enumerable.Range(0, hooks.Length).SelectMany(h => Enumerable.Range(0, width).Select(t => (h, t))).MaxBy(p => table.Recovered[p.h, p.t]);
        yield return x.WriteJson(new
        {
            Pairs = keep.Length,
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
