using ArithLab.Models;
using ArithLab.Models.Generation;

namespace ArithLab.Models.Tests;

public class GenerationTests
{
    public static TheoryData<string> SchemeNames() => TransformerTests.SchemeNames();

    // Position ids of generated tokens continue the test's rule: (t mod 7) + 1 for token t.
    private static Tensor NextIds(Tensor tokensSoFar)
    {
        var (b, t) = ((int)tokensSoFar.Size(0), (int)tokensSoFar.Size(1));
        return TinyModels.PositionIds(b, 1, start: t - 1);
    }

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Cached_greedy_decoding_equals_uncached_token_for_token(string positional)
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config(positional), seed: 4);
        var prompt = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 }, { 7, 5, 3, 1 } });
        var options = new GreedyOptions { PromptPositionIds = TinyModels.PositionIds(2, 4), NextPositionIds = NextIds };
        var cached = GreedyDecoder.Generate(model, prompt, 8, options);
        var uncached = GreedyDecoder.Generate(model, prompt, 8, options with { UseCache = false });
        Assert.Equal(new long[] { 2, 12 }, cached.Shape);
        Assert.Equal(uncached.ToArray<long>(), cached.ToArray<long>());
    }

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Cached_step_logits_equal_the_full_pass_logits(string positional)
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config(positional), seed: 5);
        AssertCachedStepsEqualTheFullPass(model);
    }

    [Theory]
    [InlineData(NormPlacement.Post)]
    [InlineData(NormPlacement.PrePost)]
    public void Cached_step_logits_equal_the_full_pass_logits_for_every_norm_placement(NormPlacement placement)
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("abacus+rope") with { Norm = NormKind.RmsNorm, NormPlacement = placement }, seed: 5);
        AssertCachedStepsEqualTheFullPass(model);
        var prompt = TinyModels.Ids(new long[,] { { 1, 2, 3, 4 }, { 7, 5, 3, 1 } });
        var options = new GreedyOptions { PromptPositionIds = TinyModels.PositionIds(2, 4), NextPositionIds = NextIds };
        Assert.Equal(GreedyDecoder.Generate(model, prompt, 8, options with { UseCache = false }).ToArray<long>(), GreedyDecoder.Generate(model, prompt, 8, options).ToArray<long>());
    }

    private static void AssertCachedStepsEqualTheFullPass(Transformer model)
    {
        var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6, 7 } });
        var positions = TinyModels.PositionIds(1, 7);
        using var noGrad = LibTorch.NoGrad();
        var full = model.Forward(ids, positions).ToArray<double>();                  // (1, 7, V)
        using var cache = model.NewCache();
        model.Forward(ids.Narrow(1, 0, 4), positions.Narrow(1, 0, 4), cache);
        const int V = 11;
        for (var t = 4; t < 7; t++)
        {
            var step = model.Forward(ids.Narrow(1, t, 1), positions.Narrow(1, t, 1), cache).ToArray<double>();
            for (var v = 0; v < V; v++) Assert.Equal(full[t * V + v], step[v], 10);
        }
        Assert.Equal(7, cache.Length);
    }

    [Fact]
    public void Teacher_forced_exact_match_agrees_with_greedy_decoding()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("rope"), seed: 6);
        var prompt = TinyModels.Ids(new long[,] { { 1, 2, 3 }, { 3, 2, 1 } });
        var generated = GreedyDecoder.Generate(model, prompt, 4).ToArray<long>();   // (2, 7)
        var mask = new long[14];
        for (var b = 0; b < 2; b++) for (var t = 3; t < 7; t++) mask[b * 7 + t] = 1;
        var answerMask = Tensor.From(mask, 2, 7);
        Assert.Equal(new[] { true, true }, TeacherForcing.ExactMatch(model, Tensor.From(generated, 2, 7), answerMask));
        var wrong = (long[])generated.Clone();
        wrong[7 + 5] = (wrong[7 + 5] + 1) % 11;                                      // row 1, an answer token
        Assert.Equal(new[] { true, false }, TeacherForcing.ExactMatch(model, Tensor.From(wrong, 2, 7), answerMask));
    }

    [Fact]
    public void Generation_stops_once_every_row_has_emitted_the_stop_token()
    {
        using var scope = DisposeScope.Begin();
        using var model = TinyModels.Build(TinyModels.Config("learned"), seed: 6);
        var prompt = TinyModels.Ids(new long[,] { { 1, 2, 3 } });
        var free = GreedyDecoder.Generate(model, prompt, 6).ToArray<long>();
        var stop = free[3];                                                          // the first generated token
        var stopped = GreedyDecoder.Generate(model, prompt, 6, new GreedyOptions { StopToken = stop });
        Assert.Equal(new long[] { 1, 4 }, stopped.Shape);
    }
}

/// <summary>Reads the process-wide live-tensor counter, so it runs alone.</summary>
[Collection(LiveTensorCollection.Name)]
public class GenerationLeakTests
{
    [Fact]
    public void Generation_inside_a_scope_leaves_no_tensor_behind_but_its_result()
    {
        using var model = TinyModels.Build(TinyModels.Config("alibi"), seed: 2);
        using var prompt = TinyModels.Ids(new long[,] { { 1, 2, 3 } });
        var before = LibTorch.SettledLiveTensors;
        using (var scope = DisposeScope.Begin())
        {
            GreedyDecoder.Generate(model, prompt, 5);
        }
        Assert.Equal(before, LibTorch.SettledLiveTensors);
    }
}
