using ArithLab.Torch;

namespace ArithLab.Models.Generation;

/// <summary>Greedy (arg-max) decoding, with or without a KV cache; both give the same tokens.</summary>
public static class GreedyDecoder
{
    /// <summary>Extends prompt (B, T0) by up to <paramref name="maxNewTokens"/> tokens; returns (B, T0 + n).</summary>
    public static Tensor Generate(ICachedLanguageModel model, Tensor prompt, int maxNewTokens, GreedyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompt);
        options ??= new GreedyOptions();
        if (!options.UseCache)
        {
            return GenerateUncached(model, prompt, maxNewTokens, options);
        }
        using var noGrad = LibTorch.NoGrad();
        using var outer = DisposeScope.Begin();
        using var cache = model.NewCache();
        var tokens = prompt.To(ScalarType.Int64);
        var stepIds = tokens;
        var stepPositions = options.PromptPositionIds;
        var stopped = new bool[prompt.Size(0)];
        for (var n = 0; n < maxNewTokens; n++)
        {
            using var step = DisposeScope.Begin();
            var logits = model.Logits(stepIds, stepPositions, cache);                  // (B, Tstep, V)
            var next = logits.Narrow(1, logits.Size(1) - 1, 1).Squeeze(1).ArgMax(-1, keepDim: true);                 // (B, 1)
            tokens = Tensor.Cat(new[] { tokens, next }, 1);                           // (B, T + 1)
            stepPositions = options.NextPositionIds?.Invoke(tokens);
            stepIds = next;
            cache.KeepOutOf(step);
            step.Keep(tokens);
            step.Keep(next);
            if (stepPositions is not null) step.Keep(stepPositions);
            if (AllStopped(next, options.StopToken, stopped)) break;
        }
        return outer.Keep(tokens.Clone());
    }

    /// <summary>The reference path: every step runs the whole sequence through any causal model.</summary>
    public static Tensor GenerateUncached(ICausalLanguageModel model, Tensor prompt, int maxNewTokens, GreedyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompt);
        options ??= new GreedyOptions();
        using var noGrad = LibTorch.NoGrad();
        using var outer = DisposeScope.Begin();
        var tokens = prompt.To(ScalarType.Int64);
        var positions = options.PromptPositionIds;
        var stopped = new bool[prompt.Size(0)];
        for (var n = 0; n < maxNewTokens; n++)
        {
            using var step = DisposeScope.Begin();
            var logits = model.Logits(tokens, positions);                              // (B, T, V)
            var next = logits.Narrow(1, logits.Size(1) - 1, 1).Squeeze(1).ArgMax(-1, keepDim: true);                 // (B, 1)
            tokens = step.Keep(Tensor.Cat(new[] { tokens, next }, 1));
            if (options.NextPositionIds is not null)
            {
                positions = step.Keep(Tensor.Cat(new[] { positions!, options.NextPositionIds(tokens) }, 1));
            }
            if (AllStopped(next, options.StopToken, stopped)) break;
        }
        return outer.Keep(tokens.Clone());
    }

    private static bool AllStopped(Tensor next, long? stopToken, bool[] stopped)
    {
        if (stopToken is not { } stop)
        {
            return false;
        }
        var values = next.ToArray<long>();
        for (var b = 0; b < values.Length; b++)
        {
            stopped[b] |= values[b] == stop;
        }
        return stopped.All(s => s);
    }
}
