using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArithLab.Models;
using ArithLab.Torch.Safetensors;

namespace ArithLab.Models.Tests.Interop;

/// <summary>
/// Saves small models as safetensors (weights under their state-dict names, the config in the
/// metadata) and runs python/transformer_forward.py — a plain PyTorch re-implementation of
/// docs/models.md — with Debian's /usr/bin/python3, which must reproduce the logits to 1e-4.
/// </summary>
public class PyTorchInteropTests
{
    private const string Python = "/usr/bin/python3";

    private static readonly JsonSerializerOptions s_json = new() { Converters = { new JsonStringEnumConverter() } };

    public static IEnumerable<(string Name, TransformerConfig Config)> Cases() => new[]
    {
        ("learned_gelu_layernorm_pre", TinyModels.Config("learned")),
        ("sinusoidal_hard_alibi_relu_post_tied", TinyModels.Config("sinusoidal+hard_alibi") with
            { Activation = Activation.Relu, NormPlacement = NormPlacement.Post, Bias = false, TieEmbeddings = true }),
        ("abacus_fire_swiglu_rms", TinyModels.Config("abacus+fire") with { Activation = Activation.SwiGlu, Norm = NormKind.RmsNorm, Bias = false }),
        ("rope_alibi_geglu_rms_post_tied", TinyModels.Config("rope+alibi") with
            { Activation = Activation.GeGlu, Norm = NormKind.RmsNorm, NormPlacement = NormPlacement.Post, TieEmbeddings = true }),
        ("coupled_nope_heads", TinyModels.Config("coupled") with { Heads = 2 }),
        ("coupled_gelu_rms_pre_post", TinyModels.Config("coupled") with { Norm = NormKind.RmsNorm, NormPlacement = NormPlacement.PrePost }),
    };

    [Fact]
    public void PyTorch_reimplementation_of_the_documented_forward_pass_reproduces_the_logits()
    {
        Assert.True(File.Exists(Python), $"{Python} is needed for the interop test (Debian's python3 with python3-torch)");
        var folder = Directory.CreateTempSubdirectory("arithlab-models-interop-").FullName;
        try
        {
            using var scope = DisposeScope.Begin();
            var seed = 30;
            foreach (var (name, config) in Cases())
            {
                LibTorch.ManualSeed(seed++);
                using var model = new Transformer(config);
                model.Eval();
                var ids = TinyModels.Ids(new long[,] { { 1, 2, 3, 4, 5, 6, 7 }, { 10, 9, 8, 7, 6, 5, 4 } });
                var positions = TinyModels.PositionIds(2, 7);
                var logits = model.Forward(ids, positions);
                var metadata = new Dictionary<string, string> { ["config"] = JsonSerializer.Serialize(config, s_json) };
                SafetensorsFile.Save(Path.Combine(folder, name + ".model.safetensors"), model.StateDict(), metadata);
                SafetensorsFile.Save(Path.Combine(folder, name + ".inputs.safetensors"),
                    new Dictionary<string, Tensor> { ["input_ids"] = ids, ["position_ids"] = positions, ["logits"] = logits.Detach() });
            }
            var (exitCode, output) = Run(Path.Combine(AppContext.BaseDirectory, "python", "transformer_forward.py"), folder);
            Assert.True(exitCode == 0, $"PyTorch disagrees (exit {exitCode}):\n{output}");
            Assert.Equal(Cases().Count(), output.Split('\n').Count(l => l.Contains("max |diff|", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string script, string folder)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(folder);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }
}
