namespace ArithLab.Cli;

/// <summary>One `arithlab` command (or sub-command path such as "data preview").</summary>
internal interface ICommand
{
    /// <summary>The words that select it, e.g. "data preview".</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>Full help: usage, options and an example.</summary>
    string Help { get; }

    /// <summary>Runs with the arguments after the command's words; returns the exit code.</summary>
    int Run(CommandArguments args);
}
