using ArithLab.Data;
using ArithLab.Models;
using ArithLab.Models.Generation;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Tests.Evaluation;

public class ModelEvaluationTests
{
    private static ExperimentConfig Tiny(string positional = "learned", Training.Config.PositionIds positions = Training.Config.PositionIds.None) => new()
    {
        Name = "tiny",
        Data = new DataConfig { Format = DataFormat.Reversed, DigitsA = new DigitRange(1, 2), DigitsB = new DigitRange(1, 2), Positions = positions },
        Model = new ModelConfig
        {
            Layers = 1,
            DModel = 16,
            Heads = 2,
            DFf = 32,
            MaxPositions = 64,
            Positional = ConfigList.Of(Enum.Parse<PositionalScheme>(positional, ignoreCase: true)),
        },
        Eval = new EvalConfig { GridA = new DigitRange(1, 3), GridB = new DigitRange(1, 3), PerCell = 3, BatchSize = 4 },
    };

    [Fact]
    public void Model_answers_equal_greedy_decoding_of_each_prompt_alone_cut_at_eos()
    {
        var config = Tiny();
        var setup = EvalSetup.From(config);
        LibTorch.ManualSeed(3);
        using var model = new Transformer(CheckpointLoader.TransformerConfigOf(config.Model, setup.Tokenizer.Vocabulary.Count)).Eval();
        var encoder = setup.Encoder();
        var problems = new[] { (12, 7), (3, 4), (99, 88), (5, 61) }
            .Select(p => encoder.Encode(Data.Tasks.ProblemFactory.Create(setup.Task, p.Item1, p.Item2)).Request).ToArray();
        var answers = new ModelAnswerGenerator(model, Device.Cpu).Generate(problems);

        for (var i = 0; i < problems.Length; i++)
        {
            using var scope = DisposeScope.Begin();
            var r = problems[i];
            var prompt = Tensor.From(r.PromptIds.Select(x => (long)x).ToArray(), 1, r.PromptIds.Length);
            var alone = GreedyDecoder.Generate(model, prompt, r.MaxNewTokens).ToArray<long>().Skip(r.PromptIds.Length).Select(x => (int)x).ToList();
            var eos = alone.IndexOf(Vocabulary.EosId);
            var expected = eos >= 0 ? alone.Take(eos + 1) : alone;
            Assert.Equal(expected, answers[i]);
        }
    }

    [Fact]
    public void A_run_directory_is_evaluated_end_to_end_from_its_config_and_checkpoint()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arithlab-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var config = Tiny("abacus", Training.Config.PositionIds.Abacus);
            var setup = EvalSetup.From(config);
            Directory.CreateDirectory(Path.Combine(folder, "checkpoints"));
            ConfigWriter.Save(config, Path.Combine(folder, "config.resolved.yaml"));
            LibTorch.ManualSeed(5);
            using (var model = new Transformer(CheckpointLoader.TransformerConfigOf(config.Model, setup.Tokenizer.Vocabulary.Count)))
            {
                SafetensorsFile.Save(Path.Combine(folder, "checkpoints", "step-000010.safetensors"), model.StateDict());
            }

            var run = RunFiles.Find(folder);
            var loaded = ConfigLoader.Load(run.ConfigPath);
            using var trained = CheckpointLoader.Load(loaded, run.CheckpointPath!, setup.Tokenizer.Vocabulary.Count, Device.Cpu);
            var settings = EvalSettings.From(loaded);
            var result = new GridEvaluator(setup.Task, setup.Encoder(), trained.Generator()).Run(settings);
            EvalFiles.Write(result, run.EvalDirectory);

            Assert.Equal(9, result.Grid.Count);
            Assert.All(result.Grid, c => Assert.Equal(3, c.N));
            // An untrained model's answers are all wrong or unreadable, and every one has a reason.
            Assert.Equal(27 - result.Grid.Sum(c => c.Correct), result.Failures.Sum(f => f.Value));
            Assert.True(File.Exists(Path.Combine(folder, "eval", "heatmap.svg")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
