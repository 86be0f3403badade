namespace ArithLab.Cli.Tests;

/// <summary>A tiny base experiment and sweep files over it, for the `arithlab sweep` tests.</summary>
internal static class SweepFiles
{
    /// <summary>Writes tiny.yaml (1-2 digit addition, a model of a few thousand parameters) into the folder.</summary>
    public static void WriteBase(string folder, int steps, int checkpointEvery)
    {
        File.WriteAllText(Path.Combine(folder, "tiny.yaml"), $"""
            name: tiny
            seed: 0
            task:
              name: addition
            data:
              format: reversed
              digits: {"{"}min: 1, max: 2{"}"}
            model:
              layers: 1
              d_model: 32
              heads: 2
              d_ff: 64
            train:
              steps: {steps}
              batch_size: 16
              lr: 3e-3
              warmup_steps: 5
              eval_every: 1000000
            eval:
              grid: {"{"}a: {"{"}min: 1, max: 3{"}"}, b: {"{"}min: 1, max: 3{"}"}{"}"}
              per_cell: 4
            runtime:
              device: cpu
              threads: 1
              log_every: 10
              checkpoint_every: {checkpointEvery}
            """);
    }

    /// <summary>Writes sweep.yaml: two learning rates x the given seeds over tiny.yaml; returns its path.</summary>
    public static string WriteSweep(string folder, string seeds, string extra = "")
    {
        var path = Path.Combine(folder, "sweep.yaml");
        File.WriteAllText(path, $"""
            name: tiny
            base: tiny.yaml
            grid:
              train.lr: [3e-3, 1e-2]
            seeds: {seeds}
            {extra}
            """);
        return path;
    }

    /// <summary>The run folders of the sweep, by name.</summary>
    public static string[] RunFolders(string folder) =>
        Directory.GetDirectories(Path.Combine(folder, "runs", "sweeps", "tiny"), "tiny-*").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The step of a run's latest checkpoint, or 0.</summary>
    public static int CheckpointStep(string run)
    {
        var latest = Path.Combine(run, "checkpoints", "latest");
        return File.Exists(latest) ? int.Parse(File.ReadAllText(latest).Trim()["step-".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>results.csv's rows as field maps.</summary>
    public static List<Dictionary<string, string>> Results(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "runs", "sweeps", "tiny", "sweep", "results.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
