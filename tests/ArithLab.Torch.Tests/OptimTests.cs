using System.Text.Json;
using System.Text.Json.Nodes;
using ArithLab.Torch.Native;
using ArithLab.Torch.Optim;

namespace ArithLab.Torch.Tests;

/// <summary>
/// Optimizers and gradient clipping. The reference is PyTorch itself: the same parameters
/// and per-step gradients go to python/optim_reference.py (torch.optim, foreach=False)
/// and the parameters after every step must agree to rounding.
/// </summary>
public class OptimTests
{
    // Two parameters in two groups with different hyperparameters; gradients are fixed
    // pseudo-random inputs; p1 has no gradient at step 2 (it must then stay untouched and
    // keep its step count), and step 3 clips.
    private static readonly long[][] s_shapes = { new long[] { 2, 3 }, new long[] { 3 } };

    private sealed record OptimCase(
        string Optimizer, ScalarType DType, JsonObject Options, (double Lr, double WeightDecay)[] Groups,
        double[][] Initial, double[]?[][] Grads, double?[] Clips, double?[] Lrs);

    private static OptimCase MakeCase(string optimizer, ScalarType dtype, JsonObject options, int steps = 5)
    {
        var random = new Random(7);
        double Next() => Math.Round(random.NextDouble() * 2 - 1, 6);
        var initial = s_shapes.Select(s => Enumerable.Range(0, (int)s.Aggregate(1L, (a, b) => a * b)).Select(_ => Next()).ToArray()).ToArray();
        var grads = new double[]?[steps][];
        for (var t = 0; t < steps; t++)
        {
            grads[t] = initial.Select((p, i) => t == 2 && i == 1 ? null : p.Select(_ => Next()).ToArray()).ToArray();
        }
        var clips = Enumerable.Range(0, steps).Select(t => t == 3 ? 0.5 : (double?)null).ToArray();
        var lrs = Enumerable.Range(0, steps).Select(t => t == 4 ? 0.005 : (double?)null).ToArray();
        return new OptimCase(optimizer, dtype, options, new[] { (0.01, 0.1), (0.02, 0.0) }, initial, grads, clips, lrs);
    }

    private static double[][][] RunTorch(OptimCase c)
    {
        var json = new JsonObject
        {
            ["optimizer"] = c.Optimizer,
            ["dtype"] = c.DType.TorchName(),
            ["options"] = JsonNode.Parse(c.Options.ToJsonString()),
            ["groups"] = new JsonArray(c.Groups.Select((g, i) => (JsonNode)new JsonObject
            {
                ["params"] = new JsonArray(i),
                ["lr"] = g.Lr,
                ["weight_decay"] = g.WeightDecay,
            }).ToArray()),
            ["params"] = new JsonArray(c.Initial.Select((v, i) => (JsonNode)new JsonObject
            {
                ["shape"] = JsonSerializer.SerializeToNode(s_shapes[i]),
                ["values"] = JsonSerializer.SerializeToNode(v),
            }).ToArray()),
            ["steps"] = new JsonArray(c.Grads.Select((g, t) => (JsonNode)new JsonObject
            {
                ["grads"] = JsonSerializer.SerializeToNode(g),
                ["clip"] = c.Clips[t],
                ["lr"] = c.Lrs[t],
            }).ToArray()),
        };
        var output = JsonNode.Parse(PythonTorchPeer.Run("optim_reference.py", json.ToJsonString()))!;
        return output["params"]!.AsArray()
            .Select(step => step!.AsArray().Select(p => p!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray())
            .ToArray();
    }

    private static double[][][] RunOurs(OptimCase c, Func<IEnumerable<ParamGroup>, Optimizer> create)
    {
        var parameters = c.Initial.Select((v, i) => ToTensor(v, s_shapes[i], c.DType).RequiresGrad_()).ToArray();
        try
        {
            var groups = c.Groups.Select((g, i) => new ParamGroup(new[] { parameters[i] }, g.Lr, g.WeightDecay)).ToArray();
            using var optimizer = create(groups);
            var result = new List<double[][]>();
            for (var t = 0; t < c.Grads.Length; t++)
            {
                using var scope = DisposeScope.Begin();
                SetGrads(parameters, c.Grads[t], c.DType);
                if (c.Clips[t] is { } maxNorm)
                {
                    GradClip.ClipGradNorm(parameters, maxNorm);
                }
                if (c.Lrs[t] is { } lr)
                {
                    optimizer.SetLearningRate(lr);
                }
                optimizer.Step();
                result.Add(parameters.Select(p => p.To(ScalarType.Float64).ToArray<double>()).ToArray());
            }
            return result.ToArray();
        }
        finally
        {
            foreach (var p in parameters)
            {
                p.Dispose();
            }
        }
    }

    private static Tensor ToTensor(double[] values, long[] shape, ScalarType dtype)
    {
        using var t = Tensor.From(values, shape);
        return t.To(dtype);
    }

    private static void SetGrads(Tensor[] parameters, double[]?[] grads, ScalarType dtype)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (grads[i] is null)
            {
                parameters[i].ZeroGrad();
            }
            else
            {
                parameters[i].Grad = ToTensor(grads[i]!, parameters[i].Shape, dtype);
            }
        }
    }

    private static void AssertClose(double[][][] expected, double[][][] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var t = 0; t < expected.Length; t++)
        {
            for (var i = 0; i < expected[t].Length; i++)
            {
                for (var k = 0; k < expected[t][i].Length; k++)
                {
                    var e = expected[t][i][k];
                    var a = actual[t][i][k];
                    Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)),
                        $"step {t}, parameter {i}, element {k}: PyTorch {e:R}, ours {a:R}");
                }
            }
        }
    }

    private static JsonObject AdamWOptions => new() { ["betas"] = new JsonArray(0.8, 0.95), ["eps"] = 1e-6 };

    private static AdamW MakeAdamW(IEnumerable<ParamGroup> groups) => new(groups, beta1: 0.8, beta2: 0.95, eps: 1e-6);

    [PythonTorchFact]
    public void AdamW_matches_torch_AdamW_in_float64_with_groups_missing_grads_clipping_and_lr_change()
    {
        var c = MakeCase("adamw", ScalarType.Float64, AdamWOptions);
        AssertClose(RunTorch(c), RunOurs(c, MakeAdamW), 1e-13);
    }

    [PythonTorchFact]
    public void AdamW_matches_torch_AdamW_in_float32()
    {
        var c = MakeCase("adamw", ScalarType.Float32, AdamWOptions);
        AssertClose(RunTorch(c), RunOurs(c, MakeAdamW), 1e-6);
    }

    [PythonTorchFact]
    public void Sgd_with_momentum_dampening_and_weight_decay_matches_torch_SGD()
    {
        var c = MakeCase("sgd", ScalarType.Float64, new JsonObject { ["momentum"] = 0.9, ["dampening"] = 0.25 });
        AssertClose(RunTorch(c), RunOurs(c, g => new Sgd(g, learningRate: 0.1, momentum: 0.9, dampening: 0.25)), 1e-13);
    }

    [PythonTorchFact]
    public void Sgd_with_nesterov_momentum_matches_torch_SGD()
    {
        var c = MakeCase("sgd", ScalarType.Float64, new JsonObject { ["momentum"] = 0.8, ["nesterov"] = true });
        AssertClose(RunTorch(c), RunOurs(c, g => new Sgd(g, learningRate: 0.1, momentum: 0.8, nesterov: true)), 1e-13);
    }

    [Fact]
    public void Plain_sgd_step_is_theta_minus_lr_times_grad_plus_weight_decay_times_theta()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1, -2 }).RequiresGrad_();
        p.Grad = Tensor.From(new double[] { 0.5, 4 });
        using var sgd = new Sgd(new[] { p }, learningRate: 0.1, weightDecay: 0.01);
        sgd.Step();
        // 1 − 0.1·(0.5 + 0.01·1) = 0.949; −2 − 0.1·(4 + 0.01·(−2)) = −2.398
        var values = p.ToArray<double>();
        Assert.Equal(0.949, values[0], 12);
        Assert.Equal(-2.398, values[1], 12);
    }

    [Fact]
    public void First_adamw_step_moves_each_weight_by_about_lr_against_its_gradient_sign()
    {
        // With zero weight decay and bias correction, step 1 is lr·g/(|g| + ε') ≈ lr·sign(g).
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1, 1, 1 }).RequiresGrad_();
        p.Grad = Tensor.From(new double[] { 3, -0.001, 0 });
        using var adam = new AdamW(new[] { p }, learningRate: 0.1, eps: 1e-8, weightDecay: 0);
        adam.Step();
        var values = p.ToArray<double>();
        Assert.Equal(0.9, values[0], 6);
        Assert.Equal(1.1, values[1], 4);
        Assert.Equal(1.0, values[2], 12);
    }

    [Fact]
    public void Adamw_weight_decay_is_decoupled_shrinking_weights_by_lr_times_decay()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 2 }).RequiresGrad_();
        p.Grad = Tensor.From(new double[] { 0 });
        using var adam = new AdamW(new[] { p }, learningRate: 0.1, weightDecay: 0.5);
        adam.Step();
        // Zero gradient: only the decay acts, 2·(1 − 0.1·0.5) = 1.9.
        Assert.Equal(1.9, p.ToArray<double>()[0], 12);
    }

    [Fact]
    public void Parameter_without_gradient_is_untouched_and_gets_no_state()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        var b = Tensor.From(new double[] { 3, 4 }).RequiresGrad_();
        a.Grad = Tensor.From(new double[] { 1, 1 });
        using var adam = new AdamW(new[] { a, b });
        adam.Step();
        Assert.Equal(new double[] { 3, 4 }, b.ToArray<double>());
        var state = adam.StateDict();
        Assert.Equal(1L, state["state.0.step"].Item<long>());
        Assert.DoesNotContain(state.Keys, k => k.StartsWith("state.1.", StringComparison.Ordinal));
    }

    [Fact]
    public void Loaded_state_dict_continues_bit_identically_to_the_uninterrupted_optimizer()
    {
        using var scope = DisposeScope.Begin();
        var grads = new[] { new[] { 0.3, -0.2 }, new[] { 0.1, 0.4 }, new[] { -0.5, 0.05 }, new[] { 0.2, 0.2 }, new[] { -0.1, 0.3 } };
        var a = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        using var first = new AdamW(new[] { a }, learningRate: 0.05, weightDecay: 0.1);
        for (var t = 0; t < 3; t++)
        {
            a.Grad = Tensor.From(grads[t]);
            first.Step();
        }
        var b = a.Detach().Clone().RequiresGrad_();
        using var second = new AdamW(new[] { b }, learningRate: 0.5, weightDecay: 0);
        second.LoadStateDict(first.StateDict());
        Assert.Equal(0.05, second.ParamGroups[0].LearningRate);
        Assert.Equal(0.1, second.ParamGroups[0].WeightDecay);
        for (var t = 3; t < 5; t++)
        {
            a.Grad = Tensor.From(grads[t]);
            b.Grad = Tensor.From(grads[t]);
            first.Step();
            second.Step();
        }
        Assert.Equal(a.ToArray<double>(), b.ToArray<double>());
    }

    [Fact]
    public void Load_state_dict_rejects_unknown_keys_and_wrong_shapes_naming_them()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        using var adam = new AdamW(new[] { p });
        var bad = new Dictionary<string, Tensor>
        {
            ["state.0.exp_avg"] = Tensor.Zeros(3),
            ["state.0.exp_avg_sq"] = Tensor.Zeros(2),
            ["state.0.step"] = Tensor.Scalar(1L),
            ["state.7.exp_avg"] = Tensor.Zeros(2),
            ["momentum"] = Tensor.Zeros(1),
            ["param_groups.0.lr"] = Tensor.Scalar(-1.0),
        };
        var e = Assert.Throws<ArgumentException>(() => adam.LoadStateDict(bad));
        Assert.Contains("state.0.exp_avg has shape [3]", e.Message);
        Assert.Contains("unexpected key state.7.exp_avg", e.Message);
        Assert.Contains("unexpected key momentum", e.Message);
        Assert.Contains("param_groups.0.lr is -1", e.Message);
        // Nothing was changed by the failed load.
        Assert.Equal(1e-3, adam.ParamGroups[0].LearningRate);
    }

    [Fact]
    public void Load_state_dict_rejects_incomplete_parameter_state()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        using var adam = new AdamW(new[] { p });
        var partial = new Dictionary<string, Tensor> { ["state.0.exp_avg"] = Tensor.Zeros(2) };
        var e = Assert.Throws<ArgumentException>(() => adam.LoadStateDict(partial));
        Assert.Contains("state.0.exp_avg_sq", e.Message);
        Assert.Contains("state.0.step", e.Message);
    }

    [Fact]
    public void Optimizer_rejects_a_parameter_listed_twice_and_integer_parameters()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1 });
        Assert.Throws<ArgumentException>(() => new AdamW(new[] { new ParamGroup(new[] { p }), new ParamGroup(new[] { p }) }));
        Assert.Throws<ArgumentException>(() => new Sgd(new[] { Tensor.From(new long[] { 1 }) }, 0.1));
        Assert.Throws<ArgumentException>(() => new Sgd(new[] { p }, 0.1, momentum: 0, nesterov: true));
    }

    [Fact]
    public unsafe void Native_adamw_step_rejects_state_of_the_wrong_shape_with_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        p.Grad = Tensor.From(new double[] { 1, 1 });
        var m = Tensor.Zeros(new long[] { 3 }, ScalarType.Float64);
        var v = Tensor.Zeros(new long[] { 2 }, ScalarType.Float64);
        var step = Tensor.Scalar(0L);
        var handles = new[] { p, m, v, step }.Select(t => t.Handle.DangerousGetHandle()).ToArray();
        fixed (IntPtr* h = handles)
        {
            var status = NativeMethods.al_adamw_step(h, h + 1, h + 2, h + 3, 1, 0.1, 0.9, 0.999, 1e-8, 0);
            var e = Assert.Throws<TorchException>(() => Status.Check(status));
            Assert.Contains("exp_avg of parameter 0 has shape [3]", e.Message);
        }
        Assert.Equal(new double[] { 1, 2 }, p.ToArray<double>());
        Assert.Equal(0L, step.Item<long>());
    }

    [Fact]
    public unsafe void Native_sgd_step_rejects_nesterov_without_momentum_with_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1 }).RequiresGrad_();
        var handles = new[] { p.Handle.DangerousGetHandle() };
        var buffers = new IntPtr[1];
        fixed (IntPtr* h = handles, b = buffers)
        {
            var status = NativeMethods.al_sgd_step(h, b, 1, 0.1, 0, 0, 0, 1);
            Assert.Throws<TorchException>(() => Status.Check(status));
        }
    }

    [Fact]
    public unsafe void Native_clip_grad_norm_rejects_a_negative_max_norm_with_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new double[] { 1 }).RequiresGrad_();
        p.Grad = Tensor.From(new double[] { 2 });
        var handles = new[] { p.Handle.DangerousGetHandle() };
        fixed (IntPtr* h = handles)
        {
            var status = NativeMethods.al_clip_grad_norm(h, 1, -1.0, out _);
            var e = Assert.Throws<TorchException>(() => Status.Check(status));
            Assert.Contains("max_norm must not be negative", e.Message);
        }
        Assert.Equal(new double[] { 2 }, p.Grad!.ToArray<double>());
    }

    [Fact]
    public void Clip_grad_norm_scales_a_3_4_gradient_to_the_max_norm_and_returns_5()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[] { 3 }).RequiresGrad_();
        var b = Tensor.From(new double[] { 0, 4 }).RequiresGrad_();
        var none = Tensor.From(new double[] { 7 }).RequiresGrad_();
        a.Grad = Tensor.From(new double[] { 3 });
        b.Grad = Tensor.From(new double[] { 0, 4 });
        var norm = GradClip.ClipGradNorm(new[] { a, b, none }, 1.0);
        Assert.Equal(5.0, norm, 12);
        // PyTorch's factor: max_norm / (norm + 1e-6).
        var factor = 1.0 / (5.0 + 1e-6);
        Assert.Equal(3 * factor, a.Grad!.ToArray<double>()[0], 12);
        Assert.Equal(4 * factor, b.Grad!.ToArray<double>()[1], 12);
        Assert.Null(none.Grad);
    }

    [Fact]
    public void Clip_grad_norm_leaves_gradients_below_the_max_norm_unchanged()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new float[] { 1, 2 }).RequiresGrad_();
        a.Grad = Tensor.From(new float[] { 0.3f, -0.4f });
        var norm = GradClip.ClipGradNorm(new[] { a }, 10.0);
        Assert.Equal(0.5, norm, 6);
        Assert.Equal(new float[] { 0.3f, -0.4f }, a.Grad!.ToArray<float>());
    }

    [Fact]
    public void Clip_grad_norm_of_parameters_without_gradients_is_zero()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new float[] { 1, 2 }).RequiresGrad_();
        Assert.Equal(0.0, GradClip.ClipGradNorm(new[] { a }, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradClip.ClipGradNorm(new[] { a }, -1.0));
    }

    private sealed class Tiny : Nn.Module
    {
        public Nn.Embedding Embed { get; } = new(5, 4);

        public Nn.LayerNorm Norm { get; } = new(4);

        public Nn.Linear Proj { get; } = new(4, 3);
    }

    [Fact]
    public void Module_param_groups_put_biases_norms_and_embeddings_in_the_group_without_decay()
    {
        using var module = new Tiny();
        var groups = ParamGroups.ForModule(module, weightDecay: 0.1);
        Assert.Equal(2, groups.Count);
        Assert.Equal(new[] { module.Proj.Weight.Tensor }, groups[0].Params);
        Assert.Equal(0.1, groups[0].WeightDecay);
        Assert.Equal(
            new[] { module.Embed.Weight.Tensor, module.Norm.Weight!.Tensor, module.Norm.Bias!.Tensor, module.Proj.Bias!.Tensor },
            groups[1].Params);
        Assert.Equal(0.0, groups[1].WeightDecay);
        using var adam = new AdamW(groups, learningRate: 0.01);
        Assert.All(adam.ParamGroups, g => Assert.Equal(0.01, g.LearningRate));
    }
}
