using ArithLab.Data.Positions;
using ArithLab.Models.Positional;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArithLab.Data.Tasks;
using ArithLab.Models;
using ArithLab.Tests;
using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Training;

/// <summary>
/// The Python of the docs, run with the Python the lab finds (<see cref="PythonWithTorch"/>): the
/// checkpoint reader of docs/training.md, and examples/python/forward.py, whose forward pass, written
/// from the documented rules alone, must give the lab's own logits on the lab's own token and position ids.
/// </summary>
[Collection(TrainingStateCollection.Name)]
public sealed partial class PythonExampleTests
{
    [PythonTorchFact]
    public void The_checkpoint_snippet_of_the_training_docs_reads_a_real_checkpoint()
    {
        using var tiny = new TinyRun(c => c with { Train = c.Train with { Steps = 3, WarmupSteps = 1 } });
        var run = tiny.Create();
        tiny.Train(run);
        var snippet = PythonBlock().Match(RepositoryFiles.Read("docs/training.md")).Groups[1].Value;
        Assert.Contains("model.safetensors", snippet, StringComparison.Ordinal);
        var script = Path.Combine(tiny.Root, "snippet.py");
        File.WriteAllText(script, SafetensorsPath().Replace(snippet, JsonSerializer.Serialize(run.Checkpoints.Latest()!.ModelPath))
            + "\nprint(config[\"DModel\"], list(tok_embed.shape))\n");

        var (code, stdout, stderr) = PythonWithTorch.Run(script);

        Assert.True(code == 0, stderr);
        // Reversed addition's 16 tokens, 32 wide (TinyRun's model).
        Assert.Equal("32 [16, 32]", stdout.Trim());
    }

    [PythonTorchFact]
    public void Forward_py_gives_the_labs_logits_with_learned_positions() => AssertSameAsTheLab(c => c);

    [PythonTorchFact]
    public void Forward_py_gives_the_labs_logits_with_coupled_positions() =>
        AssertSameAsTheLab(c => c with
        {
            Data = c.Data with { Positions = PositionScheme.Coupled },
            Model = c.Model with { Positional = ConfigList.Of(PositionalScheme.Coupled) },
        });

    private static void AssertSameAsTheLab(Func<ExperimentConfig, ExperimentConfig> change)
    {
        using var tiny = new TinyRun(c => change(c with { Train = c.Train with { Steps = 20 } }));
        var run = tiny.Create();
        tiny.Train(run);

        var (code, stdout, stderr) = PythonWithTorch.Run(RepositoryFiles.PathOf("examples/python/forward.py"), run.Path, "57+68", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var python = json.RootElement;
        var ids = Ints(python, "ids");
        var positions = Ints(python, "positions");
        var promptLength = python.GetProperty("prompt_length").GetInt32();
        using var trained = TrainedModel.Load(run.Path, Device.Cpu);

        // The vocabulary and prompt ids and positions Python rebuilt are the lab's.
        Assert.Equal(trained.Data.Vocabulary.Tokens, python.GetProperty("vocabulary").EnumerateArray().Select(t => t.GetString()!));
        var batch = trained.Data.Pack([ProblemFactory.Create(TaskSpec.Addition, 57, 68)]);
        Assert.Equal(batch.Row(batch.TokenIds, 0)[..promptLength].ToArray(), ids[..promptLength]);
        Assert.Equal(batch.Row(batch.PositionIds, 0)[..promptLength].ToArray(), positions[..promptLength]);

        // The logits of the whole decoded row agree with the lab's forward pass on the same ids.
        using var scope = DisposeScope.Begin();
        var model = (ICausalLanguageModel)trained.Model;
        var logits = model.Logits(Tensor.From(ids.Select(i => (long)i).ToArray(), 1, ids.Length), Tensor.From(positions.Select(p => (long)p).ToArray(), 1, positions.Length))
            .ToArray<float>();
        var fromPython = python.GetProperty("logits").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetSingle())).ToArray();
        Assert.Equal(logits.Length, fromPython.Length);
        var worst = logits.Zip(fromPython).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(worst < 1e-4, $"largest logit difference {worst}");
    }

    private static int[] Ints(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    [GeneratedRegex("```python\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();

    [GeneratedRegex("\"runs/[^\"]*model\\.safetensors\"")]
    private static partial Regex SafetensorsPath();
}
