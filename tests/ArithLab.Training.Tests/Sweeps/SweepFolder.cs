namespace ArithLab.Training.Tests.Sweeps;

/// <summary>A temporary folder with a small base experiment, for sweep files to point at.</summary>
public abstract class SweepFolder : IDisposable
{
    protected SweepFolder()
    {
        File.WriteAllText(Path.Combine(Folder, "base.yaml"), """
            name: base
            seed: 0
            task:
              name: addition
            data:
              format: reversed
              digits: {min: 1, max: 3}
            model:
              layers: 1
              d_model: 32
              heads: 2
              d_ff: 64
            train:
              steps: 20
              lr: 3e-3
              warmup_steps: 5
            eval:
              grid: {a: {min: 1, max: 4}, b: {min: 1, max: 4}}
              per_cell: 5
            """);
    }

    protected string Folder { get; } = Directory.CreateTempSubdirectory("arithlab-sweep-").FullName;

    /// <summary>Writes sweep.yaml (its lines numbered from 1 as written) and returns its path.</summary>
    protected string WriteSweep(string yaml)
    {
        var path = Path.Combine(Folder, "sweep.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
