namespace ArithLab.Torch.Tests;

// Expected values marked "PyTorch 1.13" were computed at design time with /usr/bin/python3 and
// torch 1.13.1 (torch.nn.functional) from the same inputs, which Seq reproduces: element i is
// sin(a·i + b) in float64.
[Collection(GlobalStateCollection.Name)]
public class FunctionalTests
{
    private static double[] Seq(int n, double a, double b, double factor = 1) =>
        Enumerable.Range(0, n).Select(i => Math.Sin(a * i + b) * factor).ToArray();

    private static Tensor SeqTensor(double a, double b, double factor, params long[] shape) =>
        Tensor.From(Seq((int)shape.Aggregate(1L, (x, y) => x * y), a, b, factor), shape);

    private static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) ? !double.IsNaN(actual[i]) : Math.Abs(expected[i] - actual[i]) > tolerance * Math.Max(1, Math.Abs(expected[i])))
            {
                Assert.Fail($"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }
    }

    // ---- embedding ----

    [Fact]
    public void Embedding_picks_the_rows_named_by_the_ids_in_their_shape()
    {
        using var scope = DisposeScope.Begin();
        var weight = Tensor.From(new float[] { 0, 1, 10, 11, 20, 21 }, 3, 2);
        var ids = Tensor.From(new long[] { 2, 0, 2, 1 }, 2, 2);
        var y = Functional.Embedding(weight, ids);
        Assert.Equal(new long[] { 2, 2, 2 }, y.Shape);
        Assert.Equal(new float[] { 20, 21, 0, 1, 20, 21, 10, 11 }, y.ToArray<float>());
    }

    [Fact]
    public void Embedding_with_an_id_out_of_range_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var weight = Tensor.Zeros(3, 2);
        var ids = Tensor.From(new long[] { 0, 3 });
        Assert.Throws<TorchException>(() => Functional.Embedding(weight, ids));
    }

    [Fact]
    public void Embedding_with_float_ids_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var weight = Tensor.Zeros(3, 2);
        var ids = Tensor.From(new float[] { 0, 1 });
        var e = Assert.Throws<TorchException>(() => Functional.Embedding(weight, ids));
        Assert.Contains("int64", e.Message);
    }

    [Fact]
    public void Gradcheck_embedding_weight_with_repeated_ids()
    {
        using var scope = DisposeScope.Begin();
        var ids = Tensor.From(new long[] { 1, 3, 1, 0 }, 2, 2);
        GradCheck.Assert(x => Functional.Embedding(x[0], ids), SeqTensor(0.3, 0.1, 1, 4, 3));
    }

    // ---- linear ----

    [Fact]
    public void Linear_computes_x_times_weight_transposed_plus_bias()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var w = Tensor.From(new double[] { 1, 0, -1, 2, 1, 0 }, 2, 3);
        var b = Tensor.From(new double[] { 10, 20 });
        // Rows: (1·1 + 2·0 − 3, 1·2 + 2·1 + 0) = (−2, 4); (4 − 6, 8 + 5) = (−2, 13).
        Assert.Equal(new double[] { 8, 24, 8, 33 }, Functional.Linear(x, w, b).ToArray<double>());
        Assert.Equal(new double[] { -2, 4, -2, 13 }, Functional.Linear(x, w).ToArray<double>());
    }

    [Fact]
    public void Linear_with_mismatched_inner_size_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        Assert.Throws<TorchException>(() => Functional.Linear(Tensor.Zeros(2, 3), Tensor.Zeros(4, 5)));
    }

    [Fact]
    public void Gradcheck_linear_input_weight_and_bias()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => Functional.Linear(x[0], x[1], x[2]),
            SeqTensor(0.7, 0.3, 1, 2, 2, 3), SeqTensor(1.1, 0.2, 1, 4, 3), SeqTensor(0.5, 1, 1, 4));
    }

    // ---- layer norm ----

    [Fact]
    public void LayerNorm_over_last_dim_matches_pytorch()
    {
        using var scope = DisposeScope.Begin();
        var x = SeqTensor(0.7, 0.3, 2, 2, 2, 3);
        var w = SeqTensor(1.1, 0.2, 1, 3);
        var b = SeqTensor(0.5, 1.0, 1, 3);
        // PyTorch 1.13: F.layer_norm(x, (3,), w, b, 1e-5)
        double[] expected = { 0.5664805130568891, 1.4224455097980968, 1.54635342906352, 1.0835477135767217, 1.0094460783498929, 0.07787400833493777, 0.6672356201484704, 0.49426052363445055, 1.854458668135086, 0.565852234047532, 1.4369347937999386, 1.5383324162199403 };
        AssertClose(expected, Functional.LayerNorm(x, w, b).ToArray<double>());
    }

    [Fact]
    public void LayerNorm_over_two_trailing_dims_without_affine_matches_pytorch()
    {
        using var scope = DisposeScope.Begin();
        var x = SeqTensor(0.7, 0.3, 2, 2, 2, 3);
        // PyTorch 1.13: F.layer_norm(x, (2, 3), None, None, 1e-5)
        double[] expected = { -0.14099828065424386, 0.8614934941082143, 1.1372840614189752, 0.5566648081253023, -0.607289958522698, -1.8071541244755505, -1.231451869533312, -1.1112274076795505, -0.4600082857036719, 0.41592696774959687, 1.1046123161152994, 1.2821482790516388 };
        AssertClose(expected, Functional.LayerNorm(x, [2, 3]).ToArray<double>());
    }

    [Fact]
    public void LayerNorm_over_a_shape_the_input_does_not_end_with_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        Assert.Throws<TorchException>(() => Functional.LayerNorm(Tensor.Zeros(2, 3), [4]));
    }

    [Fact]
    public void Gradcheck_layer_norm_input_weight_and_bias()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => Functional.LayerNorm(x[0], x[1], x[2]),
            SeqTensor(0.7, 0.3, 2, 2, 3), SeqTensor(1.1, 0.2, 1, 3), SeqTensor(0.5, 1, 1, 3));
        GradCheck.Assert(x => Functional.LayerNorm(x[0], [2, 3]), SeqTensor(0.7, 0.3, 2, 2, 2, 3));
    }

    // ---- rms norm ----

    [Fact]
    public void RmsNorm_divides_by_root_mean_square_and_scales()
    {
        using var scope = DisposeScope.Begin();
        var x = SeqTensor(0.7, 0.3, 2, 2, 2, 3);
        var w = SeqTensor(1.1, 0.2, 1, 3);
        // PyTorch 1.13: x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * w
        double[] expected = { 0.07624553418538445, 1.0529639225703609, 0.8698872869738385, 0.2547651794857344, 0.07606360577376985, -0.7846207805802887, -0.24559725134432273, -1.076526525088189, -0.3193688590582151, 0.0799237374343191, 1.0581546318562838, 0.8629477444193349 };
        AssertClose(expected, Functional.RmsNorm(x, w, eps: 1e-6).ToArray<double>());
    }

    [Fact]
    public void RmsNorm_default_eps_is_the_dtype_machine_epsilon()
    {
        using var scope = DisposeScope.Begin();
        // A row of a small c gives c / sqrt(c² + eps), which tells eps apart: with float32's
        // machine epsilon 2^-23 it is 0.2785, with 1e-6 it would be 0.0995.
        var c = 1e-4f;
        var x = Tensor.From(new[] { c, c });
        var y = Functional.RmsNorm(x).ToArray<float>();
        var expected = c / Math.Sqrt((double)c * c + Math.Pow(2, -23));
        Assert.Equal(expected, y[0], 5);
    }

    [Fact]
    public void RmsNorm_with_a_weight_of_the_wrong_size_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        Assert.Throws<TorchException>(() => Functional.RmsNorm(Tensor.Zeros(2, 3), Tensor.Zeros(4)));
    }

    [Fact]
    public void Gradcheck_rms_norm_input_and_weight()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => Functional.RmsNorm(x[0], x[1], 1e-6),
            SeqTensor(0.7, 0.3, 2, 2, 3), SeqTensor(1.1, 0.2, 1, 3));
    }

    // ---- dropout ----

    [Fact]
    public void Dropout_keeps_values_in_eval_and_with_p_zero()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new float[] { 1, -2, 3 });
        Assert.Equal(new float[] { 1, -2, 3 }, Functional.Dropout(x, 0.9, training: false).ToArray<float>());
        Assert.Equal(new float[] { 1, -2, 3 }, Functional.Dropout(x, 0, training: true).ToArray<float>());
    }

    [Fact]
    public void Dropout_zeroes_about_p_of_the_elements_and_scales_the_rest_by_one_over_one_minus_p()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(7);
        var x = Tensor.From(Enumerable.Repeat(1.0, 10000).ToArray());
        var y = Functional.Dropout(x, 0.25, training: true).ToArray<double>();
        Assert.All(y, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.75) < 1e-12, $"value {v}"));
        var dropped = y.Count(v => v == 0) / 10000.0;
        // Binomial(10000, 0.25): standard deviation 0.0043; 0.02 is more than four of them.
        Assert.InRange(dropped, 0.23, 0.27);
    }

    [Fact]
    public void Dropout_mask_repeats_with_the_same_seed_and_changes_with_another()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(Enumerable.Repeat(1f, 256).ToArray());
        LibTorch.ManualSeed(42);
        var a = Functional.Dropout(x, 0.5).ToArray<float>();
        LibTorch.ManualSeed(42);
        var b = Functional.Dropout(x, 0.5).ToArray<float>();
        LibTorch.ManualSeed(43);
        var c = Functional.Dropout(x, 0.5).ToArray<float>();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Dropout_with_p_one_zeroes_everything()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new float[] { 1, 2, 3 });
        Assert.Equal(new float[] { 0, 0, 0 }, Functional.Dropout(x, 1).ToArray<float>());
    }

    [Fact]
    public void Dropout_rejects_a_probability_outside_zero_to_one()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Zeros(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Dropout(x, 1.5));
    }

    [Fact]
    public void Gradcheck_dropout_with_p_zero_and_in_eval()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => Functional.Dropout(x[0], 0, training: true), SeqTensor(0.7, 0.3, 1, 2, 3));
        GradCheck.Assert(x => Functional.Dropout(x[0], 0.5, training: false), SeqTensor(0.7, 0.3, 1, 2, 3));
    }

    // ---- cross-entropy ----

    private static Tensor Logits() => SeqTensor(0.9, 0.1, 3, 4, 3);

    [Fact]
    public void CrossEntropy_of_N_by_C_matches_pytorch_for_each_reduction()
    {
        using var scope = DisposeScope.Begin();
        var targets = Tensor.From(new long[] { 0, 2, 1, 2 });
        // PyTorch 1.13: F.cross_entropy(logits, targets, reduction=...)
        double[] none = { 3.1322167058873127, 4.075200055861492, 2.315000585669396, 4.608298142314998 };
        AssertClose(new[] { 3.5326788724332996 }, Functional.CrossEntropy(Logits(), targets).ToArray<double>());
        AssertClose(none, Functional.CrossEntropy(Logits(), targets, reduction: Reduction.None).ToArray<double>());
        AssertClose(new[] { none.Sum() }, Functional.CrossEntropy(Logits(), targets, reduction: Reduction.Sum).ToArray<double>());
    }

    [Fact]
    public void CrossEntropy_equals_minus_log_softmax_of_the_target_class()
    {
        using var scope = DisposeScope.Begin();
        var logits = Tensor.From(new double[] { 1, 2, 3 }, 1, 3);
        var targets = Tensor.From(new long[] { 0 });
        var expected = -(1 - Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)));
        Assert.Equal(expected, Functional.CrossEntropy(logits, targets).Item(), 12);
    }

    [Fact]
    public void CrossEntropy_with_ignored_target_and_label_smoothing_matches_pytorch()
    {
        using var scope = DisposeScope.Begin();
        var targets = Tensor.From(new long[] { 0, -100, 1, 2 });
        // PyTorch 1.13: F.cross_entropy(logits, targets, ignore_index=-100, label_smoothing=0.1, reduction=mean|sum)
        AssertClose(new[] { 3.2235793691116785 }, Functional.CrossEntropy(Logits(), targets, labelSmoothing: 0.1).ToArray<double>());
        AssertClose(new[] { 9.670738107335035 }, Functional.CrossEntropy(Logits(), targets, labelSmoothing: 0.1, reduction: Reduction.Sum).ToArray<double>());
    }

    [Fact]
    public void CrossEntropy_of_N_C_d_with_ignore_index_matches_pytorch()
    {
        using var scope = DisposeScope.Begin();
        var logits = SeqTensor(0.37, 0.5, 2, 2, 3, 4);
        var targets = Tensor.From(new long[] { 0, 1, 2, -1, 2, 2, 0, 1 }, 2, 4);
        // PyTorch 1.13: F.cross_entropy(logits, targets, ignore_index=-1[, label_smoothing=0.2, reduction=...])
        AssertClose(new[] { 1.4662928796634394 }, Functional.CrossEntropy(logits, targets, ignoreIndex: -1).ToArray<double>());
        double[] none = { 1.3299421607827824, 0.9514538912254102, 3.5352199951721843, 0.0, 0.5583132315285406, 0.6640666648320195, 2.9930353340531646, 0.5881222584360256 };
        var perElement = Functional.CrossEntropy(logits, targets, ignoreIndex: -1, labelSmoothing: 0.2, reduction: Reduction.None);
        Assert.Equal(new long[] { 2, 4 }, perElement.Shape);
        AssertClose(none, perElement.ToArray<double>());
        AssertClose(new[] { 1.5171647908614467 }, Functional.CrossEntropy(logits, targets, ignoreIndex: -1, labelSmoothing: 0.2).ToArray<double>());
    }

    [Fact]
    public void CrossEntropy_with_class_weights_takes_the_weighted_mean_as_pytorch()
    {
        using var scope = DisposeScope.Begin();
        var targets = Tensor.From(new long[] { 0, 2, -100, 1 });
        var weight = Tensor.From(new[] { 0.5, 2.0, 1.0 });
        // PyTorch 1.13: F.cross_entropy(logits, targets, weight=w[, reduction='sum']); the mean divides by Σ w[target] = 3.5.
        AssertClose(new[] { 2.7654822440008036 }, Functional.CrossEntropy(Logits(), targets, weight: weight).ToArray<double>());
        AssertClose(new[] { 9.679187854002812 }, Functional.CrossEntropy(Logits(), targets, weight: weight, reduction: Reduction.Sum).ToArray<double>());
    }

    [Fact]
    public void CrossEntropy_with_one_hot_probability_targets_equals_index_targets()
    {
        using var scope = DisposeScope.Begin();
        var indices = Tensor.From(new long[] { 0, 2, 1, 2 });
        var oneHot = Tensor.From(new double[] { 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1 }, 4, 3);
        Assert.Equal(Functional.CrossEntropy(Logits(), indices).Item(), Functional.CrossEntropy(Logits(), oneHot).Item(), 12);
    }

    [Fact]
    public void CrossEntropy_mean_over_only_ignored_targets_is_nan_as_in_pytorch()
    {
        using var scope = DisposeScope.Begin();
        var targets = Tensor.From(new long[] { -100, -100, -100, -100 });
        Assert.True(double.IsNaN(Functional.CrossEntropy(Logits(), targets).Item()));
        Assert.Equal(0.0, Functional.CrossEntropy(Logits(), targets, reduction: Reduction.Sum).Item());
    }

    [Fact]
    public void CrossEntropy_with_a_class_out_of_range_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var targets = Tensor.From(new long[] { 0, 5, 1, 2 });
        Assert.Throws<TorchException>(() => Functional.CrossEntropy(Logits(), targets));
    }

    [Fact]
    public void Gradcheck_cross_entropy_with_ignore_index_and_label_smoothing()
    {
        using var scope = DisposeScope.Begin();
        var targets = Tensor.From(new long[] { 0, 1, 2, -1, 2, 2, 0, 1 }, 2, 4);
        GradCheck.Assert(x => Functional.CrossEntropy(x[0], targets, ignoreIndex: -1, labelSmoothing: 0.2), SeqTensor(0.37, 0.5, 2, 2, 3, 4));
        var flat = Tensor.From(new long[] { 0, -100, 1, 2 });
        GradCheck.Assert(x => Functional.CrossEntropy(x[0], flat, reduction: Reduction.None), Logits());
        var weight = Tensor.From(new[] { 0.5, 2.0, 1.0 });
        GradCheck.Assert(x => Functional.CrossEntropy(x[0], flat, labelSmoothing: 0.1, weight: weight), Logits());
    }

    // ---- mse and l1 ----

    [Fact]
    public void MseLoss_and_L1Loss_match_hand_computed_values()
    {
        using var scope = DisposeScope.Begin();
        var input = Tensor.From(new double[] { 1, 2, 3, 4 }, 2, 2);
        var target = Tensor.From(new double[] { 0, 4, 3, 1 }, 2, 2);
        // Differences 1, −2, 0, 3: squares 1, 4, 0, 9; absolute values 1, 2, 0, 3.
        Assert.Equal(14.0 / 4, Functional.MseLoss(input, target).Item(), 12);
        Assert.Equal(14.0, Functional.MseLoss(input, target, Reduction.Sum).Item(), 12);
        Assert.Equal(new double[] { 1, 4, 0, 9 }, Functional.MseLoss(input, target, Reduction.None).ToArray<double>());
        Assert.Equal(6.0 / 4, Functional.L1Loss(input, target).Item(), 12);
        Assert.Equal(new double[] { 1, 2, 0, 3 }, Functional.L1Loss(input, target, Reduction.None).ToArray<double>());
    }

    [Fact]
    public void MseLoss_of_different_shapes_is_a_TorchException_not_a_broadcast()
    {
        using var scope = DisposeScope.Begin();
        Assert.Throws<TorchException>(() => Functional.MseLoss(Tensor.Zeros(2, 3), Tensor.Zeros(3)));
        Assert.Throws<TorchException>(() => Functional.L1Loss(Tensor.Zeros(2, 3), Tensor.Zeros(3)));
    }

    [Fact]
    public void Gradcheck_mse_and_l1_losses()
    {
        using var scope = DisposeScope.Begin();
        // Seq values differ everywhere, away from |·|'s kink at 0.
        GradCheck.Assert(x => Functional.MseLoss(x[0], x[1]), SeqTensor(0.7, 0.3, 1, 2, 3), SeqTensor(1.1, 0.2, 1, 2, 3));
        GradCheck.Assert(x => Functional.L1Loss(x[0], x[1], Reduction.Sum), SeqTensor(0.7, 0.3, 1, 2, 3), SeqTensor(1.1, 0.2, 1, 2, 3));
    }

    // ---- attention ----

    private static (Tensor Q, Tensor K, Tensor V) Qkv() =>
        (SeqTensor(0.31, 0.1, 1, 2, 3, 4), SeqTensor(0.53, 0.7, 1, 2, 5, 4), SeqTensor(0.77, 1.3, 1, 2, 5, 2));

    // PyTorch 1.13: softmax(q @ k.transpose(-2, -1) * scale + bias) @ v, the formula of the
    // scaled_dot_product_attention documentation, for each case below.
    private static readonly double[] s_plain = { 0.19631283945572553, 0.37834291801829856, 0.2796784297145293, 0.5340205405681718, 0.28539262825792944, 0.258581786857919, 0.11013102762107993, 0.21352898965080588, 0.2730431083682615, 0.1958026109929631, 0.037818907363384696, -0.24119221178715738 };
    private static readonly double[] s_causal = { 0.963558185417193, 0.8779640629990779, 0.8941169552350311, 0.739457071005679, 0.268069398065135, -0.06490741200793018, 0.4121184852417566, -0.3384056245787398, 0.2309344441135446, -0.42312080196786706, -0.4768296637749617, -0.605367785483865 };
    private static readonly double[] s_scale09 = { 0.2465403680503831, 0.5126138507598423, 0.29489335912676945, 0.6160882989348494, 0.345317012406556, 0.302541095938629, 0.01941152644329073, 0.2551358100662432, 0.35262341035344014, 0.2513791615551536, -0.03360531277150183, -0.36710988762290603 };
    private static readonly double[] s_boolMask = { 0.12184444448558351, 0.4066430409772672, 0.8941169552350311, 0.739457071005679, 0.3075709815422582, 0.6727342085636301, 0.13449376767957838, 0.2802741910418465, 0.2309344441135446, -0.42312080196786706, 0.6395937855088143, 0.18463567111192167 };
    private static readonly double[] s_floatMask = { 0.0031059368569460732, 0.2918402348595218, 0.6070378410119414, 0.6596687729555072, 0.34978054525064467, 0.42786982320996836, 0.09946924559332325, 0.33218728007815035, 0.2416368804544732, -0.05786724020209172, 0.26785671213394613, -0.12379667485491268 };

    private static Tensor BoolMask() => Tensor.From(new[]
    {
        true, false, true, true, false,
        true, true, false, false, false,
        false, false, false, true, true,
    }, 3, 5);

    [Fact]
    public void Composed_attention_matches_pytorch_reference_in_every_mode()
    {
        using var scope = DisposeScope.Begin();
        var (q, k, v) = Qkv();
        AssertClose(s_plain, Functional.ComposedAttention(q, k, v).ToArray<double>());
        AssertClose(s_causal, Functional.ComposedAttention(q, k, v, causal: true).ToArray<double>());
        AssertClose(s_scale09, Functional.ComposedAttention(q, k, v, scale: 0.9).ToArray<double>());
        AssertClose(s_boolMask, Functional.ComposedAttention(q, k, v, mask: BoolMask()).ToArray<double>());
        AssertClose(s_floatMask, Functional.ComposedAttention(q, k, v, mask: SeqTensor(0.45, 0.2, 1, 3, 5)).ToArray<double>());
    }

    [Fact]
    public void Scaled_dot_product_attention_matches_pytorch_reference_on_this_libtorch()
    {
        using var scope = DisposeScope.Begin();
        var (q, k, v) = Qkv();
        var y = Functional.ScaledDotProductAttention(q, k, v);
        Assert.Equal(new long[] { 2, 3, 2 }, y.Shape);
        AssertClose(s_plain, y.ToArray<double>(), 1e-10);
        AssertClose(s_causal, Functional.ScaledDotProductAttention(q, k, v, causal: true).ToArray<double>(), 1e-10);
        AssertClose(s_scale09, Functional.ScaledDotProductAttention(q, k, v, scale: 0.9).ToArray<double>(), 1e-10);
        AssertClose(s_boolMask, Functional.ScaledDotProductAttention(q, k, v, mask: BoolMask()).ToArray<double>(), 1e-10);
        AssertClose(s_floatMask, Functional.ScaledDotProductAttention(q, k, v, mask: SeqTensor(0.45, 0.2, 1, 3, 5)).ToArray<double>(), 1e-10);
    }

    [Fact]
    public void Fused_and_composed_attention_agree_in_float32()
    {
        using var scope = DisposeScope.Begin();
        var q = SeqTensor(0.31, 0.1, 1, 2, 2, 6, 8).To(ScalarType.Float32);
        var k = SeqTensor(0.53, 0.7, 1, 2, 2, 6, 8).To(ScalarType.Float32);
        var v = SeqTensor(0.77, 1.3, 1, 2, 2, 6, 8).To(ScalarType.Float32);
        var fused = Functional.ScaledDotProductAttention(q, k, v, causal: true).ToArray<float>();
        var composed = Functional.ComposedAttention(q, k, v, causal: true).ToArray<float>();
        AssertClose(composed.Select(x => (double)x).ToArray(), fused.Select(x => (double)x).ToArray(), 1e-5);
    }

    [Fact]
    public void Causal_attention_output_at_a_position_ignores_later_keys_and_values()
    {
        using var scope = DisposeScope.Begin();
        var q = SeqTensor(0.31, 0.1, 1, 1, 4, 3);
        var k = SeqTensor(0.53, 0.7, 1, 1, 4, 3);
        var v = SeqTensor(0.77, 1.3, 1, 1, 4, 2);
        var before = Functional.ScaledDotProductAttention(q, k, v, causal: true).ToArray<double>();
        // Change the key and value of the last position only.
        var kData = k.ToArray<double>();
        var vData = v.ToArray<double>();
        kData[9] += 5; kData[10] -= 3; kData[11] += 1;
        vData[6] += 7; vData[7] -= 4;
        var after = Functional.ScaledDotProductAttention(q, Tensor.From(kData, 1, 4, 3), Tensor.From(vData, 1, 4, 2), causal: true).ToArray<double>();
        Assert.Equal(before[..6], after[..6]);
        Assert.NotEqual(before[6], after[6]);
        // The first query can only see the first value.
        Assert.Equal(vData[0], after[0], 12);
        Assert.Equal(vData[1], after[1], 12);
    }

    [Fact]
    public void Attention_weights_are_causal_rows_summing_to_one_that_give_the_output_when_applied_to_v()
    {
        using var scope = DisposeScope.Begin();
        var (q, k, v) = Qkv();
        var weights = Functional.AttentionWeights(q, k, causal: true);
        Assert.Equal(new long[] { 2, 3, 5 }, weights.Shape);
        var w = weights.ToArray<double>();
        for (var row = 0; row < 6; row++)
        {
            var i = row % 3;
            Assert.Equal(1.0, w.Skip(row * 5).Take(5).Sum(), 12);
            Assert.All(w.Skip(row * 5 + i + 1).Take(4 - i), x => Assert.Equal(0.0, x));
        }
        AssertClose(s_causal, Tensor.MatMul(weights, v).ToArray<double>());
        AssertClose(s_boolMask, Tensor.MatMul(Functional.AttentionWeights(q, k, mask: BoolMask()), v).ToArray<double>());
    }

    [Fact]
    public void Attention_is_fused_exactly_from_libtorch_2_1()
    {
        var version = LibTorch.Version;
        Assert.Equal(version >= new Version(2, 1), Functional.AttentionIsFused);
    }

    [Fact]
    public void Attention_with_both_causal_and_mask_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var (q, k, v) = Qkv();
        var e = Assert.Throws<TorchException>(() => Functional.ScaledDotProductAttention(q, k, v, causal: true, mask: BoolMask()));
        Assert.Contains("not both", e.Message);
    }

    [Fact]
    public void Attention_with_mismatched_head_dims_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        Assert.Throws<TorchException>(() => Functional.ScaledDotProductAttention(Tensor.Zeros(2, 3, 4), Tensor.Zeros(2, 5, 3), Tensor.Zeros(2, 5, 2)));
    }

    [Fact]
    public void Attention_dropout_with_a_seed_repeats_and_differs_from_no_dropout()
    {
        using var scope = DisposeScope.Begin();
        var (q, k, v) = Qkv();
        LibTorch.ManualSeed(3);
        var a = Functional.ScaledDotProductAttention(q, k, v, dropoutP: 0.5).ToArray<double>();
        LibTorch.ManualSeed(3);
        var b = Functional.ScaledDotProductAttention(q, k, v, dropoutP: 0.5).ToArray<double>();
        Assert.Equal(a, b);
        Assert.NotEqual(s_plain, a);
    }

    [Fact]
    public void Gradcheck_causal_attention_and_masked_attention()
    {
        using var scope = DisposeScope.Begin();
        var (q, k, v) = Qkv();
        GradCheck.Assert(x => Functional.ScaledDotProductAttention(x[0], x[1], x[2], causal: true), q, k, v);
        GradCheck.Assert(x => Functional.ComposedAttention(x[0], x[1], x[2], mask: BoolMask(), scale: 0.9), q, k, v);
        var floatMask = SeqTensor(0.45, 0.2, 1, 3, 5);
        GradCheck.Assert(x => Functional.ComposedAttention(x[0], x[1], x[2], mask: floatMask), q, k, v);
        GradCheck.Assert(x => Functional.AttentionWeights(x[0], x[1], causal: true), q, k);
    }
}
