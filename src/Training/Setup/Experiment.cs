using ArithLab.Data.Batching;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;
using ArithLab.Training.Config;
using ArithLab.Training.Families;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Setup;

/// <summary>
/// Everything one training run needs, built from its config in a fixed order (so the same seed gives
/// the same initial weights): data, then the model under the weights seed, moved to the device and
/// the parameter dtype, then the optimizer over it, the LR schedule, the precision policy and the
/// training stream.
/// </summary>
public sealed class Experiment : IDisposable
{
    private Experiment(ExperimentConfig config, Device device, ExperimentData data, IModelAdapter adapter, Optimizer optimizer, ILrSchedule schedule, IPrecisionPolicy precision,
                       (int Shards, string? Why) parallelism)
    {
        (Shards, ShardNote) = parallelism;
        Config = config;
        Device = device;
        Data = data;
        Adapter = adapter;
        Optimizer = optimizer;
        Schedule = schedule;
        Precision = precision;
        TrainStream = data.TrainStream(config.Seed);
    }

    public ExperimentConfig Config { get; }

    public Device Device { get; }

    public ExperimentData Data { get; }

    /// <summary>What the trainer needs of the model's family: its loss, held-out score, hooks and checkpoint tag.</summary>
    public IModelAdapter Adapter { get; }

    /// <summary>The network: a <c>Transformer</c>, <c>LoopedTransformer</c> or (data.format fone) <c>FoneTransformer</c>.</summary>
    public Module Model => Adapter.Model;

    public Optimizer Optimizer { get; }

    public ILrSchedule Schedule { get; }

    public IPrecisionPolicy Precision { get; }

    /// <summary>Shards each training batch is split into on the CPU, one thread each (<see cref="CpuParallelism"/>); 1 on a GPU.</summary>
    public int Shards { get; }

    /// <summary>Why <see cref="Shards"/> is fewer than runtime.threads, or null.</summary>
    public string? ShardNote { get; }

    /// <summary>The training batches, from the start of the stream (a resume skips ahead).</summary>
    public BatchStream TrainStream { get; private set; }

    /// <summary>Builds the experiment on <paramref name="device"/>, or on runtime.device when null.</summary>
    public static Experiment Create(ExperimentConfig config, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var target = device ?? DeviceSelection.Resolve(config.Runtime.Device);
        var parallelism = CpuParallelism.Plan(config, target);
        CpuParallelism.Apply(config, parallelism.Shards);
        var data = new ExperimentData(config);
        // Refuse what cannot fit before allocating it (a million layers would grow until killed).
        var estimate = ResourceEstimate.Of(config, data);
        if (estimate.Refusal is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        var precision = PrecisionPolicies.Create(config.Precision, target);
        LibTorch.ManualSeed(Seeds.Weights(config.Seed));
        var adapter = ModelAdapters.Create(config.Model, data, target);
        var model = adapter.Model;
        try
        {
            if (precision.ParameterDType != ScalarType.Float32)
            {
                model.To(precision.ParameterDType);
            }
            var optimizer = OptimizerFactory.Create(model, config.Train);
            return new Experiment(config, target, data, adapter, optimizer, OptimizerFactory.Schedule(config.Train), precision, parallelism);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>A fresh training stream advanced past <paramref name="batches"/> batches: where a resumed run continues.</summary>
    public void RewindStream(long batches)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batches);
        TrainStream = Data.TrainStream(Config.Seed);
        for (long i = 0; i < batches; i++)
        {
            TrainStream.Next();
        }
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
    }
}
