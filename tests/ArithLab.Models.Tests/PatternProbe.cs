using ArithLab.Models;

namespace ArithLab.Models.Tests;

/// <summary>
/// Zeroes the query weights of layer 0 so that its scores are the positional bias alone,
/// then reads the attention pattern from its hook: what a scheme's bias does becomes visible.
/// </summary>
internal static class PatternProbe
{
    public static double[] PatternWithZeroQueries(Transformer model, Tensor ids, Tensor? positionIds = null)
    {
        var C = model.Config.DModel;
        var state = model.StateDict();
        var zeroed = new Dictionary<string, Tensor>();
        foreach (var name in new[] { "blocks.0.attn.qkv.weight", "blocks.0.attn.qkv.bias" })
        {
            if (!state.TryGetValue(name, out var t)) continue;
            var values = t.ToArray<double>();
            var rowWidth = t.Dim == 2 ? (int)t.Size(1) : 1;
            Array.Clear(values, 0, C * rowWidth);           // rows 0..C−1 are W_q (b_q)
            zeroed[name] = Tensor.From(values, t.Shape);
        }
        model.LoadStateDict(zeroed, strict: false);
        double[]? pattern = null;
        using (model.Hooks["blocks.0.attn.hook_pattern"].AddHook((a, _) =>
        {
            pattern = a.ToArray<double>();
            return null;
        }))
        {
            model.Forward(ids, positionIds);
        }
        return pattern!;
    }

    /// <summary>softmax over j ≤ i of the given scores for one query row.</summary>
    public static double[] CausalSoftmax(Func<int, double> score, int i, int keys)
    {
        var row = new double[keys];
        var max = Enumerable.Range(0, i + 1).Max(score);
        var sum = 0.0;
        for (var j = 0; j <= i; j++)
        {
            row[j] = Math.Exp(score(j) - max);
            sum += row[j];
        }
        for (var j = 0; j <= i; j++) row[j] /= sum;
        return row;
    }
}
