using ArithLab.Models;
using ArithLab.Models.Hooks;

namespace ArithLab.Models.Tests;

public class HookTests
{
    [Fact]
    public void Every_documented_hook_point_exists_per_layer()
    {
        using var model = TinyModels.Build(TinyModels.Config());
        var expected = new List<string> { "hook_embed", "hook_pos_embed" };
        for (var i = 0; i < 2; i++)
        {
            expected.AddRange(new[] { "hook_resid_pre", "hook_resid_mid", "hook_resid_post", "attn.hook_q", "attn.hook_k", "attn.hook_v", "attn.hook_pattern", "attn.hook_z", "mlp.hook_post" }
                .Select(n => $"blocks.{i}.{n}"));
        }
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), model.Hooks.Names.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("blocks.1.attn.hook_pattern", model.Hooks["blocks.1.attn.hook_pattern"].Name);
    }

    [Fact]
    public void Hook_points_hold_no_state()
    {
        using var model = TinyModels.Build(TinyModels.Config());
        Assert.DoesNotContain(model.StateDict().Keys, k => k.Contains("hook", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_hooks_a_hook_point_returns_its_input_object()
    {
        using var x = Tensor.Zeros(2);
        using var point = new HookPoint();
        Assert.Same(x, point.Forward(x));
    }

    [Fact]
    public void A_patching_hook_changes_the_output_and_disposing_it_restores_it()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config());
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 } });
        var clean = model.Forward(ids).ToArray<double>();
        using (model.Hooks["blocks.0.hook_resid_mid"].AddHook((t, _) => Tensor.ZerosLike(t)))
        {
            Assert.NotEqual(clean, model.Forward(ids).ToArray<double>());
        }
        Assert.Equal(clean, model.Forward(ids).ToArray<double>());
    }

    [Fact]
    public void Disposing_one_hook_removes_only_that_hook()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config());
        var (first, second) = (0, 0);
        var point = model.Hooks["blocks.1.mlp.hook_post"];
        var a = point.AddHook((_, _) => { first++; return null; });
        using var b = point.AddHook((_, _) => { second++; return null; });
        a.Dispose();
        model.Forward(TinyModels.Ids(new long[,] { { 1, 2 } }));
        Assert.Equal((0, 1), (first, second));
    }

    [Fact]
    public void Observed_pattern_rows_are_causal_distributions()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("rope"));
        double[]? p = null;
        using var hook = model.Hooks["blocks.1.attn.hook_pattern"].AddHook((t, _) => { p = t.ToArray<double>(); return null; });
        model.Forward(TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5 } }));
        for (var h = 0; h < 4; h++)
            for (var i = 0; i < 5; i++)
            {
                var row = p!.Skip((h * 5 + i) * 5).Take(5).ToArray();
                Assert.Equal(1.0, row.Sum(), 12);
                for (var j = i + 1; j < 5; j++) Assert.Equal(0.0, row[j]);
            }
    }

    [Fact]
    public void Unknown_hook_name_lists_the_closest_valid_names()
    {
        using var model = TinyModels.Build(TinyModels.Config());
        var e = Assert.Throws<KeyNotFoundException>(() => model.Hooks["blocks.0.hook_resid_psot"]);
        Assert.Contains("blocks.0.hook_resid_post", e.Message);
    }
}
