using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Positions;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;
using ArithLab.Models.Generation;
using ArithLab.Torch.Optim;

namespace ArithLab.Models.Tests;

/// <summary>Every positional scheme can carry a tiny model to a perfect score on a small fixed set of sums.</summary>
public class ArithmeticFitTests
{
    // Twelve fixed 2-digit sums, written operands-and-answer reversed (McLeish et al. 2024).
    private static readonly (int A, int B)[] Sums =
    {
        (12, 34), (57, 68), (90, 11), (45, 45), (23, 79), (66, 17),
        (81, 28), (39, 50), (74, 93), (18, 62), (55, 99), (30, 47),
    };

    [Theory]
    [InlineData("nope")]
    [InlineData("learned")]
    [InlineData("sinusoidal")]
    [InlineData("rope")]
    [InlineData("alibi")]
    [InlineData("hard_alibi")]
    [InlineData("fire")]
    [InlineData("abacus")]
    [InlineData("coupled")]
    [InlineData("abacus+fire")]
    [InlineData("abacus+rope")]
    public void A_tiny_model_of_each_scheme_fits_a_small_fixed_set_of_sums(string positional)
    {
        using var scope = DisposeScope.Begin();
        var task = TaskSpec.Addition;
        var format = FormatRegistry.Get("reversed-all");
        var vocabulary = CharTokenizer.VocabularyFor(format, task);
        var examples = Sums.Select(s => format.Format(ProblemFactory.Create(task, new BigInteger(s.A), new BigInteger(s.B)))).ToList();
        var ids = positional.Contains("abacus", StringComparison.Ordinal) ? PositionScheme.Abacus
                : positional == "coupled" ? PositionScheme.Coupled : PositionScheme.Absolute;
        var batch = BatchStream.Pack(examples, vocabulary, new BatchOptions { BatchSize = Sums.Length, MaxLength = 16, Positions = new PositionOptions { Scheme = ids } }, seed: 1);
        var (B, W) = (batch.Size, batch.Width);

        var tokens = Tensor.From(batch.TokenIds.Take(B * W).Select(v => (long)v).ToArray(), B, W);
        var positions = Tensor.From(batch.PositionIds.Take(B * W).Select(v => (long)v).ToArray(), B, W);
        // Loss only on answer tokens; every other target is ignored (PyTorch's ignore_index).
        var targets = Tensor.From(Enumerable.Range(0, B * W).Select(i => batch.LossMask[i] > 0 ? batch.Targets[i] : -100L).ToArray(), B * W);
        // The same answer positions, seen from the token side: target i is token i + 1.
        var answerMask = Tensor.From(Enumerable.Range(0, B * W).Select(i => i % W > 0 && batch.LossMask[i - 1] > 0 ? 1L : 0L).ToArray(), B, W);

        LibTorch.ManualSeed(3);
        using var model = new Transformer(TinyModels.Config(positional) with
        {
            VocabSize = vocabulary.Count, DModel = 32, DFf = 64, Layers = 2, MaxPositionId = 40, MaxSeqLen = 32,
        });
        using var optimizer = new AdamW(model.Parameters(), learningRate: 3e-3, weightDecay: 0);
        var first = double.NaN;
        for (var step = 0; step < 400; step++)
        {
            using var stepScope = DisposeScope.Begin();
            optimizer.ZeroGrad();
            var loss = Functional.CrossEntropy(model.Forward(tokens, positions).Reshape(B * W, -1), targets);
            if (step == 0)
            {
                first = loss.Item();
            }
            loss.Backward();
            optimizer.Step();
        }
        model.Eval();
        var correct = TeacherForcing.ExactMatch(model, tokens, answerMask, positions);
        Assert.True(correct.All(c => c), $"{positional}: {correct.Count(c => c)}/{B} sums exact after training (first loss {first:F3})");
    }
}
