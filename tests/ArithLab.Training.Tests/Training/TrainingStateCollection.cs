namespace ArithLab.Training.Tests.Training;

/// <summary>
/// Tests that train (seeding libtorch's global generator every step) or count live native tensors
/// run alone, so no other test draws random numbers or makes tensors in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingStateCollection
{
    public const string Name = "training: libtorch global state";
}
