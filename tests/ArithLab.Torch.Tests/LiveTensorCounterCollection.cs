namespace ArithLab.Torch.Tests;

/// <summary>
/// Tests that compare <see cref="LibTorch.LiveTensors"/> before and after must not run while
/// other tests create tensors: the counter is process-wide. Classes in this collection run
/// alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveTensorCounterCollection
{
    public const string Name = "Live tensor counter";
}
