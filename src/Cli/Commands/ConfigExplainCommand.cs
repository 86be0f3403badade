using ArithLab.Training.Config;

namespace ArithLab.Cli.Commands;

/// <summary>Lists every experiment key with its type, default and meaning, from the loader's own key table.</summary>
internal sealed class ConfigExplainCommand : ICommand
{
    public string Name => "config explain";

    public string Summary => "list every experiment config key with its type, default and meaning";

    public string Help => """
        usage: arithlab config explain [--format text|markdown] [--section NAME]
               arithlab config explain units    (the keys of a units YAML, docs/units.md)

        Prints every key an experiment YAML may hold, its type, its default and what it means.
        Keys are full paths: `model.heads` is `heads:` inside `model:`.

        options:
          --format text|markdown   table layout (default text; markdown is what docs/config.md holds)
          --section NAME           only keys of one section (task, data, model, train, precision, eval, runtime)

        example:
          arithlab config explain --section model
        """;

    public int Run(CommandArguments args)
    {
        var format = args.Option("format") ?? "text";
        var section = args.Option("section");
        args.RejectUnknown();
        if (args.Positionals is ["units"])
        {
            Console.Write(ArithLab.Training.Units.UnitsExplanation.Text(format == "markdown"));
            return 0;
        }
        if (args.Positionals.Count > 0)
        {
            throw new CommandLineException($"unexpected argument '{args.Positionals[0]}'");
        }
        if (format is not ("text" or "markdown"))
        {
            throw new CommandLineException($"--format must be text or markdown, got '{format}'");
        }
        var keys = ConfigKeys.All.ToList();
        if (section is not null)
        {
            var sections = ConfigKeys.NamesIn("").Where(ConfigKeys.IsGroup).ToList();
            if (!sections.Contains(section))
            {
                var closest = ClosestName.Find(section, sections);
                throw new CommandLineException($"unknown section '{section}'" + (closest is null ? "" : $"; did you mean '{closest}'?"));
            }
            keys = keys.Where(k => k.Path.StartsWith(section + ".", StringComparison.Ordinal)).ToList();
        }
        Console.Write(format == "markdown" ? ConfigExplanation.Markdown(keys) : ConfigExplanation.Text(keys));
        return 0;
    }
}
