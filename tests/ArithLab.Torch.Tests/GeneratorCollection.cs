namespace ArithLab.Torch.Tests;

/// <summary>
/// Tests that seed libtorch's process-wide default generator and then compare random draws
/// (dropout masks, initial weights) join this collection: it runs alone, after the parallel
/// tests, so no other test draws from the generator between the seed and the draw.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GeneratorCollection
{
    public const string Name = "libtorch default generator";
}
