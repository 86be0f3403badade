using ArithLab.Training;
using ArithLab.Training.Config;
using ArithLab.Training.Setup;

namespace ArithLab.Cli.Commands;

/// <summary>Loads an experiment YAML with overrides and prints the resolved config or every problem in it.</summary>
internal sealed class ConfigCheckCommand : ICommand
{
    public string Name => "config check";

    public string Summary => "validate an experiment YAML and print the resolved config";

    public string Help => """
        usage: arithlab config check <experiment.yaml> [--set key.path=value ...]

        Loads the experiment strictly (unknown keys, wrong types, out-of-range values and
        inconsistent settings are errors), applies the overrides, and prints the resolved config:
        every key with its value, defaults included, as a run directory saves it, after an estimate
        of the parameters and the memory a training step needs. On errors, prints all of them and
        exits with code 2; so does an experiment too large for this machine's memory.

        options:
          --set key.path=value   override one key (repeatable), checked like the file

        example:
          arithlab config check quick.yaml --set train.lr=3e-4 --set model.positional=[rope]
        """;

    public int Run(CommandArguments args)
    {
        var overrides = args.Options("set");
        args.RejectUnknown();
        var (path, config) = ExperimentYaml.Load(args, overrides);
        ResourceEstimate estimate;
        try
        {
            estimate = ResourceEstimate.Of(config, new ExperimentData(config));
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            throw new InputRefusedException($"{path}: {e.Message}", e);
        }
        if (estimate.Refusal is { } refusal)
        {
            throw new InputRefusedException($"{path}: {refusal}");
        }
        foreach (var warning in estimate.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
        Console.WriteLine($"# {path}: ok; science hash {ConfigHash.Short(config)}");
        Console.WriteLine($"# estimate: {estimate.Describe()}");
        Console.Write(ConfigWriter.Write(config));
        return 0;
    }
}
