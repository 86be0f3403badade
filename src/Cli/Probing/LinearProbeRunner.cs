using System.Numerics;
using ArithLab.Data;
using ArithLab.Probes.Capture;
using ArithLab.Probes.Figures;
using ArithLab.Probes.Linear;
using ArithLab.Training.Probing;
using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Cli.Probing;

/// <summary>
/// <c>arithlab probe RUN linear</c>: for each layer (the residual stream entering each block, and
/// after the last) and each answer digit's place value, a probe from the activation at the token that
/// predicts that digit to a label: the carry into that place, the sum digit there, operand a's digit
/// there (logistic, accuracy) or a's value (ridge, R²), scored on held-out problems.
/// </summary>
internal static class LinearProbeRunner
{
    public static readonly string[] Labels = ["carry", "sum-digit", "operand-digit", "value"];

    public static IEnumerable<string> Run(ProbeContext x)
    {
        var task = x.Data.Task.Kind;
        if (task == TaskKind.ModularAddition || task == TaskKind.Sorting)
        {
            throw new CommandLineException($"the linear probe reads digits by place value; {(task == TaskKind.Sorting ? "sorting" : "modular addition")} has none (try fourier or helix)");
        }
        if (x.Options.Label == "carry" && task != TaskKind.Addition)
        {
            throw new CommandLineException("--label carry needs an addition run (the carry into a place is defined for a + b)");
        }
        var digits = x.Options.Digits ?? x.Trained.Config.Data.DigitsA.Max;
        var batch = ProbeBatch.Of(x.Data, ProbeBatch.RandomProblems(x.Data, x.Options.Problems, digits, x.Options.Seed));
        var hooks = Enumerable.Range(0, x.Model.Config.Layers).Select(i => $"blocks.{i}.hook_resid_pre").Append($"blocks.{x.Model.Config.Layers - 1}.hook_resid_post").ToArray();
        var places = Enumerable.Range(0, digits + 1).ToArray();
        using var ids = batch.Ids();
        using var positions = batch.Positions();
        using var cache = x.Model.RunWithCache(ids, positions, hooks);
        var scores = new double[hooks.Length, places.Length];
        var chance = new double[hooks.Length, places.Length];
        var csv = new List<object[]>();
        for (var h = 0; h < hooks.Length; h++)
        {
            foreach (var s in places)
            {
                // Rows whose answer has a digit at place s, read where that digit is predicted.
                var rows = Enumerable.Range(0, batch.Size).Where(b => batch.AnswerDigits(b).Any(d => d.Significance == s)).ToArray();
                if (rows.Length < 8)
                {
                    scores[h, s] = chance[h, s] = double.NaN;
                    continue;
                }
                var columns = rows.Select(b => batch.AnswerDigits(b).First(d => d.Significance == s).Column).ToArray();
                var all = ValueActivations.At(cache, hooks[h], Enumerable.Range(0, batch.Size).Select(b => Array.IndexOf(rows, b) is var i && i >= 0 ? columns[i] : 0).ToArray());
                var features = Matrix<double>.Build.DenseOfRowVectors(rows.Select(all.Row));
                var split = ProbeSplit.Of(rows.Length, 0.25, x.Options.Seed);
                if (x.Options.Label == "value")
                {
                    var result = RidgeProbe.Fit(features, rows.Select(b => (double)batch.Problems[b].Operands[0]).ToArray(), split);
                    (scores[h, s], chance[h, s]) = (result.TestRSquared, 0);
                }
                else
                {
                    var result = LogisticProbe.Fit(features, rows.Select(b => Label(batch.Problems[b], s, x.Options.Label)).ToArray(), split);
                    // One class only (no carry into the units, a carry out of the top digit): nothing to probe.
                    (scores[h, s], chance[h, s]) = result.Chance >= 1 ? (double.NaN, 1) : (result.TestAccuracy, result.Chance);
                }
                if (double.IsFinite(scores[h, s]))
                {
                    csv.Add([hooks[h], s, rows.Length, scores[h, s], chance[h, s]]);
                }
            }
            ProbeContext.Progress($"linear: {hooks[h]} done ({h + 1}/{hooks.Length})");
        }
        var metric = x.Options.Label == "value" ? "held-out R²" : "held-out accuracy";
        yield return x.WriteCsv("linear.csv", ["hook", "place", "rows", "score", "chance"], csv);
        yield return x.WriteJson(new
        {
            Label = x.Options.Label,
            Metric = metric,
            Digits = digits,
            Problems = batch.Size,
            Best = csv.OrderByDescending(r => (double)r[3] - (double)r[4]).Select(r => $"{r[0]} place {r[1]}: {(double)r[3]:F3} (chance {(double)r[4]:F3})").FirstOrDefault(),
            MeanChance = Math.Round(csv.Average(r => (double)r[4]), 4),
        });
        yield return x.Save(ProbeFigures.Table(scores, $"Linear probe for {x.Options.Label} ({metric}) by layer and place",
            hooks, places.Select(s => $"10^{s}").ToArray(), "answer digit (place value)", "hook", metric, 0, 1), "linear.svg");
    }

    /// <summary>The class of problem p at place s: the carry into s, the sum's digit at s, or a's digit at s.</summary>
    public static int Label(Problem p, int s, string label)
    {
        var place = BigInteger.Pow(10, s);
        var (a, b) = (p.Operands[0], p.Operands[1]);
        return label switch
        {
            "carry" => (a % place) + (b % place) >= place ? 1 : 0,
            "sum-digit" => (int)(p.Answer[0] / place % 10),
            "operand-digit" => (int)(a / place % 10),
            _ => throw new ArgumentOutOfRangeException(nameof(label), label, "unknown label"),
        };
    }
}
