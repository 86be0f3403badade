using System.Globalization;
using System.Text;
using ArithLab.Training.Runs;

namespace ArithLab.Cli.Tests.Corpus;

/// <summary>
/// The corpus: configs, command-line arguments, checkpoints, run directories and resource bombs, each
/// with the exit code (docs/training.md's table) and the words of the message it must get.
/// </summary>
public static class BadInputCases
{
    private const int BadInput = 2, Busy = 4, Environment = 5;

    private static readonly string Step40 = Path.Combine("checkpoints", "step-000040");

    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        // Configs.
        new("unknown key", c => ["config", "check", c.Yaml("d_model: 32", "d_modle: 32")], BadInput, "unknown key 'model.d_modle'"),
        new("wrong type", c => ["config", "check", c.Yaml("lr: 3e-3", "lr: fast")], BadInput, "train.lr"),
        new("out of range", c => ["config", "check", c.Yaml("batch_size: 16", "batch_size: 0")], BadInput, "train.batch_size"),
        new("invalid YAML", c => ["config", "check", c.Yaml("layers: 1", "layers: [1")], BadInput, "invalid YAML"),
        new("duplicate key", c => ["config", "check", c.Yaml("layers: 1", "layers: 1\n  layers: 2")], BadInput, "duplicate key"),
        new("missing name", c => ["config", "check", c.Yaml("name: tiny-corpus\n", "")], BadInput, "exp.yaml:1:1: missing required key"),
        new("two documents", c => ["config", "check", c.Write("two.yaml", TrainedRunFixture.TinyYaml + "\n---\nname: x\n")], BadInput, "expected one YAML document"),
        new("a list, not sections", c => ["config", "check", c.Write("list.yaml", "- 1\n- 2\n")], BadInput, "expected a mapping of sections"),
        new("empty file", c => ["config", "check", c.Write("empty.yaml", "")], BadInput, "missing required key"),
        new("binary file", c => ["config", "check", c.Write("binary.yaml", "\u0001\u0002\u0003\u0000\u00ff")], BadInput, "problem in config"),
        new("nested 50,000 levels (flow)", c => ["config", "check", c.Write("deep.yaml", "name: " + new string('[', 50_000) + new string(']', 50_000))], BadInput, "nested more than 64 levels deep"),
        new("nested 200 levels (block)", c => ["config", "check", c.Write("deep.yaml", "a:\n" + string.Concat(Enumerable.Range(1, 200).Select(i => new string(' ', i) + $"k{i}:\n")))], BadInput, "nested more than 64 levels deep"),
        new("merge key", c => ["config", "check", c.Yaml("grid: {a: {min: 1, max: 3}, b: {min: 1, max: 3}}", "grid: {a: &g {min: 1, max: 3}, b: {<<: *g, max: 2}}")], 0, "ok; science hash"),
        new("!!str on a number", c => ["config", "check", c.Yaml("batch_size: 16", "batch_size: !!str 16")], BadInput, "tagged !!str"),
        new("non-ASCII run name", c => ["config", "check", c.Yaml("name: tiny-corpus", "name: tiny-corpüs")], BadInput, "only ASCII letters"),
        new("300-character run name", c => ["config", "check", c.Yaml("name: tiny-corpus", "name: " + new string('x', 300))], BadInput, "a run name may have at most 100"),
        new("300-character run name at train", c => ["train", c.Yaml("name: tiny-corpus", "name: " + new string('x', 300))], BadInput, "a run name may have at most 100"),
        new("a million unknown keys", c => ["config", "check", c.Write("keys.yaml", TrainedRunFixture.TinyYaml + "\n" + UnknownKeys(200_000))], BadInput, "... and 199980 more"),
        new("a folder for config check", c => ["config", "check", c.Path], BadInput, "is a folder; give an experiment YAML file"),
        new("no such YAML", c => ["config", "check", c.Combine("missing.yaml")], BadInput, "no such file"),
        new("--set without =", c => ["config", "check", c.Yaml(), "--set", "trainlr"], BadInput, "expected key.path=value"),
        new("--set unknown key", c => ["config", "check", c.Yaml(), "--set", "train.lrr=1"], BadInput, "did you mean 'train.lr'"),
        new("heads not dividing d_model", c => ["config", "check", c.Yaml("heads: 2", "heads: 3")], BadInput, "model.heads"),

        // Resource bombs.
        new("batch_size 100,000,000", c => ["train", c.Yaml("batch_size: 16", "batch_size: 100000000")], BadInput, "more than the"),
        new("d_model 1,048,576", c => ["config", "check", c.Yaml("d_model: 32", "d_model: 1048576"), "--set", "model.heads=1"], BadInput, "parameters"),
        new("max_positions 1,000,000,000", c => ["train", c.Yaml(), "--set", "model.max_positions=1000000000"], BadInput, "model.max_positions"),
        new("a million layers", c => ["train", c.Yaml("layers: 1", "layers: 1000000")], BadInput, "needs about"),
        new("eval.beyond 100,000 grows the model", c => ["config", "check", c.Yaml(), "--set", "data.positions=coupled", "--set", "model.positional=[coupled]", "--set", "eval.beyond=[100000]"], 0, "warning: the eval section's lengths"),

        // Command-line arguments.
        new("unknown command", _ => ["trian"], BadInput, "did you mean 'train'"),
        new("data --help", _ => ["data", "--help"], 0, "data preview"),
        new("config --help", _ => ["config", "--help"], 0, "config check"),
        new("unknown option", c => ["train", c.Yaml(), "--stesp", "3"], BadInput, "unknown option --stesp"),
        new("train without a YAML", _ => ["train"], BadInput, "expected an experiment YAML"),
        new("option without its value", c => ["train", c.Yaml(), "--run-dir"], BadInput, "--run-dir needs a value"),
        new("train of a missing file", c => ["train", c.Combine("nope.yaml")], BadInput, "no such file or run directory"),
        new("resume of nothing", c => ["train", "--resume", c.Combine("nope")], BadInput, "no such file or run directory"),
        new("eval --a backwards", c => ["eval", c.Run(), "--a", "5:1"], BadInput, "--a must be MIN:MAX"),
        new("eval --per-cell 0", c => ["eval", c.Run(), "--per-cell", "0"], BadInput, "--per-cell must be an integer"),
        new("eval --beyond text", c => ["eval", c.Run(), "--beyond", "ten"], BadInput, "--beyond must be positive integers"),
        new("eval --device cuda without CUDA", c => ["eval", c.Run(), "--device", "cuda"], BadInput, "sees no CUDA device"),
        new("eval --device tpu", c => ["eval", c.Run(), "--device", "tpu"], BadInput, "--device tpu"),
        new("eval --a 1:100000", c => ["eval", c.Run(), "--a", "1:100000"], BadInput, "past the model's position table of 256 (model.max_positions); with b up to 3, a fits up to"),
        new("eval --a 1:300", c => ["eval", c.Run(), "--a", "1:300"], BadInput, "past the model's position table of 256 (model.max_positions)"),
        new("eval --beyond 100000", c => ["eval", c.Run(), "--beyond", "100000"], BadInput, "the longest length beyond the grid that fits is"),
        new("plot without a run", _ => ["plot"], BadInput, "expected one run directory"),
        new("data preview --digits 0", _ => ["data", "preview", "--digits", "0"], BadInput, "--digits must be an integer"),
        new("data preview unknown task", _ => ["data", "preview", "--task", "additon"], BadInput, "did you mean 'addition'"),
        new("data preview --operands on addition", _ => ["data", "preview", "--task", "addition", "--operands", "1000"], BadInput, "--operands applies to multi-addition and sorting"),
        new("data preview --modulus on addition", _ => ["data", "preview", "--modulus", "7"], BadInput, "--modulus applies to modular-addition"),
        new("data preview 10,000-digit scratchpad", _ => ["data", "preview", "--task", "multiplication", "--format", "scratchpad", "--digits", "10000", "--count", "1"], BadInput, "would have about"),
        new("data preview 1,000-number sorting-mcleish", _ => ["data", "preview", "--task", "sorting", "--format", "sorting-mcleish", "--operands", "1000"], BadInput, "at most 100 numbers"),
        new("data preview --count 0", _ => ["data", "preview", "--count", "0"], BadInput, "--count must be an integer"),
        new("data preview --mode bogus", _ => ["data", "preview", "--mode", "bogus"], BadInput, "unknown mode 'bogus'"),

        // Checkpoints.
        new("truncated checkpoint", c => ["eval", Damage(c, Step40, "model.safetensors", b => b[..(b.Length / 2)])], BadInput, "the newest intact checkpoint is step 20"),
        new("flipped header bytes", c => ["eval", Damage(c, Step40, "model.safetensors", b => { b[9] ^= 0xFF; b[10] ^= 0xFF; return b; })], BadInput, "is damaged"),
        new("zeroed checkpoint", c => ["eval", Damage(c, Step40, "model.safetensors", b => new byte[b.Length])], BadInput, "is damaged"),
        new("NaN weights", c => ["eval", Damage(c, Step40, "model.safetensors", NaNWeights)], BadInput, "holds NaN or Inf"),
        new("wrong shapes", c => ["eval", Edit(c, "config.resolved.yaml", "d_ff: 64", "d_ff: 96")], BadInput, "Size mismatch"),
        new("damaged checkpoint named explicitly", c => ["eval", Path.Combine(Damage(c, Step40, "model.safetensors", NaNWeights), Step40)], BadInput, "holds NaN or Inf"),
        new("resume with every checkpoint damaged", c => ["train", "--resume", DamageBoth(c)], BadInput, "no older checkpoint of this run is intact"),
        new("resume with a corrupt state.json", c => ["train", "--resume", Damage(c, Step40, "state.json", _ => "{\"Step\": tw"u8.ToArray())], 0, "resuming from the newest intact checkpoint, step 20"),
        new("resume with a NaN latest", c => ["train", "--resume", Damage(c, Step40, "model.safetensors", NaNWeights)], 0, "resuming from the newest intact checkpoint, step 20"),
        new("garbage latest pointer", c => ["eval", Damage(c, "checkpoints", "latest", _ => "step-99x\n"u8.ToArray())], 0, "at step 40"),
        new("no checkpoint yet", c => ["eval", Without(c, "checkpoints")], BadInput, "has no checkpoint yet"),
        new("not a run directory", c => ["eval", Directory.CreateDirectory(c.Combine("empty")).FullName], BadInput, "is not a run directory"),
        new("a file that is not a checkpoint", c => ["eval", c.Yaml()], BadInput, "is a file but not a checkpoint's model.safetensors"),

        // Run directories.
        new("train while another trains", c => ["train", c.Yaml(), "--run-dir", Locked(c, exclusive: true)], Busy, $"is being trained by process {System.Environment.ProcessId}"),
        new("resume while another trains", c => ["train", "--resume", Locked(c, exclusive: true)], Busy, "is being trained by process"),
        new("eval while training", c => ["eval", Locked(c, exclusive: true)], Busy, "is being trained by process"),
        new("plot while training", c => ["plot", Locked(c, exclusive: true)], Busy, "is being trained by process"),
        new("resume while an eval reads", c => ["train", "--resume", Locked(c, exclusive: false)], Busy, "is being read by another arithlab process"),
        new("read-only run: eval", c => ["eval", ReadOnly(c)], Environment, "permission denied"),
        new("read-only run: plot", c => ["plot", ReadOnly(c)], Environment, "permission denied"),
        new("read-only run: resume", c => ["train", "--resume", ReadOnly(c)], Environment, "permission denied"),
        new("read-only parent: fresh train", c => ["train", c.Yaml(), "--run-dir", Path.Combine(ReadOnlyFolder(c), "run")], Environment, "permission denied"),
        new("--run-dir is a file", c => ["train", c.Yaml(), "--run-dir", c.Write("taken", "x")], BadInput, "is a file; give a folder"),
        new("cut-off metrics line", c => ["train", "--resume", Damage(c, "", "metrics.jsonl", b => b[..^25])], 0, "dropped the cut-off last line"),
        new("corrupt metrics line in the middle", c => ["train", "--resume", Edit(c, "metrics.jsonl", "\"step\": 20,", "\"step\": 2")], BadInput, "is not a complete metrics record"),
        new("config.resolved.yaml missing", c => ["eval", Without(c, "config.resolved.yaml")], BadInput, "is not a run directory"),
        new("config.resolved.yaml corrupt", c => ["eval", Edit(c, "config.resolved.yaml", "layers: 1", "layers: [")], BadInput, "invalid YAML"),
        new("fresh train over a run", c => ["train", c.Yaml(), "--run-dir", c.Run()], BadInput, "already holds a run"),
        new("a run folder without --resume", c => ["train", c.Run()], BadInput, "to continue a run there use --resume"),
        new("resume under other science", c => ["train", "--resume", c.Run(), c.Yaml("lr: 3e-3", "lr: 1e-3")], BadInput, "refusing to resume"),
    ];

    private static string UnknownKeys(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"unknown_{i}: 1\n");
        }
        return sb.ToString();
    }

    /// <summary>A copy of the run with one file's bytes changed; returns the run's folder.</summary>
    private static string Damage(CaseFolder c, string folder, string file, Func<byte[], byte[]> change)
    {
        var run = c.Run();
        var path = Path.Combine(run, folder, file);
        File.WriteAllBytes(path, change(File.ReadAllBytes(path)));
        return run;
    }

    private static string DamageBoth(CaseFolder c)
    {
        var run = Damage(c, Step40, "model.safetensors", NaNWeights);
        var older = Path.Combine(run, "checkpoints", "step-000020", "model.safetensors");
        File.WriteAllBytes(older, File.ReadAllBytes(older)[..100]);
        return run;
    }

    private static string Edit(CaseFolder c, string file, string find, string replace)
    {
        var run = c.Run();
        var path = Path.Combine(run, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return run;
    }

    private static string Without(CaseFolder c, string entry)
    {
        var run = c.Run();
        var path = Path.Combine(run, entry);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
            Directory.CreateDirectory(path);
        }
        else
        {
            File.Delete(path);
        }
        return run;
    }

    /// <summary>A copy of the run whose lock this test process holds, as a training (exclusive) or an eval (shared) would.</summary>
    private static string Locked(CaseFolder c, bool exclusive)
    {
        var run = c.Run();
        c.Hold(exclusive ? RunLock.ForWriting(run) : RunLock.ForReading(run));
        return run;
    }

    private static string ReadOnly(CaseFolder c)
    {
        var run = c.Run();
        c.MakeReadOnly(run);
        return run;
    }

    private static string ReadOnlyFolder(CaseFolder c)
    {
        var folder = Directory.CreateDirectory(c.Combine("readonly")).FullName;
        c.MakeReadOnly(folder);
        return folder;
    }

    /// <summary>Every float32 of the first tensor's data set to NaN (0xFF bytes), after the header.</summary>
    private static byte[] NaNWeights(byte[] bytes)
    {
        var headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        for (var i = 8 + headerLength; i < Math.Min(bytes.Length, 8 + headerLength + 64); i++)
        {
            bytes[i] = 0xFF;
        }
        return bytes;
    }
}
