using ArithLab.Models;
using ArithLab.Models.Positional;

namespace ArithLab.Models.Tests;

public class TransformerTests
{
    public static TheoryData<Activation, NormKind, NormPlacement, bool, bool> Variants() => new()
    {
        { Activation.Gelu, NormKind.LayerNorm, NormPlacement.Pre, true, false },
        { Activation.Relu, NormKind.RmsNorm, NormPlacement.Post, false, true },
        { Activation.SwiGlu, NormKind.RmsNorm, NormPlacement.Pre, false, false },
        { Activation.GeGlu, NormKind.LayerNorm, NormPlacement.Post, true, true },
        { Activation.GeGlu, NormKind.RmsNorm, NormPlacement.PrePost, false, true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Logits_are_batch_by_time_by_vocabulary_for_every_variant(Activation activation, NormKind norm, NormPlacement placement, bool bias, bool tied)
    {
        using var scope = DisposeScope.Begin();
        var config = TinyModels.Config() with { Activation = activation, Norm = norm, NormPlacement = placement, Bias = bias, TieEmbeddings = tied };
        using var model = TinyModels.Build(config);
        var logits = model.Forward(TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5 }, { 5, 4, 3, 2, 1 } }));
        Assert.Equal(new long[] { 2, 5, 11 }, logits.Shape);
        Assert.True(logits.IsFinite().All().Item<bool>());
    }

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Changing_a_later_token_never_changes_an_earlier_logit(string positional)
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config(positional));
        var a = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 } });
        var b = TinyModels.Ids(new long[,] { { 1, 2, 3, 9, 0, 7 } });
        var ids = TinyModels.PositionIds(1, 6);
        var la = model.Forward(a, ids).ToArray<double>();
        var lb = model.Forward(b, ids).ToArray<double>();
        const int V = 11;
        for (var i = 0; i < 3 * V; i++)
        {
            Assert.Equal(la[i], lb[i], 12);
        }
        // The changed token itself must matter, or the test proves nothing.
        Assert.NotEqual(la[3 * V], lb[3 * V]);
    }

    public static TheoryData<string> SchemeNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in TinyModels.AllSchemes) data.Add(s);
        return data;
    }

    [Fact]
    public void Tied_model_unembeds_with_the_token_embedding()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config() with { TieEmbeddings = true });
        var hidden = Tensor.Randn(new long[] { 1, 2, 16 }, ScalarType.Float64);
        var expected = Tensor.MatMul(hidden, model.TokenEmbedding.Transpose(0, 1));
        Assert.True(Tensor.AllClose(model.Unembed(hidden), expected, 1e-12, 1e-12));
        Assert.DoesNotContain(model.StateDict().Keys, k => k.StartsWith("lm_head", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_positional_scheme_names_the_closest_valid_one()
    {
        var e = Assert.Throws<ArgumentException>(() => TinyModels.Config("abacsu+fire").Validate());
        Assert.Contains("'abacus'", e.Message);
    }

    [Fact]
    public void Two_score_biases_cannot_be_combined()
    {
        Assert.Throws<ArgumentException>(() => TinyModels.Config("alibi+fire").Validate());
    }

    [Fact]
    public void Id_indexed_scheme_without_position_ids_fails_clearly()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("abacus"));
        var e = Assert.Throws<ArgumentException>(() => model.Forward(TinyModels.Ids(new long[,] { { 1, 2 } })));
        Assert.Contains("position ids", e.Message);
    }

    [Fact]
    public void Dropout_acts_in_training_and_not_in_eval()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(12);
        using var model = new Transformer(TinyModels.Config() with { Dropout = 0.3 });
        model.To(ScalarType.Float64);
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 } });
        Assert.False(Tensor.AllClose(model.Forward(ids), model.Forward(ids)));
        model.Eval();
        Assert.True(Tensor.Equal(model.Forward(ids), model.Forward(ids)));
    }

    [Fact]
    public void Scheme_names_ignore_case_and_separators_and_accept_none()
    {
        Assert.Equal(PositionalSchemes.Parse("abacus+hard_alibi"), PositionalSchemes.Parse("Abacus, HardAlibi"));
        Assert.Equal(PositionalSchemes.Parse("nope"), PositionalSchemes.Parse("None"));
        Assert.True(PositionalSchemes.Parse("hard-alibi").Contains(PositionalScheme.HardAlibi));
    }
}
