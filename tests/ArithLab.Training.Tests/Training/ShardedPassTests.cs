using ArithLab.Data.Batching;
using ArithLab.Data;
using ArithLab.Torch.Nn;
using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Setup;
using StateInit = ArithLab.Models.Looped.StateInit;

namespace ArithLab.Training.Tests.Training;

/// <summary>
/// A batch split into shards run side by side gives the whole batch's loss, gradients and exact
/// match (checked in float64 against the unsplit pass), and the same bits every time.
/// </summary>
[Collection(TrainingStateCollection.Name)]
public sealed class ShardedPassTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]   // 32 rows: uneven shards of 10, 11 and 11
    public void Shards_sum_to_the_whole_batch_loss_gradients_and_correct_rows(int shards)
    {
        using var tiny = new TinyRun(c => c with { Runtime = c.Runtime with { Threads = 1 } });
        using var experiment = Experiment.Create(tiny.Config);
        using var scope = DisposeScope.Begin();
        experiment.Model.To(ScalarType.Float64);
        var parameters = experiment.Model.Parameters().ToList();
        var drawn = experiment.TrainStream.Next();
        var batch = BatchTensors.From(drawn, experiment.Device);

        var (wholeLoss, wholeCorrect) = new ShardedPass(1, parameters).Run(batch.Rows, (first, rows) => Forward(experiment, batch.Slice(first, rows)));
        var whole = parameters.Select(p => p.Grad!.ToArray<double>()).ToList();
        var (loss, correct) = new ShardedPass(shards, parameters).Run(batch.Rows, (first, rows) => Forward(experiment, batch.Slice(first, rows)));
        var split = parameters.Select(p => p.Grad!.ToArray<double>()).ToList();

        // The unsplit pass is the mean cross-entropy over the batch's answer tokens, as logits at every position give it.
        var logits = ((ICausalLanguageModel)experiment.Model).Logits(batch.Ids, batch.Positions);
        var mean = Functional.CrossEntropy(logits.Reshape(-1, logits.Size(-1)), LossTargets(drawn), BatchTensors.IgnoreIndex).Item();
        Assert.Equal(mean, wholeLoss, 12);
        Assert.Equal(wholeLoss, loss, 12);
        Assert.Equal(wholeCorrect, correct);
        for (var i = 0; i < parameters.Count; i++)
        {
            for (var j = 0; j < whole[i].Length; j++)
            {
                Assert.Equal(whole[i][j], split[i][j], 1e-12);
            }
        }
    }

    [Fact]
    public void A_split_pass_repeats_its_gradients_bit_for_bit()
    {
        using var tiny = new TinyRun(c => c with { Runtime = c.Runtime with { Threads = 1 } });
        using var experiment = Experiment.Create(tiny.Config);
        using var scope = DisposeScope.Begin();
        var parameters = experiment.Model.Parameters().ToList();
        var batch = BatchTensors.From(experiment.TrainStream.Next(), experiment.Device);
        var pass = new ShardedPass(4, parameters);
        List<float[]>? first = null;
        for (var repeat = 0; repeat < 10; repeat++)
        {
            pass.Run(batch.Rows, (first, rows) => Forward(experiment, batch.Slice(first, rows)));
            var grads = parameters.Select(p => p.Grad!.ToArray<float>()).ToList();
            first ??= grads;
            for (var i = 0; i < grads.Count; i++)
            {
                Assert.Equal(first[i], grads[i]);
            }
        }
    }

    [Fact]
    public void Cpu_runs_get_a_shard_per_thread_unless_something_forbids_splitting()
    {
        var config = new ExperimentConfig { Runtime = new RuntimeConfig { Threads = 4 }, Train = new TrainConfig { BatchSize = 64 } };
        Assert.Equal((4, (string?)null), CpuParallelism.Plan(config, Device.Cpu));
        Assert.Equal(1, CpuParallelism.Plan(config with { Runtime = config.Runtime with { Threads = 1 } }, Device.Cpu).Shards);
        Assert.Equal(2, CpuParallelism.Plan(config with { Train = config.Train with { BatchSize = 16 } }, Device.Cpu).Shards);
        var dropout = CpuParallelism.Plan(config with { Model = config.Model with { Dropout = 0.1 } }, Device.Cpu);
        Assert.Equal(1, dropout.Shards);
        Assert.Contains("model.dropout", dropout.Why);
        var loopedModel = config.Model with { Layers = 1, Looped = new LoopedConfig { BlockLayers = 1 } };
        Assert.Equal(4, CpuParallelism.Plan(config with { Model = loopedModel }, Device.Cpu).Shards);
        var noise = CpuParallelism.Plan(config with { Model = loopedModel with { Looped = loopedModel.Looped with { StateInit = StateInit.Noise } } }, Device.Cpu);
        Assert.Equal(1, noise.Shards);
        Assert.Contains("model.looped.state_init", noise.Why);
        Assert.Equal(1, CpuParallelism.Plan(config with { Data = config.Data with { Format = DataFormat.Fone } }, Device.Cpu).Shards);
        Assert.Equal(Environment.ProcessorCount, CpuParallelism.Threads(config with { Runtime = config.Runtime with { Threads = 0 } }));
    }

    private static ShardResult Forward(Experiment experiment, BatchTensors shard)
    {
        var logits = ((ICausalLanguageModel)experiment.Model).LogitsAt(shard.Ids, shard.Positions, shard.ScoredRows);   // (N, V)
        var loss = Functional.CrossEntropy(logits, shard.ScoredTargets, BatchTensors.IgnoreIndex, reduction: Reduction.Sum) / shard.LossTokens;
        var correct = ExactMatch.CorrectRows(logits.Detach().ArgMax(-1).ToArray<long>(), shard.HostScoredRows, shard.AnswerTargets, shard.Rows, shard.Width);
        return new ShardResult(loss, loss.Item(), correct);
    }

    /// <summary>The batch's (B·W) next-token targets where its loss mask is set, the ignore index elsewhere.</summary>
    private static Tensor LossTargets(Batch batch)
    {
        var n = batch.Size * batch.Width;
        var targets = new long[n];
        for (var i = 0; i < n; i++)
        {
            targets[i] = batch.LossMask[i] != 0f ? batch.Targets[i] : BatchTensors.IgnoreIndex;
        }
        return Tensor.From(targets, n);
    }
}
