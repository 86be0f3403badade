using System.Globalization;
using ArithLab.Probes.Attention;
using ArithLab.Probes.Capture;
using ArithLab.Probes.Figures;
using ArithLab.Training.Probing;

namespace ArithLab.Cli.Probing;

/// <summary>
/// <c>arithlab probe RUN attention</c>: every layer's and head's pattern for one problem as a heatmap
/// over its tokens, and each head's attention mass on operand digits of the same place value as the
/// answer digit being predicted, by operand length (training lengths and beyond).
/// </summary>
internal static class AttentionProbe
{
    public static IEnumerable<string> Run(ProbeContext x)
    {
        var config = x.Trained.Config;
        var layers = x.Model.Config.Layers;
        var heads = x.Model.Config.Heads;
        var digits = x.Options.Digits ?? config.Data.DigitsA.Max;
        var example = ProbeBatch.Of(x.Data, ProbeBatch.RandomProblems(x.Data, 1, digits, x.Options.Seed));
        var tokens = Enumerable.Range(0, example.Width).Select(c => c == 0 ? "BOS" : example.Token(0, c)?.Text ?? "EOS").ToArray();
        using (var ids = example.Ids())
        using (var positions = example.Positions())
        using (var cache = x.Model.RunWithCache(ids, positions, n => n.EndsWith("attn.hook_pattern", StringComparison.Ordinal)))
        {
            for (var layer = 0; layer < layers; layer++)
            {
                var patterns = AttentionPatterns.Of(cache, layer);
                for (var h = 0; h < heads; h++)
                {
                    yield return x.Save(ProbeFigures.Table(patterns[h], $"Layer {layer}, head {h}: {string.Concat(tokens.Skip(1).SkipLast(1))}", tokens, tokens,
                        "key (attended to)", "query", "attention", 0, 1), $"pattern-L{layer}H{h}.svg");
                }
            }
        }

        var lengths = x.Options.Lengths ?? Enumerable.Range(1, Math.Max(config.Eval.GridA.Max, digits)).ToArray();
        var mass = new Dictionary<(int Layer, int Head), double[]>();
        for (var i = 0; i < lengths.Count; i++)
        {
            var batch = ProbeBatch.Of(x.Data, ProbeBatch.RandomProblems(x.Data, x.Options.Problems, lengths[i], x.Options.Seed + i));
            using var ids = batch.Ids();
            using var positions = batch.Positions();
            using var cache = x.Model.RunWithCache(ids, positions, n => n.EndsWith("attn.hook_pattern", StringComparison.Ordinal));
            var queries = Enumerable.Range(0, batch.Size).Select(b => (IReadOnlyList<(int, int)>)batch.AnswerDigits(b).ToArray()).ToArray();
            var significance = Enumerable.Range(0, batch.Size).Select(b => (IReadOnlyList<int>)batch.OperandSignificance(b)).ToArray();
            for (var layer = 0; layer < layers; layer++)
            {
                var patterns = Enumerable.Range(0, batch.Size).Select(b => AttentionPatterns.Of(cache, layer, b)).ToArray();
                var perHead = SameSignificanceMass.PerHead(patterns, queries, significance);
                for (var h = 0; h < heads; h++)
                {
                    (mass.TryGetValue((layer, h), out var row) ? row : mass[(layer, h)] = new double[lengths.Count])[i] = perHead[h];
                }
            }
            ProbeContext.Progress($"attention: length {lengths[i]} done ({i + 1}/{lengths.Count})");
        }
        yield return x.WriteCsv("same_significance.csv", ["layer", "head", .. lengths.Select(n => $"len{n}")],
            mass.Select(kv => new object[] { kv.Key.Layer, kv.Key.Head }.Concat(kv.Value.Select(v => (object)v))));
        var trainMax = config.Data.DigitsA.Max;
        var best = mass.MaxBy(kv => kv.Value[Math.Min(lengths.Count - 1, Math.Max(0, IndexOf(lengths, trainMax)))]);
        yield return x.WriteJson(new
        {
            Example = string.Concat(tokens.Skip(1).SkipLast(1)),
            Lengths = lengths,
            BestHead = $"layer {best.Key.Layer} head {best.Key.Head}",
            BestHeadMass = best.Value.Select(v => Math.Round(v, 3)).ToArray(),
            TrainingMaxLength = trainMax,
        });
        yield return x.Save(ProbeFigures.Curves("Attention mass on operand digits of the predicted digit's place value", "operand length (digits)", "mass (mean over answer digits)",
            mass.Select(kv => ($"L{kv.Key.Layer}H{kv.Key.Head}", (IReadOnlyList<double>)lengths.Select(n => (double)n).ToArray(), (IReadOnlyList<double>)kv.Value))), "same_significance.svg");
    }

    private static int IndexOf(IReadOnlyList<int> lengths, int n)
    {
        for (var i = 0; i < lengths.Count; i++)
        {
            if (lengths[i] == n) return i;
        }
        return lengths.Count - 1;
    }
}
