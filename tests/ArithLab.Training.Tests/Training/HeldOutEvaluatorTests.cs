using ArithLab.Data.Batching;
using System.Globalization;
using System.Numerics;
using ArithLab.Data;
using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Precision;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class HeldOutEvaluatorTests
{
    [Theory]
    [InlineData(LossScope.Answer)]
    [InlineData(LossScope.Sequence)]
    public void A_model_that_knows_every_sum_scores_1_whatever_the_loss_covers(LossScope lossOn)
    {
        // Under loss_on all the training loss also covers the prompt, whose operand digits are random:
        // the held-out check must still score only the answer and its end token.
        using var tiny = new TinyRun(c => c with { Data = c.Data with { LossOn = lossOn } });
        var data = new ExperimentData(tiny.Config);
        var heldOut = new HeldOutEvaluator(data, problems: 100, batchSize: 32);
        using var oracle = new ReversedSumOracle(data.Vocabulary);

        var (exactMatch, loss) = heldOut.Evaluate(oracle, Device.Cpu, PrecisionPolicies.Create(new PrecisionConfig(), Device.Cpu));

        Assert.Equal(1.0, exactMatch);
        Assert.True(loss < 1e-6, $"held-out loss {loss}");
    }

    /// <summary>
    /// Teacher-forced stand-in for a trained reversed-format model: after '=' it predicts the
    /// reversed sum of the prompt's operands (BigInteger), the closing '$' and [EOS]; inside the
    /// prompt, where the next operand digit cannot be known, it always predicts '0'.
    /// </summary>
    private sealed class ReversedSumOracle(Vocabulary vocabulary) : Module, ICausalLanguageModel
    {
        private const float Confidence = 40f;

        public Tensor Logits(Tensor ids, Tensor? positionIds = null)
        {
            var (B, T, V) = ((int)ids.Size(0), (int)ids.Size(1), vocabulary.Count);
            var host = ids.ToArray<long>();
            var logits = new float[B * T * V];
            for (var b = 0; b < B; b++)
            {
                var tokens = Enumerable.Range(0, T).Select(t => vocabulary.Token((int)host[b * T + t])).ToArray();
                var equals = Array.IndexOf(tokens, "=");
                var plus = Array.IndexOf(tokens, "+");
                var a = BigInteger.Parse(string.Concat(tokens[2..plus]), CultureInfo.InvariantCulture);     // [BOS] $ a + b =
                var s = BigInteger.Parse(string.Concat(tokens[(plus + 1)..equals]), CultureInfo.InvariantCulture);
                var answer = new string((a + s).ToString(CultureInfo.InvariantCulture).Reverse().ToArray());
                var completion = answer.Select(c => vocabulary.Id(c.ToString())).Append(vocabulary.Id("$")).Append(Vocabulary.EosId).ToArray();
                for (var t = 0; t < T; t++)
                {
                    var k = t - equals;
                    var next = k >= 0 && k < completion.Length ? completion[k] : vocabulary.Id("0");
                    logits[(b * T + t) * V + next] = Confidence;
                }
            }
            return Tensor.From(logits, B, T, V);
        }
    }
}
