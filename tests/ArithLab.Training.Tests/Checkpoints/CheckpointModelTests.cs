using ArithLab.Models.Positional;
using System.Text.Json;
using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;
using ArithLab.Training.Tests.Evaluation;
using PositionIdChoice = ArithLab.Data.Positions.PositionScheme;

namespace ArithLab.Training.Tests.Checkpoints;

public sealed class CheckpointModelTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-ckpt-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_checkpoint_records_the_vocabulary_format_and_positions_as_docs_list_them()
    {
        var model = SaveRun(PositionalScheme.Coupled, PositionIdChoice.Coupled);
        var metadata = SafetensorsFile.ReadHeader(model).Metadata;

        // docs/data-formats.md: specials 0-2, digits 3-12, then the reversed format's $ + = in that order.
        string[] expected = ["[PAD]", "[BOS]", "[EOS]", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "$", "+", "="];
        Assert.Equal(expected, JsonSerializer.Deserialize<string[]>(metadata["vocabulary"]));
        Assert.Equal("reversed", metadata["data_format"]);
        Assert.Equal("coupled", metadata["positions"]);
        Assert.Equal("pt", metadata["format"]);
    }

    [Fact]
    public void A_lone_checkpoint_file_rebuilds_tokenizer_and_model_with_the_same_logits()
    {
        var original = SaveRun(PositionalScheme.Learned, PositionIdChoice.None);
        var lone = Path.Combine(_folder, "elsewhere", "model.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(lone)!);
        File.Copy(original, lone);
        Directory.Delete(Path.Combine(_folder, "run"), recursive: true);

        using var loaded = CheckpointModel.Load(lone, Device.Cpu);
        // "$12+7=" in the reversed format, token by token.
        var ids = loaded.Tokenizer.Encode(["[BOS]", "$", "1", "2", "+", "7", "="]);
        Assert.Equal([1, 13, 4, 5, 14, 10, 15], ids);
        Assert.Equal(10, loaded.Step);

        using var reference = Untrained(loaded.Config);
        using var x = Tensor.From(ids.Select(i => (long)i).ToArray(), 1, ids.Length);
        using var expected = reference.Logits(x);
        using var actual = ((ICausalLanguageModel)loaded.Model).Logits(x);
        Assert.True(Tensor.AllClose(expected, actual, 0, 0));
    }

    [Fact]
    public void An_old_checkpoint_without_the_keys_loads_from_its_run_config()
    {
        var model = SaveRun(PositionalScheme.Learned, PositionIdChoice.None);
        RewriteMetadata(model, m =>
        {
            m.Remove("vocabulary");
            m.Remove("data_format");
            m.Remove("positions");
            m.Remove("experiment");
        });

        using var loaded = CheckpointModel.Load(model, Device.Cpu);
        Assert.Equal(16, loaded.Tokenizer.Vocabulary.Count);
    }

    [Fact]
    public void A_file_with_neither_experiment_nor_run_config_is_a_clear_error()
    {
        var model = SaveRun(PositionalScheme.Learned, PositionIdChoice.None);
        RewriteMetadata(model, m => m.Remove("experiment"));
        File.Delete(Path.Combine(_folder, "run", RunDirectory.ConfigFileName));

        var e = Assert.Throws<InvalidDataException>(() => CheckpointModel.Load(model, Device.Cpu));
        Assert.Contains("cannot be rebuilt", e.Message);
    }

    [Fact]
    public void A_recorded_vocabulary_the_code_would_read_differently_is_refused()
    {
        var model = SaveRun(PositionalScheme.Learned, PositionIdChoice.None);
        RewriteMetadata(model, m => m["vocabulary"] = """["[PAD]","[BOS]","[EOS]","0","1","2","3","4","5","6","7","8","9","+","$","="]""");

        var e = Assert.Throws<InvalidDataException>(() => CheckpointModel.Load(model, Device.Cpu));
        Assert.Contains("id 13 is '+' in the file but '$' in this code", e.Message);
    }

    private string SaveRun(PositionalScheme positional, PositionIdChoice positions)
    {
        var run = Path.Combine(_folder, "run");
        ModelEvaluationTests.SaveUntrainedRun(ModelEvaluationTests.Tiny(positional, positions), run);
        return Path.Combine(run, "checkpoints", CheckpointStore.NameOf(10), CheckpointInfo.ModelFileName);
    }

    /// <summary>The model SaveUntrainedRun saved: same seed, same config.</summary>
    private static Transformer Untrained(ExperimentConfig config)
    {
        LibTorch.ManualSeed(5);
        var model = (Transformer)ModelFactory.Create(config.Model, new ExperimentData(config), Device.Cpu);
        model.Eval();
        return model;
    }

    private static void RewriteMetadata(string path, Action<Dictionary<string, string>> change)
    {
        Dictionary<string, Tensor> tensors;
        Dictionary<string, string> metadata;
        using (var content = SafetensorsFile.Load(path))
        {
            tensors = content.Tensors.ToDictionary(kv => kv.Key, kv => kv.Value.Clone());
            metadata = new Dictionary<string, string>(content.Metadata);
        }
        change(metadata);
        SafetensorsFile.Save(path, tensors, metadata);
        foreach (var t in tensors.Values)
        {
            t.Dispose();
        }
    }
}
