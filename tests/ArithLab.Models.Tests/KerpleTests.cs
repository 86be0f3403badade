using ArithLab.Models;
using ArithLab.Models.Positional;

namespace ArithLab.Models.Tests;

/// <summary>KERPLE, log variant (Chi et al. 2022, eq. 9): b(i, j) = −r1·log(1 + r2·|i − j|) per head.</summary>
public class KerpleTests
{
    private const int T = 6;
    private const int Heads = 4;

    [Fact]
    public void Bias_matches_the_papers_log_kernel_at_hand_computed_entries()
    {
        using var scope = DisposeScope.Begin();
        using var kerple = new Kerple(Tensor.From(new[] { 1.0, 0.5 }, 2), Tensor.From(new[] { 2.0, 0.25 }, 2));
        // Queries at 1 and 2 (a cache of one token), keys 0..2: distances |i − j| = (1, 0, 1), (2, 1, 0).
        var bias = kerple.Bias(qStart: 1, queryLength: 2, keyLength: 3).ToArray<double>();
        var expected = new[]
        {
            -Math.Log(3), 0, -Math.Log(3),                                   // head 0: r1 = 1, r2 = 2
            -Math.Log(5), -Math.Log(3), 0,
            -0.5 * Math.Log(1.25), 0, -0.5 * Math.Log(1.25),                 // head 1: r1 = 0.5, r2 = 0.25
            -0.5 * Math.Log(1.5), -0.5 * Math.Log(1.25), 0,
        };
        Assert.Equal(expected.Length, bias.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], bias[i], 12);
    }

    [Fact]
    public void Parameters_below_the_floor_act_as_the_floor()
    {
        using var scope = DisposeScope.Begin();
        // r1 = −3 and r2 = 0 would flip or erase the bias; both are held at 0.01 as in the reference.
        using var kerple = new Kerple(Tensor.From(new[] { -3.0 }, 1), Tensor.From(new[] { 0.0 }, 1));
        var bias = kerple.Bias(0, 3, 3).ToArray<double>();
        Assert.Equal(-0.01 * Math.Log(1 + 0.01 * 2), bias[2 * 3 + 0], 14);   // query 2, key 0
        Assert.Equal(0.0, bias[2 * 3 + 2], 14);
    }

    [Fact]
    public void Gradients_with_respect_to_r1_and_r2_match_finite_differences()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(5);
        using var kerple = new Kerple(Tensor.From(new[] { 0.7, 1.6, 0.3 }, 3), Tensor.From(new[] { 0.4, 0.05, 0.9 }, 3));
        var weights = Tensor.Randn(new long[] { 3, 4, 6 }, ScalarType.Float64);
        FiniteDifference.AssertGradients(() => (kerple.Bias(2, 4, 6) * weights).Sum(), kerple.Parameters().ToList());
    }

    [Fact]
    public void Initial_parameters_are_positive_and_in_the_references_ranges()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(11);
        using var kerple = new Kerple(64);
        Assert.All(kerple.R1.ToArray<float>(), r => Assert.InRange(r, 0f, 2f));
        Assert.All(kerple.R2.ToArray<float>(), r => Assert.InRange(r, 0f, 1f));
        // Drawn, not constant: U(0, 2) over 64 heads spreads well past one unit.
        var r1 = kerple.R1.ToArray<float>();
        Assert.True(r1.Max() - r1.Min() > 1f);
    }

    [Fact]
    public void Model_attends_with_softmax_of_each_layers_own_kernel_when_queries_are_zero()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("kerple"));
        var state = model.StateDict();
        var r1 = state["blocks.0.attn.kerple.r1"].ToArray<double>();
        var r2 = state["blocks.0.attn.kerple.r2"].ToArray<double>();
        Assert.NotEqual(r1, state["blocks.1.attn.kerple.r1"].ToArray<double>());
        var pattern = PatternProbe.PatternWithZeroQueries(model, TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 } }));
        for (var h = 0; h < Heads; h++)
            for (var i = 0; i < T; i++)
            {
                var (a, b) = (r1[h], r2[h]);
                var expected = PatternProbe.CausalSoftmax(j => -a * Math.Log(1 + b * (i - j)), i, T);
                for (var j = 0; j < T; j++) Assert.Equal(expected[j], pattern[(h * T + i) * T + j], 10);
            }
    }

    [Fact]
    public void Kerple_is_one_score_bias_among_the_registered_schemes()
    {
        Assert.Same(PositionalScheme.Kerple, PositionalSchemes.Find("KERPLE"));
        Assert.Equal(PositionalRole.BiasesScores, PositionalScheme.Kerple.Role);
        Assert.True(PositionalSchemes.Parse("abacus+kerple").Contains(PositionalScheme.Kerple));
        var error = Assert.Throws<ArgumentException>(() => PositionalSchemes.Parse("alibi+kerple"));
        Assert.Contains("choose one of", error.Message, StringComparison.Ordinal);
    }
}
