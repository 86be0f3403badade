using ArithLab.Models;
using ArithLab.Models.Generation;
using ArithLab.Models.Looped;

namespace ArithLab.Models.Tests;

public class LoopedTests
{
    /// <summary>A seeded float64 model in eval mode; without injection the state must start from the embedding.</summary>
    private static LoopedTransformer Build(InjectionKind injection, int prelude = 0, int coda = 0, StateInit? stateInit = null)
    {
        LibTorch.ManualSeed(11);
        var config = new LoopedConfig
        {
            Transformer = TinyModels.Config("rope") with { Layers = 1 },
            PreludeLayers = prelude,
            CodaLayers = coda,
            Injection = injection,
            StateInit = stateInit ?? (injection == InjectionKind.None ? StateInit.Embedding : StateInit.Zero),
            MaxRecurrence = 4,
            MaxBackprop = 2,
        };
        // Returned to the caller, who disposes it.
#pragma warning disable CA2000
        return new LoopedTransformer(config).To(ScalarType.Float64).Eval();
#pragma warning restore CA2000
    }

    /// <summary>
    /// A looped model with an L-layer core, no prelude or coda and additive injection, and a plain
    /// L-block <see cref="Transformer"/> holding the same weights: the looped state dict with
    /// <c>core.{i}</c> renamed <c>blocks.{i}</c>, loaded strictly, so every weight is copied across.
    /// The token and Abacus tables of the plain stack are multiplied by <paramref name="embeddingScale"/>
    /// (exact in float64), so its blocks read <paramref name="embeddingScale"/>·e.
    /// </summary>
    private static (LoopedTransformer Looped, Transformer Plain) LoopedAndPlainStack(StateInit stateInit, double embeddingScale)
    {
        var block = TinyModels.Config("abacus+rope");                                 // 2 layers, untied unembedding
        LibTorch.ManualSeed(12);
        // Both models go to the caller, who disposes them.
#pragma warning disable CA2000
        var looped = new LoopedTransformer(new LoopedConfig { Transformer = block, Injection = InjectionKind.Add, StateInit = stateInit, MaxRecurrence = 1 })
            .To(ScalarType.Float64).Eval();
#pragma warning restore CA2000
        var plain = TinyModels.Build(block, seed: 13);
        var weights = looped.StateDict().ToDictionary(
            kv => kv.Key.StartsWith("core.", StringComparison.Ordinal) ? "blocks." + kv.Key["core.".Length..] : kv.Key,
            kv => kv.Key is "tok_embed.weight" or "abacus.weight" ? kv.Value * embeddingScale : kv.Value);
        plain.LoadStateDict(weights);
        return (looped, plain);
    }

    [Fact]
    public void Zero_start_makes_one_additive_pass_the_plain_stack_on_the_embedding()
    {
        using var scope = DisposeScope.Begin();
        var (looped, plain) = LoopedAndPlainStack(StateInit.Zero, embeddingScale: 1.0);
        using (looped)
        using (plain)
        {
            var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 }, { 9, 8, 7, 6, 5, 4 } });
            var positions = TinyModels.PositionIds(2, 6);
            var expected = plain.Forward(ids, positions).ToArray<double>();
            var actual = looped.Forward(ids, positions, stepsNoGrad: 0, stepsWithGrad: 1).ToArray<double>();
            for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
        }
    }

    [Fact]
    public void Embedding_start_makes_one_additive_pass_the_plain_stack_on_twice_the_embedding()
    {
        using var scope = DisposeScope.Begin();
        var (looped, plain) = LoopedAndPlainStack(StateInit.Embedding, embeddingScale: 2.0);
        var (sameLooped, once) = LoopedAndPlainStack(StateInit.Embedding, embeddingScale: 1.0);
        using (looped)
        using (plain)
        using (sameLooped)
        using (once)
        {
            var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 }, { 9, 8, 7, 6, 5, 4 } });
            var positions = TinyModels.PositionIds(2, 6);
            var expected = plain.Forward(ids, positions).ToArray<double>();
            var actual = looped.Forward(ids, positions, stepsNoGrad: 0, stepsWithGrad: 1).ToArray<double>();
            for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
            // The comparison tells the two rules apart: the same blocks on e once give other logits.
            Assert.False(Tensor.AllClose(once.Forward(ids, positions), looped.Forward(ids, positions, 0, 1), 1e-6, 1e-6));
        }
    }

    [Fact]
    public void Noise_start_draws_n_0_std_squared_while_training_and_is_zero_in_eval_mode()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(InjectionKind.Add, stateInit: StateInit.Noise);
        using var zero = Build(InjectionKind.Add, stateInit: StateInit.Zero);
        // The same weights whatever other test classes drew from the global generator meanwhile.
        zero.LoadStateDict(model.StateDict());
        var ids = Tensor.RandInt(0, 11, new long[] { 16, 16 }, generator: null);
        var e = Functional.Embedding(model.StateDict()["tok_embed.weight"], ids);     // (B, T, C); rope adds nothing to it
        var firstPassInputs = new List<Tensor>();
        using var hook = model.Hooks["core.0.hook_resid_pre"].AddHook((x, _) => { firstPassInputs.Add(x.Detach().Clone()); return null; });

        model.Train();
        model.Forward(ids, null, stepsNoGrad: 0, stepsWithGrad: 1);
        var h0 = (firstPassInputs[0] - e).ToArray<double>();                           // inject(h₀, e) − e
        var mean = h0.Average();
        var std = Math.Sqrt(h0.Sum(v => (v - mean) * (v - mean)) / (h0.Length - 1));
        Assert.InRange(mean, -0.002, 0.002);                                          // 4,096 draws: the mean's own std is 0.0003
        Assert.InRange(std, 0.019, 0.021);
        model.Forward(ids, null, stepsNoGrad: 0, stepsWithGrad: 1);
        Assert.False(Tensor.AllClose(firstPassInputs[0], firstPassInputs[1], 1e-9, 1e-9), "every forward pass draws afresh");

        model.Eval();
        Assert.True(Tensor.AllClose(zero.Logits(ids), model.Logits(ids), 0, 0), "in eval mode the noise start is its mean, 0");
    }

    [Fact]
    public void A_state_that_ignores_the_input_is_refused()
    {
        var config = new LoopedConfig { Transformer = TinyModels.Config("rope") with { Layers = 1 }, Injection = InjectionKind.None, StateInit = StateInit.Zero };
        var error = Assert.Throws<ArgumentException>(() => new LoopedTransformer(config));
        Assert.Contains("never reads the input", error.Message);
    }

    [Theory]
    [InlineData(InjectionKind.None)]
    [InlineData(InjectionKind.Add)]
    [InlineData(InjectionKind.Linear)]
    [InlineData(InjectionKind.Parcae)]
    public void Passes_without_gradient_compute_the_same_logits_as_passes_with(InjectionKind injection)
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(injection, prelude: 1, coda: 1);
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 } });
        var truncated = model.Forward(ids, null, stepsNoGrad: 2, stepsWithGrad: 1);
        var full = model.Forward(ids, null, stepsNoGrad: 0, stepsWithGrad: 3);
        Assert.True(Tensor.AllClose(truncated, full, 1e-12, 1e-12));
        Assert.False(Tensor.AllClose(full, model.Forward(ids, null, 0, 1), 1e-6, 1e-6), "more passes should change the logits");
    }

    [Fact]
    public void Core_weights_get_gradient_only_through_passes_run_with_gradient()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(InjectionKind.Add);
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 } });
        var core = model.NamedParameters().Single(p => p.Name == "core.0.attn.qkv.weight").Tensor;
        model.Forward(ids, null, stepsNoGrad: 3, stepsWithGrad: 0).Sum().Backward();
        Assert.Null(core.Grad);
        model.ZeroGrad();
        model.Forward(ids, null, stepsNoGrad: 3, stepsWithGrad: 1).Sum().Backward();
        Assert.NotNull(core.Grad);
    }

    [Fact]
    public void State_dict_names_follow_prelude_core_coda_and_injection()
    {
        using var model = Build(InjectionKind.Parcae, prelude: 1, coda: 1);
        var keys = model.StateDict().Keys.ToHashSet();
        Assert.Contains("prelude.0.attn.qkv.weight", keys);
        Assert.Contains("core.0.mlp.fc_in.weight", keys);
        Assert.Contains("coda.0.ln_2.weight", keys);
        Assert.Contains("injection.log_a", keys);
        Assert.Contains("injection.log_dt", keys);
        Assert.Contains("injection.b", keys);
        using var linear = Build(InjectionKind.Linear);
        Assert.Equal(new long[] { 16, 32 }, linear.StateDict()["adapter.weight"].Shape);
    }

    [Fact]
    public void Parcae_decay_is_exp_of_minus_one_at_init_and_stays_in_the_unit_interval()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(InjectionKind.Parcae);
        var injection = model.Injection!;
        Assert.All(injection.DecayA().ToArray<double>(), a => Assert.Equal(Math.Exp(-1), a, 12));
        foreach (var (logA, logDt) in new[] { (-5.0, -3.0), (4.0, 1.0), (-60.0, 0.0), (60.0, 60.0) })
        {
            model.LoadStateDict(new Dictionary<string, Tensor>
            {
                ["injection.log_a"] = Tensor.Full(new long[] { 16 }, logA, ScalarType.Float64),
                ["injection.log_dt"] = Tensor.Full(new long[] { 1 }, logDt, ScalarType.Float64),
            }, strict: false);
            var expected = Math.Exp(-Math.Exp(Math.Clamp(logA + logDt, -20, 20)));
            Assert.All(injection.DecayA().ToArray<double>(), a =>
            {
                Assert.InRange(a, 0.0, 1.0);
                Assert.Equal(expected, a, 12);
            });
        }
    }

    [Fact]
    public void Progressive_steps_are_drawn_from_the_papers_ranges()
    {
        var random = new Random(1);
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < 2000; i++)
        {
            var (n, k) = ProgressiveLoss.SampleSteps(maxSteps: 6, maxBackprop: 3, random);
            Assert.InRange(n, 0, 5);
            Assert.InRange(k, 1, Math.Min(6 - n, 3));
            seen.Add((n, k));
        }
        // Every admissible (n, k) pair turns up: 3 + 3 + 3 + 3 + 2 + 1.
        Assert.Equal(15, seen.Count);
    }

    [Fact]
    public void Progressive_loss_with_alpha_zero_is_the_loss_at_full_depth_with_truncated_backprop()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(InjectionKind.Add);
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 } });
        var zeroAlpha = new LoopedTransformer(model.Config with { Alpha = 0.0 });
        zeroAlpha.To(ScalarType.Float64).Eval().LoadStateDict(model.StateDict());
        static Tensor Loss(Tensor logits) => logits.Pow(2.0).Mean();
        var loss = ProgressiveLoss.Compute(zeroAlpha, ids, null, Loss, new Random(3)).Item();
        var expected = Loss(model.Forward(ids, null, 2, 2)).Item();
        Assert.Equal(expected, loss, 12);
        zeroAlpha.Dispose();
    }

    [Fact]
    public void Looped_model_decodes_greedily_through_the_generic_path()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(InjectionKind.Add);
        var tokens = GreedyDecoder.GenerateUncached(model, TinyModels.Ids(new long[,] { { 1, 2, 3 } }), 3);
        Assert.Equal(new long[] { 1, 6 }, tokens.Shape);
        Assert.Equal(new long[] { 1, 2, 3 }, tokens.ToArray<long>().Take(3));
    }

    [Fact]
    public void A_core_hook_fires_once_per_pass()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(InjectionKind.Add, prelude: 1);
        var calls = 0;
        using var hook = model.Hooks["core.0.hook_resid_post"].AddHook((_, _) => { calls++; return null; });
        model.Forward(TinyModels.Ids(new long[,] { { 1, 2, 3 } }), null, stepsNoGrad: 2, stepsWithGrad: 3);
        Assert.Equal(5, calls);
        Assert.Contains("prelude.0.attn.hook_pattern", model.Hooks.Names);
    }

    [Theory]
    [InlineData(InjectionKind.Linear)]
    [InlineData(InjectionKind.Parcae)]
    public void Looped_model_is_causal(InjectionKind injection)
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(injection, prelude: 1, coda: 1);
        var a = model.Logits(TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5 } })).ToArray<double>();
        var b = model.Logits(TinyModels.Ids(new long[,] { { 1, 2, 3, 9, 0 } })).ToArray<double>();
        const int V = 11;
        for (var i = 0; i < 3 * V; i++) Assert.Equal(a[i], b[i], 12);
        Assert.NotEqual(a[3 * V], b[3 * V]);
    }

    [Theory]
    [InlineData(InjectionKind.Add, StateInit.Zero)]
    [InlineData(InjectionKind.Add, StateInit.Embedding)]
    [InlineData(InjectionKind.Add, StateInit.Noise)]
    [InlineData(InjectionKind.Parcae, StateInit.Zero)]
    [InlineData(InjectionKind.Linear, StateInit.Zero)]
    public void Looped_cached_steps_equal_the_full_pass_and_decode_alike(InjectionKind injection, StateInit stateInit)
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(injection, prelude: 1, coda: 1, stateInit: stateInit);
        AssertCachedStepsEqualTheFullPassAndDecodeAlike(model);
    }

    /// <summary>Logits of tokens fed one at a time through a cache equal the full pass's, and cached greedy decoding the uncached one.</summary>
    internal static void AssertCachedStepsEqualTheFullPassAndDecodeAlike(LoopedTransformer model)
    {
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 } });
        using (LibTorch.NoGrad())
        {
            var full = model.Logits(ids).ToArray<double>();                          // MaxRecurrence passes
            using var cache = model.NewCache();
            model.Logits(ids.Narrow(1, 0, 3), null, cache);
            const int V = 11;
            for (var t = 3; t < 6; t++)
            {
                var step = model.Logits(ids.Narrow(1, t, 1), null, cache).ToArray<double>();
                for (var v = 0; v < V; v++) Assert.Equal(full[t * V + v], step[v], 10);
            }
        }
        var prompt = TinyModels.Ids(new long[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(GreedyDecoder.GenerateUncached(model, prompt, 5).ToArray<long>(), GreedyDecoder.Generate(model, prompt, 5).ToArray<long>());
    }
}
