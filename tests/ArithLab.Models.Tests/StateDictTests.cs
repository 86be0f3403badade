using ArithLab.Models;

namespace ArithLab.Models.Tests;

public class StateDictTests
{
    [Fact]
    public void State_dict_names_and_shapes_are_the_documented_ones()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("learned") with { Layers = 1 });
        var shapes = model.StateDict().ToDictionary(kv => kv.Key, kv => string.Join("x", kv.Value.Shape));
        var expected = new Dictionary<string, string>
        {
            ["tok_embed.weight"] = "11x16",
            ["pos_embed.weight"] = "32x16",
            ["blocks.0.ln_1.weight"] = "16",
            ["blocks.0.ln_1.bias"] = "16",
            ["blocks.0.attn.qkv.weight"] = "48x16",
            ["blocks.0.attn.qkv.bias"] = "48",
            ["blocks.0.attn.proj.weight"] = "16x16",
            ["blocks.0.attn.proj.bias"] = "16",
            ["blocks.0.ln_2.weight"] = "16",
            ["blocks.0.ln_2.bias"] = "16",
            ["blocks.0.mlp.fc_in.weight"] = "32x16",
            ["blocks.0.mlp.fc_in.bias"] = "32",
            ["blocks.0.mlp.fc_out.weight"] = "16x32",
            ["blocks.0.mlp.fc_out.bias"] = "16",
            ["ln_f.weight"] = "16",
            ["ln_f.bias"] = "16",
            ["lm_head.weight"] = "11x16",
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), shapes.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Fire_abacus_swiglu_model_adds_exactly_their_documented_weights()
    {
        using var scope = DisposeScope.Begin();
        var config = TinyModels.Config("abacus+fire") with { Layers = 1, Activation = Activation.SwiGlu, Norm = NormKind.RmsNorm, Bias = false };
        using var model = TinyModels.Build(config);
        var shapes = model.StateDict().ToDictionary(kv => kv.Key, kv => string.Join("x", kv.Value.Shape));
        var expected = new Dictionary<string, string>
        {
            ["tok_embed.weight"] = "11x16",
            ["abacus.weight"] = "40x16",
            ["blocks.0.ln_1.weight"] = "16",
            ["blocks.0.attn.qkv.weight"] = "48x16",
            ["blocks.0.attn.proj.weight"] = "16x16",
            ["blocks.0.attn.fire.mlp_in.weight"] = "8x1",
            ["blocks.0.attn.fire.mlp_in.bias"] = "8",
            ["blocks.0.attn.fire.mlp_out.weight"] = "4x8",
            ["blocks.0.attn.fire.mlp_out.bias"] = "4",
            ["blocks.0.attn.fire.c"] = "",
            ["blocks.0.attn.fire.l_multiplier"] = "",
            ["blocks.0.attn.fire.init_l"] = "",
            ["blocks.0.ln_2.weight"] = "16",
            ["blocks.0.mlp.fc_in.weight"] = "64x16",
            ["blocks.0.mlp.fc_out.weight"] = "16x32",
            ["ln_f.weight"] = "16",
            ["lm_head.weight"] = "11x16",
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), shapes.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void A_saved_state_dict_loads_into_a_fresh_model_with_identical_logits()
    {
        using var scope = DisposeScope.Begin();
        using var a = TinyModels.Build(TinyModels.Config("rope"), seed: 1);
        using var b = TinyModels.Build(TinyModels.Config("rope"), seed: 2);
        var ids = TinyModels.Ids(new long[,] { { 3, 1, 4, 1, 5 } });
        Assert.False(Tensor.AllClose(a.Forward(ids), b.Forward(ids)));
        b.LoadStateDict(a.StateDict());
        Assert.True(Tensor.Equal(a.Forward(ids), b.Forward(ids)));
    }

    [Fact]
    public void Weights_start_from_gpt2_initialisation()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(9);
        using var model = new Transformer(TinyModels.Config("learned") with { DModel = 64, DFf = 256, VocabSize = 64 });
        var state = model.StateDict();
        double Std(string name)
        {
            var v = state[name].ToArray<float>();
            var mean = v.Average(x => (double)x);
            return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length);
        }
        // 4096+ samples: the sample std is within a few percent of the target.
        Assert.InRange(Std("tok_embed.weight"), 0.018, 0.022);
        Assert.InRange(Std("blocks.0.attn.qkv.weight"), 0.018, 0.022);
        Assert.InRange(Std("blocks.1.mlp.fc_out.weight"), 0.009, 0.011);     // 0.02 / √(2·2)
        Assert.All(state["blocks.0.attn.qkv.bias"].ToArray<float>(), b => Assert.Equal(0f, b));
        Assert.All(state["blocks.0.ln_1.weight"].ToArray<float>(), w => Assert.Equal(1f, w));
    }
}
