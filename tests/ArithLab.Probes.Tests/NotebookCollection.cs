namespace ArithLab.Probes.Tests;

/// <summary>Notebook runs, one kernel at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "Notebooks";
}
