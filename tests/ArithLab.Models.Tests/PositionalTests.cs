using ArithLab.Models;
using ArithLab.Models.Positional;

namespace ArithLab.Models.Tests;

public class PositionalTests
{
    private const int T = 6;
    private const int Heads = 4;

    [Fact]
    public void Rope_scores_depend_only_on_the_relative_offset()
    {
        using var scope = DisposeScope.Begin();
        var rope = new Rope(8);
        LibTorch.ManualSeed(3);
        var q = Tensor.Randn(new long[] { 1, 1, 1, 8 }, ScalarType.Float64);
        var k = Tensor.Randn(new long[] { 1, 1, 1, 8 }, ScalarType.Float64);
        double Score(int m, int n) => (rope.Apply(q, m) * rope.Apply(k, n)).Sum().Item();
        Assert.Equal(Score(5, 2), Score(105, 102), 9);
        Assert.Equal(Score(0, 7), Score(13, 20), 9);
        Assert.NotEqual(Score(5, 2), Score(5, 3), 6);
    }

    [Fact]
    public void Rope_rotates_each_half_pair_by_position_times_its_frequency()
    {
        using var scope = DisposeScope.Begin();
        var rope = new Rope(4);
        // hs = 4: pair 0 is (x[0], x[2]) with θ = 1, pair 1 is (x[1], x[3]) with θ = 10000^(−1/2) = 0.01.
        var x = Tensor.From(new double[] { 1, 1, 0, 0 }, 1, 1, 1, 4);
        var r = rope.Apply(x, 3).ToArray<double>();
        Assert.Equal(Math.Cos(3), r[0], 12);
        Assert.Equal(Math.Cos(0.03), r[1], 12);
        Assert.Equal(Math.Sin(3), r[2], 12);
        Assert.Equal(Math.Sin(0.03), r[3], 12);
        Assert.Equal(new double[] { 1, 1, 0, 0 }, rope.Apply(x, 0).ToArray<double>());
    }

    [Fact]
    public void Alibi_slopes_follow_the_papers_geometric_sequences()
    {
        Assert.Equal(new[] { 1 / 2.0, 1 / 4.0, 1 / 8.0, 1 / 16.0, 1 / 32.0, 1 / 64.0, 1 / 128.0, 1 / 256.0 }, Alibi.ComputeSlopes(8));
        Assert.Equal(new[] { 1 / 16.0, 1 / 256.0 }, Alibi.ComputeSlopes(2));
        // Not a power of two: the 4-head slopes, then the 1st and 3rd of the 8-head ones.
        Assert.Equal(new[] { 1 / 4.0, 1 / 16.0, 1 / 64.0, 1 / 256.0, 1 / 2.0, 1 / 8.0 }, Alibi.ComputeSlopes(6));
    }

    [Fact]
    public void Alibi_bias_is_minus_slope_times_distance_from_absolute_query_position()
    {
        var alibi = new Alibi(2);
        // Queries start at 3 (a cache of 3 tokens), 1 query, 4 keys.
        var v = alibi.Values(3, 1, 4);
        Assert.Equal(new[] { -3 / 16.0, -2 / 16.0, -1 / 16.0, 0.0, -3 / 256.0, -2 / 256.0, -1 / 256.0, 0.0 }, v);
    }

    [Fact]
    public void Alibi_model_attends_with_softmax_of_its_bias_when_queries_are_zero()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("alibi"));
        var pattern = PatternProbe.PatternWithZeroQueries(model, TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 } }));
        var slopes = Alibi.ComputeSlopes(Heads);
        for (var h = 0; h < Heads; h++)
            for (var i = 0; i < T; i++)
            {
                var expected = PatternProbe.CausalSoftmax(j => -slopes[h] * (i - j), i, T);
                for (var j = 0; j < T; j++) Assert.Equal(expected[j], pattern[(h * T + i) * T + j], 10);
            }
    }

    [Fact]
    public void Hard_alibi_heads_see_exactly_their_window()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("hard_alibi") with { HardAlibiWindows = new[] { 1, 2, 3, 0 } });
        var pattern = PatternProbe.PatternWithZeroQueries(model, TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 } }));
        var windows = new[] { 1, 2, 3, int.MaxValue };
        for (var h = 0; h < Heads; h++)
            for (var i = 0; i < T; i++)
            {
                // Zero queries give equal scores: uniform over the keys the window lets through.
                var visible = Enumerable.Range(0, i + 1).Where(j => i - j < windows[h]).ToArray();
                for (var j = 0; j < T; j++)
                {
                    var expected = visible.Contains(j) ? 1.0 / visible.Length : 0.0;
                    Assert.Equal(expected, pattern[(h * T + i) * T + j], 12);
                }
            }
    }

    [Fact]
    public void Hard_alibi_default_masks_half_the_heads_with_windows_one_two_dot_dot_dot()
    {
        Assert.Equal(new[] { 1, 2, 0, 0 }, new HardAlibi(4).Windows);
        Assert.Equal(new[] { 1, 2, 3, 0, 0, 0 }, new HardAlibi(6).Windows);
    }

    [Fact]
    public void Fire_bias_is_its_mlp_of_the_log_normalised_distance()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(5);
        using var fire = new Fire(heads: 2, mlpWidth: 3, initC: 0.7, initL: 3.0);
        fire.To(ScalarType.Float64);
        var s = fire.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<double>());
        var (w1, b1, w2, b2) = (s["mlp_in.weight"], s["mlp_in.bias"], s["mlp_out.weight"], s["mlp_out.bias"]);
        var (c, l) = (s["c"][0], Math.Abs(s["l_multiplier"][0] * s["init_l"][0]));
        double Psi(double x) => Math.Log(Math.Abs(c * x) + 1);
        var bias = fire.Bias(qStart: 1, queryLength: 5, keyLength: 6).ToArray<double>();   // queries 1..5
        for (var h = 0; h < 2; h++)
            for (var qi = 0; qi < 5; qi++)
                for (var j = 0; j < 6; j++)
                {
                    var i = qi + 1;
                    var u = Psi(i - j) / (Psi(Math.Max(i, l)) + 1e-6);
                    var expected = b2[h];
                    for (var w = 0; w < 3; w++) expected += w2[h * 3 + w] * Math.Max(0, w1[w] * u + b1[w]);
                    Assert.Equal(expected, bias[(h * 5 + qi) * 6 + j], 10);
                }
    }

    [Fact]
    public void Fire_model_attends_with_softmax_of_layer_zeros_fire_bias_when_queries_are_zero()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("fire"));
        var fire = model.StateDict().Where(kv => kv.Key.StartsWith("blocks.0.attn.fire.", StringComparison.Ordinal))
                        .ToDictionary(kv => kv.Key["blocks.0.attn.fire.".Length..], kv => kv.Value.Clone());
        using var reference = new Fire(Heads, 8);
        reference.To(ScalarType.Float64);
        reference.LoadStateDict(fire);
        var bias = reference.Bias(0, T, T).ToArray<double>();
        var pattern = PatternProbe.PatternWithZeroQueries(model, TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 } }));
        for (var h = 0; h < Heads; h++)
            for (var i = 0; i < T; i++)
            {
                var expected = PatternProbe.CausalSoftmax(j => bias[(h * T + i) * T + j], i, T);
                for (var j = 0; j < T; j++) Assert.Equal(expected[j], pattern[(h * T + i) * T + j], 10);
            }
    }

    [Theory]
    [InlineData("abacus", "abacus.weight")]
    [InlineData("coupled", "coupled.weight")]
    public void Id_indexed_position_embedding_is_the_table_row_of_each_tokens_id(string scheme, string table)
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config(scheme));
        AssertEmbedsTableRows(model, table, new long[,] { { 0, 3, 2, 1, 0, 3 }, { 5, 5, 0, 1, 2, 3 } });
    }

    /// <summary>The position embedding (hook_pos_embed) of each token is row <paramref name="positionIds"/> of <paramref name="table"/>.</summary>
    private static void AssertEmbedsTableRows(Transformer model, string table, long[,] positionIds)
    {
        var weight = model.StateDict()[table].ToArray<double>();
        var ids = TinyModels.Ids(positionIds);
        double[]? pos = null;
        using (model.Hooks["hook_pos_embed"].AddHook((t, _) => { pos = t.ToArray<double>(); return null; }))
        {
            model.Forward(TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 }, { 6, 5, 4, 3, 2, 1 } }), ids);
        }
        var idValues = ids.ToArray<long>();
        const int C = 16;
        for (var n = 0; n < idValues.Length; n++)
            for (var c = 0; c < C; c++)
                Assert.Equal(weight[idValues[n] * C + c], pos![n * C + c]);
    }

    [Theory]
    [InlineData("abacus")]
    [InlineData("coupled")]
    public void A_sinusoidal_id_table_embeds_sin_and_cos_of_each_id_and_has_nothing_to_train(string scheme)
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config(scheme) with { IdTable = IdTableKind.Sinusoidal });
        Assert.DoesNotContain(model.NamedParameters(), p => p.Name.StartsWith(scheme + ".", StringComparison.Ordinal));
        double[]? pos = null;
        using (model.Hooks["hook_pos_embed"].AddHook((t, _) => { pos = t.ToArray<double>(); return null; }))
        {
            model.Forward(TinyModels.Ids(new long[,] { { 1, 2, 3 } }), TinyModels.Ids(new long[,] { { 0, 1, 7 } }));
        }
        const int C = 16;
        for (var c = 0; c < C; c++) Assert.Equal(0.0, pos![c]);      // id 0: no position, nothing added
        for (var i = 0; i < C / 2; i++)
        {
            // Vaswani et al. 2017, §3.5: PE(p, 2i) = sin(p / 10000^(2i/C)), PE(p, 2i+1) = cos(...).
            var rate = Math.Pow(10000.0, -2.0 * i / C);
            Assert.Equal(Math.Sin(7 * rate), pos![2 * C + 2 * i], 6);
            Assert.Equal(Math.Cos(7 * rate), pos![2 * C + 2 * i + 1], 6);
            Assert.Equal(Math.Sin(1 * rate), pos![C + 2 * i], 6);
        }
    }

    [Theory]
    [InlineData("abacus", false)]
    [InlineData("coupled", false)]
    [InlineData("abacus", true)]
    public void A_learned_sinusoidal_id_table_starts_as_scaled_sinusoids_and_is_trained(string scheme, bool looped)
    {
        using var scope = DisposeScope.Begin();
        var config = TinyModels.Config(scheme) with { IdTable = IdTableKind.LearnedSinusoidal };
        LibTorch.ManualSeed(3);
        // The model's initialisation pass draws every weight afresh; the rows must survive it.
        using Module model = looped
            ? new ArithLab.Models.Looped.LoopedTransformer(new ArithLab.Models.Looped.LoopedConfig { Transformer = config with { Layers = 1 }, MaxRecurrence = 2 })
            : new Transformer(config);
        var table = Assert.Single(model.NamedParameters(), p => p.Name == scheme + ".weight");
        Assert.True(table.Tensor.RequiresGrad);
        var rows = table.Tensor.ToArray<float>();
        const int C = 16;
        for (var c = 0; c < C; c++) Assert.Equal(0.0, rows[c]);       // id 0: no position, starts at zero
        var scale = 0.02 * Math.Sqrt(2.0);                               // entries of std 0.02, as the other embeddings
        foreach (var id in new[] { 1, 7, 39 })
        {
            for (var i = 0; i < C / 2; i++)
            {
                var rate = Math.Pow(10000.0, -2.0 * i / C);
                Assert.Equal(scale * Math.Sin(id * rate), rows[id * C + 2 * i], 6);
                Assert.Equal(scale * Math.Cos(id * rate), rows[id * C + 2 * i + 1], 6);
            }
        }
    }

    [Fact]
    public void A_learned_table_that_reads_ids_embeds_each_token_with_the_row_of_its_id()
    {
        // Training may start an example anywhere in the context: row b counts up from its own start.
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("learned") with { LearnedFromIds = true });
        AssertEmbedsTableRows(model, "pos_embed.weight", new long[,] { { 7, 8, 9, 10, 11, 12 }, { 0, 1, 2, 3, 4, 5 } });
    }

    [Fact]
    public void A_learned_table_that_reads_ids_gives_the_plain_models_logits_for_ids_0_to_T()
    {
        using var scope = DisposeScope.Begin();
        using var plain = TinyModels.Build(TinyModels.Config("learned"), seed: 4);
        using var fromIds = TinyModels.Build(TinyModels.Config("learned") with { LearnedFromIds = true }, seed: 4);
        var tokens = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 }, { 6, 5, 4, 3, 2, 1 } });
        var ids = TinyModels.Ids(new long[,] { { 0, 1, 2, 3, 4, 5 }, { 0, 1, 2, 3, 4, 5 } });
        Assert.Equal(plain.Forward(tokens).ToArray<double>(), fromIds.Forward(tokens, ids).ToArray<double>());
        Assert.Equal(plain.Forward(tokens).ToArray<double>(), fromIds.Forward(tokens).ToArray<double>());
    }

    [Fact]
    public void An_id_beyond_the_learned_table_is_an_error_naming_the_table_size()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("learned") with { LearnedFromIds = true });
        var error = Assert.Throws<ArgumentException>(() => model.Forward(TinyModels.Ids(new long[,] { { 1, 2 } }), TinyModels.Ids(new long[,] { { 31, 32 } })));
        Assert.Contains("32 is beyond the learned table of 32 positions", error.Message);
    }

    [Fact]
    public void Abacus_training_offset_shifts_every_nonzero_id_by_one_shared_k()
    {
        using var scope = DisposeScope.Begin();
        const int C = 16;
        var config = TinyModels.Config("abacus") with { MaxRandomOffset = 20 };
        LibTorch.ManualSeed(1);
        using var abacus = new AbacusEmbedding(config.MaxPositionId, C, config.MaxRandomOffset, seed: 7);
        abacus.To(ScalarType.Float64);
        var weight = abacus.Weight.ToArray<double>();
        var ids = new long[] { 0, 1, 2, 3, 0, 2 };
        var seen = new HashSet<long>();
        for (var trial = 0; trial < 12; trial++)
        {
            var rows = abacus.Forward(Tensor.From(ids, 1, 6)).ToArray<double>();
            var k = Enumerable.Range(0, 21).Single(k => Enumerable.Range(0, C).All(c => rows[1 * C + c] == weight[(1 + k) * C + c]));
            seen.Add(k);
            for (var n = 0; n < ids.Length; n++)
            {
                var row = ids[n] == 0 ? 0 : ids[n] + k;
                for (var c = 0; c < C; c++) Assert.Equal(weight[row * C + c], rows[n * C + c]);
            }
        }
        Assert.True(seen.Count > 1, "the offset should vary between batches");
        abacus.Eval();
        Assert.Equal(weight[3 * C], abacus.Forward(Tensor.From(new long[] { 3 }, 1, 1)).ToArray<double>()[0]);
    }

    [Fact]
    public void Sinusoidal_table_matches_the_papers_formula_at_hand_picked_entries()
    {
        var v = new Sinusoidal(4).Values(2, 1);   // position 2, C = 4
        Assert.Equal(new[] { Math.Sin(2), Math.Cos(2), Math.Sin(0.02), Math.Cos(0.02) }, v);
    }

    [Fact]
    public void Fire_gradients_with_respect_to_c_threshold_and_mlp_match_finite_differences()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(8);
        // L = 2.5 keeps max(i, L) away from its kink at integer positions.
        using var fire = new Fire(heads: 2, mlpWidth: 3, initC: 0.4, initL: 2.5);
        fire.To(ScalarType.Float64);
        var weights = Tensor.Randn(new long[] { 2, 5, 5 }, ScalarType.Float64);
        FiniteDifference.AssertGradients(() => (fire.Bias(0, 5, 5) * weights).Sum(), fire.Parameters().Where(p => p.RequiresGrad).ToList());
    }
}
