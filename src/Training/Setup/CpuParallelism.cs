using ArithLab.Data;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Training.Config;

namespace ArithLab.Training.Setup;

/// <summary>
/// How a training run uses the CPU's cores. With <c>runtime.threads</c> threads (0: every core the
/// process may use), each step's batch is split by rows into that many shards, each run forward and
/// backward on its own thread with one libtorch and one BLAS thread (<c>Loop.ShardedPass</c>):
/// on two cores, measured 1.7–1.9× the steps/s of one thread, and 2–3× those of splitting each op
/// across both cores as PyTorch eager does (docs/performance.md). The split changes only the order of float additions, so losses agree with
/// an unsplit step to rounding, and a run is bit-reproducible for a given thread count.
/// </summary>
public static class CpuParallelism
{
    /// <summary>Fewest batch rows per shard: below this a shard's matmuls are too thin to pay for a thread.</summary>
    public const int MinRowsPerShard = 8;

    /// <summary>The shard count for <paramref name="config"/> on <paramref name="device"/>, and why it is 1 when threads allow more.</summary>
    public static (int Shards, string? Why) Plan(ExperimentConfig config, Device device)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (device.Type != DeviceType.Cpu)
        {
            return (1, null);
        }
        var threads = Threads(config);
        if (threads == 1)
        {
            return (1, null);
        }
        if (config.Data.Format == DataFormat.Fone)
        {
            return (1, "FoNE batches index their numbers across the whole batch and are not split");
        }
        if (config.Model.Dropout > 0)
        {
            return (1, "model.dropout draws from libtorch's shared generator, whose order across threads is not fixed");
        }
        if (config.Model.Looped.IsLooped && config.Model.Looped.StateInit == StateInit.Noise)
        {
            return (1, "model.looped.state_init noise draws from libtorch's shared generator, whose order across threads is not fixed");
        }
        var shards = Math.Min(threads, Math.Max(1, config.Train.BatchSize / MinRowsPerShard));
        return (shards, shards < threads ? $"train.batch_size {config.Train.BatchSize} gives at most {shards} shards of {MinRowsPerShard}+ rows" : null);
    }

    /// <summary>runtime.threads, or every core the process may use when it is 0.</summary>
    public static int Threads(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Runtime.Threads > 0 ? config.Runtime.Threads : Environment.ProcessorCount;
    }

    /// <summary>
    /// Sets libtorch's and OpenBLAS's thread counts: one each when shards run side by side (more
    /// would oversubscribe the cores), else runtime.threads when it is set, else libtorch's defaults.
    /// </summary>
    public static void Apply(ExperimentConfig config, int shards)
    {
        ArgumentNullException.ThrowIfNull(config);
        var threads = shards > 1 ? 1 : config.Runtime.Threads;
        if (threads > 0)
        {
            LibTorch.Threads = threads;
            LibTorch.BlasThreads = threads;
        }
    }
}
