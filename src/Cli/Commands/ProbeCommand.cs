using System.Globalization;
using ArithLab.Cli.Probing;
using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;
using ArithLab.Training.Reports;

namespace ArithLab.Cli.Commands;

/// <summary>Looks inside a trained run: one probe writes probes/&lt;name&gt;/ and the report is rewritten to show it.</summary>
internal sealed class ProbeCommand : ICommand
{
    private static readonly Dictionary<string, Func<ProbeContext, IEnumerable<string>>> s_probes = new(StringComparer.Ordinal)
    {
        ["fourier"] = FourierProbe.Run,
        ["helix"] = HelixProbe.Run,
        ["linear"] = LinearProbeRunner.Run,
        ["patch"] = PatchProbe.Run,
        ["attention"] = AttentionProbe.Run,
    };

    public string Name => "probe";

    public string Summary => "look inside a trained run: fourier, helix, linear, patch or attention; writes probes/<name>/";

    public string Help => """
        usage: arithlab probe <run dir | run/checkpoints/step-N> <fourier|helix|linear|patch|attention> [options]

        Loads the run's model at its latest checkpoint (a plain transformer: its hook points are
        blocks.N.hook_resid_pre/mid/post, blocks.N.attn.hook_q/k/v/pattern/z, blocks.N.mlp.hook_post,
        hook_embed, hook_pos_embed), runs one probe, writes CSV/JSON numbers and SVG figures to
        <run>/probes/<name>/ and rewrites <run>/report.html with them. docs/probes.md has the science.

          fourier    spectrum of the number-token embeddings (residues, or digits 0-9), or with --hook
                     of a hook's activation as operand a sweeps 0..N-1; key frequencies for --share
          helix      helix fit at --hook (default blocks.0.hook_resid_pre) against same-size baselines,
                     and the share of the logit difference the fitted helix of a' restores for a
          linear     logistic (or ridge for --label value) probes by layer and answer place value
          patch      clean vs corrupted operand a, residual stream patched per layer x token
          attention  per-head patterns of one problem; same-significance attention mass by length

        options:
          --hook NAME          hook point (fourier, helix)
          --at operand|last    where a sweep reads: a's last token (default) or the token before the answer
          --values N           operand values swept (default: the modulus, else 100)
          --b N                the fixed operand b of a sweep (default 0)
          --share S            variance share the key frequencies must explain (default 0.8)
          --periods T,T,...    helix periods (default 2,5,10,100; the 4 strongest Fourier periods mod p)
          --pca K              fit the helix on the top K principal components
          --label L            linear: carry | sum-digit | operand-digit | value (default carry)
          --problems N         problems per probe (default 200)
          --digits N           operand length of the problems (default: the longest training length)
          --lengths A:B        attention: operand lengths for the same-significance mass
          --seed N             seed of the problems (default 0)
          --device DEVICE      cpu (default) | cuda | cuda:N
          --name NAME          write probes/NAME/ instead of probes/<probe>/ (to keep several runs of one probe)

        examples:
          arithlab probe runs/nanda2023-modular-addition fourier
          arithlab probe runs/quickstart attention --lengths 1:8
          arithlab probe runs/quickstart linear --label carry
        """;

    public int Run(CommandArguments args)
    {
        var options = new ProbeOptions
        {
            Hook = args.Option("hook"),
            At = args.Option("at") ?? "operand",
            Values = args.Option("values") is null ? null : args.Int("values", 0, 2, 100_000),
            FixedOperand = args.Int("b", 0, 0),
            Share = args.Option("share") is { } share ? Fraction(share) : 0.8,
            Periods = args.Option("periods") is { } periods ? Numbers("periods", periods) : null,
            Pca = args.Option("pca") is null ? null : args.Int("pca", 0, 1, 100_000),
            Label = args.Option("label") ?? "carry",
            Problems = args.Int("problems", 200, 8, 1_000_000),
            Digits = args.Option("digits") is null ? null : args.Int("digits", 0, 1, 100_000),
            Lengths = args.Option("lengths") is { } lengths ? Range(lengths) : null,
            Seed = args.Int("seed", 0, 0),
        };
        var deviceText = args.Option("device") ?? "cpu";
        var name = args.Option("name");
        args.RejectUnknown();
        if (args.Positionals.Count != 2)
        {
            throw new CommandLineException($"expected a run directory and a probe ({string.Join(", ", s_probes.Keys)})");
        }
        var kind = args.Positionals[1];
        if (!s_probes.TryGetValue(kind, out var probe))
        {
            var closest = ClosestName.Find(kind, s_probes.Keys);
            throw new CommandLineException($"unknown probe '{kind}'" + (closest is null ? "" : $"; did you mean '{closest}'?") + $" (probes: {string.Join(", ", s_probes.Keys)})");
        }
        if (name is not null && (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.StartsWith('.')))
        {
            throw new CommandLineException($"--name must be a plain folder name, got '{name}'");
        }
        if (options.At is not ("operand" or "last"))
        {
            throw new CommandLineException($"--at must be operand or last, got '{options.At}'");
        }
        if (!LinearProbeRunner.Labels.Contains(options.Label))
        {
            var closest = ClosestName.Find(options.Label, LinearProbeRunner.Labels);
            throw new CommandLineException($"unknown --label '{options.Label}'" + (closest is null ? "" : $"; did you mean '{closest}'?") + $" (labels: {string.Join(", ", LinearProbeRunner.Labels)})");
        }

        Device device;
        try
        {
            device = Device.Parse(deviceText);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineException(e.Message);
        }
        var target = RunTarget.Resolve(args.Positionals[0]);
        using (var trained = TrainedModel.Load(target.Run.Path, device, target.Step))
        {
            if (trained.Adapter.ProbeTarget is not { } model)
            {
                throw new CommandLineException($"probes read a plain transformer's hook points; this run's model is a {trained.Model.GetType().Name}");
            }
            if (options.Hook is { } hook)
            {
                ProbeContext.CheckHook(model, hook);
            }
            var folder = Path.Combine(target.Run.Path, ProbeSection.FolderName, name ?? kind);
            Directory.CreateDirectory(folder);
            Console.Error.WriteLine($"probe {kind}: {target.Run.Path} at step {trained.Step}");
            foreach (var file in probe(new ProbeContext(trained, model, folder, options)))
            {
                Console.WriteLine($"wrote {file}");
            }
        }
        var report = RunReport.Write(new RunTarget(target.Run, null));
        Console.WriteLine($"wrote {report.Files[^1]}");
        return 0;
    }

    private static double Fraction(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= 1
            ? v
            : throw new CommandLineException($"--share must be a number in (0, 1], got '{text}'");

    private static double[] Numbers(string name, string text) =>
        text.Split(',').Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new CommandLineException($"--{name} must be positive numbers separated by commas, got '{text}'")).ToArray();

    private static int[] Range(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, out var n) && n >= 1))
        {
            var (lo, hi) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[^1], CultureInfo.InvariantCulture));
            if (lo <= hi)
            {
                return Enumerable.Range(lo, hi - lo + 1).ToArray();
            }
        }
        throw new CommandLineException($"--lengths must be MIN:MAX with 1 <= MIN <= MAX, got '{text}'");
    }
}
