using System.Numerics;
using ArithLab.Models;
using ArithLab.Models.Fone;

namespace ArithLab.Models.Tests;

public class FoneTests
{
    [Fact]
    public void Features_are_cosine_and_sine_of_the_number_over_powers_of_ten()
    {
        // 18 over period 10 is 1.8 turns ≡ 0.8 turn; over 100 it is 0.18 turn.
        var f = FoneEmbedding.Features(18, 2);
        Assert.Equal(Math.Cos(1.6 * Math.PI), f[0], 12);
        Assert.Equal(Math.Sin(1.6 * Math.PI), f[1], 12);
        Assert.Equal(Math.Cos(0.36 * Math.PI), f[2], 12);
        Assert.Equal(Math.Sin(0.36 * Math.PI), f[3], 12);
        Assert.Equal(0.30901699437494745, f[0], 12);
    }

    [Fact]
    public void Embedding_puts_padded_features_at_number_tokens_and_zeros_elsewhere()
    {
        using var scope = DisposeScope.Begin();
        using var fone = new FoneEmbedding(dModel: 6, digits: 2, addLinear: false);
        var numbers = Tensor.From(new double[] { 0, 18, 0, 123456 }, 1, 4);
        var mask = Tensor.From(new long[] { 0, 1, 0, 1 }, 1, 4);
        var e = fone.Forward(numbers, mask).ToArray<float>();                          // (1, 4, 6)
        Assert.All(e.Take(6).Concat(e.Skip(12).Take(6)), v => Assert.Equal(0f, v));
        var f18 = FoneEmbedding.Features(18, 2);
        for (var i = 0; i < 4; i++) Assert.Equal((float)f18[i], e[6 + i], 6);
        Assert.Equal(0f, e[6 + 4]);
        Assert.Equal(0f, e[6 + 5]);
        // 123456 mod 100 = 56: the features only see the last two digits.
        var f56 = FoneEmbedding.Features(56, 2);
        for (var i = 0; i < 4; i++) Assert.Equal((float)f56[i], e[18 + i], 5);
    }

    [Fact]
    public void Head_loss_is_the_summed_digit_cross_entropy_of_hand_worked_logits()
    {
        using var scope = DisposeScope.Begin();
        using var head = new FoneHead(dModel: 4, digits: 2);
        head.To(ScalarType.Float64);
        // Mean 0, variance 1: layer norm only divides by √(1 + 1e-5).
        var hidden = Tensor.From(new double[] { 1, -1, 1, -1 }, 1, 4);
        var s = 1 / Math.Sqrt(1 + 1e-5);
        var logits = Enumerable.Range(0, 10).Select(d => s * (Math.Cos(2 * Math.PI * d / 10) - Math.Sin(2 * Math.PI * d / 10))).ToArray();
        var logSumExp = Math.Log(logits.Sum(Math.Exp));
        // 37: digit 0 is 7, digit 1 is 3; both digits see the same pair here.
        var expected = (logSumExp - logits[7]) + (logSumExp - logits[3]);
        Assert.Equal(expected, head.Loss(hidden, new long[] { 37 }).Item(), 10);
    }

    [Fact]
    public void Head_predicts_each_digit_from_the_nearest_digit_direction()
    {
        using var scope = DisposeScope.Begin();
        using var head = new FoneHead(dModel: 4, digits: 2);
        head.To(ScalarType.Float64);
        // (1, −1) points at −45°; the closest digit angle 36°·d is 324° (d = 9).
        // (−1, 1) points at 135°; the closest is 144° (d = 4).
        var hidden = Tensor.From(new double[] { 1, -1, -1, 1 }, 1, 4);
        Assert.Equal(new long[] { 49 }, head.Predict(hidden));
    }

    [Fact]
    public void Digit_labels_are_least_significant_first()
    {
        using var head = new FoneHead(dModel: 8, digits: 3);
        Assert.Equal(new long[] { 5, 0, 7, 9, 0, 0 }, head.DigitLabels(new long[] { 705, 9 }));
    }

    [Fact]
    public void Number_embedding_enters_the_model_at_its_token_and_influences_only_later_logits()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("rope"));
        using var fone = new FoneEmbedding(dModel: 16, digits: 3);
        fone.To(ScalarType.Float64);
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5 } });
        var mask = Tensor.From(new long[] { 0, 0, 1, 0, 0 }, 1, 5);                       // a [NUM] token at position 2
        var a = model.Forward(ids, addedEmbedding: fone.Forward(Tensor.From(new double[] { 0, 0, 18, 0, 0 }, 1, 5), mask)).ToArray<double>();
        var b = model.Forward(ids, addedEmbedding: fone.Forward(Tensor.From(new double[] { 0, 0, 907, 0, 0 }, 1, 5), mask)).ToArray<double>();
        const int V = 11;
        for (var i = 0; i < 2 * V; i++) Assert.Equal(a[i], b[i], 12);
        Assert.NotEqual(a[2 * V], b[2 * V]);
        Assert.NotEqual(a[4 * V], b[4 * V]);
    }

    [Fact]
    public void Big_integer_features_stay_exact_where_a_double_would_round()
    {
        // 10^20 + 37 is not representable as a double; its last two digits still decide the features.
        var big = BigInteger.Pow(10, 20) + 37;
        var exact = FoneEmbedding.ExactFeatures(big, 2);
        var expected = FoneEmbedding.Features(37, 2);
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], exact[i], 12);
        Assert.NotEqual(expected[0], FoneEmbedding.Features((double)big, 2)[0], 6);
    }

    [Fact]
    public void Big_integer_path_embeds_like_the_tensor_path()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(3);
        using var fone = new FoneEmbedding(dModel: 8, digits: 3);
        fone.To(ScalarType.Float64);
        var fromTensor = fone.Forward(Tensor.From(new double[] { 5, 0, 912 }, 1, 3), Tensor.From(new[] { true, false, true }, 1, 3));
        var fromBig = fone.Forward(new BigInteger[] { 5, 0, 912 }, new[] { true, false, true }, 1, 3);
        Assert.True(Tensor.AllClose(fromTensor, fromBig, 1e-12, 1e-12));
    }

    [Fact]
    public void Loss_from_digit_labels_equals_loss_from_values()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(4);
        using var head = new FoneHead(dModel: 8, digits: 3);
        head.To(ScalarType.Float64);
        var hidden = Tensor.Randn(new long[] { 2, 8 }, ScalarType.Float64);
        var fromValues = head.Loss(hidden, new long[] { 705, 9 }).Item();
        var fromDigits = head.Loss(hidden, Tensor.From(new long[] { 5, 0, 7, 9, 0, 0 }, 2, 3)).Item();
        Assert.Equal(fromValues, fromDigits, 12);
    }

    [Fact]
    public void Custom_periods_give_one_pair_per_period()
    {
        // Periods 2 and 5 (the reference's base list): 7 is odd (half a turn) and 7 mod 5 = 2.
        var f = FoneEmbedding.Features(7, new long[] { 2, 5 });
        var expected = new[] { -1.0, 0.0, Math.Cos(0.8 * Math.PI), Math.Sin(0.8 * Math.PI) };
        var exact = FoneEmbedding.ExactFeatures(7, new long[] { 2, 5 });
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], f[i], 12);
            Assert.Equal(expected[i], exact[i], 12);
        }
    }
}
