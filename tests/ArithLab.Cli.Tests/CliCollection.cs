namespace ArithLab.Cli.Tests;

/// <summary>
/// The CLI tests start child processes that train and load libtorch; run them one at a time so
/// they do not compete for the two cores CI has.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "arithlab program";
}
