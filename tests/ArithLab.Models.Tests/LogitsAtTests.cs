using ArithLab.Models;

namespace ArithLab.Models.Tests;

/// <summary>
/// Logits at chosen positions (<see cref="Transformer.LogitsAt"/>), with the last block's
/// position-wise part run on those rows alone, against the full forward pass in float64.
/// </summary>
public class LogitsAtTests
{
    private const int B = 3, T = 6, V = 11;

    // Row 0 scores its last four positions, row 1 only its last, row 2 its first and fourth.
    private static readonly long[] Rows = [2, 3, 4, 5, 1 * T + 5, 2 * T + 0, 2 * T + 3];

    public static TheoryData<NormPlacement, bool> Variants() => new()
    {
        { NormPlacement.Pre, false },
        { NormPlacement.Pre, true },
        { NormPlacement.Post, false },
        { NormPlacement.Post, true },
        { NormPlacement.PrePost, false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Logits_at_chosen_rows_are_the_full_logits_there(NormPlacement placement, bool tied)
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(placement, tied);
        Assert.True(model.ComputesOnlyTheRows);
        var (ids, positions) = Inputs();

        var full = model.Forward(ids, positions).ToArray<double>();                       // (B, T, V)
        var reduced = model.LogitsAt(ids, positions, Tensor.From(Rows, Rows.Length));
        Assert.Equal(new long[] { Rows.Length, V }, reduced.Shape);
        var values = reduced.ToArray<double>();
        for (var k = 0; k < Rows.Length; k++)
        {
            for (var v = 0; v < V; v++)
            {
                Assert.Equal(full[Rows[k] * V + v], values[k * V + v], 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Loss_and_every_gradient_at_chosen_rows_are_the_full_pass_ones(NormPlacement placement, bool tied)
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(placement, tied);
        var (ids, positions) = Inputs();
        // Targets at the chosen rows; the full pass ignores every other position.
        var targets = Enumerable.Repeat(-100L, B * T).ToArray();
        for (var k = 0; k < Rows.Length; k++) targets[Rows[k]] = (3 * k + 1) % V;

        var (fullLoss, fullGrads) = LossAndGradients(model, () =>
            Functional.CrossEntropy(model.Forward(ids, positions).Reshape(-1, V), Tensor.From(targets, B * T), -100, reduction: Reduction.Sum));
        var (loss, grads) = LossAndGradients(model, () =>
            Functional.CrossEntropy(model.LogitsAt(ids, positions, Tensor.From(Rows, Rows.Length)), Tensor.From(Rows.Select(r => targets[r]).ToArray(), Rows.Length), reduction: Reduction.Sum));

        Assert.Equal(fullLoss, loss, 1e-12);
        Assert.Equal(fullGrads.Count, grads.Count);
        for (var p = 0; p < grads.Count; p++)
        {
            Assert.Equal(fullGrads[p].Length, grads[p].Length);
            Assert.Contains(fullGrads[p], g => g != 0);                                    // every parameter is reached
            for (var i = 0; i < grads[p].Length; i++)
            {
                Assert.Equal(fullGrads[p][i], grads[p][i], 1e-12);
            }
        }
    }

    [Fact]
    public void A_hook_on_the_last_block_sees_every_position_and_the_logits_stay_the_same()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(NormPlacement.Pre, tied: false);
        var (ids, positions) = Inputs();
        var rows = Tensor.From(Rows, Rows.Length);
        var reduced = model.LogitsAt(ids, positions, rows).ToArray<double>();

        long[]? seen = null;
        using (model.Hooks["blocks.1.hook_resid_post"].AddHook((t, _) => { seen = t.Shape; return null; }))
        {
            Assert.False(model.ComputesOnlyTheRows);
            var hooked = model.LogitsAt(ids, positions, rows).ToArray<double>();
            Assert.Equal(new long[] { B, T, 16 }, seen);
            for (var i = 0; i < reduced.Length; i++)
            {
                Assert.Equal(reduced[i], hooked[i], 1e-12);
            }
        }
        Assert.True(model.ComputesOnlyTheRows);
    }

    [Fact]
    public void Only_a_hook_on_the_last_block_or_active_dropout_needs_the_full_pass()
    {
        using var scope = DisposeScope.Begin();
        using var model = Build(NormPlacement.Pre, tied: false);
        using (model.Hooks["blocks.0.mlp.hook_post"].AddHook((_, _) => null))
        {
            Assert.True(model.ComputesOnlyTheRows);
        }
        using (model.Hooks["blocks.1.attn.hook_pattern"].AddHook((_, _) => null))
        {
            Assert.False(model.ComputesOnlyTheRows);
        }
        model.Train();
        Assert.True(model.ComputesOnlyTheRows);                                            // dropout 0 draws nothing

        LibTorch.ManualSeed(3);
        using var dropped = new Transformer(TinyModels.Config() with { Dropout = 0.3 });
        dropped.To(ScalarType.Float64);
        Assert.False(dropped.ComputesOnlyTheRows);
        dropped.Eval();
        Assert.True(dropped.ComputesOnlyTheRows);
    }

    [Fact]
    public void With_dropout_in_training_the_chosen_rows_draw_the_same_masks_as_the_full_pass()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(3);
        using var model = new Transformer(TinyModels.Config() with { Dropout = 0.3 });
        model.To(ScalarType.Float64);
        var (ids, _) = Inputs();
        LibTorch.ManualSeed(9);
        var full = model.Forward(ids).ToArray<double>();
        LibTorch.ManualSeed(9);
        var reduced = model.LogitsAt(ids, null, Tensor.From(Rows, Rows.Length)).ToArray<double>();
        for (var k = 0; k < Rows.Length; k++)
        {
            for (var v = 0; v < V; v++)
            {
                Assert.Equal(full[Rows[k] * V + v], reduced[k * V + v]);
            }
        }
    }

    private static Transformer Build(NormPlacement placement, bool tied) =>
        TinyModels.Build(TinyModels.Config("abacus+rope") with { NormPlacement = placement, TieEmbeddings = tied });

    private static (Tensor Ids, Tensor Positions) Inputs() =>
        (TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6 }, { 7, 8, 9, 10, 0, 1 }, { 2, 4, 6, 8, 10, 1 } }), TinyModels.PositionIds(B, T));

    private static (double Loss, List<double[]> Gradients) LossAndGradients(Transformer model, Func<Tensor> loss)
    {
        var parameters = model.Parameters().ToList();
        foreach (var p in parameters) p.ZeroGrad();
        var value = loss();
        value.Backward();
        var grads = parameters.Select(p =>
        {
            using var g = p.Grad;
            return g?.ToArray<double>() ?? new double[p.NumEl];
        }).ToList();
        return (value.Item(), grads);
    }
}
