namespace ArithLab.Torch.Tests;

/// <summary>
/// Tests that read process-wide libtorch state join this collection: those that seed the
/// default generator and compare random draws (dropout masks, initial weights), and those
/// that count live native tensors. It runs alone, after the parallel tests, so no other
/// test draws random numbers or makes tensors in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "libtorch global state";
}
