using ArithLab.Training.Config;

namespace ArithLab.Cli;

/// <summary>The one experiment YAML a command takes as its argument, loaded strictly with its --set overrides.</summary>
internal static class ExperimentYaml
{
    /// <summary>
    /// Loads the single positional YAML. A missing or extra argument, or a missing file, is a usage
    /// error; a config with problems is a <see cref="ConfigException"/> listing every one of them (file, line, key).
    /// </summary>
    public static (string Path, ExperimentConfig Config) Load(CommandArguments args, IReadOnlyList<string> overrides)
    {
        if (args.Positionals.Count != 1)
        {
            throw new CommandLineException("expected one experiment YAML file");
        }
        var path = args.Positionals[0];
        if (Directory.Exists(path))
        {
            throw new CommandLineException($"{path} is a folder; give an experiment YAML file (e.g. experiments/quickstart.yaml)");
        }
        if (!File.Exists(path))
        {
            throw new CommandLineException($"no such file: {path}");
        }
        return (path, ConfigLoader.Load(path, overrides));
    }
}
