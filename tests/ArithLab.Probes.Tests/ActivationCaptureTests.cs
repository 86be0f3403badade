using ArithLab.Probes.Capture;
using ArithLab.Torch.Nn;

namespace ArithLab.Probes.Tests;

[Collection(CopyModelCollection.Name)]
public class ActivationCaptureTests(CopyModel toy)
{
    [Fact]
    public void The_cache_holds_exactly_the_filtered_hooks_with_TransformerLens_shapes()
    {
        using var ids = CopyModel.Ids(CopyModel.Draw(new Random(1), 3));

        using var cache = toy.Model.RunWithCache(ids, filter: n => n.EndsWith("hook_resid_post", StringComparison.Ordinal) || n.EndsWith("hook_pattern", StringComparison.Ordinal));

        Assert.Equal(["blocks.0.attn.hook_pattern", "blocks.0.hook_resid_post"], cache.Names.Order());
        Assert.Equal([3L, 4, 32], cache["blocks.0.hook_resid_post"].Shape);
        Assert.Equal([3L, 2, 4, 4], cache["blocks.0.attn.hook_pattern"].Shape);
        Assert.Equal([3L, 4, CopyModel.Vocabulary], cache.Logits.Shape);
        Assert.DoesNotContain(toy.Model.Hooks.Points, p => p.HasHooks);
    }

    [Fact]
    public void The_last_residual_stream_unembedded_after_the_final_norm_gives_the_logits()
    {
        using var ids = CopyModel.Ids(CopyModel.Draw(new Random(2), 2));
        using var cache = toy.Model.RunWithCache(ids, null, ["blocks.0.hook_resid_post"]);

        using var scope = DisposeScope.Begin();
        var resid = cache["blocks.0.hook_resid_post"];
        // Pre-norm GPT: logits = W_U · LayerNorm_f(resid_post of the last block); ln_f by hand from its state.
        var state = toy.Model.StateDict();
        var normed = Functional.LayerNorm(resid, [32], state["ln_f.weight"], state["ln_f.bias"]);
        var logits = Functional.Linear(normed, state["lm_head.weight"], null);

        Assert.True(Tensor.AllClose(logits, cache.Logits, 1e-5, 1e-5));
    }

    [Fact]
    public void An_unknown_hook_name_is_an_error_naming_the_closest()
    {
        using var ids = CopyModel.Ids(CopyModel.Draw(new Random(3), 1));

        var e = Assert.Throws<KeyNotFoundException>(() => toy.Model.RunWithCache(ids, null, ["blocks.0.hook_resid_pots"]));

        Assert.Contains("blocks.0.hook_resid_post", e.Message);
    }

    [Fact]
    public void Activations_by_value_take_each_rows_own_position()
    {
        var draw = CopyModel.Draw(new Random(4), 3);
        using var ids = CopyModel.Ids(draw);
        using var cache = toy.Model.RunWithCache(ids, null, ["hook_embed"]);

        var rows = ValueActivations.At(cache, "hook_embed", [0, 2, 3]);
        var table = ValueActivations.ToMatrix(toy.Model.TokenEmbedding);

        Assert.Equal(table.Row((int)draw[0, 0]), rows.Row(0));
        Assert.Equal(table.Row((int)draw[1, 2]), rows.Row(1));
        Assert.Equal(table.Row((int)draw[2, 3]), rows.Row(2));
    }
}
