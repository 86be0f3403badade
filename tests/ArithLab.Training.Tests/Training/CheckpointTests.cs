using System.Diagnostics;
using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Loop;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class CheckpointTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public void A_crash_while_writing_a_checkpoint_leaves_the_previous_one_loadable()
    {
        using var tiny = new TinyRun(c => c with { Runtime = c.Runtime with { CheckpointEvery = 10 } });
        var run = tiny.Create();
        using var stop = new CancellationTokenSource();
        tiny.Train(run, afterStep: (step, _) => { if (step == 10) stop.Cancel(); }, cancel: stop.Token);

        // A crash in the middle of writing step 20: a half-written folder and a half-written pointer.
        var partial = Path.Combine(run.CheckpointsPath, CheckpointStore.NameOf(20) + ".tmp");
        Directory.CreateDirectory(partial);
        File.WriteAllBytes(Path.Combine(partial, CheckpointInfo.ModelFileName), new byte[] { 0x10, 0, 0, 0 });
        File.WriteAllText(run.Checkpoints.LatestPath + ".tmp", "step-0000");
        // A crash after the rename but before the pointer moved: a folder missing its state.
        var unfinished = Path.Combine(run.CheckpointsPath, CheckpointStore.NameOf(30));
        Directory.CreateDirectory(unfinished);
        File.WriteAllBytes(Path.Combine(unfinished, CheckpointInfo.ModelFileName), new byte[] { 1, 2, 3 });

        var latest = run.Checkpoints.Latest();
        Assert.NotNull(latest);
        Assert.Equal(10, latest.Step);
        Assert.Equal([10L], run.Checkpoints.All().Select(c => c.Step));
        using (var trained = TrainedModel.Load(run.Path, Device.Cpu))
        {
            Assert.Equal(10, trained.Step);
        }

        // Resuming carries on from step 10, and the next save clears the leftovers.
        var outcome = tiny.Train(run, resume: true);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.False(Directory.Exists(partial));
        Assert.False(File.Exists(run.Checkpoints.LatestPath + ".tmp"));
        Assert.Equal(30, run.Checkpoints.Latest()!.Step);
    }

    [Fact]
    public void Only_the_newest_checkpoints_are_kept()
    {
        using var tiny = new TinyRun(c => c with { Runtime = c.Runtime with { CheckpointEvery = 5, KeepCheckpoints = 2 } });
        var run = tiny.Create();
        tiny.Train(run);
        Assert.Equal([25L, 30L], run.Checkpoints.All().Select(c => c.Step));
    }

    [Fact]
    public void Python_reads_the_weights_under_their_state_dict_names_and_shapes()
    {
        Assert.True(File.Exists(Python), $"{Python} with torch is needed to read checkpoints from Python");
        using var tiny = new TinyRun(c => c with { Train = c.Train with { Steps = 3, WarmupSteps = 1 } });
        var run = tiny.Create();
        tiny.Train(run);
        var checkpoint = run.Checkpoints.Latest()!;
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "python", "read_checkpoint.py"));
        start.ArgumentList.Add(checkpoint.ModelPath);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);

        // Reversed addition's vocabulary: [PAD] [BOS] [EOS], ten digits, '+', '=', '$'.
        const int V = 16, C = 32, F = 64;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        string[] expected =
        [
            $"tok_embed.weight F32 {V},{C}",
            $"pos_embed.weight F32 256,{C}",
            $"blocks.0.ln_1.weight F32 {C}",
            $"blocks.0.ln_1.bias F32 {C}",
            $"blocks.0.attn.qkv.weight F32 {3 * C},{C}",
            $"blocks.0.attn.qkv.bias F32 {3 * C}",
            $"blocks.0.attn.proj.weight F32 {C},{C}",
            $"blocks.0.mlp.fc_in.weight F32 {F},{C}",
            $"blocks.0.mlp.fc_out.weight F32 {C},{F}",
            $"ln_f.weight F32 {C}",
            "meta config",
            "meta experiment",
            "meta science_hash",
            "meta step",
            $"config d_model {C}",
        ];
        Assert.All(expected, e => Assert.Contains(e, lines));
        // Tied embeddings: no separate output matrix.
        Assert.DoesNotContain(lines, l => l.StartsWith("lm_head", StringComparison.Ordinal));
    }
}
