using ArithLab.Models;
using ArithLab.Models.Looped;

namespace ArithLab.Models.Tests;

/// <summary>
/// Pre-post norm placement (Cho et al. 2024's reference, <c>layer_norm_position: pre_post</c>): each
/// sub-layer reads a normed input and the residual sum is normed again by a second norm of its own.
/// </summary>
public class PrePostNormTests
{
    private const int V = 7, C = 4, Heads = 2, F = 6;
    private const double Eps = 1e-5;

    /// <summary>One block, no positional scheme, RMSNorm and ReLU: small enough to compute by hand.</summary>
    private static TransformerConfig OneBlock() => new()
    {
        VocabSize = V,
        Layers = 1,
        DModel = C,
        Heads = Heads,
        DFf = F,
        Activation = Activation.Relu,
        Norm = NormKind.RmsNorm,
        NormPlacement = NormPlacement.PrePost,
        NormEps = Eps,
        Positional = "nope",
    };

    [Fact]
    public void One_block_computes_the_hand_worked_forward_with_both_norms_and_the_final_one()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(OneBlock(), seed: 3);
        Randomise(model, seed: 5);                                                    // norm weights away from 1, so each norm is seen
        var w = model.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray<double>());
        long[] tokens = [3, 1, 6];
        Tensor? mid = null;
        using var hook = model.Hooks["blocks.0.hook_resid_mid"].AddHook((t, _) => { mid = t.Detach().Clone(); return null; });
        var logits = model.Forward(TinyModels.Ids(new long[,] { { 3, 1, 6 } })).ToArray<double>();   // (1, 3, V)

        var x = tokens.Select(t => w["tok_embed.weight"].Skip((int)t * C).Take(C).ToArray()).ToArray();
        var attn = Attend(x.Select(r => Rms(r, w["blocks.0.ln_1.weight"])).ToArray(), w);
        var expectedMid = x.Select((r, t) => Rms(Add(r, attn[t]), w["blocks.0.ln_1_post.weight"])).ToArray();
        for (var t = 0; t < tokens.Length; t++)
        {
            var n2 = Rms(expectedMid[t], w["blocks.0.ln_2.weight"]);
            var hidden = Linear(n2, w["blocks.0.mlp.fc_in.weight"], w["blocks.0.mlp.fc_in.bias"]).Select(v => Math.Max(v, 0)).ToArray();
            var mlp = Linear(hidden, w["blocks.0.mlp.fc_out.weight"], w["blocks.0.mlp.fc_out.bias"]);
            var post = Rms(Add(expectedMid[t], mlp), w["blocks.0.ln_2_post.weight"]);
            var expected = Linear(Rms(post, w["ln_f.weight"]), w["lm_head.weight"], new double[V]);
            for (var v = 0; v < V; v++) Assert.Equal(expected[v], logits[t * V + v], 10);
            for (var c = 0; c < C; c++) Assert.Equal(expectedMid[t][c], mid!.ToArray<double>()[t * C + c], 10);
        }
    }

    [Theory]
    [InlineData(NormKind.RmsNorm)]
    [InlineData(NormKind.LayerNorm)]
    public void Gradients_through_both_norms_match_finite_differences(NormKind norm)
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config() with { Norm = norm, NormPlacement = NormPlacement.PrePost }, seed: 8);
        Randomise(model, seed: 9);
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 }, { 5, 4, 3, 2 } });
        var probe = Tensor.From(Enumerable.Range(0, 2 * 4 * 11).Select(i => Math.Sin(i)).ToArray(), 2, 4, 11);
        var parameters = model.NamedParameters().ToDictionary(p => p.Name, p => p.Tensor);
        var leaves = parameters.Where(p => p.Key.Contains("ln_", StringComparison.Ordinal)).Select(p => p.Value).ToList();
        Assert.Equal(norm == NormKind.LayerNorm ? 18 : 9, leaves.Count);           // ln_1, ln_1_post, ln_2, ln_2_post per block and ln_f; weight (and bias)
        FiniteDifference.AssertGradients(() => (model.Forward(ids) * probe).Sum(), leaves);
    }

    [Fact]
    public void State_dict_adds_only_the_post_norms_to_the_pre_norm_names()
    {
        using var scope = DisposeScope.Begin();
        using var pre = TinyModels.Build(TinyModels.Config() with { Norm = NormKind.RmsNorm });
        using var prePost = TinyModels.Build(TinyModels.Config() with { Norm = NormKind.RmsNorm, NormPlacement = NormPlacement.PrePost });
        var added = new[] { "blocks.0.ln_1_post.weight", "blocks.0.ln_2_post.weight", "blocks.1.ln_1_post.weight", "blocks.1.ln_2_post.weight" };
        var state = prePost.StateDict();
        Assert.Equal(pre.StateDict().Keys.Concat(added).Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("ln_f.weight", state.Keys);
        Assert.All(added, name => Assert.All(state[name].ToArray<double>(), v => Assert.Equal(1.0, v)));   // norms start at 1, as GPT-2's
        var blockOrder = state.Keys.Where(k => k.StartsWith("blocks.0.ln_", StringComparison.Ordinal) || k == "blocks.0.attn.qkv.weight" || k == "blocks.0.mlp.fc_in.weight");
        Assert.Equal(["blocks.0.ln_1.weight", "blocks.0.attn.qkv.weight", "blocks.0.ln_1_post.weight", "blocks.0.ln_2.weight", "blocks.0.mlp.fc_in.weight", "blocks.0.ln_2_post.weight"], blockOrder);
    }

    [Fact]
    public void Looped_model_has_the_post_norms_in_every_block_and_decodes_from_its_cache_as_the_full_pass()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(14);
        using var model = new LoopedTransformer(new LoopedConfig
        {
            Transformer = TinyModels.Config("rope") with { Layers = 1, Norm = NormKind.RmsNorm, NormPlacement = NormPlacement.PrePost },
            PreludeLayers = 1,
            CodaLayers = 1,
            Injection = InjectionKind.Add,
            MaxRecurrence = 3,
        });
        model.To(ScalarType.Float64).Eval();
        var names = model.StateDict().Keys.ToList();
        foreach (var block in new[] { "prelude.0", "core.0", "coda.0" })
        {
            Assert.Contains($"{block}.ln_1_post.weight", names);
            Assert.Contains($"{block}.ln_2_post.weight", names);
        }
        Assert.Contains("ln_f.weight", names);
        LoopedTests.AssertCachedStepsEqualTheFullPassAndDecodeAlike(model);
    }

    /// <summary>Every parameter drawn from N(1, 0.3²) for norm weights, N(0, 0.5²) otherwise, so that no norm is the identity and every weight matters.</summary>
    private static void Randomise(Module model, int seed)
    {
        var random = new Random(seed);
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        foreach (var p in model.NamedParameters())
        {
            var isNormWeight = p.Name.Contains("ln_", StringComparison.Ordinal) && p.Name.EndsWith(".weight", StringComparison.Ordinal);
            var values = Enumerable.Range(0, (int)p.Tensor.NumEl).Select(_ => (isNormWeight ? 1 : 0) + (isNormWeight ? 0.3 : 0.5) * Gaussian(random)).ToArray();
            p.Tensor.CopyFrom_(Tensor.From(values).Reshape(p.Tensor.Shape));
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>PyTorch's RMSNorm: x / √(mean(x²) + eps) · w.</summary>
    private static double[] Rms(double[] x, double[] weight)
    {
        var scale = 1 / Math.Sqrt(x.Sum(v => v * v) / x.Length + Eps);
        return x.Select((v, i) => v * scale * weight[i]).ToArray();
    }

    /// <summary>y = W x + b with W (out, in) row-major, as nn.Linear.</summary>
    private static double[] Linear(double[] x, double[] weight, double[] bias) =>
        bias.Select((b, o) => b + x.Select((v, i) => v * weight[o * x.Length + i]).Sum()).ToArray();

    private static double[] Add(double[] a, double[] b) => a.Select((v, i) => v + b[i]).ToArray();

    /// <summary>Causal multi-head attention over the rows of <paramref name="x"/>, then the output projection.</summary>
    private static double[][] Attend(double[][] x, Dictionary<string, double[]> w)
    {
        const int hs = C / Heads;
        var qkv = x.Select(r => Linear(r, w["blocks.0.attn.qkv.weight"], w["blocks.0.attn.qkv.bias"])).ToArray();   // [q | k | v] per row
        var output = new double[x.Length][];
        for (var t = 0; t < x.Length; t++)
        {
            var z = new double[C];
            for (var h = 0; h < Heads; h++)
            {
                var scores = Enumerable.Range(0, t + 1)
                    .Select(s => Enumerable.Range(0, hs).Sum(d => qkv[t][h * hs + d] * qkv[s][C + h * hs + d]) / Math.Sqrt(hs)).ToArray();
                var exp = scores.Select(v => Math.Exp(v - scores.Max())).ToArray();
                for (var s = 0; s <= t; s++)
                    for (var d = 0; d < hs; d++)
                        z[h * hs + d] += exp[s] / exp.Sum() * qkv[s][2 * C + h * hs + d];
            }
            output[t] = Linear(z, w["blocks.0.attn.proj.weight"], w["blocks.0.attn.proj.bias"]);
        }
        return output;
    }
}
