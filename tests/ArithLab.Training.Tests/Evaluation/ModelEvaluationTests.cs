using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Models.Positional;
using ArithLab.Models;
using ArithLab.Models.Generation;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;
using ConfigLoopedConfig = ArithLab.Training.Config.LoopedConfig;
using PositionIdChoice = ArithLab.Data.Positions.PositionScheme;

namespace ArithLab.Training.Tests.Evaluation;

public class ModelEvaluationTests
{
    internal static ExperimentConfig Tiny(PositionalScheme? positional = null, PositionIdChoice positions = PositionIdChoice.None, int loopedLayers = 0) => new()
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
            Positional = ConfigList.Of(positional ?? PositionalScheme.Learned),
            Looped = new ConfigLoopedConfig { BlockLayers = loopedLayers, Recurrences = loopedLayers > 0 ? 2 : 1 },
        },
        Eval = new EvalConfig { GridA = new DigitRange(1, 3), GridB = new DigitRange(1, 3), PerCell = 3, BatchSize = 4 },
    };

    private static GenerationRequest[] Requests(ExperimentData data) =>
        new[] { (12, 7), (3, 4), (99, 88), (5, 61) }
            .Select(p => EvalEncoder.For(data).Encode(ProblemFactory.Create(data.Task, p.Item1, p.Item2)).Request).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Model_answers_equal_greedy_decoding_of_each_prompt_alone_cut_at_eos(int loopedLayers)
    {
        var config = Tiny(loopedLayers: loopedLayers);
        var data = new ExperimentData(config);
        LibTorch.ManualSeed(3);
        using var model = ModelFactory.Create(config.Model, data, Device.Cpu);
        model.Eval();
        var requests = Requests(data);
        var answers = ModelAnswerGenerator.For(model, Device.Cpu).Generate(requests);

        for (var i = 0; i < requests.Length; i++)
        {
            using var scope = DisposeScope.Begin();
            var r = requests[i];
            var prompt = Tensor.From(r.PromptIds.Select(x => (long)x).ToArray(), 1, r.PromptIds.Length);
            // The uncached reference path, one prompt at a time.
            var alone = GreedyDecoder.GenerateUncached((ICausalLanguageModel)model, prompt, r.MaxNewTokens).ToArray<long>()
                .Skip(r.PromptIds.Length).Select(x => (int)x).ToList();
            var eos = alone.IndexOf(Vocabulary.EosId);
            Assert.Equal(eos >= 0 ? alone.Take(eos + 1) : alone, answers[i]);
        }
    }

    [Fact]
    public void Test_time_recurrences_change_what_a_looped_model_runs()
    {
        var config = Tiny(loopedLayers: 1);
        var data = new ExperimentData(config);
        LibTorch.ManualSeed(4);
        using var built = ModelFactory.Create(config.Model, data, Device.Cpu);
        var model = (LoopedTransformer)built.Eval();
        var r = Requests(data)[2];
        using var scope = DisposeScope.Begin();
        var prompt = Tensor.From(r.PromptIds.Select(x => (long)x).ToArray(), 1, r.PromptIds.Length);
        foreach (var passes in new[] { 1, 2, 5 })
        {
            var reference = GreedyDecoder.GenerateUncached(new RecurrentLogits(model, passes), prompt, r.MaxNewTokens).ToArray<long>()
                .Skip(r.PromptIds.Length).Select(x => (int)x).ToList();
            var eos = reference.IndexOf(Vocabulary.EosId);
            var answer = ModelAnswerGenerator.For(model, Device.Cpu, passes).Generate([r])[0];
            Assert.Equal(eos >= 0 ? reference.Take(eos + 1) : reference, answer);
        }
        Assert.Throws<ArgumentException>(() => ModelAnswerGenerator.For(new Transformer(new TransformerConfig()), Device.Cpu, 3));
    }

    [Fact]
    public void A_run_directory_is_evaluated_end_to_end_from_its_config_and_checkpoint()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arithlab-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var config = Tiny(PositionalScheme.Abacus, PositionIdChoice.Abacus);
            SaveUntrainedRun(config, folder);

            using var trained = TrainedModel.Load(folder, Device.Cpu);
            var result = new GridEvaluator(trained.Data.Task, EvalEncoder.For(trained.Data), ModelAnswerGenerator.For(trained.Model, Device.Cpu))
                .Run(EvalSettings.From(trained.Config));
            EvalFiles.Write(result, trained.Run.EvalPath);

            Assert.Equal(9, result.Grid.Count);
            Assert.All(result.Grid, c => Assert.Equal(3, c.N));
            // Whatever an untrained model writes, every wrong answer has a reason.
            Assert.Equal(27 - result.Grid.Sum(c => c.Correct), result.Failures.Sum(f => f.Value));
            Assert.True(File.Exists(Path.Combine(folder, "eval", "heatmap.svg")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A run directory as the trainer leaves it, with one checkpoint of an untrained model.</summary>
    internal static void SaveUntrainedRun(ExperimentConfig config, string folder, long step = 10)
    {
        var run = RunDirectory.Create(config, folder);
        var data = new ExperimentData(config);
        LibTorch.ManualSeed(5);
        using var model = ModelFactory.Create(config.Model, data, Device.Cpu);
        run.Checkpoints.Save(new TrainerState { Step = step }, model.StateDict(), ModelMetadata.For(model, data, step), new Dictionary<string, Tensor>(), keep: 0);
    }
}
