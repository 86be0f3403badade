using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Models.Fone;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Fone;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Evaluation;

public class FoneAnswerGeneratorTests
{
    private static ExperimentConfig Tiny() => ModelEvaluationTests.Tiny() with
    {
        Data = new DataConfig { Format = DataFormat.Fone, DigitsA = new DigitRange(1, 2), DigitsB = new DigitRange(1, 2) },
        Model = ModelEvaluationTests.Tiny().Model with { Fone = new FoneConfig { Periods = ConfigList.Of(10, 100, 1000) } },
    };

    [Theory]
    [InlineData(5, 0, 3, "305")]
    [InlineData(7, 0, 0, "7")]
    [InlineData(0, 0, 0, "0")]
    public void The_answer_is_the_number_the_digit_head_reads(int units, int tens, int hundreds, string expected)
    {
        var data = new ExperimentData(Tiny());
        using var built = ModelFactory.Create(data.Config.Model, data, Device.Cpu);
        var model = Assert.IsType<FoneTransformer>(built);
        model.Eval();
        // Rig the head: with a zero norm weight, LayerNorm returns its bias whatever the hidden state,
        // so pair i = (cos 2πdᵢ/10, sin 2πdᵢ/10) makes digit i read dᵢ (its dot product is 1, the largest).
        var rigged = new double[data.Config.Model.DModel];
        foreach (var (digit, i) in new[] { (units, 0), (tens, 1), (hundreds, 2) })
        {
            rigged[2 * i] = Math.Cos(2 * Math.PI * digit / 10);
            rigged[2 * i + 1] = Math.Sin(2 * Math.PI * digit / 10);
        }
        using (var scope = DisposeScope.Begin())
        {
            var state = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            state["head.norm.weight"] = Tensor.Zeros(new long[] { rigged.Length }, ScalarType.Float32);
            state["head.norm.bias"] = Tensor.From(rigged, rigged.Length).To(ScalarType.Float32);
            model.LoadStateDict(state);
        }
        var encoder = EvalEncoder.For(data);
        var requests = new[] { (12, 7), (99, 88), (3, 4) }
            .Select(p => encoder.Encode(ProblemFactory.Create(data.Task, p.Item1, p.Item2)).Request).ToArray();

        var answers = new FoneAnswerGenerator(model, data.Tokenizer, Device.Cpu).Generate(requests);

        Assert.Equal(requests.Length, answers.Count);
        foreach (var answer in answers)
        {
            Assert.Equal(expected.Select(c => c.ToString()).Append(Vocabulary.Eos), encoder.Decode(answer));
        }
    }
}
