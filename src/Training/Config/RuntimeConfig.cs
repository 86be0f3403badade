namespace ArithLab.Training.Config;

/// <summary>
/// `runtime`: plumbing. Nothing here may change a result (docs/architecture.md), which is why it is left out
/// of <see cref="ConfigHash"/>.
/// </summary>
public sealed record RuntimeConfig
{
    /// <summary>`auto`, `cpu`, `cuda` or `cuda:N`.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>CPU threads; 0 = every core. Training on a CPU splits each batch into one shard per thread (Setup/CpuParallelism).</summary>
    public int Threads { get; init; }

    public LogFormat LogFormat { get; init; } = LogFormat.Jsonl;

    public int LogEvery { get; init; } = 50;

    /// <summary>Steps between checkpoints; 0 saves only the final one.</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>Most recent checkpoints kept; 0 keeps all.</summary>
    public int KeepCheckpoints { get; init; } = 3;

    /// <summary>Parent folder of run directories.</summary>
    public string RunDir { get; init; } = "runs";

    public bool Progress { get; init; } = true;
}
