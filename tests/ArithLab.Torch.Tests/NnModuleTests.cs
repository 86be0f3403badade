using ArithLab.Torch.Nn;

namespace ArithLab.Torch.Tests;

[Collection(GlobalStateCollection.Name)]
public class NnModuleTests
{
    private sealed class Attention : Module<Tensor, Tensor>
    {
        public Linear Qkv { get; } = new(4, 12);
        public Linear CProj { get; } = new(4, 4, bias: false);

        public override Tensor Forward(Tensor input) => CProj.Forward(input);
    }

    private sealed class Block : Module
    {
        public LayerNorm Ln1 { get; } = new(4);
        public Attention Attn { get; } = new();

        [StateName("mlp")]
        public Sequential Feed { get; } = new(new Linear(4, 8), new Dropout(0.1), new Linear(8, 4));
    }

    private sealed class Tiny : Module
    {
        public Embedding Wte { get; } = new(10, 4);
        public ModuleList<Block> Blocks { get; } = new(new Block(), new Block());
        public RmsNorm LnF { get; } = new(4);

        // A persistent buffer and a derived one that is not saved.
        public ModuleBuffer Step { get; } = new(Tensor.Zeros([1], ScalarType.Int64));

        public ModuleBuffer Mask { get; } = new(Tensor.Zeros(3, 3), persistent: false);

        // Plain data is not state.
        public int Layers { get; } = 2;
    }

    private static string[] BlockNames(int i) => new[]
    {
        $"blocks.{i}.ln_1.weight", $"blocks.{i}.ln_1.bias",
        $"blocks.{i}.attn.qkv.weight", $"blocks.{i}.attn.qkv.bias", $"blocks.{i}.attn.c_proj.weight",
        $"blocks.{i}.mlp.0.weight", $"blocks.{i}.mlp.0.bias", $"blocks.{i}.mlp.2.weight", $"blocks.{i}.mlp.2.bias",
    };

    [Theory]
    [InlineData("Qkv", "qkv")]
    [InlineData("Ln1", "ln_1")]
    [InlineData("LmHead", "lm_head")]
    [InlineData("CProj", "c_proj")]
    [InlineData("MLPProj", "mlp_proj")]
    [InlineData("wte", "wte")]
    [InlineData("Blocks", "blocks")]
    [InlineData("Layer12Norm", "layer_12_norm")]
    public void Member_names_become_pytorch_style_snake_case(string member, string expected) =>
        Assert.Equal(expected, ModuleMembers.SnakeCase(member));

    [Fact]
    public void State_dict_names_follow_the_module_tree()
    {
        using var model = new Tiny();
        using var scope = DisposeScope.Begin();
        var expected = new[] { "step", "wte.weight" }.Concat(BlockNames(0)).Concat(BlockNames(1)).Append("ln_f.weight").ToArray();
        Assert.Equal(expected, model.StateDict().Keys.ToArray());
    }

    [Fact]
    public void Named_parameters_skip_buffers_and_named_buffers_include_non_persistent_ones()
    {
        using var model = new Tiny();
        var parameters = model.NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "wte.weight" }.Concat(BlockNames(0)).Concat(BlockNames(1)).Append("ln_f.weight"), parameters);
        Assert.Equal(new[] { "step", "mask" }, model.NamedBuffers().Select(b => b.Name).ToArray());
    }

    [Fact]
    public void Named_modules_list_the_tree_depth_first_with_the_root_named_empty()
    {
        using var model = new Tiny();
        var names = model.NamedModules().Select(m => m.Name).ToArray();
        Assert.Equal(new[]
        {
            "", "wte", "blocks", "blocks.0", "blocks.0.ln_1", "blocks.0.attn", "blocks.0.attn.qkv", "blocks.0.attn.c_proj",
            "blocks.0.mlp", "blocks.0.mlp.0", "blocks.0.mlp.1", "blocks.0.mlp.2",
            "blocks.1", "blocks.1.ln_1", "blocks.1.attn", "blocks.1.attn.qkv", "blocks.1.attn.c_proj",
            "blocks.1.mlp", "blocks.1.mlp.0", "blocks.1.mlp.1", "blocks.1.mlp.2", "ln_f",
        }, names);
    }

    [Fact]
    public void Parameter_count_matches_hand_count()
    {
        using var model = new Tiny();
        // wte 10·4; per block: ln_1 4+4, qkv 4·12+12, c_proj 4·4, mlp 4·8+8 + 8·4+4 = 160; ln_f 4.
        Assert.Equal(40 + 2 * 160 + 4, model.ParameterCount());
        model.Wte.Weight.RequiresGrad = false;
        Assert.Equal(2 * 160 + 4, model.ParameterCount(trainableOnly: true));
    }

    [Fact]
    public void Norms_biases_and_embeddings_are_flagged_no_weight_decay_and_matrices_are_not()
    {
        using var model = new Tiny();
        var noDecay = model.NamedParameters().Where(p => p.NoWeightDecay).Select(p => p.Name).ToHashSet();
        var decay = model.NamedParameters().Where(p => !p.NoWeightDecay).Select(p => p.Name).ToArray();
        Assert.Equal(new[]
        {
            "blocks.0.attn.qkv.weight", "blocks.0.attn.c_proj.weight", "blocks.0.mlp.0.weight", "blocks.0.mlp.2.weight",
            "blocks.1.attn.qkv.weight", "blocks.1.attn.c_proj.weight", "blocks.1.mlp.0.weight", "blocks.1.mlp.2.weight",
        }, decay);
        Assert.Contains("wte.weight", noDecay);
        Assert.Contains("ln_f.weight", noDecay);
        Assert.Contains("blocks.1.ln_1.bias", noDecay);
        Assert.Contains("blocks.0.mlp.2.bias", noDecay);
    }

    [Fact]
    public void Parameters_are_leaves_that_require_grad()
    {
        using var model = new Tiny();
        Assert.All(model.Parameters(), p =>
        {
            Assert.True(p.IsLeaf);
            Assert.True(p.RequiresGrad);
        });
    }

    [Fact]
    public void Eval_and_train_propagate_to_every_module()
    {
        using var model = new Tiny();
        Assert.All(model.NamedModules(), m => Assert.True(m.Module.Training));
        model.Eval();
        Assert.All(model.NamedModules(), m => Assert.False(m.Module.Training));
        model.Blocks[1].Train();
        Assert.True(model.Blocks[1].Feed[1].Training);
        Assert.False(model.Blocks[0].Feed[1].Training);
        Assert.False(model.Training);
    }

    [Fact]
    public void Dropout_module_is_the_identity_after_eval()
    {
        using var scope = DisposeScope.Begin();
        using var dropout = new Dropout(0.5);
        var x = Tensor.From(Enumerable.Repeat(1f, 64).ToArray());
        Assert.Contains(0f, dropout.Forward(x).ToArray<float>());
        dropout.Eval();
        Assert.Equal(x.ToArray<float>(), dropout.Forward(x).ToArray<float>());
    }

    [Fact]
    public void To_dtype_converts_in_place_keeping_every_parameter_object_and_handle()
    {
        using var model = new Tiny();
        using var scope = DisposeScope.Begin();
        var before = model.NamedParameters().ToDictionary(p => p.Name, p => p.Tensor);
        var values = model.Wte.Weight.Tensor.ToArray<float>();
        // A second native handle, as an optimizer might hold, sees the conversion too.
        var held = model.Wte.Weight.Tensor.Alias();

        var returned = model.To(ScalarType.Float64);

        Assert.Same(model, returned);
        foreach (var p in model.NamedParameters())
        {
            Assert.Same(before[p.Name], p.Tensor);
            Assert.Equal(ScalarType.Float64, p.Tensor.DType);
            Assert.True(p.Tensor.IsLeaf && p.Tensor.RequiresGrad);
        }
        Assert.Equal(ScalarType.Float64, held.DType);
        Assert.Equal(values.Select(v => (double)v).ToArray(), held.ToArray<double>());
        // Integer buffers keep their dtype, as in PyTorch's Module.to(dtype).
        Assert.Equal(ScalarType.Int64, model.Step.Tensor.DType);
        Assert.Equal(ScalarType.Float64, model.Mask.Tensor.DType);
    }

    [Fact]
    public void Module_to_integer_dtype_is_rejected()
    {
        using var model = new Linear(2, 2);
        Assert.Throws<ArgumentException>(() => model.To(ScalarType.Int32));
    }

    [Fact]
    public void State_dict_round_trips_into_a_fresh_module()
    {
        using var source = new Tiny();
        using var target = new Tiny();
        using var scope = DisposeScope.Begin();
        Assert.NotEqual(source.Wte.Weight.Tensor.ToArray<float>(), target.Wte.Weight.Tensor.ToArray<float>());
        var result = target.LoadStateDict(source.StateDict());
        Assert.Empty(result.MissingKeys);
        Assert.Empty(result.UnexpectedKeys);
        var a = source.StateDict();
        var b = target.StateDict();
        foreach (var (name, tensor) in a)
        {
            Assert.Equal(tensor.To(ScalarType.Float64).ToArray<double>(), b[name].To(ScalarType.Float64).ToArray<double>());
        }
        // Loading copies values: the target's tensors stay its own.
        Assert.True(target.Wte.Weight.Tensor.IsLeaf && target.Wte.Weight.RequiresGrad);
    }

    [Fact]
    public void Strict_load_reports_every_missing_unexpected_and_misshaped_key_and_copies_nothing()
    {
        using var source = new Tiny();
        using var target = new Tiny();
        using var scope = DisposeScope.Begin();
        var dict = source.StateDict();
        dict.Remove("ln_f.weight");
        dict.Remove("blocks.1.attn.qkv.bias");
        dict["blocks.1.attn.qvk.bias"] = Tensor.Zeros(12);
        dict["extra.thing"] = Tensor.Zeros(1);
        dict["wte.weight"] = Tensor.Zeros(11, 4);
        var before = target.Blocks[0].Ln1.Weight!.Tensor.ToArray<float>();
        var lnBefore = target.Blocks[0].Attn.Qkv.Weight.Tensor.ToArray<float>();

        var e = Assert.Throws<StateDictException>(() => target.LoadStateDict(dict));

        Assert.Equal(new[] { "blocks.1.attn.qkv.bias", "ln_f.weight" }, e.MissingKeys.Order().ToArray());
        Assert.Equal(new[] { "blocks.1.attn.qvk.bias", "extra.thing" }, e.UnexpectedKeys.ToArray());
        Assert.Single(e.ShapeMismatches);
        foreach (var key in new[] { "ln_f.weight", "blocks.1.attn.qkv.bias", "blocks.1.attn.qvk.bias", "extra.thing", "wte.weight" })
        {
            Assert.Contains(key, e.Message);
        }
        Assert.Contains("[11, 4]", e.Message);
        Assert.Contains("did you mean blocks.1.attn.qkv.bias?", e.Message);
        Assert.Equal(before, target.Blocks[0].Ln1.Weight!.Tensor.ToArray<float>());
        Assert.Equal(lnBefore, target.Blocks[0].Attn.Qkv.Weight.Tensor.ToArray<float>());
    }

    [Fact]
    public void Non_strict_load_copies_what_fits_and_returns_missing_and_unexpected_keys()
    {
        using var source = new Linear(3, 2);
        using var target = new Linear(3, 2);
        using var scope = DisposeScope.Begin();
        var dict = new Dictionary<string, Tensor> { ["weight"] = source.Weight.Tensor.Detach(), ["gain"] = Tensor.Zeros(2) };
        var result = target.LoadStateDict(dict, strict: false);
        Assert.Equal(new[] { "bias" }, result.MissingKeys);
        Assert.Equal(new[] { "gain" }, result.UnexpectedKeys);
        Assert.Equal(source.Weight.Tensor.ToArray<float>(), target.Weight.Tensor.ToArray<float>());
    }

    [Fact]
    public void Non_strict_load_still_rejects_a_shape_mismatch()
    {
        using var target = new Linear(3, 2);
        using var scope = DisposeScope.Begin();
        var dict = new Dictionary<string, Tensor> { ["weight"] = Tensor.Zeros(3, 2) };
        var e = Assert.Throws<StateDictException>(() => target.LoadStateDict(dict, strict: false));
        Assert.Contains("weight: checkpoint has shape [3, 2], module has [2, 3]", e.Message);
    }

    [Fact]
    public void Load_converts_dtype_into_the_module_tensors()
    {
        using var target = new Linear(2, 1);
        using var scope = DisposeScope.Begin();
        var dict = new Dictionary<string, Tensor>
        {
            ["weight"] = Tensor.From(new double[] { 0.5, -1.5 }, 1, 2),
            ["bias"] = Tensor.From(new double[] { 2 }),
        };
        target.LoadStateDict(dict);
        Assert.Equal(ScalarType.Float32, target.Weight.DType);
        Assert.Equal(new float[] { 0.5f, -1.5f }, target.Weight.Tensor.ToArray<float>());
        var y = target.Forward(Tensor.From(new float[] { 2, 1 }, 1, 2));
        Assert.Equal(new float[] { 0.5f * 2 - 1.5f + 2 }, y.ToArray<float>());
    }

    [Fact]
    public void Zero_grad_drops_the_gradients_of_every_parameter()
    {
        using var model = new Linear(3, 2);
        using var scope = DisposeScope.Begin();
        model.Forward(Tensor.From(new float[] { 1, 2, 3 }, 1, 3)).Sum().Backward();
        Assert.All(model.Parameters(), p => Assert.NotNull(p.Grad));
        model.ZeroGrad();
        Assert.All(model.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Dispose_frees_every_tensor_of_the_tree_and_parameters_survive_the_scope_they_were_made_in()
    {
        var baseline = LibTorch.SettledLiveTensors;
        Tiny model;
        using (var scope = DisposeScope.Begin())
        {
            model = new Tiny();
        }
        Assert.False(model.Wte.Weight.IsDisposed);
        Assert.False(model.Mask.IsDisposed);
        Assert.Equal(40, model.Wte.Weight.Tensor.NumEl);
        // 2 × 9 parameters in the blocks, wte, ln_f and two buffers.
        Assert.Equal(baseline + 22, LibTorch.SettledLiveTensors);
        model.Dispose();
        Assert.Equal(baseline, LibTorch.SettledLiveTensors);
        Assert.True(model.Wte.Weight.IsDisposed);
        Assert.True(model.Step.IsDisposed);
    }

    [Fact]
    public void A_training_step_in_a_dispose_scope_leaves_the_live_tensor_count_unchanged()
    {
        using var model = new Tiny();
        using var head = new Linear(4, 10);
        var baseline = LibTorch.SettledLiveTensors;
        for (var step = 0; step < 3; step++)
        {
            using var scope = DisposeScope.Begin();
            model.ZeroGrad();
            var h = model.Wte.Forward(Tensor.From(new long[] { 1, 2, 3, 4, 5, 6 }));   // (T, C)
            h = model.Blocks[0].Feed.Forward(model.Blocks[0].Ln1.Forward(h));
            var logits = head.Forward(model.LnF.Forward(h));                            // (T, V)
            var loss = Functional.CrossEntropy(logits, Tensor.From(new long[] { 2, 3, 4, 5, 6, 7 }), ignoreIndex: 2);
            loss.Backward();
            Assert.NotNull(model.Wte.Weight.Grad);
        }
        Assert.Equal(baseline, LibTorch.SettledLiveTensors);
    }

    [Fact]
    public void Apply_visits_children_before_parents_in_pytorch_order()
    {
        using var model = new Tiny();
        var order = new List<string>();
        var names = model.NamedModules().ToDictionary(m => (object)m.Module, m => m.Name, ReferenceEqualityComparer.Instance);
        model.Apply(m => order.Add(names[m]));
        Assert.Equal(new[]
        {
            "wte",
            "blocks.0.ln_1", "blocks.0.attn.qkv", "blocks.0.attn.c_proj", "blocks.0.attn",
            "blocks.0.mlp.0", "blocks.0.mlp.1", "blocks.0.mlp.2", "blocks.0.mlp", "blocks.0",
            "blocks.1.ln_1", "blocks.1.attn.qkv", "blocks.1.attn.c_proj", "blocks.1.attn",
            "blocks.1.mlp.0", "blocks.1.mlp.1", "blocks.1.mlp.2", "blocks.1.mlp", "blocks.1",
            "blocks", "ln_f", "",
        }, order);
    }

    [Fact]
    public void RequiresGrad_false_freezes_every_parameter()
    {
        using var model = new Tiny();
        model.RequiresGrad_(false);
        Assert.All(model.Parameters(), p => Assert.False(p.RequiresGrad));
        Assert.Equal(0, model.ParameterCount(trainableOnly: true));
        model.Blocks[0].RequiresGrad_();
        Assert.Equal(160, model.ParameterCount(trainableOnly: true));
    }

    [Fact]
    public void ToString_prints_the_tree_as_pytorch_does()
    {
        using var block = new Block();
        Assert.Equal(
            "Block(\n" +
            "  (ln_1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)\n" +
            "  (attn): Attention(\n" +
            "    (qkv): Linear(in_features=4, out_features=12, bias=True)\n" +
            "    (c_proj): Linear(in_features=4, out_features=4, bias=False)\n" +
            "  )\n" +
            "  (mlp): Sequential(\n" +
            "    (0): Linear(in_features=4, out_features=8, bias=True)\n" +
            "    (1): Dropout(p=0.1)\n" +
            "    (2): Linear(in_features=8, out_features=4, bias=True)\n" +
            "  )\n" +
            ")", block.ToString());
    }

    private sealed class Tied : Module
    {
        public Tied()
        {
            Wte = new Embedding(5, 3);
            LmHead = new Linear(3, 5, bias: false);
            LmHead.Weight.Dispose();
            typeof(Linear).GetField("<Weight>k__BackingField", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
                .SetValue(LmHead, Wte.Weight);
        }

        public Embedding Wte { get; }
        public Linear LmHead { get; }
    }

    [Fact]
    public void A_tied_parameter_is_listed_once_but_saved_under_both_names()
    {
        using var model = new Tied();
        using var scope = DisposeScope.Begin();
        Assert.Equal(new[] { "wte.weight" }, model.NamedParameters().Select(p => p.Name).ToArray());
        Assert.Equal(15, model.ParameterCount());
        Assert.Equal(new[] { "wte.weight", "lm_head.weight" }, model.StateDict().Keys.ToArray());
    }

    private sealed class WithList : Module
    {
        public List<Linear> Layers { get; } = new() { new Linear(1, 1) };
    }

    [Fact]
    public void A_plain_list_of_modules_is_rejected_with_a_pointer_to_ModuleList()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new WithList().NamedParameters().ToList());
        Assert.Contains("ModuleList", e.Message);
        Assert.Contains("Layers", e.Message);
    }

    private sealed class WithTensor : Module
    {
        public Tensor Cache { get; } = Tensor.Zeros(1);
    }

    [Fact]
    public void A_plain_tensor_member_is_rejected_with_a_pointer_to_ModuleBuffer()
    {
        using var scope = DisposeScope.Begin();
        var e = Assert.Throws<InvalidOperationException>(() => new WithTensor().NamedBuffers().ToList());
        Assert.Contains("ModuleBuffer", e.Message);
        Assert.Contains("Cache", e.Message);
    }

    private sealed class Clash : Module
    {
        public Linear LnF { get; } = new(1, 1);

        [StateName("ln_f")]
        public Linear Other { get; } = new(1, 1);
    }

    [Fact]
    public void Two_members_with_one_state_name_are_rejected()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Clash().NamedParameters().ToList());
        Assert.Contains("ln_f", e.Message);
    }

    private sealed class WithParent : Module
    {
        public Linear Own { get; } = new(2, 2);

        [NotState]
        public Module? Parent { get; set; }
    }

    [Fact]
    public void A_member_marked_NotState_is_not_part_of_the_tree()
    {
        using var inner = new WithParent();
        inner.Parent = inner;
        Assert.Equal(new[] { "own.weight", "own.bias" }, inner.NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Parameter_from_a_non_leaf_tensor_is_rejected()
    {
        using var scope = DisposeScope.Begin();
        var leaf = Tensor.Zeros(2).RequiresGrad_();
        var derived = leaf + 1.0;
        Assert.Throws<ArgumentException>(() => new Parameter(derived));
    }
}
