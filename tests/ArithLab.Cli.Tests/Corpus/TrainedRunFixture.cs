namespace ArithLab.Cli.Tests.Corpus;

/// <summary>
/// One tiny run trained once for the whole corpus (40 steps, checkpoints at 20 and 40); each case
/// works on its own copy, so no case can disturb another.
/// </summary>
public sealed class TrainedRunFixture : IDisposable
{
    public TrainedRunFixture()
    {
        Folder = Directory.CreateTempSubdirectory("arithlab-corpus-run-").FullName;
        YamlPath = Path.Combine(Folder, "tiny.yaml");
        File.WriteAllText(YamlPath, TinyYaml);
        RunPath = Path.Combine(Folder, "run");
        var train = Arithlab.Run(Folder, "train", YamlPath, "--run-dir", RunPath);
        if (train.ExitCode != 0)
        {
            throw new InvalidOperationException($"the corpus's run did not train: {train.Stderr}{train.Stdout}");
        }
    }

    public string Folder { get; }

    public string YamlPath { get; }

    /// <summary>The trained run: checkpoints step-000020 and step-000040 (latest), metrics.jsonl, config.</summary>
    public string RunPath { get; }

    /// <summary>A 1-layer, 32-wide model on 1–2 digit reversed addition: trains 40 steps in about a second.</summary>
    public const string TinyYaml = """
        name: tiny-corpus
        seed: 0
        task:
          name: addition
        data:
          format: reversed
          digits: {min: 1, max: 2}
        model:
          layers: 1
          d_model: 32
          heads: 2
          d_ff: 64
        train:
          steps: 40
          batch_size: 16
          lr: 3e-3
          warmup_steps: 5
          eval_every: 20
        eval:
          grid: {a: {min: 1, max: 3}, b: {min: 1, max: 3}}
          per_cell: 4
        runtime:
          device: cpu
          threads: 1
          log_every: 10
          checkpoint_every: 20
        """;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
