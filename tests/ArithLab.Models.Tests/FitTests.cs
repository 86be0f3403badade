using ArithLab.Models;
using ArithLab.Models.Generation;
using ArithLab.Torch.Optim;

namespace ArithLab.Models.Tests;

public class FitTests
{
    [Theory]
    [InlineData("learned")]
    [InlineData("abacus+fire")]
    public void A_tiny_model_memorises_a_small_fixed_set(string positional)
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(7);
        using var model = new Transformer(TinyModels.Config(positional) with { Layers = 1 });
        var ids = TinyModels.Ids(new long[,] { { 1, 3, 5, 7, 9, 2 }, { 1, 4, 4, 8, 8, 2 }, { 1, 10, 6, 3, 5, 2 }, { 1, 7, 7, 0, 9, 2 } });
        var positions = TinyModels.PositionIds(4, 6);
        var inputs = ids.Narrow(1, 0, 5);
        var targets = ids.Narrow(1, 1, 5).Reshape(-1);
        using var optimizer = new AdamW(model.Parameters(), learningRate: 0.02, weightDecay: 0);
        // Token 1 follows the shared start token in every row, so it is ambiguous; the rest is determined.
        var answerMask = TinyModels.Ids(new long[,] { { 0, 0, 1, 1, 1, 1 }, { 0, 0, 1, 1, 1, 1 }, { 0, 0, 1, 1, 1, 1 }, { 0, 0, 1, 1, 1, 1 } });
        var first = double.NaN;
        for (var step = 0; step < 150; step++)
        {
            using var stepScope = DisposeScope.Begin();
            optimizer.ZeroGrad();
            var logits = model.Forward(inputs, positions.Narrow(1, 0, 5));                 // (4, 5, V)
            var loss = Functional.CrossEntropy(logits.Reshape(-1, 11), targets);
            if (step == 0) first = loss.Item();
            loss.Backward();
            optimizer.Step();
        }
        model.Eval();
        var last = Functional.CrossEntropy(model.Forward(inputs, positions.Narrow(1, 0, 5)).Reshape(-1, 11), targets).Item();
        // The best achievable loss: one position in five has four equally likely successors.
        var floor = Math.Log(4) / 5;
        Assert.True(last < floor + 0.02, $"loss went from {first} to {last}; the optimum is {floor}");
        Assert.All(TeacherForcing.ExactMatch(model, ids, answerMask, positions), Assert.True);
    }
}
